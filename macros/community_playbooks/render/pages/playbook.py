"""A playbook's page: the whole plan for one kind of group, ending in its launch checklist."""

from __future__ import annotations

from ...content.model import Playbook
from .. import dialect
from ..chat_texts import messages_section
from ..checklists import checklist, item_count
from ..context import Context, Site
from ..ritual_calendar import has_calendar
from ..urls import calendar_uri, page_uri
from ..wording import cadence_text
from .entry_parts import (entry_front_matter, facts_section, pitfall_card, print_head, review_notice, reviewed_line,
                          sources_section)


def playbook_page(site: Site, playbook: Playbook) -> str:
    ctx = site.page(page_uri("playbook", playbook.id))
    pb = playbook
    return dialect.join(
        entry_front_matter(ctx, pb),
        print_head(ctx, pb.title, pb.group.type),
        dialect.heading(1, ctx.title(pb.title)),
        ctx.paragraphs(pb.summary),
        review_notice(ctx, pb),
        _at_a_glance(ctx, pb),
        dialect.section(ctx.ui("mission"), "mission", _mission(ctx, pb)),
        dialect.section(ctx.ui("threshold"), "threshold", _threshold(ctx, pb)),
        dialect.section(ctx.ui("rituals"), "rituals", _rituals(ctx, pb)),
        dialect.section(ctx.ui("feedback"), "feedback", _feedback(ctx, pb)),
        dialect.section(ctx.ui("governance"), "governance", _governance(ctx, pb)),
        dialect.section(ctx.ui("pitfalls"), "pitfalls", "\n\n".join(
            pitfall_card(ctx, ctx.library.pitfalls[use.ref], use.note) for use in pb.pitfalls)),
        dialect.section(ctx.ui("checklists"), "checklist", checklist(ctx, pb)),
        messages_section(ctx, pb),
        _guides(ctx, pb),
        facts_section(ctx, pb),
        _related(ctx, pb),
        sources_section(ctx, pb),
        reviewed_line(ctx, pb),
    )


def _field(ctx: Context, label_key: str, value: str) -> str:
    return f"{dialect.bold(ctx.ui(label_key) + ctx.colon)} {value}"


def _at_a_glance(ctx: Context, pb: Playbook) -> str:
    stages = [ctx.library.stages[g.stage] for g in pb.governance]
    glance = dialect.bullets([
        _field(ctx, "group_type", ctx.label("group_type", pb.group.type)),
        _field(ctx, "size", ctx.ui("members", min=pb.group.size_min, max=pb.group.size_max)),
        _field(ctx, "platforms", ctx.list_separator.join(ctx.label("platform", p) for p in pb.group.platforms)),
        _field(ctx, "effort", " · ".join([ctx.ui("launch_days", n=pb.effort.launch_days),
                                          ctx.ui("weekly_hours", n=_number(pb.effort.weekly_hours)),
                                          ctx.ui("team_n", n=pb.effort.team),
                                          ctx.label("difficulty", pb.effort.difficulty)])),
        _field(ctx, "threshold", dialect.link(ctx.label("threshold", pb.threshold.kind), "#threshold")),
        _field(ctx, "stages", " → ".join(ctx.link(s) for s in stages)),
        _field(ctx, "checklists", dialect.link(ctx.ui("items_n", n=item_count(pb)), "#checklist")),
    ])
    return dialect.admonition("abstract", ctx.ui("at_a_glance"), glance)


def _mission(ctx: Context, pb: Playbook) -> str:
    return "\n\n".join(f"{dialect.bold(ctx.ui(key) + ctx.stop)} {ctx.text(getattr(pb.mission, key))}"
                       for key in ("purpose", "for_others", "for_ourselves"))


def _threshold(ctx: Context, pb: Playbook) -> str:
    return (f"{dialect.bold(ctx.label('threshold', pb.threshold.kind) + ctx.stop)} {ctx.text(pb.threshold.why)}\n\n"
            f"{ctx.ui('criteria')}{ctx.colon}\n\n" + dialect.bullets(ctx.text(c) for c in pb.threshold.criteria))


def _rituals(ctx: Context, pb: Playbook) -> str:
    lines = []
    for use in pb.rituals:
        ritual = ctx.library.rituals[use.ref]
        cadence = cadence_text(ctx, use.cadence or ritual.cadence)
        lines.append(f"- {dialect.bold(ctx.link(ritual))} — {cadence} · {ctx.ui('minutes', n=ritual.duration)}"
                     f"{dialect.line_break()}  {ctx.text(use.note or ritual.summary)}")
    if has_calendar(ctx.library, pb):
        lines.append("\n" + dialect.button(ctx.ui("calendar_file"), ctx.relative(calendar_uri(pb.id)), download=True))
    return "\n".join(lines)


def _feedback(ctx: Context, pb: Playbook) -> str:
    fb = pb.feedback
    return "\n\n".join([
        dialect.heading(3, ctx.ui("levels"), "levels"),
        dialect.table([ctx.ui("level"), ctx.ui("how_to_reach"), ctx.ui("privileges")],
                       ([ctx.text(v.name), ctx.text(v.criteria), ctx.text(v.privileges)] for v in fb.levels)),
        dialect.heading(3, ctx.ui("roles"), "roles"),
        dialect.table([ctx.ui("role"), ctx.ui("duties")], ([ctx.text(r.name), ctx.text(r.duties)] for r in fb.roles)),
        dialect.heading(3, ctx.ui("signals"), "signals"),
        dialect.bullets(ctx.text(s) for s in fb.signals),
    ])


def _governance(ctx: Context, pb: Playbook) -> str:
    parts = []
    for use in pb.governance:
        stage = ctx.library.stages[use.stage]
        part = [dialect.heading(3, ctx.title(stage.title), f"stage-{stage.id}"),
                f"{_field(ctx, 'led_by', ctx.text(use.lead))} · "
                f"{dialect.link(ctx.ui('about_stage'), ctx.href('stage', stage.id))}",
                dialect.bullets(ctx.text(p) for p in use.practices)]
        if use.move_on:
            part += [dialect.bold(ctx.ui("move_on") + ctx.colon), dialect.bullets(ctx.text(m) for m in use.move_on)]
        parts.append("\n\n".join(part))
    return "\n\n".join(parts)


def _number(value: float) -> str:
    return f"{value:g}"


def _guides(ctx: Context, pb: Playbook) -> str:
    if not pb.guides:
        return ""
    guides = [ctx.library.guides[g] for g in pb.guides]
    return dialect.section(ctx.ui("guides_section"), "guides",
                           dialect.bullets(f"{ctx.link(g)} — {ctx.text(g.summary)}" for g in guides))


def _related(ctx: Context, pb: Playbook) -> str:
    related = [ctx.library.playbooks[i] for i in ctx.library.related.get(pb.key, ())]
    if not related:
        return ""
    return dialect.section(ctx.ui("related_playbooks"), "related",
                            dialect.bullets(f"{ctx.link(r)} — {ctx.text(r.summary)}" for r in related))
