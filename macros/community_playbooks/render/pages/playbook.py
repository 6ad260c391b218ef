"""A playbook's page: the whole plan for one kind of group, task first.

At the top, what it takes (badges), what to do (an action bar: checklist, texts, calendar,
PDF, share) and where everything is (a contents list that works on a phone). Then the plan
in the order an organiser uses it: the mission and the threshold, the checklist (launch and running),
the texts to paste, and the reference parts (rituals, feedback, governance, pitfalls),
whose long blocks fold away on a small screen.
"""

from __future__ import annotations

from ...content.model import Playbook
from .. import dialect
from ..chat_texts import messages_section
from ..checklists import checklist, context_script, item_count
from ..context import Context, Site
from ..fragments import fragment
from ..ritual_calendar import has_calendar, left_out, recurrence
from ..urls import calendar_uri, kit_uri, page_uri, pdf_uri
from ..wording import cadence_text
from .entry_parts import (action_bar, entry_front_matter, entry_heading, facts_section, pitfall_card, print_head,
                          review_notice, reviewed_line, sources_section)

_BADGES = fragment(
    '<ul class="cp-badges" aria-label="{{ label }}">{% for name, value in badges %}'
    '<li class="cp-badge"><span class="cp-badge__name">{{ name }}</span> <span class="cp-badge__value">{{ value }}'
    '</span></li>{% endfor %}</ul>')
_ON_THIS_PAGE = fragment(
    '<details class="cp-onpage" data-pagefind-ignore="all"><summary>{{ label }}</summary><ol>'
    '{% for anchor, title in sections %}<li><a href="#{{ anchor }}">{{ title }}</a></li>{% endfor %}</ol></details>')


def playbook_page(site: Site, playbook: Playbook) -> str:
    ctx = site.page(page_uri("playbook", playbook.id))
    pb = playbook
    sections = [
        ("mission", ctx.ui("mission"), _mission(ctx, pb), True),
        ("threshold", ctx.ui("threshold"), _threshold(ctx, pb), True),
        ("checklist", ctx.ui("checklist_section"), dialect.join(checklist(ctx, pb), context_script(ctx, pb)), False),
        ("messages", ctx.ui("messages"), None, False),
        ("rituals", ctx.ui("rituals"), _rituals(ctx, pb), True),
        ("feedback", ctx.ui("feedback"), _feedback(ctx, pb), True),
        ("governance", ctx.ui("governance"), _governance(ctx, pb), True),
        ("pitfalls", ctx.ui("pitfalls"), _pitfalls(ctx, pb), False),
    ]
    tail = [("guides", ctx.ui("guides_section"), _guides(ctx, pb)), ("facts", ctx.ui("facts_title"), None),
            ("related", ctx.ui("related_playbooks"), _related(ctx, pb)), ("sources", ctx.ui("sources"), None)]
    parts = []
    for anchor, title, body, searched in sections:
        if anchor == "messages":
            parts.append(messages_section(ctx, pb))
        else:
            parts.append(dialect.section(title, anchor, body, searched=searched))
    parts += [dialect.section(title, anchor, body, searched=False) for anchor, title, body in tail if body]
    parts += [facts_section(ctx, pb), sources_section(ctx, pb)]
    shown = [(anchor, title) for anchor, title, *_ in sections if anchor != "messages" or pb.messages]
    shown += [(anchor, title) for anchor, title, body in tail
              if body or (anchor == "facts" and pb.facts) or (anchor == "sources" and pb.sources)]
    return dialect.join(
        entry_front_matter(ctx, pb),
        print_head(ctx, pb.title, pb.group.type),
        entry_heading(ctx, pb),
        ctx.paragraphs(pb.summary),
        review_notice(ctx, pb),
        badges(ctx, pb),
        _actions(ctx, pb),
        _ON_THIS_PAGE(label=ctx.ui("on_this_page"), sections=shown),
        _at_a_glance(ctx, pb),
        *parts,
        reviewed_line(ctx, pb),
    )


