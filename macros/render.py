"""Entries -> Markdown. Pure functions of the Library: tests call them without a build.

Every piece of contributor text goes through ``mdtext`` on its way in; everything else on
the page is our own Markdown. Links are relative ``.md`` links, so ``mkdocs build --strict``
checks every one of them.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Sequence

from . import mdtext
from .freshness import REVIEW_MONTHS, is_stale
from .linker import Library
from .model import (LANGUAGES, SECTIONS, Cadence, ChecklistItem, Condition, Entry, Pitfall, Playbook, Ritual, Stage, Text,
                    missing_languages, texts_of)
from .ui import t

MODE_ORDER = ("founder-led", "shared", "self-governing")
SEVERITY_ORDER = ("high", "medium", "low")


def page_uri(kind: str, entry_id: str | None = None) -> str:
    """The source path of an entry's page (or of a kind's index page) in the docs tree."""
    return f"{SECTIONS[kind]}/{entry_id or 'index'}.md"


@dataclass(frozen=True)
class Context:
    """What every render function needs: the library, the language, where the page sits, and the day."""

    library: Library
    lang: str
    page: str = "index.md"
    today: date = field(default_factory=date.today)

    def text(self, value: Text | None) -> str:
        return mdtext.inline(value.get(self.lang)) if value else ""

    def paragraphs(self, value: Text) -> str:
        return mdtext.paragraphs(value.get(self.lang))

    def plain(self, value: Text) -> str:
        return " ".join(value.get(self.lang).split())

    def label(self, vocabulary: str, value: str) -> str:
        return mdtext.escape(self.library.label(vocabulary, value, self.lang))

    def ui(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    @property
    def colon(self) -> str:
        return "：" if self.lang == "zh" else ":"

    @property
    def label_separator(self) -> str:
        """Between a label and its value outside bold text: ': ' or '：'."""
        return "：" if self.lang == "zh" else ": "

    @property
    def stop(self) -> str:
        return "。" if self.lang == "zh" else "."

    def href(self, kind: str, entry_id: str | None = None, anchor: str = "") -> str:
        target = posixpath.relpath(page_uri(kind, entry_id), posixpath.dirname(self.page) or ".")
        return target + (f"#{anchor}" if anchor else "")

    def link(self, entry: Entry) -> str:
        return f"[{self.text(entry.title)}]({self.href(entry.kind, entry.id)})"


# --- small parts, also offered as macros for hand-written pages -------------------------------------

def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def front_matter(ctx: Context, entry: Entry) -> str:
    """Title and description for the theme, which puts both into HTML unescaped: escape them here."""
    meta: dict[str, object] = {"title": mdtext.attribute(ctx.plain(entry.title)),
                               "description": mdtext.attribute(ctx.plain(entry.summary))}
    if entry.tags:
        meta["tags"] = [ctx.library.label("tag", tag, ctx.lang) for tag in entry.tags]
    return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items()) + "---"


def cadence_text(ctx: Context, cadence: Cadence) -> str:
    every = ctx.library.label("frequency", cadence.every, ctx.lang)
    day = ctx.library.label("weekday", cadence.day, ctx.lang) if cadence.day else ""
    week = ctx.library.label("week", cadence.week, ctx.lang) if cadence.week else ""
    if ctx.lang == "zh":
        when = f"{week}{day}" if week else day
        text = every + (f"（{when}）" if when else "") + (f" {cadence.time}" if cadence.time else "")
    else:
        when = f"the {week} {day}" if week else day
        text = every + (f" on {when}" if when else "") + (f" at {cadence.time}" if cadence.time else "")
    text = mdtext.escape(text)
    return text + (f" — {ctx.text(cadence.note)}" if cadence.note else "")


def condition_text(ctx: Context, condition: Condition) -> str:
    parts = [", ".join(ctx.label("platform", p) for p in condition.platforms)] if condition.platforms else []
    parts += [", ".join(ctx.text(ctx.library.stages[s].title) if s in ctx.library.stages else mdtext.escape(s)
                        for s in condition.stages)] if condition.stages else []
    if condition.min_size is not None:
        parts.append(ctx.ui("at_least", n=condition.min_size))
    if condition.max_size is not None:
        parts.append(ctx.ui("at_most", n=condition.max_size))
    return "; ".join(parts)


def checklist_item(ctx: Context, playbook: Playbook, item: ChecklistItem) -> str:
    """One task-list line with its own anchor: ``<playbook>--<item>`` is unique on any page."""
    details = [f"{ctx.ui('when')}{ctx.label_separator}{ctx.text(item.when)}",
               f"{ctx.ui('owner')}{ctx.label_separator}{ctx.text(item.owner)}"]
    if item.condition:
        details.append(f"{ctx.ui('only_for')} {condition_text(ctx, item.condition)}")
    if item.see:
        section, target = item.see
        kind = next(k for k, s in SECTIONS.items() if s == section)
        details.append(f"{ctx.ui('see')} {ctx.link(ctx.library.get(kind, target))}")
    anchor = f"{playbook.id}--{item.id}"
    return (f'- [ ] <span class="cp-item" id="{anchor}" data-playbook="{playbook.id}" data-item="{item.id}">'
            f"</span>{ctx.text(item.text)}  \n  <small>{' · '.join(details)}</small>")


def checklist(ctx: Context, playbook: Playbook, heading_level: int = 3) -> str:
    hashes = "#" * heading_level
    blocks = []
    for phase in playbook.checklists:
        items = "\n".join(checklist_item(ctx, playbook, item) for item in phase.items)
        blocks.append(f"{hashes} {ctx.label('phase', phase.phase)} {{#{playbook.id}--{phase.phase}}}\n\n{items}")
    return "\n\n".join(blocks)


def pitfall_card(ctx: Context, pitfall: Pitfall, note: Text | None = None) -> str:
    """A pitfall as an admonition: its summary, a group's note if any, and its warning signs."""
    lines = [ctx.text(pitfall.summary)]
    if note:
        lines += ["", f"**{ctx.ui('in_this_group')}{ctx.colon}** {ctx.text(note)}"]
    lines += ["", f"**{ctx.ui('warning_signs')}{ctx.colon}**", "", bullets(ctx.text(s) for s in pitfall.signs),
              "", f"[{ctx.ui('about_pitfall')}]({ctx.href('pitfall', pitfall.id)}) · "
                  f"[{ctx.ui('remedy')} →]({ctx.href('pitfall', pitfall.id, 'remedy')})"]
    body = "\n".join(f"    {line}" if line else "" for line in "\n".join(lines).split("\n"))
    kind = {"high": "danger", "medium": "warning", "low": "note"}[pitfall.severity]
    title = mdtext.attribute(ctx.plain(pitfall.title))
    return f'!!! {kind} "{title}"\n\n{body}'


