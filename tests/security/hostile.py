"""Hostile content, made from the schemas: every field a contributor can write, filled with
payloads, rendered the way the site renders it, and read back as a browser would.

The fields come from the JSON Schemas themselves, so a field added to a schema is attacked
without a change here; the fixture library must hold every field (a test says which one
it lacks), because each payload is written into a copy of it.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator

import markdown
import yaml

from community_playbooks.adapters.site_config import read_config
from community_playbooks.content.kinds import KINDS, Kind
from community_playbooks.content.library import Library
from community_playbooks.content.linker import link
from community_playbooks.content.loader import Loader
from community_playbooks.content.model import build_entry
from community_playbooks.content.validation import Schemas, load_schemas
from community_playbooks.content.yaml_reader import read_document

from ..conftest import FIXTURE, ROOT

# A field's path in the data: keys, "[]" for every item of a list, "*" for every key of a mapping.
SchemaPath = tuple[str, ...]

MARKER = "Zq7Marker"

# Each tries to become markup, script, a template, a link or an include on some page.
PAYLOADS = [
    "<script>alert('script')</script>",
    "<img src=x onerror=alert('img')>",
    "<svg/onload=alert('svg')>",
    '"><svg onload=alert(\'attribute\')>',
    "'--></style></script><script>alert('close')</script>",
    "<a href=\"javascript:alert('anchor')\">tap</a>",
    "[tap](javascript:alert('md-link'))",
    "[tap](data:text/html,<script>alert('data')</script>)",
    "[tap](https://example.org/)<svg/onload=alert('breakout')>",
    "[tap](https://example.org/){: onmouseover=alert('attr-list') }",
    'plain {: onclick="alert(\'attr-list-2\')" }',
    "[tap](//evil.example/x) and ![pic](https://evil.example/pic.png)",
    "<https://evil.example/auto> and https://evil.example/bare",
    "{{ 7*7 }} {{ config.site_name }} {% include 'main.html' %} {# hidden #}",
    '--8<-- "mkdocs.yml"',
    "&lt;script&gt;alert('entity')&lt;/script&gt; &#106;avascript:alert(1)",
    "<!-- hidden --> <style>body{display:none}</style>",
    "*bold* _em_ ~~del~~ ^^ins^^ ==mark== ++ctrl+alt++ `code` [^1]",
    "| a | b |\n|---|---|\n| c | d |",
    "line one\n# heading\n- item\n> quote\n    indented code\n1. numbered",
    "first paragraph\n\nsecond paragraph with <b>bold</b>",
    '!!! danger "boxed"\n    inside\n=== "tab"\n    panel',
    "```\nfenced <script>alert('fence')</script>\n```",
    "trailing backslash \\",
    "right-to-left \u202eexe.txt and zero\u200bwidth",
    "Jinja in Chinese：{{ 7*7 }} 与 <script>alert('中文')</script>",
]

# Addresses the schema must refuse, because the renderer would not keep them as a link.
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://example.org/)<svg/onload=alert(1)>",
    "https://example.org/){: onmouseover=alert(1) }",
    "https://example.org/)[x](javascript:alert(1)",
    'https://example.org/"onmouseover="alert(1)',
    "https://example.org/'x",
    "https://example.org/ spaced",
    "https://example.org/\n",
    "https://example.org/<b>",
    "https://example.org/{{7*7}}",
    "//evil.example/x",
    "ftp://example.org/",
]
SAFE_URLS = ["https://example.org/a/b?c=d&e=f#g", "http://example.org/%28x%29"]

# Values the constrained fields (ids, references, dates, times) must refuse.
HOSTILE_IDS = ["dead-group\n", "Dead-Group", "../../etc/passwd", "<script>", "a b", "x\u202e", "", "{{ 7*7 }}"]


# --- the fields, from the schemas -------------------------------------------------------------

@dataclass(frozen=True)
class Slot:
    kind: str
    path: SchemaPath
    what: str  # "text" (a Text), "string" (free text), "url", or "constrained"


def schema_slots(schemas: Schemas) -> list[Slot]:
    """Every place in every kind's schema where a contributor writes a string."""
    found: set[Slot] = set()
    for kind in KINDS:
        document = schemas.documents[kind.schema_file]
        for path, what in _walk(schemas, document, document, ()):
            found.add(Slot(kind.name, path, what))
    return sorted(found, key=lambda s: (s.kind, s.path))


def _resolve(schemas: Schemas, node: dict, document: dict) -> tuple[dict, dict]:
    while "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        document = schemas.documents[target] if target else document
        resolved: Any = document
        for part in pointer.strip("/").split("/"):
            resolved = resolved[part]
        node = {**resolved, **{k: v for k, v in node.items() if k != "$ref"}}
    return node, document


def _walk(schemas: Schemas, node: dict, document: dict, path: SchemaPath) -> Iterator[tuple[SchemaPath, str]]:
    node, document = _resolve(schemas, node, document)
    if node.get("title") == "Text":
        yield path, "text"
    elif node.get("title") == "Web address":
        yield path, "url"
    elif "anyOf" in node:
        for branch in node["anyOf"]:
            yield from _walk(schemas, branch, document, path)
    elif node.get("type") == "object" or "properties" in node:
        for key, value in node.get("properties", {}).items():
            yield from _walk(schemas, value, document, path + (key,))
        if isinstance(node.get("additionalProperties"), dict):
            yield from _walk(schemas, node["additionalProperties"], document, path + ("*",))
    elif node.get("type") == "array":
        yield from _walk(schemas, node["items"], document, path + ("[]",))
    elif node.get("type") == "string" or "enum" in node:
        free = "enum" not in node and "pattern" not in node and "format" not in node
        yield path, "string" if free else "constrained"


