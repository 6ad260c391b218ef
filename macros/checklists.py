"""Launch checklists: on a page as tickable items, tailored to one group, and as plain text.

On a page every item is a real checkbox inside its own ``<label>``, so a screen reader
reads the item with its box and a click on the text ticks it. The page script remembers
ticks by playbook id and item id (the same in every language). Without the script the
list is still a readable list with its boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from . import mdtext
from .context import Context, kit_uri, pdf_uri
from .linker import Library
from .model import KIND_OF_SECTION, ChecklistItem, Condition, Phase, Playbook
from .ui import t

TOOLS_BUILDER = "tools/checklist-builder.md"


@dataclass(frozen=True)
class Situation:
    """The group a checklist is tailored to; a field left empty matches every item."""

    platform: str | None = None
    size: int | None = None
    stage: str | None = None


def applies(condition: Condition | None, situation: Situation) -> bool:
    """Whether an item with ``condition`` belongs on the checklist of ``situation``."""
    if condition is None:
        return True
    if condition.platforms and situation.platform and situation.platform not in condition.platforms:
        return False
    if condition.stages and situation.stage and situation.stage not in condition.stages:
        return False
    if situation.size is not None:
        if condition.min_size is not None and situation.size < condition.min_size:
            return False
        if condition.max_size is not None and situation.size > condition.max_size:
            return False
    return True


def tailored(playbook: Playbook, situation: Situation) -> Iterator[tuple[Phase, tuple[ChecklistItem, ...]]]:
    """Each phase with the items that apply to ``situation``; phases left empty are dropped."""
    for phase in playbook.checklists:
        items = tuple(item for item in phase.items if applies(item.condition, situation))
        if items:
            yield phase, items


def item_count(playbook: Playbook) -> int:
    return sum(len(phase.items) for phase in playbook.checklists)


# --- on a page ------------------------------------------------------------------------------

def condition_words(library: Library, condition: Condition, lang: str) -> str:
    """Who an item is for, as plain text: "WeChat, QQ; at least 200 members"."""
    separator = "、" if lang == "zh" else ", "
    parts = [separator.join(library.label("platform", p, lang) for p in condition.platforms)] if condition.platforms else []
    if condition.stages:
        parts.append(separator.join(mdtext.unlinked(library.stages[s].title.get(lang)) if s in library.stages else s
                                    for s in condition.stages))
    if condition.min_size is not None:
        parts.append(t("at_least", lang, n=condition.min_size))
    if condition.max_size is not None:
        parts.append(t("at_most", lang, n=condition.max_size))
    return "; ".join(parts)


def condition_text(ctx: Context, condition: Condition) -> str:
    return mdtext.escape(condition_words(ctx.library, condition, ctx.lang))


def item_details(ctx: Context, item: ChecklistItem, *, links: bool = True) -> str:
    details = [f"{ctx.ui('when')}{ctx.label_separator}{ctx.text(item.when)}",
               f"{ctx.ui('owner')}{ctx.label_separator}{ctx.text(item.owner)}"]
    if item.condition:
        details.append(f"{ctx.ui('only_for')} {condition_text(ctx, item.condition)}")
    if item.see and links:
        section, target = item.see
        kind = KIND_OF_SECTION[section]
        details.append(f"{ctx.ui('see')} {ctx.link(ctx.library.get(kind, target))}")
    return " · ".join(details)


def checklist_item(ctx: Context, playbook: Playbook, phase: str, item: ChecklistItem, *, links: bool = True) -> str:
    """One item: a checkbox labelled by the item's text, with its own anchor ``<playbook>--<item>``."""
    return (f'- <label class="cp-item" id="{playbook.id}--{item.id}"><input type="checkbox" class="cp-check" '
            f'data-cp-playbook="{playbook.id}" data-cp-item="{item.id}" data-cp-phase="{phase}"> '
            f'<span class="cp-text">{ctx.text(item.text)}</span></label>  \n'
            f'  <small class="cp-meta">{item_details(ctx, item, links=links)}</small>')


