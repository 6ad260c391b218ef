"""Chinese typography on a finished page: what Markdown cannot know about CJK text.

Markdown turns a line break in the source into a space, which is right between English
words and wrong between Chinese characters: a hand-written page wrapped at 100 columns
shows stray gaps after "，" and "；". And a number followed by its unit ("300 人") may wrap
apart. Both are fixed here, on the HTML, outside ``pre``, ``code``, ``script``, ``style``
and ``textarea`` (whose text is shown or copied exactly as written) and never inside tags.
"""

from __future__ import annotations

import re

from ..content.model import HAN

# CJK ideographs, and the punctuation and full-width forms that sit among them
CJK = f"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff{HAN}\uff00-\uffef"
CJK_CHAR = re.compile(f"[{CJK}]")
_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_VERBATIM = ("pre", "code", "script", "style", "textarea")
# whitespace holding a line break: a wrapped source line, never a space someone typed
_WRAP = re.compile(r"[ \t]*\n\s*")
_TRAILING_WRAP = re.compile(r"[ \t]*\n\s*$")
_INNER_WRAP = re.compile(f"(?<=[{CJK}])[ \\t]*\\n\\s*(?=[{CJK}])")
# the units a Chinese count is written with; a break between number and unit misreads
UNITS = "人天个本次项条位名周月年元页章篇分钟小时"
# full-width punctuation carries its own space: a typed space after it is one too many
_AFTER_FULL_WIDTH = re.compile("(?<=[，；：。、！？）」』】》])[ \t]+")
FULL_WIDTH_END = re.compile("[，；：。、！？）」』】》]$")
_NUMBER_UNIT = re.compile(f"(?<=\\d) (?=(?:分钟|小时|[{UNITS}]))")
# outside Chinese pages the only change is a wrap beside a CJK character: look for one first
_WRAP_BESIDE_CJK = re.compile(f"[{CJK}][ \\t]*\\n|\\n\\s*[{CJK}]")
NBSP = "\u00a0"


def chinese_typography(html: str, *, lang: str) -> str:
    """``html`` with wrapped-line spaces between CJK characters removed and, on Chinese pages,
    no space after full-width punctuation and each number bound to its unit."""
    if not (CJK_CHAR if lang == "zh" else _WRAP_BESIDE_CJK).search(html):
        return html  # most English pages: nothing to do, and nothing to pay for
    tokens = _TOKENS.split(html)
    verbatim = 0
    texts: list[int] = []  # the text tokens to work on, by position
    for i, token in enumerate(tokens):
        if i % 2:  # a tag or a comment
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", token)
            if name and name.group(1).lower() in _VERBATIM and not token.endswith("/>"):
                verbatim += -1 if token.startswith("</") else 1
                verbatim = max(verbatim, 0)
            continue
        if verbatim or not token:
            continue
        texts.append(i)
    for n, i in enumerate(texts):
        text = _INNER_WRAP.sub("", tokens[i])
        before = tokens[texts[n - 1]][-1:] if n else ""
        after = tokens[texts[n + 1]][:1] if n + 1 < len(texts) else ""
        # a wrap at the edge of a text, next to a link or emphasis: look at the text across the tag
        lead = _WRAP.match(text)
        if lead and text[lead.end():] and _both_cjk(before, text[lead.end()]):
            text = text[lead.end():]
        tail = _TRAILING_WRAP.search(text)
        if tail and tail.start() and _both_cjk(text[tail.start() - 1], after):
            text = text[:tail.start()]
        if lang == "zh":
            if FULL_WIDTH_END.search(before):
                text = text.lstrip(" \t")
            text = _AFTER_FULL_WIDTH.sub("", _NUMBER_UNIT.sub(NBSP, text))
        tokens[i] = text
    return "".join(tokens)


def bind_number_units(text: str) -> str:
    """A Chinese count kept on one line: "300 人" with a no-break space."""
    return _NUMBER_UNIT.sub(NBSP, text)


def _both_cjk(left: str, right: str) -> bool:
    return bool(left and right and CJK_CHAR.match(left) and CJK_CHAR.match(right))