def playbook_table(ctx: Context, playbooks: Sequence[Playbook] | None = None) -> str:
    rows = [f"| {ctx.ui('playbook')} | {ctx.ui('group_type')} | {ctx.ui('size')} | {ctx.ui('platforms')} | "
            f"{ctx.ui('threshold')} |", "|---|---|---|---|---|"]
    for pb in playbooks if playbooks is not None else ctx.library.playbooks.values():
        rows.append(f"| {ctx.link(pb)} | {ctx.label('group_type', pb.group.type)} | "
                    f"{ctx.ui('members', min=pb.group.size_min, max=pb.group.size_max)} | "
                    f"{', '.join(ctx.label('platform', p) for p in pb.group.platforms)} | "
                    f"{ctx.label('threshold', pb.threshold.kind)} |")
    return "\n".join(rows)


def sources_section(ctx: Context, entry: Entry) -> str:
    if not entry.sources:
        return ""
    lines = []
    for source in entry.sources:
        title = f"*{ctx.text(source.title)}*"
        if source.url:
            title = f"[{title}]({source.url})"
        byline = ", ".join(mdtext.escape(str(x)) for x in (source.author, source.year) if x)
        note = f" — {ctx.text(source.note)}" if source.note else ""
        lines.append(f"- {title}" + (f", {byline}" if byline else "") + note)
    return f"## {ctx.ui('sources')} {{#sources}}\n\n" + "\n".join(lines)


def reviewed_line(ctx: Context, entry: Entry) -> str:
    return f'<p class="cp-reviewed">{ctx.ui("reviewed_on", date=entry.reviewed)}</p>'


def translation_notice(ctx: Context, entry: Entry) -> str:
    """Say so when some of the entry is shown in another language than the page's."""
    if ctx.lang not in missing_languages(entry):
        return ""
    return f'!!! info "{ctx.ui("untranslated")}"\n\n    {ctx.ui("untranslated_text")}'


def review_notice(ctx: Context, entry: Entry) -> str:
    """A visible notice on entries nobody has checked for a year: readers should know."""
    if not is_stale(entry, ctx.today):
        return translation_notice(ctx, entry)
    return (f'!!! warning "{ctx.ui("needs_review")}"\n\n'
            f'    {ctx.ui("needs_review_text", date=entry.reviewed, months=REVIEW_MONTHS)}\n\n'
            + translation_notice(ctx, entry))


