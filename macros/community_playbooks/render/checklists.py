"""Launch checklists: on a page as tickable items, tailored to one group, and as plain text.

On a page every item is a real checkbox inside its own ``<label>``, so a screen reader
reads the item with its box and a click on the text ticks it. The page script remembers
ticks by playbook id and item id (the same in every language). Without the script the
list is still a readable list with its boxes.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..content.kinds import BY_SECTION
from ..content.languages import LANGUAGES, language
from ..content.library import Library
from ..content.markup import unlinked
from ..content.model import ChecklistItem, Condition, Phase, Pitfall, Playbook, Text
from . import dialect, escape
from .context import Context
from .fragments import Markup, fragment, json_script
from .strings import t
from .urls import kit_uri, pdf_uri
from .wording import Situation, condition_words, situation_words

TOOLS_BUILDER = "tools/checklist-builder.md"
MOVE_ON = "move-on"  # the phase a running group's checklist ends with: its stage's criteria for moving on

__all__ = ["Situation", "applies", "checklist", "checklist_text", "item_count", "tailored"]


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


def tailored(library: Library, playbook: Playbook, situation: Situation) -> Iterator[tuple[Phase, tuple[ChecklistItem, ...]]]:
    """Each phase a group of ``situation`` needs, with the items that apply to it; phases left
    empty are dropped. A running group's checklist ends with what moves it on from its stage,
    and any checklist with the remedies of the pitfalls the reader added."""
    for phase in playbook.checklists:
        if situation.age and situation.age not in library.phase_serves.get(phase.phase, (situation.age,)):
            continue
        items = tuple(item for item in phase.items if applies(item.condition, situation))
        if items:
            yield phase, items
    if situation.age == "running" and situation.stage:
        moving = moving_on(library, playbook, situation.stage)
        if moving:
            yield moving, moving.items
    for pitfall_id in situation.remedies:
        if pitfall_id in library.pitfalls:
            remedy = remedy_phase(library.pitfalls[pitfall_id])
            yield remedy, remedy.items


# what the engine writes in an item's "when" and "owner" where the content has no such field
_REVIEW, _NOW, _ORGANISERS = (Text({lang: t(key, lang) for lang in LANGUAGES})
                              for key in ("when_stage_review", "when_now", "owner_organisers"))


def moving_on(library: Library, playbook: Playbook, stage_id: str) -> Phase | None:
    """A stage's criteria for moving on, as items a running group ticks as it meets them."""
    use = next((g for g in playbook.governance if g.stage == stage_id), None)
    stage = library.stages.get(stage_id)
    if use is None or stage is None or not use.move_on:
        return None
    title = Text({lang: t("moving_on_from", lang, stage=unlinked(stage.title.get(lang))) for lang in LANGUAGES})
    return Phase(MOVE_ON, tuple(ChecklistItem(f"{MOVE_ON}-{stage_id}-{n}", text, _REVIEW, use.lead)
                                for n, text in enumerate(use.move_on, 1)), title)


def remedy_phase(pitfall: Pitfall) -> Phase:
    """A pitfall's remedy as items: what the reader added to the checklist from its page."""
    title = Text({lang: t("remedy_of", lang, pitfall=unlinked(pitfall.title.get(lang))) for lang in LANGUAGES})
    return Phase(f"remedy-{pitfall.id}", tuple(ChecklistItem(f"remedy-{pitfall.id}-{n}", text, _NOW, _ORGANISERS)
                                                for n, text in enumerate(pitfall.remedy, 1)), title)


def item_count(playbook: Playbook) -> int:
    return sum(len(phase.items) for phase in playbook.checklists)


# --- on a page ------------------------------------------------------------------------------

# An item says which groups it is for, so the page script can show a reader only theirs.
_ITEM = fragment(
    '<label class="cp-item" id="{{ playbook }}--{{ item }}"{% for name, value in only %} data-cp-{{ name }}="{{ value }}"'
    '{% endfor %}><input type="checkbox" class="cp-check" '
    'data-cp-playbook="{{ playbook }}" data-cp-item="{{ item }}" data-cp-phase="{{ phase }}"> '
    '<span class="cp-text">{{ text }}</span></label>')
