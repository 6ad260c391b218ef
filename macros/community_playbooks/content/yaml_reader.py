"""Read one YAML file safely into plain data, remembering where every field stands.

Only the plain YAML types are accepted: a tag, an alias, a merge key or a duplicate key is
a problem, never a surprise. Dates stay strings (the schemas check their format), and
mapping keys are taken as written, so ``on:`` stays the key ``"on"``.

The data is built from the parser's events, without recursion, so a file nested thousands
of levels deep is a located problem, not a crashed process (the C composer of PyYAML
recurses in C and takes the process down with it). A file is a regular file of at most
``MAX_BYTES`` bytes, read without following a symbolic link.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping

import yaml
import yaml.reader
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

from ..errors import ContentError, Problem, quoted
from .model import FieldPath

try:  # the C parser is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader


# An entry is a few kilobytes; a megabyte is a mistake or an attack, refused before parsing.
MAX_BYTES = 1_000_000
# An entry is at most six or seven levels deep (checklists → items → if → platforms).
MAX_DEPTH = 20

_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ, _INT = _TAG + "str", _TAG + "map", _TAG + "seq", _TAG + "int"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_KEEP_AS_WRITTEN = {_TAG + "timestamp"}
_CONSTRUCTORS = {tag: SafeConstructor.yaml_constructors[tag] for tag in _SCALAR_TAGS - _KEEP_AS_WRITTEN}
_constructor = SafeConstructor()
_resolver = Resolver()


@dataclass(frozen=True)
class Document:
    """The data of one file and the line and column of each of its fields."""

    file: str
    data: Any
    value_marks: Mapping[FieldPath, tuple[int, int]] = field(default_factory=dict, repr=False)
    key_marks: Mapping[FieldPath, tuple[int, int]] = field(default_factory=dict, repr=False)

    def locate(self, path: FieldPath, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column of the field at ``path``, or of its nearest written parent."""
        path = tuple(path)
        if key and path in self.key_marks:
            return self.key_marks[path]
        while path and path not in self.value_marks:
            path = path[:-1]
        return self.value_marks.get(path, (None, None))

    def problem(self, path: FieldPath, message: str, hint: str = "", *, key: bool = False) -> Problem:
        line, column = self.locate(path, key=key)
        return Problem(self.file, line, column, format_path(path), message, hint)