# --- the fixture, with payloads written into it -----------------------------------------------

@dataclass
class Project:
    """The fixture's files as data, by kind: what a payload is written into."""

    files: list[tuple[Kind, Path, dict]] = field(default_factory=list)

    @classmethod
    def fixture(cls) -> "Project":
        loader = Loader(FIXTURE)
        project = cls()
        for kind, path in loader.entry_files():
            assert kind is not None
            project.files.append((kind, path, read_document(path, path.name).data))
        return project

    def holds(self, slot: Slot) -> bool:
        return any(kind.name == slot.kind and list(_places(data, slot.path)) for kind, _, data in self.files)

    def filled(self, value_for: Any) -> list[tuple[Kind, Path, dict]]:
        """Copies of the files with ``value_for(slot)`` written into every free-text field."""
        slots = [s for s in schema_slots(load_schemas()) if s.what in ("text", "string")]
        out = []
        for kind, path, data in self.files:
            data = copy.deepcopy(data)
            for slot in slots:
                if slot.kind == kind.name:
                    value = value_for(slot)
                    for parent, key in list(_places(data, slot.path)):
                        # a text keeps the languages it has (one, in an entry marked needs_translation)
                        written = [lang for lang in ("en", "zh") if isinstance(parent[key], dict) and lang in parent[key]]
                        parent[key] = {lang: value for lang in written or ("en", "zh")} if slot.what == "text" else value
            out.append((kind, path, data))
        return out


def _places(data: Any, path: SchemaPath) -> Iterator[tuple[Any, Any]]:
    """(container, key) of every value at ``path`` in ``data``."""
    if not path:
        return
    head, rest = path[0], path[1:]
    if head == "[]":
        keys = range(len(data)) if isinstance(data, list) else []
    elif head == "*":
        keys = list(data) if isinstance(data, dict) else []
    else:
        keys = [head] if isinstance(data, dict) and head in data else []
    for key in keys:
        if rest:
            yield from _places(data[key], rest)
        else:
            yield data, key


def library_of(files: list[tuple[Kind, Path, dict]]) -> Library:
    """Validated and linked, as the build does, but without the editorial rules: the renderer must
    be safe for any text the schema lets through, not only for text an editor would approve."""
    schemas = load_schemas()
    entries = []
    for kind, path, data in files:
        assert schemas.is_valid(kind.name, data), (path, [e.message for e in schemas.validators[kind.name].iter_errors(data)])
        entries.append(build_entry(kind.name, path.stem, path.relative_to(FIXTURE).as_posix(), data))
    library, problems = link(entries, schemas.vocabularies, schemas.documents)
    assert not problems, problems
    return library


# --- Markdown as the site renders it ---------------------------------------------------------

def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions and options of mkdocs.yml, as MkDocs runs it."""
    extensions, configs = [], {}
    for item in read_config(ROOT, "en")["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        extensions.append(name)
        configs[name] = options or {}
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def split_front_matter(text: str) -> tuple[dict, str]:
    if text.startswith("---\n"):
        head, _, body = text[4:].partition("\n---")
        return yaml.safe_load(head) or {}, body
    return {}, text


# --- HTML as a browser reads it --------------------------------------------------------------

# elements that break a line: their text does not run into the text around them
BLOCKS = {"p", "div", "li", "ul", "ol", "td", "th", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "br", "pre",
          "section", "details", "summary", "label", "blockquote", "dt", "dd", "form", "fieldset", "legend", "option"}


class Page(HTMLParser):
    """The elements, attributes, links and text of an HTML document."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: Counter = Counter()
        self.attributes: list[tuple[str, str, str]] = []  # (tag, name, value)
        self.texts: list[str] = []
        self._json: list[str] | None = None  # inside <script type="application/json">: its text so far
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and ("type", "application/json") in attrs:
            self._json = []
        self.elements[(tag, tuple(sorted(name for name, _ in attrs)))] += 1
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        if tag in BLOCKS:
            self.texts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._json is not None:
            self._data_for_the_script("".join(self._json))
            self._json = None
        if tag in BLOCKS:
            self.texts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._json is not None:
            self._json.append(data)
        else:
            self.texts.append(data)

    def _data_for_the_script(self, source: str) -> None:
        """Data for the page script is read as the script reads it: its strings, JSON-decoded.
        A payload that broke the JSON shows as it was written, and fails the checks on text."""
        try:
            data = json.loads(source)
        except ValueError:
            self.texts.append(source)
            return
        stack = [data]
        while stack:
            value = stack.pop()
            if isinstance(value, str):
                self.texts.append(f" {value} ")
            elif isinstance(value, dict):
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)

    @property
    def text(self) -> str:
        return " ".join("".join(self.texts).split())

    def links(self) -> Counter:
        """Every href and src; links inside the page count as one (their anchors follow the text)."""
        return Counter("#" if value.startswith("#") else value for tag, name, value in self.attributes
                       if name in ("href", "src"))

    def handlers(self) -> list[tuple[str, str, str]]:
        return [(tag, name, value) for tag, name, value in self.attributes if name.lower().startswith("on")]


# Paragraph breaks in a contributor's text become paragraphs: the only elements text may add.
PARAGRAPHS = {("p", ())}


def created(page: Page, baseline: Page) -> Counter:
    """Elements the payload page has and the marker page lacks, paragraphs aside."""
    extra = page.elements - baseline.elements
    return Counter({key: n for key, n in extra.items() if key not in PARAGRAPHS})


def visible(payload: str) -> str:
    """The payload as a reader sees it on a page: the same characters, whitespace folded."""
    return " ".join(payload.split())