def _section(ctx: Context, key: str, anchor: str, body: str) -> str:
    return f"## {ctx.ui(key)} {{#{anchor}}}\n\n{body}"


def _join(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p) + "\n"


# --- entry pages ------------------------------------------------------------------------------

def playbook_page(library: Library, playbook: Playbook, lang: str, today: date | None = None) -> str:
    ctx = Context(library, lang, page_uri("playbook", playbook.id), today or date.today())
    pb = playbook
    stages = [ctx.library.stages[g.stage] for g in pb.governance]
    glance = bullets([
        f"**{ctx.ui('group_type')}{ctx.colon}** {ctx.label('group_type', pb.group.type)}",
        f"**{ctx.ui('size')}{ctx.colon}** {ctx.ui('members', min=pb.group.size_min, max=pb.group.size_max)}",
        f"**{ctx.ui('platforms')}{ctx.colon}** {', '.join(ctx.label('platform', p) for p in pb.group.platforms)}",
        f"**{ctx.ui('threshold')}{ctx.colon}** [{ctx.label('threshold', pb.threshold.kind)}](#threshold)",
        f"**{ctx.ui('stages')}{ctx.colon}** {' → '.join(ctx.link(s) for s in stages)}",
    ])
    glance_box = f'!!! abstract "{ctx.ui("at_a_glance")}"\n\n' + "\n".join(f"    {line}" for line in glance.split("\n"))

    mission = "\n\n".join(f"**{ctx.ui(key)}{ctx.stop}** {ctx.text(getattr(pb.mission, key))}"
                          for key in ("purpose", "for_others", "for_ourselves"))
    threshold = (f"**{ctx.label('threshold', pb.threshold.kind)}{ctx.stop}** {ctx.text(pb.threshold.why)}\n\n"
                 f"{ctx.ui('criteria')}{ctx.colon}\n\n" + bullets(ctx.text(c) for c in pb.threshold.criteria))

    rituals = []
    for use in pb.rituals:
        ritual = library.rituals[use.ref]
        cadence = cadence_text(ctx, use.cadence or ritual.cadence)
        line = f"- **{ctx.link(ritual)}** — {cadence} · {ctx.ui('minutes', n=ritual.duration)}"
        rituals.append(line + (f"  \n  {ctx.text(use.note)}" if use.note else f"  \n  {ctx.text(ritual.summary)}"))

    fb = pb.feedback
    feedback = "\n\n".join([
        f"### {ctx.ui('levels')} {{#levels}}",
        f"| {ctx.ui('level')} | {ctx.ui('how_to_reach')} | {ctx.ui('privileges')} |\n|---|---|---|\n" + "\n".join(
            f"| {ctx.text(v.name)} | {ctx.text(v.criteria)} | {ctx.text(v.privileges)} |" for v in fb.levels),
        f"### {ctx.ui('roles')} {{#roles}}",
        f"| {ctx.ui('role')} | {ctx.ui('duties')} |\n|---|---|\n" + "\n".join(
            f"| {ctx.text(r.name)} | {ctx.text(r.duties)} |" for r in fb.roles),
        f"### {ctx.ui('signals')} {{#signals}}",
        bullets(ctx.text(s) for s in fb.signals),
    ])

    governance = []
    for use in pb.governance:
        stage = library.stages[use.stage]
        part = [f"### {ctx.text(stage.title)} {{#stage-{stage.id}}}",
                f"**{ctx.ui('led_by')}{ctx.colon}** {ctx.text(use.lead)} · [{ctx.ui('about_stage')}]({ctx.href('stage', stage.id)})",
                bullets(ctx.text(p) for p in use.practices)]
        if use.move_on:
            part += [f"**{ctx.ui('move_on')}{ctx.colon}**", bullets(ctx.text(m) for m in use.move_on)]
        governance.append("\n\n".join(part))

    pitfalls = "\n\n".join(pitfall_card(ctx, library.pitfalls[use.ref], use.note) for use in pb.pitfalls)
    related = [library.playbooks[i] for i in library.related.get(pb.key, ())]

    return _join(
        front_matter(ctx, pb),
        f"# {ctx.text(pb.title)}",
        ctx.paragraphs(pb.summary),
        review_notice(ctx, pb),
        glance_box,
        _section(ctx, "mission", "mission", mission),
        _section(ctx, "threshold", "threshold", threshold),
        _section(ctx, "rituals", "rituals", "\n".join(rituals)),
        _section(ctx, "feedback", "feedback", feedback),
        _section(ctx, "governance", "governance", "\n\n".join(governance)),
        _section(ctx, "pitfalls", "pitfalls", pitfalls),
        messages_section(ctx, pb),
        _section(ctx, "checklists", "checklist", checklist(ctx, pb)),
        _section(ctx, "related_playbooks", "related", bullets(f"{ctx.link(r)} — {ctx.text(r.summary)}"
                                                              for r in related)) if related else "",
        sources_section(ctx, pb),
        reviewed_line(ctx, pb),
    )


