"""A local-memory cache bounded by bytes, least recently used out first.

Django's LocMemCache bounds the number of entries only: 2,000 search pages of
100 KB each are 200 MB per worker. This backend counts the pickled size of
every entry and drops the least recently used ones until a new entry fits in
OPTIONS["MAX_BYTES"]; an entry larger than a tenth of that is not kept at all.
Used for the page cache (settings.CACHES["paginas"], PAGINA_CACHE_MAX_BYTES).
"""

from __future__ import annotations

from django.core.cache.backends.locmem import LocMemCache

_groottes: dict[str, dict[str, int]] = {}


class BegrensdeCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        opties = params.get("OPTIONS", {})
        self.max_bytes = int(opties.get("MAX_BYTES", 32_000_000))
        self._groottes = _groottes.setdefault(name, {})
        # Entry counts do not bound memory; bytes do.
        self._max_entries = max(self._max_entries, 10**9)

    @property
    def bytes_in_gebruik(self) -> int:
        with self._lock:
            return sum(self._groottes.values())

    def _set(self, key, value, timeout=None):
        grootte = len(key) + len(value)
        self._delete(key)
        if grootte > self.max_bytes // 10:
            return
        totaal = sum(self._groottes.values())
        while self._cache and totaal + grootte > self.max_bytes:
            oudste, _ = self._cache.popitem()  # the end of the list: least recently used
            self._expire_info.pop(oudste, None)
            totaal -= self._groottes.pop(oudste, 0)
        super()._set(key, value, timeout)
        self._groottes[key] = grootte

    def _cull(self):
        super()._cull()
        for key in [k for k in self._groottes if k not in self._cache]:
            del self._groottes[key]

    def _delete(self, key):
        self._groottes.pop(key, None)
        return super()._delete(key)

    def incr(self, key, delta=1, version=None):
        raise NotImplementedError("The page cache keeps pages, not counters.")

    def clear(self):
        with self._lock:
            self._groottes.clear()
        super().clear()
