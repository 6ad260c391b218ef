"""Field reference pages, made from the JSON Schemas at build time so they cannot drift."""

from __future__ import annotations

import json
from typing import Any, Iterator, Mapping

from ...content.kinds import BY_NAME, CONTENT_DIR, KINDS
from ...content.validation import COMMON, SCHEMA_SOURCE
from .. import dialect, escape
from ..strings import t

Schema = Mapping[str, Any]


def reference_uri(kind: str) -> str:
    return f"reference/{kind}.md"


def reference_page(documents: Mapping[str, Schema], kind: str, lang: str = "en", content_dir: str = CONTENT_DIR) -> str:
    """A page listing every field of ``kind``: type, required, allowed values, example."""
    schema = documents[BY_NAME[kind].schema_file]
    rows = [f"| {t('ref_field', lang)} | {t('ref_type', lang)} | {t('ref_required', lang)} | "
            f"{t('ref_meaning', lang)} | {t('ref_example', lang)} |", "|---|---|---|---|---|"]
    for path, field, required in _fields(documents, schema):
        rows.append(f"| `{path}` | {_type(documents, field, lang)} | {t('yes', lang) if required else ''} | "
                    f"{_meaning(documents, field, lang)} | {_example(documents, field)} |")
    folder = BY_NAME[kind].folder(content_dir) + "/"
    return (f"{dialect.project_front_matter()}\n\n# {t('ref_kind_title', lang, kind=t(kind, lang))}\n\n{escape.escape(_description(schema, lang))}\n\n"
            + t("ref_intro", lang, kind=t(kind, lang), folder=folder, schema=f"{SCHEMA_SOURCE}/{BY_NAME[kind].schema_file}") + "\n\n"
            + t("ref_text", lang) + "\n\n" + "\n".join(rows) + "\n")


def reference_index(lang: str = "en") -> str:
    links = dialect.bullets(dialect.link(t("ref_kind_title", lang, kind=t(kind.name, lang)), f"{kind.name}.md")
                             for kind in KINDS)
    return f"{dialect.project_front_matter()}\n\n# {t('ref_title', lang)}\n\n{t('ref_index_intro', lang)}\n\n{links}\n"


def _description(schema: Schema, lang: str) -> str:
    """The schema's description in ``lang`` (``x-description-zh``...), else the English one."""
    return schema.get(f"x-description-{lang}") or schema.get("description", "")


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


def _type(documents: Mapping[str, Schema], field: Schema, lang: str) -> str:
    if _is_text(documents, field):
        return t("type_text", lang)
    resolved = _resolve(documents, field)
    if "enum" in resolved:
        return t("type_choice", lang)
    if "anyOf" in resolved:
        return t("type_or", lang).join(_type(documents, option, lang) for option in resolved["anyOf"])
    kind = resolved.get("type", "")
    if kind == "array":
        return t("type_list", lang, of=_type(documents, resolved.get("items", {}), lang))
    key = {"object": "type_fields", "string": "type_string", "integer": "type_integer"}.get(kind)
    return t(key, lang) if key else kind or t("type_value", lang)


def _meaning(documents: Mapping[str, Schema], field: Schema, lang: str) -> str:
    resolved = _resolve(documents, field)
    parts = [escape.escape(_description(field, lang) or _description(resolved, lang))]
    values = resolved.get("enum") or _resolve(documents, resolved.get("items", {})).get("enum")
    labels = resolved.get("x-labels") or _resolve(documents, resolved.get("items", {})).get("x-labels") or {}
    if values:
        parts.append(t("one_of", lang) + ", ".join(
            f"`{v}`" + (f" ({escape.escape(labels[v][lang])})" if v in labels and labels[v].get(lang, v) != v else "")
            for v in values))
    if "pattern" in resolved and not _is_text(documents, field):
        parts.append(f"{t('pattern', lang)}`{resolved['pattern']}`")
    for bound, key in (("minItems", "min_items"), ("minimum", "minimum"), ("maximum", "maximum")):
        if bound in resolved:
            parts.append(t(key, lang, n=resolved[bound]))
    return "<br>".join(p for p in parts if p)


# Definitions shared by fields of different meaning: their one example would show the same
# words beside a title, a summary and a rule, so a field of these shows only its own example.
_GENERIC = ("/text", "/id")


def _example(documents: Mapping[str, Schema], field: Schema) -> str:
    resolved = _resolve(documents, field)
    inherited = not str(field.get("$ref", "")).endswith(_GENERIC)
    examples = field.get("examples") or (resolved.get("examples") if inherited else None)
    if examples:
        return f"`{json.dumps(examples[0], ensure_ascii=False)}`".replace("|", "\\|")
    if "enum" in resolved:
        return f"`{resolved['enum'][0]}`"
    return ""