def phase_block(ctx: Context, playbook: Playbook, phase: Phase, items: Iterable[ChecklistItem], heading_level: int = 3,
                *, links: bool = True) -> str:
    items = tuple(items)
    heading = f"{'#' * heading_level} {ctx.label('phase', phase.phase)} {{#{playbook.id}--{phase.phase}}}"
    # filled in by the page script ("3 / 12"); empty and hidden without it
    progress = (f'<p class="cp-progress" data-cp-playbook="{playbook.id}" data-cp-phase="{phase.phase}" '
                f'aria-live="polite" hidden></p>')
    lines = "\n".join(checklist_item(ctx, playbook, phase.phase, item, links=links) for item in items)
    return f"{heading}\n\n{progress}\n\n{lines}"


def toolbar(ctx: Context, playbook: Playbook) -> str:
    """Reset (needs the script, so hidden without it), then links that work everywhere."""
    builder = ctx.url(TOOLS_BUILDER) + f"?playbook={playbook.id}"
    pdf = (f'<a class="md-button" href="{ctx.url(pdf_uri(playbook))}" download>{ctx.ui("kit_pdf")}</a> '
           if ctx.pdf else "")
    return (f'<div class="cp-toolbar" data-cp-playbook="{playbook.id}">'
            f'<button type="button" class="md-button cp-reset" data-cp-playbook="{playbook.id}" hidden>'
            f'{ctx.ui("reset_ticks")}</button> '
            f'<a class="md-button" href="{ctx.url(kit_uri(playbook))}">{ctx.ui("print_kit")}</a> {pdf}'
            f'<a class="md-button" href="{builder}">{ctx.ui("tailor_checklist")}</a></div>')


def checklist(ctx: Context, playbook: Playbook, heading_level: int = 3, *, with_toolbar: bool = True,
              situation: Situation | None = None, links: bool = True) -> str:
    """The whole checklist of a playbook (or the part that applies to ``situation``), phase by phase."""
    phases = tailored(playbook, situation) if situation else ((p, p.items) for p in playbook.checklists)
    blocks = [toolbar(ctx, playbook)] if with_toolbar else []
    blocks += [phase_block(ctx, playbook, phase, items, heading_level, links=links) for phase, items in phases]
    return "\n\n".join(blocks)


# --- as text, for terminals and chats -------------------------------------------------------

def situation_line(library: Library, situation: Situation, lang: str) -> str:
    parts = []
    if situation.platform:
        parts.append(library.label("platform", situation.platform, lang))
    if situation.size is not None:
        parts.append(t("size_n", lang, n=situation.size))
    if situation.stage:
        stage = library.stages.get(situation.stage)
        parts.append(stage.title.get(lang) if stage else situation.stage)
    return ("、" if lang == "zh" else ", ").join(parts)


def checklist_text(library: Library, playbook: Playbook, lang: str, situation: Situation | None = None,
                   fmt: str = "text") -> str:
    """A checklist for a terminal (``text``) or for pasting where Markdown renders (``markdown``)."""
    situation = situation or Situation()
    title = f"{playbook.title.get(lang)} — {t('checklists', lang)}"
    tailoring = situation_line(library, situation, lang)
    out: list[str] = []
    if fmt == "markdown":
        out += [f"# {_md(title)}", ""]
        if tailoring:
            out += [f"*{_md(t('tailored_for', lang, situation=tailoring))}*", ""]
    else:
        out += [title, "=" * _width(title), ""]
        if tailoring:
            out += [t("tailored_for", lang, situation=tailoring), ""]
    separator = "：" if lang == "zh" else ": "
    for phase, items in tailored(playbook, situation):
        heading = library.label("phase", phase.phase, lang)
        if fmt == "markdown":
            out += [f"## {_md(heading)}", ""]
        else:
            out += [heading, "-" * _width(heading)]
        for item in items:
            text = " ".join(mdtext.unlinked(item.text.get(lang)).split())
            meta = (f"{t('when', lang)}{separator}{item.when.get(lang)} · "
                    f"{t('owner', lang)}{separator}{item.owner.get(lang)}")
            if fmt == "markdown":
                out.append(f"- [ ] {_md(text)}  \n  {_md(meta)}")
            else:
                out += [f"[ ] {text}", f"    {meta}"]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md(text: str) -> str:
    # for chats as much as for files: backslashes, never HTML entities
    return mdtext.chat_markdown(text)


def _width(text: str) -> int:
    """Columns a heading takes in a terminal: CJK characters are two wide."""
    return sum(2 if "\u2e80" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)
