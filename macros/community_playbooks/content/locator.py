"""Where a field of an entry stands in its file, looked up only when a problem is found there.

Loading reads files without the line of every field (twice as fast). A check that finds a
problem in an entry asks the ``Locator``, which reads that one file again with its lines.
"""

from __future__ import annotations

from typing import Callable

from ..errors import Problem
from .model import Entry
from .yaml_reader import Document, FieldPath


class Locator:
    """Reads an entry's file with lines, once per file; without a reader, problems have no line."""

    def __init__(self, read: Callable[[str], Document] | None = None):
        self._read = read
        self._documents: dict[str, Document] = {}

    def document(self, entry: Entry) -> Document:
        if entry.file not in self._documents:
            self._documents[entry.file] = self._read(entry.file) if self._read else Document(entry.file, None)
        return self._documents[entry.file]

    def problem(self, entry: Entry, path: FieldPath, message: str, hint: str = "") -> Problem:
        return self.document(entry).problem(path, message, hint)

    def line(self, entry: Entry, path: FieldPath) -> int | None:
        return self.document(entry).locate(path)[0]
