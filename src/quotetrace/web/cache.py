"""A small time-bounded memo for reads that the store computes over every speaker (a profile,
the speaker list): at a million statements they take most of a second, and a page and its chart
ask for the same one twice. Entries live ``seconds``, so an ingest shows within that time."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class TTLCache:
    def __init__(self, seconds: float = 60.0, size: int = 128) -> None:
        self.seconds = seconds
        self.size = size
        self._data: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        now = time.monotonic()
        with self._lock:
            hit = self._data.get(key)
            if hit and now - hit[0] < self.seconds:
                self._data.move_to_end(key)
                return hit[1]  # type: ignore[return-value]
        value = compute()  # outside the lock: two threads may compute once each, harmlessly
        with self._lock:
            self._data[key] = (now, value)
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value


profiles = TTLCache()
speaker_lists = TTLCache(size=32)
# Articles, statements and speakers for the landing line: counting a million rows takes a while.
landing_counts = TTLCache(size=8)