def messages_section(ctx: Context, playbook: Playbook) -> str:
    messages = playbook.messages
    if messages is None:
        return ""
    parts = []
    for key, text in (("rules_post", messages.rules), ("welcome_post", messages.welcome),
                      ("announcement_post", messages.announcement)):
        if text is None:
            continue
        body = text.get(ctx.lang).strip("\n")
        fence = "`" * max(3, _longest_run(body, "`") + 1)
        parts.append(f"### {ctx.ui(key)} {{#message-{key.removesuffix('_post')}}}\n\n{fence}text\n{body}\n{fence}")
    return _section(ctx, "messages", "messages", "\n\n".join(parts))


def _longest_run(text: str, char: str) -> int:
    longest = run = 0
    for c in text:
        run = run + 1 if c == char else 0
        longest = max(longest, run)
    return longest


def used_in_section(ctx: Context, entry: Entry, notes: dict[str, Text | None] | None = None) -> str:
    users = ctx.library.users_of(entry)
    if not users:
        return _section(ctx, "used_in", "used-in", ctx.ui("used_in_none"))
    lines = []
    for pb in users:
        note = (notes or {}).get(pb.id)
        lines.append(f"- {ctx.link(pb)}" + (f" — {ctx.text(note)}" if note else ""))
    return _section(ctx, "used_in", "used-in", "\n".join(lines))


def pitfall_page(library: Library, pitfall: Pitfall, lang: str, today: date | None = None) -> str:
    ctx = Context(library, lang, page_uri("pitfall", pitfall.id), today or date.today())
    notes = {pb.id: next((u.note for u in pb.pitfalls if u.ref == pitfall.id), None) for pb in library.users_of(pitfall)}
    related = library.related_to(pitfall)
    return _join(
        front_matter(ctx, pitfall),
        f"# {ctx.text(pitfall.title)}",
        ctx.paragraphs(pitfall.summary),
        review_notice(ctx, pitfall),
        f"**{ctx.ui('severity')}{ctx.colon}** {ctx.label('severity', pitfall.severity)}",
        _section(ctx, "warning_signs", "signs", bullets(ctx.text(s) for s in pitfall.signs)),
        _section(ctx, "causes", "causes", bullets(ctx.text(s) for s in pitfall.causes)),
        _section(ctx, "prevention", "prevention", bullets(ctx.text(s) for s in pitfall.prevention)),
        _section(ctx, "remedy", "remedy", bullets(ctx.text(s) for s in pitfall.remedy)),
        used_in_section(ctx, pitfall, notes),
        _section(ctx, "related_pitfalls", "related", bullets(f"{ctx.link(r)} — {ctx.text(r.summary)}"
                                                             for r in related)) if related else "",
        sources_section(ctx, pitfall),
        reviewed_line(ctx, pitfall),
    )


def ritual_page(library: Library, ritual: Ritual, lang: str, today: date | None = None) -> str:
    ctx = Context(library, lang, page_uri("ritual", ritual.id), today or date.today())
    notes = {pb.id: next((u.note for u in pb.rituals if u.ref == ritual.id), None) for pb in library.users_of(ritual)}
    facts = "\n".join([
        "| | |", "|---|---|",
        f"| {ctx.ui('cadence')} | {cadence_text(ctx, ritual.cadence)} |",
        f"| {ctx.ui('duration')} | {ctx.ui('minutes', n=ritual.duration)} |",
        f"| {ctx.ui('host')} | {ctx.text(ritual.host)} |",
    ])
    steps = "\n".join(f"{i}. {ctx.text(step)}" for i, step in enumerate(ritual.steps, 1))
    variations = "\n\n".join(f"**{ctx.label('platform', platform)}{ctx.colon}** {ctx.text(text)}"
                             for platform, text in ritual.variations)
    return _join(
        front_matter(ctx, ritual),
        f"# {ctx.text(ritual.title)}",
        ctx.paragraphs(ritual.summary),
        review_notice(ctx, ritual),
        facts,
        _section(ctx, "steps", "steps", steps),
        _section(ctx, "why", "why", ctx.paragraphs(ritual.why)),
        _section(ctx, "variations", "variations", variations) if variations else "",
        used_in_section(ctx, ritual, notes),
        sources_section(ctx, ritual),
        reviewed_line(ctx, ritual),
    )


