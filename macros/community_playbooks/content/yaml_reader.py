"""Read one YAML file safely into plain data, remembering where every field stands.

Only the plain YAML types are accepted: a Python tag, an alias or a duplicate key is a
problem, never a surprise. Dates stay strings (the schemas check their format), and
mapping keys are taken as written, so ``on:`` stays the key ``"on"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml
import yaml.reader
from yaml.constructor import SafeConstructor

from ..errors import ContentError, Problem

try:  # the C loader is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

FieldPath = tuple[Any, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_KEEP_AS_WRITTEN = {_TAG + "timestamp"}
_constructor = SafeConstructor()


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
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_document(path: Path, display: str) -> Document:
    """Read ``path``; ``display`` is how problems name the file (relative to the project)."""
    return decode_document(path.read_bytes(), display)


def decode_document(raw: bytes, display: str, *, marks: bool = True) -> Document:
    """Parse the bytes of a file: UTF-8 first, then YAML.

    With ``marks=False`` the Document has no lines and columns, and reading is about twice
    as fast; a file with a problem is read with marks anyway, so the problem has its line.
    """
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
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        raise ContentError([_syntax_problem(err, display, text)]) from None
    except yaml.reader.ReaderError as err:  # a control character, often pasted with the text
        line = text.count("\n", 0, err.position) + 1
        column = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
        raise ContentError([Problem(display, line, column, "", f"the character {_code(err.character)} is not "
                                    "allowed in YAML", "delete it: it is invisible, and often comes with pasted text")]) \
            from None
    except yaml.YAMLError as err:
        raise ContentError([Problem(display, message=f"malformed YAML: {err}")]) from None

    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == "" and root.tag == _TAG + "null"):
        raise ContentError([Problem(display, 1, 1, "", "the file is empty",
                                    "start from the template in CONTRIBUTING.md, or delete the file")])
    if not isinstance(root, yaml.MappingNode):
        kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        line, column = _mark(root)
        raise ContentError([Problem(display, line, column, "", f"the file holds {kind}, not fields",
                                    "write the entry as 'field: value' lines, starting with 'title:'")])

    try:
        if not marks:
            try:
                return Document(display, _plain(root, set()))
            except _Unusual:
                pass  # something to report: the builder below says what and where
        builder = _Builder(display)
        data = builder.build(root, ())
    except RecursionError:
        raise ContentError([Problem(display, 1, 1, "", "the fields are nested too deeply",
                                    "an entry is a few levels of fields and lists; check the brackets")]) from None
    if builder.problems:
        raise ContentError(builder.problems)
    return Document(display, data, builder.value_marks, builder.key_marks)


class _Unusual(Exception):
    """The fast reading met something the builder must report (an alias, a tag, a repeated key)."""


_STR, _MAP, _SEQ, _INT = _TAG + "str", _TAG + "map", _TAG + "seq", _TAG + "int"
_SCALAR_CONSTRUCTORS = {tag: SafeConstructor.yaml_constructors[tag] for tag in _SCALAR_TAGS - _KEEP_AS_WRITTEN}


def _plain(node: yaml.Node, seen: set[int]) -> Any:
    """The node's data, without marks; raises _Unusual where _Builder would report a problem."""
    if id(node) in seen:
        raise _Unusual
    seen.add(id(node))
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _MAP and isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.value in result or key_node.value == "<<":
                raise _Unusual
            result[key_node.value] = _plain(value_node, seen)
        return result
    if tag == _SEQ and isinstance(node, yaml.SequenceNode):
        return [_plain(item, seen) for item in node.value]
    if isinstance(node, yaml.ScalarNode) and tag in _SCALAR_TAGS:
        return _scalar_value(node)
    raise _Unusual


def _scalar_value(node: yaml.ScalarNode) -> Any:
    if node.tag in _KEEP_AS_WRITTEN or (node.tag == _INT and ":" in node.value):
        # YAML 1.1 reads 20:30 as the number 1230 (base 60): a time is meant, keep it as written
        return node.value
    return _SCALAR_CONSTRUCTORS[node.tag](_constructor, node)


class _Builder:
    """Turns a composed node tree into dicts, lists and scalars, collecting problems."""

    def __init__(self, display: str):
        self.display = display
        self.problems: list[Problem] = []
        self.value_marks: dict[FieldPath, tuple[int, int]] = {}
        self.key_marks: dict[FieldPath, tuple[int, int]] = {}
        self._seen: set[int] = set()
        self._alias_reported = False

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        if id(node) in self._seen:
            # The composer hands back the anchored node for every alias: refusing the
            # second visit stops an alias bomb before it can expand. One report is enough.
            if not self._alias_reported:
                self._alias_reported = True
                self._problem(path, "YAML aliases (*name) are not allowed", "write the value out in full")
            return None
        self._seen.add(id(node))
        self.value_marks[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                return self._bad_tag(node, path)
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict | None:
        if node.tag != _TAG + "map":
            return self._bad_tag(node, path)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(path, "a field name must be plain text", at=key_node)
                continue
            key = key_node.value
            if key == "<<":
                self._problem(path + (key,), "YAML merge keys (<<) are not allowed", "write the fields out in full",
                              at=key_node)
                continue
            if key in result:
                first_line = self.key_marks[path + (key,)][0]
                self._problem(path + (key,), f"field '{key}' is written twice (first on line {first_line})",
                              "keep one of them", at=key_node)
                continue
            self.key_marks[path + (key,)] = _mark(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        if node.tag not in _SCALAR_TAGS:
            return self._bad_tag(node, path)
        return _scalar_value(node)

    def _nearest_value_mark(self, path: FieldPath) -> tuple[int | None, int | None]:
        while path and path not in self.value_marks:
            path = path[:-1]
        return self.value_marks.get(path, (None, None))

    def _bad_tag(self, node: yaml.Node, path: FieldPath) -> None:
        tag = node.tag.replace(_TAG, "!!")
        self._problem(path, f"the YAML tag {tag} is not allowed", "remove the tag: entries hold plain text, "
                      "numbers, lists and fields only", at=node)
        return None

    def _problem(self, path: FieldPath, message: str, hint: str = "", at: yaml.Node | None = None) -> None:
        if at is not None:
            line, column = _mark(at)
        else:
            line, column = self.key_marks.get(path) or self._nearest_value_mark(path)
        self.problems.append(Problem(self.display, line, column, format_path(path), message, hint))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


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
