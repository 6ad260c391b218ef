"""A playbook's launch kit: the print view, one sheet of paper per part.

Sheet 1 is the checklist, sheet 2 the texts to paste into the group, sheet 3 the ritual
calendar. The page prints from any browser; with the build's PDF option on, the same
page is printed to ``launch-kit.pdf`` beside it by headless Chromium.
"""

from __future__ import annotations

import html
from datetime import date

from .calendar import occurrences
from .checklists import checklist
from .context import Context, bullets, calendar_uri, join, kit_uri, page_uri, pdf_uri
from .linker import Library
from .messages import MESSAGE_KINDS, variants
from .model import Playbook
from .parts import cadence_text, front_matter, print_head


def kit_page(library: Library, playbook: Playbook, lang: str, today: date | None = None, **options: object) -> str:
    ctx = Context(library, lang, kit_uri(playbook), today or date.today(), **options)  # type: ignore[arg-type]
    pb = playbook
    head = print_head(ctx, pb.title, pb.group.type)
    actions = [f'<button type="button" class="md-button md-button--primary cp-print" hidden>{ctx.ui("print")}</button>']
    if ctx.pdf:
        actions.append(f'<a class="md-button" href="{ctx.url(pdf_uri(pb))}" download>{ctx.ui("download_pdf")}</a>')
    actions.append(f'<a class="md-button" href="{ctx.url(page_uri("playbook", pb.id))}">{ctx.ui("back_to_playbook")}</a>')

    sheets = [
        join(head, f"# {ctx.ui('kit_title', title=ctx.title(pb.title))}", ctx.ui("kit_intro"),
             checklist(ctx, pb, heading_level=2, with_toolbar=False, links=False)),
        join(head, f"## {ctx.ui('messages')} {{#texts}}", *_texts(ctx, pb)),
        join(head, f"## {ctx.ui('ritual_calendar')} {{#calendar}}", _calendar(ctx, pb)),
    ]
    return join(
        front_matter(ctx, pb, title=ctx.ui("kit_title", title=ctx.unlinked(pb.title)), hide=["navigation", "toc"],
                     # the kit repeats the playbook's checklist and texts: search shows the playbook
                     search={"exclude": True}),
        '<div class="cp-kit-actions">' + " ".join(actions) + "</div>",
        *(f'<div class="cp-sheet" markdown="1">\n\n{sheet}\n</div>' for sheet in sheets),
    )


def _texts(ctx: Context, pb: Playbook) -> list[str]:
    if pb.messages is None:
        return [ctx.ui("no_messages")]
    blocks = []
    for name, key in MESSAGE_KINDS:
        text = getattr(pb.messages, name)
        if text is not None:
            plain = html.escape(variants(text.get(ctx.lang)).plain)
            blocks.append(f"### {ctx.ui(key)} {{#kit-{name}}}\n\n<pre class=\"cp-message\">{plain}</pre>")
    return blocks


def _calendar(ctx: Context, pb: Playbook) -> str:
    dated = {event.ritual.id: event for event in occurrences(ctx.library, pb, ctx.today)}
    rows = [f"| {ctx.ui('ritual')} | {ctx.ui('cadence')} | {ctx.ui('duration')} | {ctx.ui('host')} | "
            f"{ctx.ui('next_dates')} |", "|---|---|---|---|---|"]
    for use in pb.rituals:
        ritual = ctx.library.rituals[use.ref]
        event = dated.get(ritual.id)
        dates = ctx.list_separator.join(_date(ctx, d) for d in event.upcoming(3)) if event else "—"
        rows.append(f"| {ctx.title(ritual.title)} | {cadence_text(ctx, use.cadence or ritual.cadence)} | "
                    f"{ctx.ui('minutes', n=ritual.duration)} | {ctx.text(ritual.host)} | {dates} |")
    notes = [f"**{ctx.title(ctx.library.rituals[u.ref].title)}**{ctx.colon} {ctx.text(u.note)}"
             for u in pb.rituals if u.note]
    link = f"[{ctx.ui('calendar_file')}]({ctx.relative(calendar_uri(pb))}){{ .md-button download }}" if dated else ""
    return join("\n".join(rows), bullets(notes), link).strip()


def _date(ctx: Context, moment) -> str:  # noqa: ANN001 - a date or a datetime
    if hasattr(moment, "hour"):
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.isoformat()
