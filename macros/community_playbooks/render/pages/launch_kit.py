"""A playbook's launch kit: the print view, one sheet of paper per part.

Sheet 1 is the checklist, sheet 2 the texts to paste into the group, sheet 3 the ritual
calendar. The page prints from any browser; with the build's PDF option on, the same
page is printed to ``launch-kit.pdf`` beside it by headless Chromium.
"""

from __future__ import annotations

from ...content.model import Playbook
from .. import dialect
from ..chat_texts import MESSAGE_KINDS, variants
from ..checklists import checklist, context_script
from ..context import Context, Site
from ..fragments import fragment
from ..ritual_calendar import occurrences
from ..urls import calendar_uri, kit_uri, page_uri, pdf_uri
from ..wording import Situation, cadence_text
from .entry_parts import entry_front_matter, print_head

_ACTIONS = fragment(
    '<div class="cp-kit-actions">'
    '<button type="button" class="md-button md-button--primary cp-print" data-cp-needs-script>{{ print }}</button> '
    '{% if pdf %}<a class="md-button" href="{{ pdf }}" download>{{ download }}</a> {% endif %}'
    '<a class="md-button" href="{{ back }}">{{ back_label }}</a></div>')
_MESSAGE = fragment('<pre class="cp-message">{{ text }}</pre>')
LAUNCH = Situation(age="new")


def kit_page(site: Site, playbook: Playbook) -> str:
    ctx = site.page(kit_uri(playbook.id))
    pb = playbook
    # every sheet says where it is from; the checklist's sheet carries the code to tick it on a phone
    head = print_head(ctx, pb.title, pb.group.type, interactive=page_uri("playbook", pb.id))
    plain_head = print_head(ctx, pb.title, pb.group.type, interactive=page_uri("playbook", pb.id), qr=False)
    actions = _ACTIONS(print=ctx.ui("print"), pdf=ctx.url(pdf_uri(pb.id)) if site.pdf else "",
                       download=ctx.ui("download_pdf"), back=ctx.url(page_uri("playbook", pb.id)),
                       back_label=ctx.ui("back_to_playbook"))
    sheets = [
        dialect.join(head, dialect.heading(1, ctx.ui("kit_title", title=ctx.title(pb.title))), ctx.ui("kit_intro"),
                      # the plan to launch a group: a running group prints its own from the checklist builder
                      checklist(ctx, pb, heading_level=2, with_toolbar=False, links=False, situation=LAUNCH),
                     context_script(ctx, pb)),
        dialect.join(plain_head, dialect.heading(2, ctx.ui("messages"), "texts"), *_texts(ctx, pb)),
        dialect.join(plain_head, dialect.heading(2, ctx.ui("ritual_calendar"), "calendar"), _calendar(ctx, pb)),
    ]
    return dialect.join(
        entry_front_matter(ctx, pb, title=ctx.ui("kit_title", title=ctx.unlinked(pb.title)), hide=["navigation", "toc"],
                           # the kit repeats the playbook's checklist and texts: search shows the playbook
                           search={"exclude": True}),
        actions,
        *(dialect.markdown_block("cp-sheet", sheet) for sheet in sheets),
    )


def _texts(ctx: Context, pb: Playbook) -> list[str]:
    if pb.messages is None:
        return [ctx.ui("no_messages")]
    blocks = []
    for name, key in MESSAGE_KINDS:
        text = getattr(pb.messages, name)
        if text is not None:
            blocks.append(f"{dialect.heading(3, ctx.ui(key), f'kit-{name}')}\n\n"
                          + _MESSAGE(text=variants(text.get(ctx.lang)).plain))
    return blocks


def _calendar(ctx: Context, pb: Playbook) -> str:
    dated = {event.ritual.id: event for event in occurrences(ctx.library, pb, ctx.today)}
    rows = []
    for run in ctx.library.schedule(pb):
        event = dated.get(run.ritual.id)
        dates = ctx.list_separator.join(_date(d) for d in event.upcoming(3)) if event else "—"
        rows.append([ctx.title(run.ritual.title), cadence_text(ctx, run.cadence), ctx.ui("minutes", n=run.duration),
                     ctx.text(run.ritual.host), dates])
    table = dialect.table([ctx.ui(k) for k in ("ritual", "cadence", "duration", "host", "next_dates")], rows)
    notes = [f"{dialect.bold(ctx.title(ctx.library.rituals[u.ref].title))}{ctx.colon} {ctx.text(u.note)}"
             for u in pb.rituals if u.note]
    link = dialect.button(ctx.ui("calendar_file"), ctx.relative(calendar_uri(pb.id)), download=True) if dated else ""
    return dialect.join(table, dialect.bullets(notes), link).strip()


def _date(moment) -> str:  # noqa: ANN001 - a date or a datetime
    if hasattr(moment, "hour"):
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.isoformat()
