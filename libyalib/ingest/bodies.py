"""Article bodies kept in an anonymous temporary file instead of memory, read back a few at a time.

A loaded corpus otherwise holds every body in memory (about 4.5 KB an article as Python text) for as long
as it is analysed. The export needs a body only while its article is annotated: spaCy is handed each one
as it asks for more texts (:meth:`libyalib.ingest.corpus.Corpus.rows`), and a Dask partition is read back when it
is sent (:meth:`~libyalib.corpus.Corpus.parts`). The system removes the file when the store is closed or
its process ends, however it ends. It is made in the system's temporary folder (``TMPDIR``): where that
folder is held in memory (a tmpfs), point ``TMPDIR`` at a disk for a large corpus.
"""

from __future__ import annotations

import os
import tempfile


class BodyStore:
    """Bodies by file label: ``store.add(label, text)``, then ``store[label]``."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="libyalib-bodies-")
        self._where: dict[str, tuple[int, int]] = {}
        self._end = 0

    def add(self, label: str, text: str) -> None:
        data = memoryview(text.encode("utf-8", "surrogatepass"))
        start = self._end
        while data:  # a write may be cut short
            written = os.pwrite(self._file.fileno(), data, self._end)
            data, self._end = data[written:], self._end + written
        self._where[label] = (start, self._end - start)

    def __getitem__(self, label: str) -> str:
        start, size = self._where[label]
        return os.pread(self._file.fileno(), size, start).decode("utf-8", "surrogatepass")

    def __len__(self) -> int:
        return len(self._where)

    def close(self) -> None:
        self._file.close()

    def __getstate__(self):
        raise TypeError("a BodyStore lives in the process that loaded the corpus; send the parts' bodies instead")
