"""Entries -> Markdown pages. Pure functions of the Library: tests call them without a build.

Every piece of contributor text goes through the ``Context`` (and so ``mdtext``) on its
way in; everything else on the page is our own Markdown and HTML.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from . import mdtext
from .calendar import has_calendar
from .checklists import checklist, item_count
from .context import Context, bullets, calendar_uri, indent, join, page_uri, section
from .freshness import REVIEW_MONTHS, is_stale
from .linker import Library
from .messages import messages_section
from .model import Entry, Pitfall, Playbook, Ritual, Stage, Text
from .parts import cadence_text, front_matter, print_head


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
    return f'!!! {kind} "{ctx.title(pitfall.title)}"\n\n{body}'


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
        title = f"*{ctx.title(source.title)}*"
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
    if ctx.lang not in ctx.library.missing_languages(entry):
        return ""
    return f'!!! info "{ctx.ui("untranslated")}"\n\n    {ctx.ui("untranslated_text")}'


def review_notice(ctx: Context, entry: Entry) -> str:
    """A visible notice on entries nobody has checked for a year: readers should know."""
    if not is_stale(entry, ctx.today):
        return translation_notice(ctx, entry)
    return (f'!!! warning "{ctx.ui("needs_review")}"\n\n'
            f'    {ctx.ui("needs_review_text", date=entry.reviewed, months=REVIEW_MONTHS)}\n\n'
            + translation_notice(ctx, entry))


def playbook_page(library: Library, playbook: Playbook, lang: str, today: date | None = None, **options: object) -> str:
    ctx = Context(library, lang, page_uri("playbook", playbook.id), today or date.today(), **options)  # type: ignore[arg-type]
    pb = playbook
    stages = [ctx.library.stages[g.stage] for g in pb.governance]
    glance = bullets([
        f"**{ctx.ui('group_type')}{ctx.colon}** {ctx.label('group_type', pb.group.type)}",
        f"**{ctx.ui('size')}{ctx.colon}** {ctx.ui('members', min=pb.group.size_min, max=pb.group.size_max)}",
        f"**{ctx.ui('platforms')}{ctx.colon}** "
        f"{ctx.list_separator.join(ctx.label('platform', p) for p in pb.group.platforms)}",
        f"**{ctx.ui('threshold')}{ctx.colon}** [{ctx.label('threshold', pb.threshold.kind)}](#threshold)",
        f"**{ctx.ui('stages')}{ctx.colon}** {' → '.join(ctx.link(s) for s in stages)}",
        f"**{ctx.ui('checklists')}{ctx.colon}** [{ctx.ui('items_n', n=item_count(pb))}](#checklist)",
    ])
    glance_box = f'!!! abstract "{ctx.ui("at_a_glance")}"\n\n' + indent(glance)

    mission = "\n\n".join(f"**{ctx.ui(key)}{ctx.stop}** {ctx.text(getattr(pb.mission, key))}"
                          for key in ("purpose", "for_others", "for_ourselves"))
    threshold = (f"**{ctx.label('threshold', pb.threshold.kind)}{ctx.stop}** {ctx.text(pb.threshold.why)}\n\n"
                 f"{ctx.ui('criteria')}{ctx.colon}\n\n" + bullets(ctx.text(c) for c in pb.threshold.criteria))

    rituals = []
    for use in pb.rituals:
        ritual = library.rituals[use.ref]
        cadence = cadence_text(ctx, use.cadence or ritual.cadence)
        line = f"- **{ctx.link(ritual)}** — {cadence} · {ctx.ui('minutes', n=ritual.duration)}"
        rituals.append(line + f"  \n  {ctx.text(use.note or ritual.summary)}")
    if has_calendar(library, pb):
        rituals.append(f"\n[{ctx.ui('calendar_file')}]({ctx.relative(calendar_uri(pb))}){{ .md-button download }}")

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
        part = [f"### {ctx.title(stage.title)} {{#stage-{stage.id}}}",
                f"**{ctx.ui('led_by')}{ctx.colon}** {ctx.text(use.lead)} · "
                f"[{ctx.ui('about_stage')}]({ctx.href('stage', stage.id)})",
                bullets(ctx.text(p) for p in use.practices)]
        if use.move_on:
            part += [f"**{ctx.ui('move_on')}{ctx.colon}**", bullets(ctx.text(m) for m in use.move_on)]
        governance.append("\n\n".join(part))

    pitfalls = "\n\n".join(pitfall_card(ctx, library.pitfalls[use.ref], use.note) for use in pb.pitfalls)
    related = [library.playbooks[i] for i in library.related.get(pb.key, ())]

    return join(
        front_matter(ctx, pb),
        print_head(ctx, pb.title, pb.group.type),
        f"# {ctx.title(pb.title)}",
        ctx.paragraphs(pb.summary),
        review_notice(ctx, pb),
        glance_box,
        section(ctx, "mission", "mission", mission),
        section(ctx, "threshold", "threshold", threshold),
        section(ctx, "rituals", "rituals", "\n".join(rituals)),
        section(ctx, "feedback", "feedback", feedback),
        section(ctx, "governance", "governance", "\n\n".join(governance)),
        section(ctx, "pitfalls", "pitfalls", pitfalls),
        section(ctx, "checklists", "checklist", checklist(ctx, pb)),
        messages_section(ctx, pb),
        section(ctx, "related_playbooks", "related", bullets(f"{ctx.link(r)} — {ctx.text(r.summary)}"
                                                            for r in related)) if related else "",
        sources_section(ctx, pb),
        reviewed_line(ctx, pb),
    )


def used_in_section(ctx: Context, entry: Entry, notes: dict[str, Text | None] | None = None) -> str:
    users = ctx.library.users_of(entry)
    if not users:
        return section(ctx, "used_in", "used-in", ctx.ui("used_in_none"))
    lines = []
    for pb in users:
        note = (notes or {}).get(pb.id)
        lines.append(f"- {ctx.link(pb)}" + (f" — {ctx.text(note)}" if note else ""))
    return section(ctx, "used_in", "used-in", "\n".join(lines))


def pitfall_page(library: Library, pitfall: Pitfall, lang: str, today: date | None = None, **options: object) -> str:
    ctx = Context(library, lang, page_uri("pitfall", pitfall.id), today or date.today(), **options)  # type: ignore[arg-type]
    notes = {pb.id: next((u.note for u in pb.pitfalls if u.ref == pitfall.id), None) for pb in library.users_of(pitfall)}
    related = library.related_to(pitfall)
    return join(
        front_matter(ctx, pitfall),
        f"# {ctx.title(pitfall.title)}",
        ctx.paragraphs(pitfall.summary),
        review_notice(ctx, pitfall),
        f"**{ctx.ui('severity')}{ctx.colon}** {ctx.label('severity', pitfall.severity)}",
        section(ctx, "warning_signs", "signs", bullets(ctx.text(s) for s in pitfall.signs)),
        section(ctx, "causes", "causes", bullets(ctx.text(s) for s in pitfall.causes)),
        section(ctx, "prevention", "prevention", bullets(ctx.text(s) for s in pitfall.prevention)),
        section(ctx, "remedy", "remedy", bullets(ctx.text(s) for s in pitfall.remedy)),
        used_in_section(ctx, pitfall, notes),
        section(ctx, "related_pitfalls", "related", bullets(f"{ctx.link(r)} — {ctx.text(r.summary)}"
                                                             for r in related)) if related else "",
        sources_section(ctx, pitfall),
        reviewed_line(ctx, pitfall),
    )


def ritual_page(library: Library, ritual: Ritual, lang: str, today: date | None = None, **options: object) -> str:
    ctx = Context(library, lang, page_uri("ritual", ritual.id), today or date.today(), **options)  # type: ignore[arg-type]
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
    return join(
        front_matter(ctx, ritual),
        f"# {ctx.title(ritual.title)}",
        ctx.paragraphs(ritual.summary),
        review_notice(ctx, ritual),
        facts,
        section(ctx, "steps", "steps", steps),
        section(ctx, "why", "why", ctx.paragraphs(ritual.why)),
        section(ctx, "variations", "variations", variations) if variations else "",
        used_in_section(ctx, ritual, notes),
        sources_section(ctx, ritual),
        reviewed_line(ctx, ritual),
    )


def stage_page(library: Library, stage: Stage, lang: str, today: date | None = None, **options: object) -> str:
    ctx = Context(library, lang, page_uri("stage", stage.id), today or date.today(), **options)  # type: ignore[arg-type]
    leads = {pb.id: next((u.lead for u in pb.governance if u.stage == stage.id), None) for pb in library.users_of(stage)}
    return join(
        front_matter(ctx, stage),
        f"# {ctx.title(stage.title)}",
        ctx.paragraphs(stage.summary),
        review_notice(ctx, stage),
        f"**{ctx.ui('mode')}{ctx.colon}** {ctx.label('mode', stage.mode)}",
        section(ctx, "practices", "practices", bullets(ctx.text(s) for s in stage.practices)),
        section(ctx, "move_on", "move-on", bullets(ctx.text(s) for s in stage.move_on)) if stage.move_on else "",
        section(ctx, "risks", "risks", bullets(ctx.text(s) for s in stage.risks)),
        used_in_section(ctx, stage, leads),
        sources_section(ctx, stage),
        reviewed_line(ctx, stage),
    )


ENTRY_PAGES = {"playbook": playbook_page, "pitfall": pitfall_page, "ritual": ritual_page, "stage": stage_page}


def entry_page(library: Library, entry: Entry, lang: str, today: date | None = None, **options: object) -> str:
    """The page of any entry; ``options`` (site_url, pdf) go to its Context."""
    return ENTRY_PAGES[entry.kind](library, entry, lang, today, **options)


