"""The server's hold on its DuckDB store: shared reads, exclusive writes, cached results.

DuckDB lets one process write a file, and a connection is not safe across threads. The server
opens the store once (taking the file), gives each worker thread its own connection to the same
database, and serialises the only writes it makes - ingesting articles and refreshing the
derived incidents - behind a readers-writer lock. Since no other process can write while the
server holds the file, the incidents are refreshed right after every write, so reads never
trigger a rebuild, and results can be cached under the store's fingerprint until the next write.
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from wardrums.analysis import TensionConfig, refresh
from wardrums.store import Store, open_store

T = TypeVar("T")


class _ReadWriteLock:
    """Many readers or one writer; a waiting writer goes before new readers.

    A thread that already reads may read again without waiting (a cached value computed from
    other cached values), which would otherwise deadlock behind a waiting writer.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._waiting = 0
        self._depth = threading.local()

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        depth = getattr(self._depth, "n", 0)
        if depth:
            self._depth.n = depth + 1
            try:
                yield
            finally:
                self._depth.n = depth
            return
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and not self._waiting)
            self._readers += 1
        self._depth.n = 1
        try:
            yield
        finally:
            self._depth.n = 0
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._waiting += 1
            self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            self._waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


def _size(value: Any) -> int:
    """Roughly how many bytes a cached value holds (bodies and frames; the rest are small)."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, pd.DataFrame):
        return int(value.memory_usage(index=True).sum())
    return 1024


class StoreAccess:
    """One store shared by the server's threads; build it with :meth:`open`."""

    def __init__(self, store: Store, config: TensionConfig, *, cache_size: int = 512,
                 cache_bytes: int = 256 * 2**20, max_parallel: int = 2) -> None:
        self.path: Path = store.path
        self.config = config
        self._primary = store
        self._lock = _ReadWriteLock()
        self._local = threading.local()
        self._opened: list[Store] = []
        self._opened_lock = threading.Lock()
        self._cache: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._cache_size = cache_size
        self._cache_bytes = cache_bytes
        self._held = 0
        self._computing: dict[Hashable, threading.Lock] = {}
        # DuckDB already spreads one query over every core; twenty at once only multiply the
        # memory (a deep OFFSET sorts the whole table) and thrash, so computations queue here.
        self._slots = threading.BoundedSemaphore(max_parallel)
        self._in_slot = threading.local()
        self.version = ""
        with self.writing() as s:
            self._refresh(s)

    @classmethod
    def open(cls, path: str | Path, config: TensionConfig | None = None) -> StoreAccess:
        """Open (creating if needed) the store at ``path`` and bring its incidents up to date."""
        return cls(open_store(path), config or TensionConfig.load())

    def close(self) -> None:
        with self._lock.exclusive(), self._opened_lock:
            for s in self._opened:
                s.close()
            self._opened.clear()
            self._primary.close()

    def _thread_store(self) -> Store:
        s = getattr(self._local, "store", None)
        if s is None:
            # Same file, same process: DuckDB hands back a new connection to the open database.
            s = open_store(self.path)
            self._local.store = s
            with self._opened_lock:
                self._opened.append(s)
        return s

    @contextlib.contextmanager
    def reading(self) -> Iterator[Store]:
        """This thread's connection, while no write is under way."""
        with self._lock.shared():
            yield self._thread_store()

    @contextlib.contextmanager
    def writing(self) -> Iterator[Store]:
        """This thread's connection with every reader out; incidents refreshed afterwards."""
        with self._lock.exclusive():
            s = self._thread_store()
            try:
                yield s
            finally:
                self._refresh(s)

    def _refresh(self, s: Store) -> None:
        refresh(s, self.config)
        row = s.rows("SELECT fingerprint FROM analysis_state WHERE name = 'incidents'")
        version = row[0][0] if row else ""
        if version != self.version:
            with self._cache_lock:
                self._cache.clear()
                self._held = 0
            self.version = version

    def _lookup(self, full: Hashable) -> tuple[bool, Any]:
        with self._cache_lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return True, self._cache[full][0]
        return False, None

    def _keep(self, full: Hashable, value: Any) -> None:
        size = _size(value)
        with self._cache_lock:
            self._cache[full] = (value, size)
            self._held += size
            while len(self._cache) > 1 and (len(self._cache) > self._cache_size
                                            or self._held > self._cache_bytes):
                _, (_, gone) = self._cache.popitem(last=False)
                self._held -= gone

    @contextlib.contextmanager
    def _slot(self) -> Iterator[None]:
        """One of ``max_parallel`` computation slots; a thread already in one stays in it."""
        if getattr(self._in_slot, "held", False):
            yield
            return
        with self._slots:
            self._in_slot.held = True
            try:
                yield
            finally:
                self._in_slot.held = False

    def cached(self, key: Hashable, compute: Callable[[Store], T]) -> T:
        """``compute(store)`` under a read, remembered for ``key`` until the store changes.

        Concurrent requests for the same key wait for one computation instead of each
        starting their own (twenty clients asking for the alerts at once cost one run). A
        computation takes its slot before the key's gate, so whoever holds a gate can always
        proceed, and results computed from other results (a page from its data) never wait
        for a second slot.
        """
        with self._lock.shared():
            full = (self.version, key)
            hit, value = self._lookup(full)
            if hit:
                return value
            with self._slot():
                with self._cache_lock:
                    gate = self._computing.setdefault(full, threading.Lock())
                with gate:
                    hit, value = self._lookup(full)
                    if hit:
                        return value
                    try:
                        value = compute(self._thread_store())
                        self._keep(full, value)
                    finally:
                        with self._cache_lock:
                            self._computing.pop(full, None)
                    return value
