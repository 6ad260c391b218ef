"""The Propose page: a form for a new playbook, pitfall, ritual or guide, or a change to one.

The form is made from the JSON Schemas when the site is built, in the page's language: each
field with its name, help, example and limits (required, lengths, patterns, choices), the
references as pickers of the existing entries by their titles, the lengths of texts as the rule
book counts them. These are data beside the API (``api/form.json``), so the page stays light.
Its script (``assets/javascripts/propose.js``, loaded on this page only) draws it, checks as
the reader types, keeps a draft, and sends the entry as a GitHub issue whose form fields it
fills from the URL (``content/proposals.py``).
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from ...content.kinds import BY_NAME
from ...content.languages import LANGUAGES, language
from ...content.loader import ID_PATTERN, RESERVED_IDS
from ...content.proposals import CHANGES, FIELDS, ISSUE_FORM, KINDS, LABEL, PASTE_LINE, schema_line
from ...content.rules import text_bounds
from ...content.validation import COMMON
from .. import dialect
from ..context import Context, Site
from ..fragments import fragment
from ..strings import STRINGS
from ..urls import API_DIR

PROPOSE_PAGE = "propose.md"
SCRIPT = "assets/javascripts/propose.js"
# GitHub reads a URL of up to about 8 KB; a longer proposal is copied and pasted instead
MAX_URL_BYTES = 8000
# where the API keeps each entry as written in its file (render/api.py), and the form's data
SOURCE_DIR = f"{API_DIR}/source"
FORM_DATA = f"{API_DIR}/form.json"
# how long a fact's claim may be as a choice in a picker
CHOICE_LENGTH = 90
# the messages a pattern of the schemas gets while the reader types (every pattern has one)
PATTERN_MESSAGES = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "propose_bad_id",
    r"^\d{4}-\d{2}-\d{2}$": "propose_bad_date",
    r"^([01][0-9]|2[0-3]):[0-5][0-9]$": "propose_bad_time",
    r"^https?://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+$": "propose_bad_url",
    r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$": "propose_bad_choice",
    r"^(playbooks|pitfalls|rituals|stages|guides)/[a-z0-9]+(-[a-z0-9]+)*$": "propose_bad_choice",
    r"\S": "propose_required",
}

_FORM = fragment(
    '<div class="cp-propose" data-cp-propose="{{ spec }}" data-cp-failed="{{ failed }}" data-pagefind-ignore="all" '
    'aria-busy="true">'
    '<p class="cp-propose__loading">{{ loading }}</p></div>'
    '<noscript><p>{{ noscript }}</p></noscript>')
_SCRIPT = fragment('<script src="{{ src }}" defer></script>')


def propose_page(site: Site) -> str:
    """The page: what happens to a proposal, then the form, drawn by its own script."""
    ctx = site.page(PROPOSE_PAGE)
    return dialect.join(
        dialect.front_matter({"title": ctx.ui("propose_title"), "description": ctx.ui("propose_description"),
                              "hide": ["toc"]}),
        dialect.heading(1, ctx.ui("propose_title")),
        ctx.ui("propose_intro"),
        dialect.bullets([ctx.ui("propose_step_write"), ctx.ui("propose_step_send"), ctx.ui("propose_step_review")]),
        # the form's fields and choices come as data (api/form.json): the page itself holds no content
        _FORM(spec=ctx.url(FORM_DATA), failed=ctx.ui("propose_form_failed"), loading=ctx.ui("propose_loading"),
              noscript=ctx.ui("propose_noscript")),
        _SCRIPT(src=ctx.url(SCRIPT)),
    )


def form_data(site: Site) -> str:
    """``api/form.json``: the form of the Propose page, in the site's language."""
    return json.dumps(form_spec(site.page(PROPOSE_PAGE)), ensure_ascii=False, separators=(",", ":")) + "\n"


