"""Field reference pages, made from the JSON Schemas at build time so they cannot drift."""

from __future__ import annotations

import json
from typing import Any, Iterator, Mapping

from . import mdtext
from .schema import COMMON, KINDS, schema_file

Schema = Mapping[str, Any]


def reference_uri(kind: str) -> str:
    return f"reference/{kind}.md"


def reference_page(documents: Mapping[str, Schema], kind: str) -> str:
    """A page listing every field of ``kind``: type, required, allowed values, example."""
    schema = documents[schema_file(kind)]
    rows = ["| Field | Type | Required | Allowed values and meaning | Example |", "|---|---|---|---|---|"]
    for path, field, required in _fields(documents, schema):
        rows.append(f"| `{path}` | {_type(documents, field)} | {'yes' if required else ''} | "
                    f"{_meaning(documents, field)} | {_example(documents, field)} |")
    folder = "playbooks/" if kind == "playbook" else f"playbooks/{kind}s/"
    return (f"# {kind.capitalize()} fields\n\n{mdtext.escape(schema.get('description', ''))}\n\n"
            f"A {kind} is a file `{folder}<id>.yaml`; its id is the file name. This page is generated "
            f"from `schemas/{schema_file(kind)}`, the schema every file is validated against.\n\n"
            "A *text* is one string for every language, or one per language: `{en: ..., zh: ...}`.\n\n"
            + "\n".join(rows) + "\n")


def reference_index() -> str:
    links = "\n".join(f"- [{kind.capitalize()} fields]({kind}.md)" for kind in KINDS)
    return ("# Field reference\n\nEvery field each kind of entry may hold, generated from the JSON Schemas "
            "in `schemas/`.\n\n" + links + "\n")


def _resolve(documents: Mapping[str, Schema], schema: Schema) -> Schema:
    ref = schema.get("$ref")
    if not ref:
        return schema
    target, _, pointer = ref.partition("#")
    document = documents[target or COMMON]
    resolved: Any = document
    for part in pointer.strip("/").split("/"):
        resolved = resolved[part]
    return {**resolved, **{k: v for k, v in schema.items() if k != "$ref"}}


def _is_text(documents: Mapping[str, Schema], schema: Schema) -> bool:
    return str(schema.get("$ref", "")).endswith("/text") or _resolve(documents, schema).get("title") == "Text"


def _fields(documents: Mapping[str, Schema], schema: Schema, prefix: str = "") -> Iterator[tuple[str, Schema, bool]]:
    schema = _resolve(documents, schema)
    required = set(schema.get("required", ()))
    for name, field in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        yield path, field, name in required
        resolved = _resolve(documents, field)
        if _is_text(documents, field):
            continue
        if resolved.get("type") == "object" and "properties" in resolved:
            yield from _fields(documents, resolved, path + ".")
        items = _resolve(documents, resolved.get("items", {})) if resolved.get("type") == "array" else {}
        if items.get("type") == "object" and not _is_text(documents, resolved.get("items", {})):
            yield from _fields(documents, items, path + "[].")
        for option in resolved.get("anyOf", ()):
            option = _resolve(documents, option)
            if option.get("type") == "object" and "properties" in option:
                yield from _fields(documents, option, path + ".")


def _type(documents: Mapping[str, Schema], field: Schema) -> str:
    if _is_text(documents, field):
        return "text"
    resolved = _resolve(documents, field)
    if "enum" in resolved:
        return "one value"
    if "anyOf" in resolved:
        return " or ".join(_type(documents, option) for option in resolved["anyOf"])
    kind = resolved.get("type", "")
    if kind == "array":
        return f"list of {_type(documents, resolved.get('items', {}))}"
    return {"object": "fields", "string": "string", "integer": "whole number"}.get(kind, kind or "value")


def _meaning(documents: Mapping[str, Schema], field: Schema) -> str:
    resolved = _resolve(documents, field)
    parts = [mdtext.escape(field.get("description") or resolved.get("description", ""))]
    values = resolved.get("enum") or _resolve(documents, resolved.get("items", {})).get("enum")
    labels = resolved.get("x-labels") or _resolve(documents, resolved.get("items", {})).get("x-labels") or {}
    if values:
        parts.append("One of: " + ", ".join(
            f"`{v}`" + (f" ({mdtext.escape(labels[v]['en'])})" if v in labels and labels[v]["en"] != v else "")
            for v in values))
    if "pattern" in resolved and not _is_text(documents, field):
        parts.append(f"Pattern: `{resolved['pattern']}`")
    for bound, word in (("minItems", "at least {} items"), ("minimum", "at least {}"), ("maximum", "at most {}")):
        if bound in resolved:
            parts.append(word.format(resolved[bound]))
    return "<br>".join(p for p in parts if p)


def _example(documents: Mapping[str, Schema], field: Schema) -> str:
    resolved = _resolve(documents, field)
    examples = field.get("examples") or resolved.get("examples")
    if examples:
        return f"`{json.dumps(examples[0], ensure_ascii=False)}`".replace("|", "\\|")
    if "enum" in resolved:
        return f"`{resolved['enum'][0]}`"
    return ""
