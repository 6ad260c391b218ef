"""Chat texts (group rules, welcome, announcement) in the form each platform pastes best.

Contributors write a message as plain text, exactly as it would be pasted into a WeChat
group: a heading line, then paragraphs or numbered lines. WeChat and QQ show Markdown
symbols literally, so they get the text as written. Discord and Telegram read Markdown:
their heading becomes bold and every character that would be read as formatting is
escaped. Slack's composer reads only a few marks: the heading becomes *bold*, and the rest
pastes as written (the content lint keeps Markdown out of chat texts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.library import Library
from ..content.model import Playbook
from . import dialect
from .context import Context
from .escape import chat_markdown

# What a message looks like on each family of platforms, in the order the page offers them.
FLAVOURS = ("plain", "markdown", "slack")
FLAVOUR_PLATFORMS = {"plain": ("wechat", "qq"), "markdown": ("discord", "telegram"), "slack": ("slack",)}


@dataclass(frozen=True)
class Variants:
    """One message in every flavour."""

    plain: str
    markdown: str
    slack: str

    def get(self, flavour: str) -> str:
        return getattr(self, flavour)


def normalise(text: str) -> str:
    """Trim trailing spaces and surplus blank lines; keep the author's line breaks."""
    lines = [line.rstrip() for line in text.strip("\n").splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def to_markdown(text: str) -> str:
    """Discord and Telegram: a bold heading; anything that would format is escaped."""
    heading, *rest = normalise(text).split("\n")
    return "\n".join([f"**{chat_markdown(heading)}**", *(chat_markdown(line) for line in rest)])


def to_slack(text: str) -> str:
    """Slack's composer: bold is *single stars*; the rest pastes as written. Slack has no escape
    for its marks, so a heading that holds one stays plain rather than lose a character."""
    heading, *rest = normalise(text).split("\n")
    return "\n".join([heading if any(mark in heading for mark in "*_~`") else f"*{heading}*", *rest])


def variants(text: str) -> Variants:
    return Variants(normalise(text), to_markdown(text), to_slack(text))


# --- on a page ------------------------------------------------------------------------------

MESSAGE_KINDS = (("rules", "rules_post"), ("welcome", "welcome_post"), ("announcement", "announcement_post"))


def flavour_label(library: Library, flavour: str, lang: str) -> str:
    return " / ".join(library.label("platform", p, lang) for p in FLAVOUR_PLATFORMS[flavour])


def messages_section(ctx: Context, playbook: Playbook) -> str:
    """Each chat text as tabs, one per family of platforms, each with the theme's copy button.

    The text sits in a code block: shown exactly as written (never Markdown, never a
    template), and the copy button copies exactly what is shown.
    """
    if playbook.messages is None:
        return ""
    parts = [ctx.ui("messages_intro")]
    for name, key in MESSAGE_KINDS:
        text = getattr(playbook.messages, name)
        if text is None:
            continue
        forms = variants(text.get(ctx.lang))
        panels = []
        for flavour in FLAVOURS:
            body = forms.get(flavour)
            fence = "`" * max(3, _longest_run(body, "`") + 1)
            label = flavour_label(ctx.library, flavour, ctx.lang).replace('"', "")
            panels.append((label, f"{fence}text\n{body}\n{fence}"))
        parts.append(f"{dialect.heading(3, ctx.ui(key), f'message-{name}')}\n\n{dialect.tabs(panels)}")
    return dialect.section(ctx.ui("messages"), "messages", "\n\n".join(parts))


def _longest_run(text: str, char: str) -> int:
    return max((len(run) for run in re.findall(f"{re.escape(char)}+", text)), default=0)
