"""Named schema migrations, applied in order; ``PRAGMA user_version`` records how far a file is.

A migration is never edited once released: later changes are new migrations appended here.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_articles_statements_speakers",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,              -- content hash of the normalised body
            doc TEXT NOT NULL,
            uri TEXT,
            url TEXT,
            outlet TEXT,
            title TEXT,
            standfirst TEXT,
            published TEXT,                   -- YYYY-MM-DD, or --MM-DD when the year is unknown
            published_precision TEXT,
            language TEXT,
            body TEXT NOT NULL,
            removed TEXT NOT NULL DEFAULT '[]',  -- JSON list of boilerplate lines, for audit
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE INDEX articles_published ON articles(published);

        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            kind TEXT
        );
        CREATE TABLE speaker_aliases (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
            alias TEXT NOT NULL COLLATE NOCASE,
            PRIMARY KEY (speaker_id, alias)
        );

        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,             -- order in the article
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            cue TEXT,
            speaker_id INTEGER REFERENCES speakers(id),
            speaker_mention TEXT,
            confidence REAL NOT NULL DEFAULT 0,
            UNIQUE (article_id, seq)
        );
        CREATE INDEX statements_speaker ON statements(speaker_id);
        CREATE INDEX statements_kind ON statements(kind);

        CREATE VIRTUAL TABLE statements_fts USING fts5(
            text, content='statements', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
            INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
            INSERT INTO statements_fts(statements_fts, rowid, text)
            VALUES ('delete', old.id, old.text);
        END;

        CREATE TABLE failures (
            uri TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        """,
    ),
    (
        "0002_speaker_registry_clusters_about",
        """
        -- The name as resolved in its article; speaker_id is the cross-article speaker it
        -- belongs to, recomputed from all names whenever the registry is rebuilt.
        ALTER TABLE statements ADD COLUMN speaker_name TEXT;
        UPDATE statements SET speaker_name = (
            SELECT name FROM speakers WHERE speakers.id = statements.speaker_id);
        ALTER TABLE statements ADD COLUMN cluster_id INTEGER;
        CREATE INDEX statements_cluster ON statements(cluster_id);
        CREATE INDEX statements_speaker_name ON statements(speaker_name);
        ALTER TABLE speaker_aliases ADD COLUMN reason TEXT;

        CREATE TABLE speaker_overrides (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
            a TEXT NOT NULL,
            b TEXT,
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE TABLE name_roles (
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            published TEXT,
            PRIMARY KEY (name, role, article_id)
        );
        -- The kind the parse gave a speaker name in one article; the registry takes the majority.
        CREATE TABLE name_kinds (
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (name, article_id)
        );
        CREATE TABLE statement_about (
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            entity TEXT NOT NULL,
            PRIMARY KEY (statement_id, entity)
        );
        CREATE INDEX statement_about_entity ON statement_about(entity COLLATE NOCASE);
        CREATE TABLE statement_shingles (
            shingle INTEGER NOT NULL,
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE
        );
        CREATE INDEX statement_shingles_shingle ON statement_shingles(shingle);
        """,
    ),
    (
        "0003_events",
        """
        -- One row per event and target (an event with no target has one row, target NULL), so
        -- that source-target relations are a GROUP BY away.
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            statement_id INTEGER REFERENCES statements(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,             -- the event's order in its article
            type TEXT NOT NULL,
            quad TEXT NOT NULL,
            source_key TEXT,                  -- code, or canonical name where the code is generic
            source_text TEXT,
            source_code TEXT,
            source_sector TEXT,
            target_key TEXT,
            target_text TEXT,
            target_code TEXT,
            target_sector TEXT,
            negated INTEGER NOT NULL DEFAULT 0,
            hypothetical INTEGER NOT NULL DEFAULT 0,
            trigger TEXT,
            start INTEGER,
            end INTEGER
        );
        CREATE INDEX events_pair ON events(source_key, target_key);
        CREATE INDEX events_article ON events(article_id);
        """,
    ),
    (
        "0004_search_at_scale",
        """
        -- The date and outlet a statement is filtered and ordered by, on the statement itself,
        -- so that a filter walks an index instead of joining every article.
        ALTER TABLE statements ADD COLUMN published TEXT;
        ALTER TABLE statements ADD COLUMN outlet TEXT;
        UPDATE statements SET
            published = (SELECT published FROM articles WHERE articles.id = article_id),
            outlet = (SELECT outlet FROM articles WHERE articles.id = article_id);
        CREATE INDEX statements_published ON statements(published);
        CREATE INDEX statements_outlet ON statements(outlet, published);
        CREATE INDEX statements_speaker_published ON statements(speaker_id, published);
        -- Distinct entity names, so an "about" filter resolves names without scanning every
        -- statement-entity pair.
        CREATE TABLE entities (name TEXT PRIMARY KEY COLLATE NOCASE);
        -- Exact (binary) names, as filters pass them after resolving: the older NOCASE index
        -- cannot serve "entity IN (...)".
        CREATE INDEX statement_about_entity_id ON statement_about(entity, statement_id);
        INSERT OR IGNORE INTO entities SELECT DISTINCT entity FROM statement_about;
        CREATE INDEX events_statement ON events(statement_id);
        """,
    ),
    (
        "0005_statement_filters_by_id",
        """
        -- The columns a search filters on, keyed by the statement id: a search that reads many
        -- statements by id (each full-text match, or each of a few candidates) tests its filters
        -- here, on small entries kept in id order, instead of on the wide table row with its text.
        CREATE INDEX statements_filters ON statements(id, speaker_id, published, outlet, kind);
        """,
    ),
)