def badges(ctx: Context, pb: Playbook) -> str:
    """What running the playbook takes, from its data: the first thing a reader weighs."""
    effort = pb.effort
    first_stage = ctx.library.stages[pb.governance[0].stage] if pb.governance else None
    values = [
        (ctx.ui("badge_launch"), ctx.ui("days_n", n=effort.launch_days)),
        (ctx.ui("badge_weekly"), ctx.ui("hours_n", n=f"{effort.weekly_hours:g}")),
        (ctx.ui("badge_team"), ctx.ui("people_n", n=effort.team)),
        (ctx.ui("difficulty"), ctx.plain_label("difficulty", effort.difficulty)),
    ]
    if first_stage:
        values.append((ctx.ui("badge_stage"), ctx.unlinked(first_stage.title)))
    return _BADGES(label=ctx.ui("effort"), badges=values)


def _actions(ctx: Context, pb: Playbook) -> str:
    links = [("#checklist", ctx.ui("action_checklist"), False)]
    if pb.messages:
        links.append(("#messages", ctx.ui("action_texts"), False))
    if has_calendar(ctx.library, pb):
        links.append((ctx.url(calendar_uri(pb.id)), ctx.ui("action_calendar"), True))
    if ctx.site.pdf:
        links.append((ctx.url(pdf_uri(pb.id)), ctx.ui("action_pdf"), True))
    else:
        links.append((ctx.url(kit_uri(pb.id)), ctx.ui("action_print"), False))
    return action_bar(ctx, links)


def _field(ctx: Context, label_key: str, value: str) -> str:
    return f"{dialect.bold(ctx.ui(label_key) + ctx.colon)} {value}"


def _at_a_glance(ctx: Context, pb: Playbook) -> str:
    return dialect.bullets([
        _field(ctx, "group_type", ctx.label("group_type", pb.group.type)),
        _field(ctx, "size", ctx.ui("members", min=pb.group.size_min, max=pb.group.size_max)),
        _field(ctx, "platforms", ctx.list_separator.join(ctx.label("platform", p) for p in pb.group.platforms)),
        _field(ctx, "threshold", dialect.link(ctx.label("threshold", pb.threshold.kind), "#threshold")),
        _field(ctx, "checklist_section", dialect.link(ctx.ui("items_n", n=item_count(pb)), "#checklist")),
    ])


def _mission(ctx: Context, pb: Playbook) -> str:
    lines = "\n\n".join(f"{dialect.bold(ctx.ui(key) + ctx.stop)} {ctx.text(getattr(pb.mission, key))}"
                        for key in ("purpose", "for_others", "for_ourselves", "conflict") if getattr(pb.mission, key))
    return f"{ctx.ui('mission_intro')}\n\n{lines}"


def _threshold(ctx: Context, pb: Playbook) -> str:
    return (f"{dialect.bold(ctx.label('threshold', pb.threshold.kind) + ctx.stop)} {ctx.text(pb.threshold.why)}\n\n"
            f"{ctx.ui('criteria')}{ctx.colon}\n\n" + dialect.bullets(ctx.text(c) for c in pb.threshold.criteria))


def _rituals(ctx: Context, pb: Playbook) -> str:
    lines = []
    for run in ctx.library.schedule(pb):
        one = (f" · {dialect.link(ctx.ui('calendar_one'), ctx.relative(calendar_uri(pb.id, run.ritual.id)))}"
               if recurrence(run.cadence) else "")
        lines.append(f"- {dialect.bold(ctx.link(run.ritual))} — {cadence_text(ctx, run.cadence)} · "
                     f"{ctx.ui('minutes', n=run.duration)}{one}{dialect.line_break()}  {ctx.text(run.summary)}")
    if not has_calendar(ctx.library, pb):
        return "\n".join(lines)
    return "\n".join(lines) + "\n\n" + dialect.button(ctx.ui("calendar_file"), ctx.relative(calendar_uri(pb.id)),
                                                       download=True) + "\n\n" + _calendar_help(ctx, pb)


