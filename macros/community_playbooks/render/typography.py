"""Chinese typography on a finished page: what Markdown cannot know about CJK text.

Markdown turns a line break in the source into a space, which is right between English
words and wrong between Chinese characters: a hand-written page wrapped at 100 columns
shows stray gaps after "，" and "；". And a number followed by its unit ("300 人") may wrap
apart. Both are fixed here, on the HTML, outside ``pre``, ``code``, ``script``, ``style``
and ``textarea`` (whose text is shown or copied exactly as written) and never inside tags.
"""

from __future__ import annotations

import functools
import re

from ..content.languages import language
from ..content.model import HAN

# CJK ideographs, and the punctuation and full-width forms that sit among them
CJK = f"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff{HAN}\uff00-\uffef"
CJK_CHAR = re.compile(f"[{CJK}]")
_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_VERBATIM = ("pre", "code", "script", "style", "textarea")
# elements with no text of their own that still take room (a checkbox, a picture, a line
# break): the text on either side of one does not meet, so a space beside one stays
_OBJECTS = ("input", "img", "br", "hr", "svg", "button", "select", "textarea", "iframe", "video", "audio")
# whitespace holding a line break: a wrapped source line, never a space someone typed
_WRAP = re.compile(r"[ \t]*\n\s*")
_TRAILING_WRAP = re.compile(r"[ \t]*\n\s*$")
_INNER_WRAP = re.compile(f"(?<=[{CJK}])[ \\t]*\\n\\s*(?=[{CJK}])")
_LEADING_SPACE = re.compile(r"^[ \t\n]+")
_TRAILING_SPACE = re.compile(r"[ \t\n]+$")
# full-width punctuation carries its own space: a typed space after it is one too many
_AFTER_FULL_WIDTH = re.compile("(?<=[，；：。、！？）」』】》])[ \t]+")
FULL_WIDTH_END = re.compile("[，；：。、！？）」』】》]$")
# outside Chinese pages the only change is a wrap beside a CJK character: look for one first
_WRAP_BESIDE_CJK = re.compile(f"[{CJK}][ \\t]*\\n|\\n\\s*[{CJK}]")
NBSP = "\u00a0"


def chinese_typography(html: str, *, lang: str) -> str:
    """``html`` with wrapped-line spaces between CJK characters removed and, on the pages of a
    language written without spaces (Chinese): no space between CJK text and an inline
    element whose text starts or ends with CJK (a link, bold text, code), none after
    full-width punctuation, and each number bound to its unit."""
    spaced = language(lang).spaced
    if not (_WRAP_BESIDE_CJK if spaced else CJK_CHAR).search(html):
        return html  # most English pages: nothing to do, and nothing to pay for
    tokens = _TOKENS.split(html)
    texts: list[tuple[int, bool]] = []  # (position, verbatim): every text, in order
    gaps: set[int] = set()  # texts that follow an object (a checkbox, a picture)
    verbatim, after_object = 0, False
    for i, token in enumerate(tokens):
        if i % 2:  # a tag or a comment
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", token)
            tag = name.group(1).lower() if name else ""
            if tag in _VERBATIM and not token.endswith("/>"):
                verbatim = max(verbatim + (-1 if token.startswith("</") else 1), 0)
            after_object = after_object or (tag in _OBJECTS and not token.startswith("</"))
            continue
        if token:
            texts.append((i, bool(verbatim)))
            if after_object:
                gaps.add(i)
            after_object = False
    for n, (i, is_verbatim) in enumerate(texts):
        if is_verbatim:
            continue
        text = _INNER_WRAP.sub("", tokens[i])
        before = "" if i in gaps or not n else tokens[texts[n - 1][0]][-1:]
        following = texts[n + 1][0] if n + 1 < len(texts) else None
        after = "" if following is None or following in gaps else tokens[following][:1]
        # a space at the edge of a text, next to a link, emphasis or code: look across the tag
        edge = _WRAP if spaced else _LEADING_SPACE
        lead = edge.match(text)
        if lead and text[lead.end():] and _both_cjk(before, text[lead.end()]):
            text = text[lead.end():]
        tail = (_TRAILING_WRAP if spaced else _TRAILING_SPACE).search(text)
        if tail and tail.start() and _both_cjk(text[tail.start() - 1], after):
            text = text[:tail.start()]
        if not spaced:
            if FULL_WIDTH_END.search(before):
                text = text.lstrip(" \t")
            text = _AFTER_FULL_WIDTH.sub("", bind_number_units(text, lang))
        tokens[i] = text
    return "".join(tokens)


@functools.cache
def _number_unit(lang: str) -> re.Pattern[str] | None:
    units = language(lang).units
    if not units:
        return None
    return re.compile("(?<=\\d) (?=" + "|".join(sorted(map(re.escape, units), key=len, reverse=True)) + ")")


def bind_number_units(text: str, lang: str) -> str:
    """A count kept on one line with its unit: "300 人" with a no-break space."""
    pattern = _number_unit(lang)
    return pattern.sub(NBSP, text) if pattern else text


def _both_cjk(left: str, right: str) -> bool:
    return bool(left and right and CJK_CHAR.match(left) and CJK_CHAR.match(right))
