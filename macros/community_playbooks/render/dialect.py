"""The Markdown dialect of the pages, made in one place.

The pages are written in Python-Markdown with the extensions Material for MkDocs documents
(admonition, attr_list, md_in_html, pymdownx tabbed and details, toc anchors). Every piece
of that syntax the engine writes comes from a function here, so a builder that reads a
different dialect needs a different version of this module, not a change to every page.

Arguments are Markdown already: contributor text is escaped by ``escape`` before it gets here.
"""

from __future__ import annotations

import json
import re
from typing import Iterable, Mapping, Sequence


def join(*parts: str) -> str:
    """Blocks separated by blank lines; empty parts dropped; one newline at the end."""
    return "\n\n".join(p for p in parts if p) + "\n"


def indent(text: str, spaces: int = 4) -> str:
    """Indent a block, e.g. into an admonition; blank lines stay empty."""
    pad = " " * spaces
    return "\n".join(pad + line if line else "" for line in text.split("\n"))


def front_matter(meta: Mapping[str, object]) -> str:
    """YAML front matter in printable ASCII only, whatever the values hold: every string is a
    double-quoted YAML scalar whose other characters are escapes, so no character can stop
    MkDocs' YAML reader (which would then show the whole block as Markdown). The values are
    data for the theme's templates, which escape them; they are never read as Markdown."""
    return "---\n" + "".join(f"{key}: {_yaml_value(value)}\n" for key, value in meta.items()) + "---"


# JSON's escapes are YAML's too, but for characters beyond U+FFFF, which JSON writes as two
# surrogate escapes and YAML reads as two broken characters: YAML writes them as one \UXXXXXXXX.
_SURROGATE_PAIR = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})")


def _yaml_value(value: object) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_yaml_value(str(k))}: {_yaml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    text = json.dumps(value, ensure_ascii=True)
    return _SURROGATE_PAIR.sub(_astral, text) if "\\ud" in text else text


def _astral(pair: re.Match[str]) -> str:
    high, low = int(pair[1], 16), int(pair[2], 16)
    return f"\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08x}"


_ASTRAL = re.compile(r"\\U([0-9a-f]{8})")


def front_matter_values(text: str) -> dict[str, object] | None:
    """The values ``front_matter`` wrote at the top of ``text``, read back as the JSON they
    were written as (not as YAML): what the build compares with what MkDocs read."""
    if not text.startswith("---\n"):
        return None
    block, end, _ = text[4:].partition("\n---")
    if not end:
        return None
    values: dict[str, object] = {}
    for line in block.split("\n"):
        key, _, value = line.partition(": ")
        values[key] = json.loads(_ASTRAL.sub(lambda m: json.dumps(chr(int(m[1], 16)))[1:-1], value))
    return values


def heading(level: int, text: str, anchor: str | None = None) -> str:
    return f"{'#' * level} {text}" + (f" {{#{anchor}}}" if anchor else "")


def section(title: str, anchor: str, body: str, *, searched: bool = True) -> str:
    """A second-level heading with a fixed anchor, then its body; ``searched=False`` keeps the
    section out of the search index (checklists, texts, lists of links)."""
    block = f"{heading(2, title, anchor)}\n\n{body}"
    return block if searched else unsearched(block)


# The site's search (Pagefind) leaves out what an element so marked holds.
UNSEARCHED = 'data-pagefind-ignore="all"'


def unsearched(body: str) -> str:
    """Markdown kept out of the search index: still on the page, never a search result."""
    return f'<div {UNSEARCHED} markdown="1">\n\n{body}\n\n</div>'


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def link_list(items: Iterable[str]) -> str:
    """A list whose items lead to other pages (related entries, who uses this): each row a
    thumb's height on a phone."""
    return markdown_block("cp-links", bullets(items))


def numbered(items: Iterable[str]) -> str:
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))


def bold(text: str) -> str:
    return f"**{text}**"


def emphasis(text: str) -> str:
    return f"*{text}*"


def link(label: str, href: str) -> str:
    return f"[{label}]({href})"


def line_break() -> str:
    """A hard line break inside a paragraph or list item."""
    return "  \n"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A pipe table; cells are escaped Markdown (a literal ``|`` is escaped by ``escape``)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def admonition(kind: str, title: str, body: str, *, folded: bool = False) -> str:
    """A call-out box, or with ``folded`` one that opens on a tap (pymdownx.details); ``title``
    must hold no double quote (``escape.label`` sees to that)."""
    return f'{"???" if folded else "!!!"} {kind} "{title}"\n\n' + indent(body)


def button(label: str, href: str, *, download: bool = False) -> str:
    return f"[{label}]({href}){{ .md-button{' download' if download else ''} }}"


def tabs(panels: Iterable[tuple[str, str]]) -> str:
    """Content tabs, one per (label, body); a label holds no double quote."""
    return "\n\n".join(f'=== "{label}"\n\n' + indent(body) for label, body in panels)


def markdown_block(css_class: str, body: str, anchor: str | None = None) -> str:
    """A ``<div>`` whose content is Markdown again (md_in_html); ``anchor`` is a fixed id, not text."""
    id_attribute = f' id="{anchor}"' if anchor else ""
    return f'<div class="{css_class}"{id_attribute} markdown="1">\n\n{body}\n</div>'