def _calendar_help(ctx: Context, pb: Playbook) -> str:
    """What the calendar holds and what it leaves out (and why), and how to add it on a phone
    or a computer: a reader who taps a .ics link should know what happens next."""
    dated, undated = [], []
    for run in ctx.library.schedule(pb):
        why = left_out(run.cadence)
        (undated if why else dated).append(
            f"{ctx.title(run.ritual.title)}{ctx.label_separator}{ctx.ui(why)}" if why else ctx.title(run.ritual.title))
    body = [f"{dialect.bold(ctx.ui('calendar_in') + ctx.colon)} {ctx.list_separator.join(dated)}"]
    if undated:
        body += ["", dialect.bold(ctx.ui("calendar_out") + ctx.colon), "", dialect.bullets(undated)]
    body += ["", dialect.bold(ctx.ui("calendar_how") + ctx.colon), "",
             dialect.bullets(ctx.ui(key) for key in ("calendar_iphone", "calendar_android", "calendar_desktop"))]
    return dialect.admonition("info", ctx.ui("calendar_about"), "\n".join(body), folded=True)


def _feedback(ctx: Context, pb: Playbook) -> str:
    """Levels and roles as short entries rather than tables: they read on a phone."""
    fb = pb.feedback
    levels = dialect.bullets(f"{dialect.bold(ctx.text(v.name))}{dialect.line_break()}  "
                             f"{ctx.ui('how_to_reach')}{ctx.label_separator}{ctx.text(v.criteria)}{dialect.line_break()}  "
                             f"{ctx.ui('privileges')}{ctx.label_separator}{ctx.text(v.privileges)}" for v in fb.levels)
    roles = dialect.bullets(f"{dialect.bold(ctx.text(r.name))}{ctx.colon} {ctx.text(r.duties)}" for r in fb.roles)
    return "\n\n".join([
        dialect.heading(3, ctx.ui("levels"), "levels"), levels,
        dialect.heading(3, ctx.ui("roles"), "roles"), roles,
        dialect.heading(3, ctx.ui("signals"), "signals"), dialect.bullets(ctx.text(s) for s in fb.signals),
    ])


def _governance(ctx: Context, pb: Playbook) -> str:
    """Each stage folded, with who leads in its title: the reader opens the stage the group is in."""
    parts = []
    for use in pb.governance:
        stage = ctx.library.stages[use.stage]
        body = [f"{_field(ctx, 'led_by', ctx.text(use.lead))} · "
                f"{dialect.link(ctx.ui('about_stage'), ctx.href('stage', stage.id))}",
                dialect.bullets(ctx.text(p) for p in use.practices)]
        if use.move_on:
            body += [dialect.bold(ctx.ui("move_on") + ctx.colon), dialect.bullets(ctx.text(m) for m in use.move_on)]
        parts.append(dialect.admonition("note", ctx.title(stage.title), "\n\n".join(body), folded=True))
    return "\n\n".join(parts)


def _pitfalls(ctx: Context, pb: Playbook) -> str:
    return "\n\n".join(pitfall_card(ctx, ctx.library.pitfalls[use.ref], use.note, folded=True) for use in pb.pitfalls)


def _guides(ctx: Context, pb: Playbook) -> str:
    guides = [ctx.library.guides[g] for g in pb.guides]
    return dialect.link_list(f"{ctx.link(g)} — {ctx.text(g.summary)}" for g in guides) if guides else ""


def _related(ctx: Context, pb: Playbook) -> str:
    related = [ctx.library.playbooks[i] for i in ctx.library.related.get(pb.key, ())]
    return dialect.link_list(f"{ctx.link(r)} — {ctx.text(r.summary)}" for r in related) if related else ""