def stage_page(library: Library, stage: Stage, lang: str, today: date | None = None) -> str:
    ctx = Context(library, lang, page_uri("stage", stage.id), today or date.today())
    leads = {pb.id: next((u.lead for u in pb.governance if u.stage == stage.id), None) for pb in library.users_of(stage)}
    return _join(
        front_matter(ctx, stage),
        f"# {ctx.text(stage.title)}",
        ctx.paragraphs(stage.summary),
        review_notice(ctx, stage),
        f"**{ctx.ui('mode')}{ctx.colon}** {ctx.label('mode', stage.mode)}",
        _section(ctx, "practices", "practices", bullets(ctx.text(s) for s in stage.practices)),
        _section(ctx, "move_on", "move-on", bullets(ctx.text(s) for s in stage.move_on)) if stage.move_on else "",
        _section(ctx, "risks", "risks", bullets(ctx.text(s) for s in stage.risks)),
        used_in_section(ctx, stage, leads),
        sources_section(ctx, stage),
        reviewed_line(ctx, stage),
    )


ENTRY_PAGES = {"playbook": playbook_page, "pitfall": pitfall_page, "ritual": ritual_page, "stage": stage_page}


def entry_page(library: Library, entry: Entry, lang: str, today: date | None = None) -> str:
    return ENTRY_PAGES[entry.kind](library, entry, lang, today)


# --- index pages ------------------------------------------------------------------------------

def index_page(library: Library, kind: str, lang: str) -> str:
    ctx = Context(library, lang, page_uri(kind))
    section = SECTIONS[kind]
    entries = list(library.entries(kind).values())
    if kind == "playbook":
        table = playbook_table(ctx, entries)  # type: ignore[arg-type]
    elif kind == "pitfall":
        entries.sort(key=lambda p: (SEVERITY_ORDER.index(p.severity), p.id))  # type: ignore[attr-defined]
        table = "\n".join([f"| {ctx.ui('pitfall')} | {ctx.ui('severity_col')} | {ctx.ui('summary')} | "
                           f"{ctx.ui('used_by_col')} |", "|---|---|---|---|"] + [
            f"| {ctx.link(p)} | {ctx.label('severity', p.severity)} | {ctx.text(p.summary)} | "  # type: ignore[attr-defined]
            f"{len(library.used_in.get(p.key, ()))} |" for p in entries])
    elif kind == "ritual":
        table = "\n".join([f"| {ctx.ui('ritual')} | {ctx.ui('cadence')} | {ctx.ui('duration')} | "
                           f"{ctx.ui('used_by_col')} |", "|---|---|---|---|"] + [
            f"| {ctx.link(r)} | {cadence_text(ctx, r.cadence)} | {ctx.ui('minutes', n=r.duration)} | "  # type: ignore[attr-defined]
            f"{len(library.used_in.get(r.key, ()))} |" for r in entries])
    else:
        entries.sort(key=lambda s: (MODE_ORDER.index(s.mode) if s.mode in MODE_ORDER else 99, s.id))  # type: ignore[attr-defined]
        table = "\n\n".join(f"### {ctx.link(s)}\n\n{ctx.label('mode', s.mode)} — {ctx.text(s.summary)}"  # type: ignore[attr-defined]
                            for s in entries)
    return _join(f"# {ctx.ui(section + '_title')}", ctx.ui(section + "_intro"), table)


def translation_page(library: Library, lang: str) -> str:
    """Every entry and, per language, how many of its texts are written in it."""
    ctx = Context(library, lang, "translations.md")
    names = {"en": "English", "zh": "中文"}
    header = f"| {ctx.ui('name_col')} | {ctx.ui('kind_col')} | " + " | ".join(names[l] for l in LANGUAGES) + " |"
    rows = [header, "|---" * (2 + len(LANGUAGES)) + "|"]
    complete = {l: 0 for l in LANGUAGES}
    entries = list(library.all_entries())
    for entry in entries:
        texts = [text for _, text in texts_of(entry)]
        cells = []
        for l in LANGUAGES:
            done = sum(1 for text in texts if text.has(l))
            complete[l] += done == len(texts)
            cells.append("✓" if done == len(texts) else ctx.ui("texts_done", done=done, total=len(texts)))
        rows.append(f"| {ctx.link(entry)} | {ctx.ui(entry.kind)} | " + " | ".join(cells) + " |")
    summary = " · ".join(f"{names[l]}{ctx.label_separator}{ctx.ui('complete_count', done=complete[l], total=len(entries))}"
                         for l in LANGUAGES)
    return _join(f"# {ctx.ui('translations_title')}", ctx.ui("translations_intro"), summary, "\n".join(rows))