def form_spec(ctx: Context) -> dict[str, Any]:
    """Everything the script needs to draw and check the form, in the page's language. URLs in
    it are relative to the Propose page."""
    library, lang = ctx.library, ctx.lang
    schemas = library.schemas
    builder = _Fields(schemas, lang)
    kinds = {}
    for kind in KINDS:
        schema = schemas[BY_NAME[kind].schema_file]
        # the label heads a choice; the noun stands in a sentence ("You are changing the pitfall ...")
        kinds[kind] = {"label": ctx.ui(kind), "noun": ctx.ui(kind).lower(), "help": _text(schema, "description", lang),
                       "section": BY_NAME[kind].section, "folder": BY_NAME[kind].folder("playbooks"),
                       "schema_line": schema_line(kind), "fields": builder.fields(schema, kind, ()),
                       "ids": sorted(library.entries(kind))}
    return {
        "lang": lang,
        "languages": [{"code": code, "name": language(code).name} for code in LANGUAGES],
        "kinds": kinds,
        "ids": {"pattern": ID_PATTERN.pattern, "reserved": sorted(RESERVED_IDS)},
        "choices": _choices(ctx),
        "issue": {"url": (ctx.site.repo_url.rstrip("/") + "/issues/new") if ctx.site.repo_url else "",
                  "template": ISSUE_FORM, "label": LABEL, "fields": [name for name, _ in FIELDS],
                  "changes": list(CHANGES), "max_bytes": MAX_URL_BYTES, "paste_line": PASTE_LINE},
        "source": ctx.url(SOURCE_DIR),
        "today": ctx.today.isoformat(),
        "strings": {key.removeprefix("propose_"): ctx.ui(key) for key in STRINGS if key.startswith("propose_")},
    }


def _choices(ctx: Context) -> dict[str, list[list[str]]]:
    """What each kind of reference may name, as (value, title in the page's language), by title."""
    library = ctx.library

    def by_title(pairs: list[list[str]]) -> list[list[str]]:
        return sorted(pairs, key=lambda pair: pair[1].lower())

    choices = {kind: by_title([[e.id, ctx.unlinked(e.title)] for e in library.entries(kind).values()])
               for kind in ("playbook", "pitfall", "ritual", "guide")}
    choices["stage"] = [[s.id, ctx.unlinked(s.title)] for s in library.stages_in_order()]
    choices["entry"] = by_title([[f"{e.section}/{e.id}", f"{ctx.ui(e.kind)} · {ctx.unlinked(e.title)}"]
                                 for e in library.all_entries() if e.kind != "platform"])
    facts = []
    for platform in library.platforms.values():
        for fact in platform.facts:
            claim = ctx.unlinked(fact.claim)
            claim = claim if len(claim) <= CHOICE_LENGTH else claim[:CHOICE_LENGTH - 1].rstrip() + "…"
            facts.append([f"{platform.id}/{fact.id}", f"{ctx.unlinked(platform.title)} · {claim}"])
    choices["fact"] = by_title(facts)
    return choices


def _text(schema: Mapping[str, Any], key: str, lang: str) -> str:
    """An annotation in ``lang`` (``x-description-zh``), else the English one."""
    return schema.get(f"x-{key}-{lang}") or schema.get(key) or ""


