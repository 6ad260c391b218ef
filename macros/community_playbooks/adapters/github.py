"""Text the engine posts to GitHub (issues, comments, job summaries), where content is data.

GitHub renders Markdown, links ``@mentions`` and ``#123`` references, and reads HTML: text
that comes from content goes inside a code span or a code block, where none of that happens.
"""

from __future__ import annotations

import re

from ..characters import neutralised


def code_span(text: str) -> str:
    """``text`` as an inline code span: a fence of backticks longer than any run inside it."""
    text = " ".join(neutralised(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def code_block(text: str) -> str:
    """``text`` as a fenced code block that nothing inside it can close."""
    text = neutralised(text)
    fence = "`" * max(3, max((len(run) for run in re.findall(r"^ {0,3}(`{3,})", text, re.M)), default=0) + 1)
    return f"{fence}text\n{text.rstrip()}\n{fence}"