def format_path(path: FieldPath) -> str:
    """``("rituals", 0, "ref")`` -> ``rituals[0].ref``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{quoted(part)}" if text else quoted(part))
    return text


def read_bytes(path: Path, display: str) -> bytes:
    """The bytes of a content file: a regular file, not a symbolic link, at most MAX_BYTES.

    The file is opened without following a link and without waiting on a pipe, and checked
    on the open handle, so what is checked is what is read.
    """
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        if os.path.islink(path):
            raise ContentError([symlink_problem(path, display)]) from None
        raise ContentError([Problem(display, message=f"cannot be read: {err.strerror}",
                                    hint="check that the file exists and can be read")]) from None
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ContentError([Problem(display, message="is not a regular file",
                                        hint="entries are plain text files; remove it")])
        if info.st_size > MAX_BYTES:
            raise ContentError([size_problem(display, info.st_size)])
        raw = file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:  # it grew while being read
        raise ContentError([size_problem(display, len(raw))])
    return raw


def symlink_problem(path: Path, display: str) -> Problem:
    return Problem(display, message="is a symbolic link",
                   hint="content files are regular files inside the content folder: copy the file here instead")


def size_problem(display: str, size: int) -> Problem:
    return Problem(display, message=f"is {size:,} bytes long, more than the {MAX_BYTES:,} an entry may have",
                   hint="an entry is a few kilobytes of text; split it or remove what does not belong")


def read_document(path: Path, display: str) -> Document:
    """Read ``path``; ``display`` is how problems name the file (relative to the project)."""
    return decode_document(read_bytes(path, display), display)


def decode_document(raw: bytes, display: str, *, marks: bool = True) -> Document:
    """Parse the bytes of a file: UTF-8 first, then YAML.

    With ``marks=False`` the Document has no lines and columns, and reading is faster; a
    file with a problem is reported with lines anyway.
    """
    if len(raw) > MAX_BYTES:
        raise ContentError([size_problem(display, len(raw))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        # the column in characters, as an editor counts them, not in bytes
        start_of_line = raw.rfind(b"\n", 0, err.start) + 1
        column = len(raw[start_of_line:err.start].removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")) + 1
        raise ContentError([Problem(display, line, column, "", f"byte 0x{raw[err.start]:02x} is not valid UTF-8",
                                    "save the file with UTF-8 encoding")]) from None
    return parse_document(text.removeprefix("\ufeff"), display, marks=marks)


def parse_document(text: str, display: str, *, marks: bool = True) -> Document:
    """Parse YAML text into a Document; raise ContentError with every located problem."""
    builder = _Builder(display, marks)
    try:
        builder.run(yaml.parse(text, Loader=_Loader))
    except _TooDeep:
        pass  # reported by the builder, with the line where the limit was crossed
    except yaml.MarkedYAMLError as err:
        raise ContentError([_syntax_problem(err, display, text)]) from None
    except yaml.reader.ReaderError as err:  # a control character, often pasted with the text
        # libyaml counts the offset in bytes: find the character itself, counted as an editor counts
        found = yaml.reader.Reader.NON_PRINTABLE.search(text)
        position = found.start() if found else err.position
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        raise ContentError([Problem(display, line, column, "", f"the character {_code(err.character)} is not "
                                    "allowed in YAML", "delete it: it is invisible, and often comes with pasted text")]) \
            from None
    except yaml.YAMLError as err:
        raise ContentError([Problem(display, message=f"malformed YAML: {err}")]) from None
    if builder.problems:
        raise ContentError(builder.problems)
    return Document(display, builder.root, builder.value_marks, builder.key_marks)


class _TooDeep(Exception):
    """Nesting beyond MAX_DEPTH: stop reading at once."""


class _Frame:
    __slots__ = ("data", "path", "key", "key_mark", "discard")

    def __init__(self, data: dict | list, path: FieldPath, discard: bool = False):
        self.data, self.path, self.discard = data, path, discard
        self.key: str | None = None
        self.key_mark: tuple[int, int] | None = None


class _Builder:
    """Turns parser events into dicts, lists and scalars, collecting problems."""

    def __init__(self, display: str, marks: bool):
        self.display = display
        self.marks = marks
        self.problems: list[Problem] = []
        self.value_marks: dict[FieldPath, tuple[int, int]] = {}
        self.key_marks: dict[FieldPath, tuple[int, int]] = {}
        self.root: Any = None
        self._stack: list[_Frame] = []
        self._documents = 0
        self._root_seen = False
        self._alias_reported = False

    def run(self, events: Iterator[yaml.Event]) -> None:
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self._scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._open(event, {} if kind is yaml.MappingStartEvent else [])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self._stack.pop()
            elif kind is yaml.AliasEvent:
                self._alias(event)
            elif kind is yaml.DocumentStartEvent:
                self._documents += 1
                if self._documents > 1:
                    line, column = _mark(event)
                    self.problems.append(Problem(self.display, line, column, "", "the file holds more than one entry",
                                                 "one entry per file: remove the '---' separator"))
                    return
        if not self._root_seen or self.root is None:
            self.problems.append(Problem(self.display, 1, 1, "", "the file is empty",
                                         "start from the template in CONTRIBUTING.md, or delete the file"))

    # --- where a value goes ---------------------------------------------------------------

    def _place(self, event: yaml.Event) -> tuple[FieldPath, bool] | None:
        """The path of the value this event starts, and whether it is kept; None for a key."""
        if not self._stack:
            self._root_seen = True
            return (), True
        frame = self._stack[-1]
        if isinstance(frame.data, list):
            return frame.path + (len(frame.data),), not frame.discard
        if frame.key is None:
            return None
        return frame.path + (frame.key,), not frame.discard and frame.key is not _SKIPPED

    def _attach(self, path: FieldPath, value: Any, mark: tuple[int, int], kept: bool) -> None:
        if self.marks and kept:
            self.value_marks[path] = mark
        if not self._stack:
            self.root = value
            return
        frame = self._stack[-1]
        if isinstance(frame.data, list):
            frame.data.append(value)
        else:
            if kept:
                frame.data[frame.key] = value
            frame.key = None

    # --- events ---------------------------------------------------------------------------

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        place = self._place(event)
        if place is None:
            self._key(event)
            return
        path, kept = place
        if not self._stack:
            self._root_scalar(event)
        value = self._value(event, path) if kept else None
        self._attach(path, value, _mark(event), kept)

    def _key(self, event: yaml.ScalarEvent) -> None:
        frame = self._stack[-1]
        key, mark = event.value, _mark(event)
        if event.tag and not (event.tag == _STR or event.tag == "!"):
            self._problem(frame.path + (key,), f"the YAML tag {_short(event.tag)} is not allowed",
                          "remove the tag: entries hold plain text, numbers, lists and fields only", mark)
            frame.key = _SKIPPED
        elif key == "<<" and not event.style:  # plain, not quoted
            self._problem(frame.path + (key,), "YAML merge keys (<<) are not allowed", "write the fields out in full",
                          mark)
            frame.key = _SKIPPED
        elif key in frame.data:
            first = self.key_marks.get(frame.path + (key,), (None,))[0]
            where = f" (first on line {first})" if first else ""
            self._problem(frame.path + (key,), f"field '{quoted(key)}' is written twice{where}", "keep one of them",
                          mark)
            frame.key = _SKIPPED
        else:
            frame.key = key
            self.key_marks[frame.path + (key,)] = mark

    def _value(self, event: yaml.ScalarEvent, path: FieldPath) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit) if tag is None else _STR
        if tag not in _SCALAR_TAGS:
            self._problem(path, f"the YAML tag {_short(tag)} is not allowed",
                          "remove the tag: entries hold plain text, numbers, lists and fields only", _mark(event))
            return None
        if tag in _KEEP_AS_WRITTEN or (tag == _INT and ":" in event.value):
            # YAML 1.1 reads 20:30 as the number 1230 (base 60): a time is meant, keep it as written
            return event.value
        if tag == _STR:
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return _CONSTRUCTORS[tag](_constructor, node)
        except (ValueError, ConstructorError):  # e.g. a number with more digits than Python converts
            what = {"int": "a whole number", "float": "a number", "bool": "true or false"}.get(_short(tag)[2:], "a value")
            self._problem(path, f"'{quoted(event.value)}' cannot be read as {what}",
                          "put it in quotes if you meant text, or write a smaller number", _mark(event))
            return None

    def _open(self, event: yaml.CollectionStartEvent, data: dict | list) -> None:
        place = self._place(event)
        mark = _mark(event)
        if place is None:  # a list or a mapping used as a field name
            frame = self._stack[-1]
            self._problem(frame.path, "a field name must be plain text", "", mark)
            frame.key = _SKIPPED  # its value, which follows, is dropped too
            self._push(_Frame(data, frame.path, discard=True), mark)
            return
        path, kept = place
        expected = _MAP if isinstance(data, dict) else _SEQ
        if event.tag is not None and event.tag not in (expected, "!"):
            self._problem(path, f"the YAML tag {_short(event.tag)} is not allowed",
                          "remove the tag: entries hold plain text, numbers, lists and fields only", mark)
            kept = False
        if not self._stack and isinstance(data, list):
            self.problems.append(Problem(self.display, *mark, "", "the file holds a list, not fields",
                                         "write the entry as 'field: value' lines, starting with 'title:'"))
        self._attach(path, data, mark, kept)
        self._push(_Frame(data, path, discard=not kept), mark)

    def _push(self, frame: _Frame, mark: tuple[int, int]) -> None:
        if len(self._stack) >= MAX_DEPTH:
            self.problems.append(Problem(self.display, *mark, format_path(frame.path),
                                         f"the fields are nested more than {MAX_DEPTH} levels deep",
                                         "an entry is a few levels of fields and lists; check the brackets"))
            raise _TooDeep
        self._stack.append(frame)

    def _alias(self, event: yaml.AliasEvent) -> None:
        place = self._place(event)
        mark = _mark(event)
        if not self._alias_reported:
            # refusing the first alias stops an alias bomb before anything is expanded
            self._alias_reported = True
            path = place[0] if place else (self._stack[-1].path if self._stack else ())
            self._problem(path, "YAML aliases (*name) are not allowed", "write the value out in full", mark)
        if place is None:
            self._stack[-1].key = _SKIPPED
        else:
            self._attach(place[0], None, mark, False)

    def _root_scalar(self, event: yaml.ScalarEvent) -> None:
        if not event.style and event.value.strip() in ("", "~", "null", "Null", "NULL"):
            return  # an empty document: reported once the events end
        self.problems.append(Problem(self.display, *_mark(event), "", "the file holds a single value, not fields",
                                     "write the entry as 'field: value' lines, starting with 'title:'"))

    def _problem(self, path: FieldPath, message: str, hint: str, mark: tuple[int, int]) -> None:
        self.problems.append(Problem(self.display, mark[0], mark[1], format_path(path), message, hint))


class _Skipped(str):
    """The key of a field already reported: its value is read and dropped."""


_SKIPPED = _Skipped("")


def _mark(event: yaml.Event) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _short(tag: str) -> str:
    return quoted(tag.replace(_TAG, "!!"))


def _syntax_problem(err: yaml.MarkedYAMLError, display: str, text: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    message = f"malformed YAML: {err.problem or err.context}"
    hint = ""
    source_line = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
    if "\t" in source_line[: (column or 1)] or "found character '\\t'" in str(err):
        hint = "indent with spaces, not tabs"
    elif err.problem and "mapping values are not allowed" in err.problem:
        hint = "text that contains ': ' must be put in quotes"
    elif err.problem and "expected a single document" in (err.context or "") + err.problem:
        hint = "one entry per file: remove the '---' separator"
    elif err.problem and ("found character '@'" in err.problem or "found character '`'" in err.problem):
        hint = "text starting with @ or ` must be put in quotes"
    elif err.problem and "could not find expected ':'" in err.problem:
        hint = "each field is 'name: value'; check the indentation of this line and the one above"
    return Problem(display, line, column, "", message, hint)


def _code(character: int | str) -> str:
    """U+0007 for a control character, as editors name it ('#x0007' in PyYAML's words)."""
    return f"U+{character if isinstance(character, int) else ord(character):04X}"