_META = fragment('<small class="cp-meta">{{ details }}</small>')
_PHASE = fragment('<div class="cp-phase" data-cp-phase="{{ phase }}" data-cp-serves="{{ serves }}" markdown="1">')
# kept up to date by the page script ("3 / 12"), and laid out from the start so nothing moves
# when it arrives; without the script there is nothing to count
_PROGRESS = fragment('<p class="cp-progress" data-cp-playbook="{{ playbook }}" data-cp-phase="{{ phase }}" '
                     'aria-live="polite" data-cp-needs-script>0 / {{ total }}</p>')
# Clearing ticks is last and quiet, and can be undone: ticks are shared by both languages, the
# launch kit and the builder, so one slip would lose them everywhere.
_TOOLBAR = fragment(
    '<div class="cp-toolbar" data-cp-playbook="{{ playbook }}">'
    '<a class="md-button" href="{{ builder }}">{{ tailor }}</a> '
    '<a class="md-button" href="{{ kit }}">{{ print_kit }}</a> '
    '{% if pdf %}<a class="md-button" href="{{ pdf }}" download>{{ pdf_label }}</a> {% endif %}'
    '<button type="button" class="cp-reset" data-cp-playbook="{{ playbook }}" data-cp-cleared="{{ cleared }}" '
    'data-cp-undo="{{ undo }}" data-cp-needs-script>{{ reset }}</button>'
    '<span class="cp-reset-note" role="status" aria-live="polite"></span></div>')


def item_details(ctx: Context, item: ChecklistItem, *, links: bool = True) -> str:
    """When, who, for which groups, and where to read more: Markdown."""
    details = [f"{ctx.ui('when')}{ctx.label_separator}{ctx.text(item.when)}",
               f"{ctx.ui('owner')}{ctx.label_separator}{ctx.text(item.owner)}"]
    if item.condition:
        details.append(ctx.ui("only_for", what=escape.escape(condition_words(ctx.library, item.condition, ctx.lang))))
    if item.see and links:
        section, target = item.see
        details.append(f"{ctx.ui('see')} {ctx.link(ctx.library.get(BY_SECTION[section].name, target))}")
    return " · ".join(details)


def checklist_item(ctx: Context, playbook: Playbook, phase: str, item: ChecklistItem, *, links: bool = True) -> str:
    """One item: a checkbox labelled by the item's text, with its own anchor ``<playbook>--<item>``.

    The item's text and details are escaped Markdown (they may hold links), kept as they are.
    """
    label = _ITEM(playbook=playbook.id, item=item.id, phase=phase, text=Markup(ctx.text(item.text)),
                  only=condition_attributes(item.condition))
    details = _META(details=Markup(item_details(ctx, item, links=links)))
    return f"- {label}{dialect.line_break()}  {details}"


def phase_block(ctx: Context, playbook: Playbook, phase: Phase, items: Iterable[ChecklistItem], heading_level: int = 3,
                *, links: bool = True) -> str:
    name = ctx.title(phase.title) if phase.title else ctx.label("phase", phase.phase)
    heading = dialect.heading(heading_level, name, f"{playbook.id}--{phase.phase}")
    items = list(items)
    progress = _PROGRESS(playbook=playbook.id, phase=phase.phase, total=len(items))
    lines = "\n".join(checklist_item(ctx, playbook, phase.phase, item, links=links) for item in items)
    # which groups the phase serves, by age: a running group's reader sees its own phases
    serves = " ".join(ctx.library.phase_serves.get(phase.phase, ()))
    return f"{_PHASE(phase=phase.phase, serves=serves)}\n\n{heading}\n\n{progress}\n\n{lines}\n\n</div>"


