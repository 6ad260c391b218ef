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
from .fragments import fragment

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

# one choice of platform for every text on the page (and the next pages), shown by the script
_CHOOSER = fragment(
    '<p class="cp-texts__choose" data-cp-default="{{ default }}" data-cp-needs-script><span class="cp-texts__ask">{{ ask }}</span> '
    '{% for flavour, label in flavours %}<button type="button" class="cp-texts__flavour" data-cp-flavour="{{ flavour }}" '
    'aria-pressed="false">{{ label }}</button> {% endfor %}</p>')
_TEXTS = fragment(
    '<div class="cp-texts" data-cp-texts>'
    '{% for flavour, label, text in versions %}<div class="cp-text" data-cp-flavour="{{ flavour }}"'
    '{% if flavour != default %} hidden{% endif %}>'
    '<p class="cp-text__for">{{ label }}</p>'
    '<div class="cp-text__body" id="text-{{ name }}-{{ flavour }}">{{ text }}</div>'
    '<button type="button" class="md-button cp-copy" data-cp-copy="text-{{ name }}-{{ flavour }}" '
    'data-cp-copied="{{ copied }}" data-cp-needs-script>{{ copy }}</button></div>{% endfor %}</div>')


def flavour_label(library: Library, flavour: str, lang: str) -> str:
    return " / ".join(library.label("platform", p, lang) for p in FLAVOUR_PLATFORMS[flavour])


def default_flavour(playbook: Playbook) -> str:
    """The version shown first: that of the first platform the playbook names which has one."""
    return next((flavour for platform in playbook.group.platforms for flavour in FLAVOURS
                 if platform in FLAVOUR_PLATFORMS[flavour]), FLAVOURS[0])


def messages_section(ctx: Context, playbook: Playbook) -> str:
    """Each chat text ready to paste, in the version each family of platforms reads best.

    The text is shown as text (never Markdown, never a template, its line breaks kept) in a
    readable font, with a copy button below it that copies exactly what is shown. The page
    script shows one family at a time, the reader's choice for every text and every page;
    without it every version is shown, each labelled.
    """
    if playbook.messages is None:
        return ""
    flavours = [(flavour, flavour_label(ctx.library, flavour, ctx.lang)) for flavour in FLAVOURS]
    parts = [ctx.ui("messages_intro"), _CHOOSER(default=default_flavour(playbook), ask=ctx.ui("paste_into"),
                                                flavours=flavours)]
    for name, key in MESSAGE_KINDS:
        text = getattr(playbook.messages, name)
        if text is None:
            continue
        forms = variants(text.get(ctx.lang))
        versions = [(flavour, ctx.ui("text_for", what=label), forms.get(flavour)) for flavour, label in flavours]
        what = ctx.ui(key).lower() if ctx.language.cased else ctx.ui(key)
        block = _TEXTS(name=name, default=default_flavour(playbook), versions=versions,
                       copy=ctx.ui("copy_text", what=what), copied=ctx.ui("copied"))
        parts.append(f"{dialect.heading(3, ctx.ui(key), f'message-{name}')}\n\n{block}")
    return dialect.section(ctx.ui("messages"), "messages", "\n\n".join(parts), searched=False)
