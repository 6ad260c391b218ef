"""Contributor text -> Markdown that shows exactly what was written.

Every character Markdown, its extensions or Jinja could read as syntax is escaped, and
``<``, ``>`` and ``&`` become entities, so ``{{ 7*7 }}``, ``<script>`` and ``{: onclick}``
reach the page as text. The only syntax kept is a link ``[label](target)`` whose target
is an http(s) address or a relative path.
"""

from __future__ import annotations

import re

_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)\)")
_SAFE_TARGET = re.compile(r"^(https?://[^\s\"'<>\\]+|(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!//)[^\s\"'<>\\]+)$")
# backslash-escaped anywhere: Markdown, pymdownx (tilde, caret, mark, keys), attr_list and Jinja braces
_BACKSLASHED = "\\`*_{}[]#!|~^="
_TABLE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: "\\" + c for c in _BACKSLASHED}})
# at the start of a line these open a list, a quote or a heading
_LEADING_MARKER = re.compile(r"^(\d+)([.)])|^([-+])")


def escape(text: str) -> str:
    """Escape plain text for use inside a Markdown paragraph, list item or table cell."""
    return _LEADING_MARKER.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text.translate(_TABLE), count=1)


def inline(text: str) -> str:
    """One line of Markdown from contributor text: whitespace folded, safe links kept."""
    text = " ".join(text.split())
    if "[" not in text:  # no link to keep: most text
        return escape(text)
    out, last = [], 0
    for match in _LINK.finditer(text):
        label, target = match.groups()
        out.append(escape(text[last:match.start()]))
        if _SAFE_TARGET.match(target):
            out.append(f"[{escape(label)}]({target})")
        else:
            out.append(escape(match.group(0)))
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def paragraphs(text: str) -> str:
    """Markdown paragraphs from contributor text; a blank line starts a new paragraph."""
    return "\n\n".join(inline(p) for p in re.split(r"\n\s*\n", text.strip()) if p.strip())


def attribute(text: str) -> str:
    """Text for a double-quoted HTML or YAML attribute value (no newlines, no quotes)."""
    return " ".join(text.split()).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def unlinked(text: str) -> str:
    """Plain text with every ``[label](target)`` reduced to its label: for chat, terminals and raw HTML."""
    return _LINK.sub(lambda m: m[1], text)