def condition_attributes(condition: Condition | None) -> list[tuple[str, str]]:
    """(name, value) of the data attributes that say which groups an item is for."""
    if condition is None:
        return []
    found = [("platforms", " ".join(condition.platforms)), ("stages", " ".join(condition.stages)),
             ("min", "" if condition.min_size is None else str(condition.min_size)),
             ("max", "" if condition.max_size is None else str(condition.max_size))]
    return [(name, value) for name, value in found if value]


def context_script(ctx: Context, playbook: Playbook) -> str:
    """What the page script needs to show a reader only the items for their group, when the
    address says which group that is (a platform, a size, a stage, how long it has run): the
    names to say so, and the builder that adds the stage's criteria for moving on. With the
    reader's group in the address, the page's playbook goes with them too, to a pitfall and
    the builder its remedy opens."""
    library = ctx.library
    return json_script("cp-context", {
        "playbook": playbook.id,
        "platform": {value: ctx.plain_label("platform", value) for value in library.order("platform")},
        "stage": {stage.id: ctx.unlinked(stage.title) for stage in library.stages_in_order()},
        "age": {value: ctx.plain_label("age", value) for value in library.order("age")},
        "builder": ctx.url(TOOLS_BUILDER) + f"?playbook={playbook.id}",
        "strings": {key: ctx.ui(key) for key in ("context_note", "context_show_all", "context_builder", "size_n")}
        | {"list_separator": ctx.list_separator},
    })


def toolbar(ctx: Context, playbook: Playbook) -> str:
    """Reset (needs the script, so hidden without it), then links that work everywhere."""
    return _TOOLBAR(playbook=playbook.id, reset=ctx.ui("reset_ticks"), cleared=ctx.ui("ticks_cleared"),
                    undo=ctx.ui("undo"), kit=ctx.url(kit_uri(playbook.id)),
                    print_kit=ctx.ui("print_kit"), pdf=ctx.url(pdf_uri(playbook.id)) if ctx.site.pdf else "",
                    pdf_label=ctx.ui("kit_pdf"), builder=ctx.url(TOOLS_BUILDER) + f"?playbook={playbook.id}",
                    tailor=ctx.ui("tailor_checklist"))


def checklist(ctx: Context, playbook: Playbook, heading_level: int = 3, *, with_toolbar: bool = True,
              situation: Situation | None = None, links: bool = True) -> str:
    """The whole checklist of a playbook (or the part that applies to ``situation``), phase by phase."""
    phases = tailored(ctx.library, playbook, situation) if situation else ((p, p.items) for p in playbook.checklists)
    blocks = [toolbar(ctx, playbook)] if with_toolbar else []
    blocks += [phase_block(ctx, playbook, phase, items, heading_level, links=links) for phase, items in phases]
    return "\n\n".join(blocks)


# --- as text, for terminals and chats -------------------------------------------------------

def checklist_text(library: Library, playbook: Playbook, lang: str, situation: Situation | None = None,
                   fmt: str = "text") -> str:
    """A checklist for a terminal (``text``) or for pasting where Markdown renders (``markdown``)."""
    situation = situation or Situation()
    title = f"{playbook.title.get(lang)} — {t('running_checklist' if situation.age == 'running' else 'checklists', lang)}"
    tailoring = situation_words(library, situation, lang)
    out: list[str] = []
    if fmt == "markdown":
        out += [f"# {_md(title)}", ""]
        if tailoring:
            out += [f"*{_md(t('tailored_for', lang, situation=tailoring))}*", ""]
    else:
        out += [title, "=" * _width(title), ""]
        if tailoring:
            out += [t("tailored_for", lang, situation=tailoring), ""]
    separator = language(lang).label_separator
    for phase, items in tailored(library, playbook, situation):
        heading = phase.title.get(lang) if phase.title else library.label("phase", phase.phase, lang)
        if fmt == "markdown":
            out += [f"## {_md(heading)}", ""]
        else:
            out += [heading, "-" * _width(heading)]
        for item in items:
            text = " ".join(escape.unlinked(item.text.get(lang)).split())
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
    return escape.chat_markdown(text)


def _width(text: str) -> int:
    """Columns a heading takes in a terminal: CJK characters are two wide."""
    return sum(2 if "\u2e80" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)