class _Fields:
    """A schema as the form's fields: one dict per field, nested as the schema nests them."""

    def __init__(self, documents: Mapping[str, Mapping[str, Any]], lang: str):
        self.documents = documents
        self.lang = lang

    def resolve(self, schema: Mapping[str, Any]) -> dict[str, Any]:
        ref = schema.get("$ref")
        if not ref:
            return dict(schema)
        target, _, pointer = ref.partition("#")
        resolved: Any = self.documents[target or COMMON]
        for part in pointer.strip("/").split("/"):
            resolved = resolved[part]
        return {**self.resolve(resolved), **{k: v for k, v in schema.items() if k != "$ref"}}

    def fields(self, schema: Mapping[str, Any], kind: str, path: tuple) -> list[dict[str, Any]]:
        schema = self.resolve(schema)
        required = set(schema.get("required", ()))
        out = []
        for name, field in schema.get("properties", {}).items():
            if name == "needs_translation" and not path:
                continue  # the form writes it from what the reader left in one language
            resolved = self.resolve(field)
            # a checklist item's id: made from its text by the form when the reader leaves it empty
            auto = {"auto": True} if name == "id" and any(isinstance(part, int) for part in path) else {}
            out.append({"name": name, **auto, "label": self.label(field) or self.label(resolved),
                        "help": _text(field, "description", self.lang) or _text(resolved, "description", self.lang),
                        "required": name in required, **self.example(field, resolved),
                        **self.node(field, kind, path + (name,))})
        return out

    def example(self, field: Mapping[str, Any], resolved: Mapping[str, Any]) -> dict[str, Any]:
        generic = str(field.get("$ref", "")).endswith(("/text", "/id", "/texts"))
        examples = field.get("examples") or (None if generic else resolved.get("examples"))
        if not examples:
            return {}
        example = examples[0]
        if isinstance(example, Mapping) and set(example) <= set(LANGUAGES):
            return {"example": example.get(self.lang) or next(iter(example.values()))}
        return {"example": example}

    def node(self, field: Mapping[str, Any], kind: str, path: tuple) -> dict[str, Any]:
        """What kind of control a value is, with the limits the schema sets on it."""
        ref = str(field.get("$ref", ""))
        schema = self.resolve(field)
        if ref.endswith("/text"):
            return self.text(kind, path)
        if ref.endswith("/words"):  # aliases: short names, listed per language
            return {"type": "words", "bounds": {code: list(language(code).bounds["word"]) for code in LANGUAGES}}
        if "x-references" in schema:
            return {"type": "ref", "to": schema["x-references"], "pattern": schema.get("pattern", ""),
                    "message": PATTERN_MESSAGES.get(schema.get("pattern", ""), "propose_bad_choice").removeprefix(
                        "propose_")}
        if "enum" in schema:
            return {"type": "choice", "choices": self.labelled(schema)}
        if "anyOf" in schema:  # a short form and a long one: cadence (weekly, or {every: weekly, day: fri})
            options = [self.resolve(option) for option in schema["anyOf"]]
            long = next(o for o in options if o.get("type") == "object")
            short = next(o for o in options if o is not long)
            key = next(name for name, sub in long["properties"].items() if self.resolve(sub).get("enum") == short.get("enum"))
            return {"type": "object", "short": key, "fields": self.fields(long, kind, path)}
        kind_of = schema.get("type")
        if kind_of == "object" and "propertyNames" in schema:  # variations: {wechat: text, qq: text}
            keys = self.resolve(schema["propertyNames"])
            return {"type": "map", "keys": self.labelled(keys), "min": schema.get("minProperties", 0),
                    "value": self.node(schema["additionalProperties"], kind, path + (keys["enum"][0],)),
                    "key_label": self.label(keys)}
        if kind_of == "object":
            return {"type": "object", "fields": self.fields(schema, kind, path),
                    "min_fields": schema.get("minProperties", 0)}
        if kind_of == "array":
            items = self.resolve(schema.get("items", {}))
            item_field = schema.get("items", {})
            limits = {"min": schema.get("minItems", 0), "max": schema.get("maxItems"),
                      "unique": bool(schema.get("uniqueItems"))}
            if "enum" in items and "x-references" not in items:
                return {"type": "choices", "choices": self.labelled(items), **limits}
            return {"type": "list", "item": self.node(item_field, kind, path + (0,)), **limits}
        if kind_of in ("integer", "number"):
            return {"type": "number", "integer": kind_of == "integer", "min": schema.get("minimum"),
                    "max": schema.get("maximum")}
        pattern = schema.get("pattern", "")
        return {"type": "string", "pattern": pattern, "format": schema.get("format", ""),
                "min_length": schema.get("minLength", 0), "max_length": schema.get("maxLength"),
                "message": PATTERN_MESSAGES.get(pattern, "propose_required").removeprefix("propose_")}

    def text(self, kind: str, path: tuple) -> dict[str, Any]:
        if path[:1] == ("sources",):  # bibliography: any length, and one text may serve every language
            return {"type": "text", "bounds": {}, "single": True}
        bounds = text_bounds(kind, path)
        return {"type": "text", "bounds": {code: list(language(code).bounds[bounds]) for code in LANGUAGES}}

    def label(self, schema: Mapping[str, Any]) -> str:
        """A field's name for people (``x-label``), in the page's language."""
        labels = schema.get("x-label") or {}
        return labels.get(self.lang) or labels.get("en") or ""

    def labelled(self, schema: Mapping[str, Any]) -> list[list[str]]:
        labels = schema.get("x-labels", {})
        return [[str(value), (labels.get(value) or {}).get(self.lang) or (labels.get(value) or {}).get("en")
                 or str(value)] for value in schema["enum"]]
