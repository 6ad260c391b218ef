"""The JSON Schemas: the single source of truth for what an entry may hold.

Validation errors are rewritten as problems a contributor can act on: the field, what
was expected in plain words, and a did-you-mean hint where a close match exists.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

import jsonschema_rs
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from ..errors import Problem, did_you_mean, quoted
from .kinds import KINDS
from .model import Labels
from .yaml_reader import Document, FieldPath

# the schemas ship with the engine: a project's content is checked against the engine's rules
SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
# the same folder in the project's repository: edit links and the field reference name it
SCHEMA_SOURCE = "macros/community_playbooks/content/schemas"
# where the schemas name each other: "common.schema.json#/$defs/text" resolves against it
SCHEMA_BASE = "https://community-playbooks.invalid/schemas/"
COMMON = "common.schema.json"


@dataclass(frozen=True)
class Schemas:
    """The loaded schemas, a validator per kind, and the vocabularies they define.

    Two implementations of the same schemas: jsonschema-rs (compiled, about fifty times
    faster) answers whether a file is valid; jsonschema, whose errors carry the path and
    the failing keyword, explains the rare file that is not.
    """

    documents: Mapping[str, dict]
    validators: Mapping[str, Draft202012Validator]
    checkers: Mapping[str, Any]  # jsonschema_rs validators

    @property
    def vocabularies(self) -> dict[str, Labels]:
        """Each vocabulary of the shared schema (platform, tag, ...) with its labels."""
        defs = self.documents[COMMON]["$defs"]
        return {name: d["x-labels"] for name, d in defs.items() if "x-labels" in d}

    def is_valid(self, kind: str, data: Any) -> bool:
        try:
            return self.checkers[kind].is_valid(data)
        except UnicodeEncodeError:  # a lone surrogate, which no YAML file can hold: not from a file
            return False

    def validate(self, kind: str, document: Document) -> list[Problem]:
        """The problems of a file with its schema: one verdict, whichever validator finds them.

        The fast validator decides; the explaining one says why. Should they ever disagree
        (two implementations of one standard), the fast one's own errors are reported, each
        at its field: a file is never dropped without a word.
        """
        if self.is_valid(kind, document.data):
            return []
        problems: list[Problem] = []
        for error in self.validators[kind].iter_errors(document.data):
            problems.extend(_explain(error, document))
        if not problems:
            for error in self.checkers[kind].iter_errors(document.data):
                path = tuple(error.instance_path)
                problems.append(document.problem(path, f"does not match the schema: {quoted(error.message, 200)}",
                                                 "see the field reference for what this field may hold"))
        return problems


@functools.lru_cache(maxsize=256)
def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """A schema pattern with ECMA-262's meaning, which JSON Schema specifies: ``$`` outside a
    character class matches only at the very end, where Python's ``$`` also matches before a
    final newline (so "dead-group\\n" would pass ``^[a-z-]+$`` in Python, not in jsonschema-rs)."""
    out, in_class, escaped = [], False, False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "[":
            in_class = True
            out.append(char)
        elif char == "]":
            in_class = False
            out.append(char)
        elif char == "$" and not in_class:
            out.append(r"\Z")
        else:
            out.append(char)
    return re.compile("".join(out))


def _pattern(validator: Any, pattern: str, instance: Any, schema: Mapping) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not ecma_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# the reference validator, with ECMA-262 patterns like the compiled one
_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})


def load_schemas(schema_dir: Path = SCHEMA_DIR) -> Schemas:
    documents = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(schema_dir.glob("*.schema.json"))}
    registry = Registry().with_resources(
        (name, Resource.from_contents(doc, default_specification=DRAFT202012)) for name, doc in documents.items()
    )
    validators = {
        kind.name: _Validator(
            documents[kind.schema_file], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        for kind in KINDS
    }
    checkers = {
        kind.name: jsonschema_rs.Draft202012Validator(
            documents[kind.schema_file], base_uri=SCHEMA_BASE + kind.schema_file, validate_formats=True,
            retriever=lambda uri: documents[uri.rsplit("/", 1)[-1]])
        for kind in KINDS
    }
    return Schemas(documents, validators, checkers)


# --- turning jsonschema errors into problems ---------------------------------------

_PATTERN_ADVICE = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": ("is not a valid id", "use lowercase letters, digits and single hyphens, e.g. 'dead-group'"),
    r"^\d{4}-\d{2}-\d{2}$": ("is not a date", "write the date as YYYY-MM-DD, e.g. 2026-11-24"),
    r"^([01][0-9]|2[0-3]):[0-5][0-9]$": ("is not a time", "write the time as HH:MM on a 24-hour clock, e.g. 20:30"),
    r"^https?://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+$": (
        "is not an http(s) address this site links to",
        "write the whole address starting with https://, without spaces, quotes or brackets "
        "(encode them as %20, %22, %28...)"),
    r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$": (
        "is not a platform fact", "write platform/fact-id, e.g. 'slack/free-plan-history'"),
    r"^(playbooks|pitfalls|rituals|stages|guides)/[a-z0-9]+(-[a-z0-9]+)*$": (
        "is not an entry", "write section/id, e.g. 'rituals/welcome-introduction' or 'guides/before-you-launch'"),
    r"\S": ("is empty", "write the text, or leave the field out if it is optional"),
}


def _explain(error: ValidationError, doc: Document) -> list[Problem]:
    path: FieldPath = tuple(error.absolute_path)
    instance = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator

    if kind == "required":
        missing = [name for name in error.validator_value if name not in instance]
        return [doc.problem(path + (name,), "missing required field", _required_hint(name, schema)) for name in missing]
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        return [
            doc.problem(path + (name,), f"unknown field '{quoted(name)}'",
                        did_you_mean(name, allowed) or f"allowed fields here: {', '.join(allowed)}", key=True)
            for name in instance if name not in allowed
        ]
    if kind in ("anyOf", "oneOf"):
        return _explain_alternatives(error, doc)
    if kind == "enum":
        if "propertyNames" in error.schema_path:  # the instance is a key of the mapping at path
            return [_enum_problem(doc, path + (instance,), instance, schema, key=True)]
        return [_enum_problem(doc, path, instance, schema)]
    if kind == "type":
        return [doc.problem(path, f"expected {_describe_type(error.validator_value)}, got {_describe_value(instance)}",
                            _type_hint(instance))]
    if kind == "pattern" or (kind == "minLength" and isinstance(instance, str)):
        message, hint = _PATTERN_ADVICE.get(schema.get("pattern", r"\S"), ("does not match the expected form", ""))
        return [doc.problem(path, f"'{quoted(instance)}' {message}" if instance.strip() else message, hint)]
    if kind == "format":
        return [doc.problem(path, f"'{quoted(instance)}' is not a real {error.validator_value}", "check the day and month")]
    if kind == "minItems":
        need = error.validator_value
        return [doc.problem(path, "is empty" if not instance else f"needs at least {need} items, has {len(instance)}",
                            f"list at least {need}")]
    if kind == "minProperties":
        return [doc.problem(path, "is empty", "fill it in, or leave the field out if it is optional")]
    if kind == "uniqueItems":
        repeated = sorted({json.dumps(i, ensure_ascii=False) for i in instance if instance.count(i) > 1})
        return [doc.problem(path, f"lists {', '.join(repeated)} more than once", "keep each value once")]
    if kind in ("minimum", "maximum"):
        word = "at least" if kind == "minimum" else "at most"
        return [doc.problem(path, f"{instance} is too {'small' if kind == 'minimum' else 'large'}",
                            f"use a number {word} {error.validator_value}")]
    return [doc.problem(path, error.message)]


def _explain_alternatives(error: ValidationError, doc: Document) -> list[Problem]:
    """Explain an anyOf failure by the branch the contributor evidently meant."""
    branches: dict[int, list[ValidationError]] = {}
    for sub in error.context or ():
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    meant = [errs for errs in branches.values() if not any(e.validator == "type" and not e.relative_path for e in errs)]
    if len(meant) == 1:
        return [p for sub in meant[0] for p in _explain(sub, doc)]
    expect = error.schema.get("x-expect", "a different value") if isinstance(error.schema, dict) else "a different value"
    path = tuple(error.absolute_path)
    return [doc.problem(path, f"expected {expect}, got {_describe_value(error.instance)}", _type_hint(error.instance))]


def _enum_problem(doc: Document, path: FieldPath, value: Any, schema: Mapping, key: bool = False) -> Problem:
    choices = [str(c) for c in schema.get("enum", [])]
    what = str(schema.get("title", "value")).lower()
    hint = did_you_mean(str(value), choices) or f"choose one of: {', '.join(choices)}"
    return doc.problem(path, f"unknown {what} '{quoted(value)}'", hint, key=key)


def _required_hint(name: str, schema: Mapping) -> str:
    prop = schema.get("properties", {}).get(name, {})
    description = prop.get("description") or ""
    return f"add '{name}:' ({description.rstrip('.').lower()})" if description else f"add '{name}:'"


def _describe_type(expected: Any) -> str:
    names = {"string": "text", "object": "a mapping of fields", "array": "a list", "integer": "a whole number",
             "number": "a number", "boolean": "true or false", "null": "nothing"}
    if isinstance(expected, list):
        return " or ".join(names.get(t, t) for t in expected)
    return names.get(expected, str(expected))


def _describe_value(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{quoted(value)}'"
    if isinstance(value, list):
        return "a list"
    return "a mapping of fields"


def _type_hint(value: Any) -> str:
    if isinstance(value, bool):
        return "YAML reads yes, no, on, off, true and false as true/false: put the text in quotes"
    if value is None:
        return "the field has no value: write one, or leave the field out if it is optional"
    if isinstance(value, (int, float)):
        return "put the text in quotes if you meant text"
    return ""
