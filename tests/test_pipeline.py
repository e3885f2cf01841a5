"""The pipeline's own composition: learned boilerplate across a corpus, order, failures."""

from __future__ import annotations

from quotetrace.model import Article, Skipped
from quotetrace.options import Options
from quotetrace.pipeline import run, strip_learned_boilerplate

FOOTER = "Subscribe to the Harbour Times newsletter for the week's best reads."


def _article(i: int, outlet: str = "Harbour Times") -> Article:
    body = f"Story number {i} is about the harbour.\n\nIt has its own second line {i}.\n\n{FOOTER}"
    return Article(id=str(i), doc=f"{i}.txt", uri=f"{i}.txt", body=body, outlet=outlet)


def test_a_paragraph_repeated_by_one_outlet_is_learned_and_stripped() -> None:
    items = [_article(i) for i in range(6)] + [Skipped("bad.bin", "binary file")]
    out = list(strip_learned_boilerplate(items, window=100))
    assert isinstance(out[-1], Skipped)
    for a in out[:-1]:
        assert isinstance(a, Article)
        assert FOOTER not in a.body and "is about the harbour" in a.body
        assert FOOTER in a.removed


def test_too_few_articles_teach_nothing_and_other_outlets_keep_theirs() -> None:
    items = [_article(i) for i in range(2)] + [_article(i, "Other Post") for i in range(2, 8)]
    out = [a for a in strip_learned_boilerplate(items, window=100) if isinstance(a, Article)]
    assert all(FOOTER in a.body for a in out[:2])
    assert all(FOOTER not in a.body for a in out[2:])


def test_learning_off() -> None:
    items = [_article(i) for i in range(6)]
    assert list(strip_learned_boilerplate(items, window=0)) == items


def test_run_keeps_input_order_and_reports_every_failure(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for i, text in enumerate(["First story. \"We agree,\" Amara Velde said.", "", "Third."]):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    out = list(run([str(tmp_path)], Options()))
    names = [x.uri.rsplit("/", 1)[-1] if isinstance(x, Skipped) else x.article.doc for x in out]
    assert names == ["0.txt", "1.txt", "2.txt"]
    assert isinstance(out[1], Skipped) and "empty" in out[1].reason


def test_every_setting_is_documented_in_the_readme() -> None:
    from dataclasses import fields
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [f.name for f in fields(Options) if f"`{f.name}`" not in readme]
    assert not missing, f"settings missing from README.md: {missing}"


def test_bad_inputs_end_to_end_nothing_lost(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Broken HTML, a 50 MB single-line file and mixed encodings, with good files beside them."""
    line = ('The minister said that talks would continue. "We will not give up," she said. ' *
            700_000)[:50_000_000]
    (tmp_path / "huge.txt").write_text(line, encoding="utf-8")
    (tmp_path / "broken.html").write_text(
        "<html><head><title>Half a page</title><body><div><p>Officials said the bridge would "
        "open in May, according to the city.<p>\"It is safe,\" the mayor said.<div><span",
        encoding="utf-8")
    (tmp_path / "mixed.txt").write_bytes(
        "Café owners said prices would rise.\n\n".encode() +
        "\"Nobody wants this,\" said the naïve owner of the café.\n".encode("cp1252"))
    (tmp_path / "good.txt").write_text('"We agree," Amara Velde said on Monday.',
                                       encoding="utf-8")
    out = list(run([str(tmp_path)], Options(max_chars=20_000)))
    done = {x.article.doc: x for x in out if not isinstance(x, Skipped)}
    assert set(done) == {"broken.html", "good.txt", "huge.txt", "mixed.txt"}, out
    assert len(done["huge.txt"].article.body) <= 20_000 and done["huge.txt"].statements
    assert "naïve owner of the café" in done["mixed.txt"].article.body
    assert done["good.txt"].statements[0].speaker == "Amara Velde"


def test_spacy_component_in_a_users_pipeline(nlp) -> None:  # type: ignore[no-untyped-def]
    import spacy

    own = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    own.add_pipe("quotetrace")
    doc = own('"We will reopen the harbour," Foreign Minister Amara Velde said. '
              '"It is time," she added.')
    assert [(s.kind, s.speaker) for s in doc._.statements] == [
        ("direct", "Amara Velde"), ("direct", "Amara Velde")]
