"""The index page of each kind.

The playbook index is an HTML table whose rows carry their facts as data attributes:
the page script filters it by the form above it, and keeps the filter in the URL so a
filtered view can be shared. Without the script the form stays hidden and the whole
table is there. Below 600 px the stylesheet lays each row out as a card, each cell
labelled by its ``data-label``. The table is left out of search excerpts: its cells are
the titles and labels the results already show.
"""

from __future__ import annotations

from ...content.kinds import SECTIONS
from ...content.model import Pitfall, Playbook, Ritual
from .. import dialect
from ..context import Context, Site
from ..forms import number_field, options, select_field
from ..fragments import Markup, fragment
from ..urls import page_uri
from ..wording import cadence_text, severity_order
from .tools import TOOL_PAGES

# (form field, vocabulary) of the select filters, in the order they appear; a vocabulary's
# name is also the key of its label
SELECT_FILTERS = (("type", "group_type"), ("platform", "platform"), ("threshold", "threshold"))

_FILTERS = fragment(
    '<form class="cp-filters" data-cp-filter="playbooks" aria-label="{{ label }}" data-cp-needs-script>'
    '{% for field in fields %}{{ field }}{% endfor %}'
    '<button type="reset" class="md-button">{{ clear }}</button>'
    '<output class="cp-filter-count" aria-live="polite"></output></form>')
# what to change when no playbook matches: filled in by the page script
_EMPTY = fragment('<div class="cp-filter-empty" role="status" data-cp-without="{{ without }}" hidden><p>{{ empty }}</p>'
                  '<ul class="cp-chips"></ul></div>')
_TABLE = fragment(
    '<div class="cp-table-wrap" data-pagefind-ignore="all"><table class="cp-index" data-cp-filtered="playbooks">'
    '<thead><tr>{% for cell in head %}<th>{{ cell }}</th>{% endfor %}</tr></thead><tbody>\n'
    '{% for row in rows %}<tr{% for key, value in row.data %} data-{{ key }}="{{ value }}"{% endfor %}>'
    '<td><a href="{{ row.href }}">{{ row.title }}</a></td>'
    '{% for label, cell in row.cells %}<td data-label="{{ label }}">{{ cell }}</td>{% endfor %}</tr>\n{% endfor %}'
    '</tbody></table></div>')


def index_page(site: Site, kind: str) -> str:
    ctx = site.page(page_uri(kind))
    section = SECTIONS[kind]
    if kind == "playbook":
        body = dialect.join(tool_links(ctx, ("compare", "builder")), playbook_filters(ctx),
                             playbook_index_table(ctx, list(ctx.library.playbooks.values())))
    elif kind == "pitfall":
        order = severity_order(ctx.library)
        pitfalls: list[Pitfall] = sorted(ctx.library.pitfalls.values(), key=lambda p: (order.index(p.severity), p.id))
        body = dialect.join(tool_links(ctx, ("symptoms",)), dialect.table(
            [ctx.ui("pitfall"), ctx.ui("severity_col"), ctx.ui("summary"), ctx.ui("used_by_col")],
            ([ctx.link(p), ctx.label("severity", p.severity), ctx.text(p.summary), str(_users(ctx, p))]
             for p in pitfalls)))
    elif kind == "ritual":
        rituals: list[Ritual] = list(ctx.library.rituals.values())
        body = dialect.table(
            [ctx.ui("ritual"), ctx.ui("cadence"), ctx.ui("duration"), ctx.ui("used_by_col")],
            ([ctx.link(r), cadence_text(ctx, r.cadence), ctx.ui("minutes", n=r.duration), str(_users(ctx, r))]
             for r in rituals))
    elif kind == "stage":
        body = "\n\n".join(f"{dialect.heading(2, ctx.link(s))}\n\n{ctx.label('mode', s.mode)} — {ctx.text(s.summary)}"
                           for s in ctx.library.stages_in_order())
    elif kind == "guide":
        body = dialect.table([ctx.ui("guide"), ctx.ui("summary"), ctx.ui("used_by_col")],
                             ([ctx.link(g), ctx.text(g.summary), str(_users(ctx, g))]
                              for g in ctx.library.guides.values()))
    else:
        order = ctx.library.order("platform")
        platforms = sorted(ctx.library.platforms.values(),
                           key=lambda p: order.index(p.id) if p.id in order else len(order))
        body = dialect.table([ctx.ui("platform"), ctx.ui("mainland"), ctx.ui("facts_col"), ctx.ui("oldest_check")],
                             ([ctx.link(p), ctx.label("mainland", p.mainland), str(len(p.facts)),
                               min(f.checked for f in p.facts)] for p in platforms))
    # the entries' own pages are what search should find: an index would only repeat their words
    return dialect.join(dialect.heading(1, ctx.ui(section + "_title")), ctx.ui(section + "_intro"),
                        dialect.unsearched(body))


def _users(ctx: Context, entry) -> int:  # noqa: ANN001 - an Entry
    return len(ctx.library.used_in.get(entry.key, ()))


def tool_links(ctx: Context, tools: tuple[str, ...]) -> str:
    return " ".join(dialect.button(ctx.ui(TOOL_PAGES[name].title), ctx.relative(TOOL_PAGES[name].uri))
                    for name in tools)


def playbook_filters(ctx: Context) -> Markup:
    """The filter form: hidden until the page script runs, since only the script can filter."""
    fields = [select_field(f"cp-filter-{name}", name, ctx.ui(vocabulary), options(
        ((value, ctx.plain_label(vocabulary, value)) for value in _used_values(ctx, name, vocabulary)),
        ctx.ui("any"))) for name, vocabulary in SELECT_FILTERS]
    fields.insert(2, number_field("cp-filter-size", "size", ctx.ui("members_label"), ctx.ui("members_placeholder")))
    return Markup(dialect.join(
        _FILTERS(label=ctx.ui("filter_playbooks"), fields=fields, clear=ctx.ui("clear")),
        _EMPTY(empty=ctx.ui("filter_empty"), without=ctx.ui("filter_without", what="{what}", n="{n}"))))


def playbook_index_table(ctx: Context, playbooks: list[Playbook]) -> Markup:
    head = [ctx.ui(key) for key in ("playbook", "group_type", "size", "platforms", "threshold", "badge_launch")]
    rows = []
    for pb in playbooks:
        data = [("type", pb.group.type), ("platforms", " ".join(pb.group.platforms)), ("threshold", pb.threshold.kind),
                ("size-min", str(pb.group.size_min)), ("size-max", str(pb.group.size_max))]
        cells = [ctx.plain_label("group_type", pb.group.type),
                 ctx.ui("members", min=pb.group.size_min, max=pb.group.size_max),
                 ctx.list_separator.join(ctx.plain_label("platform", p) for p in pb.group.platforms),
                 ctx.plain_label("threshold", pb.threshold.kind),
                 ctx.ui("days_n", n=pb.effort.launch_days)]
        rows.append({"data": data, "href": ctx.url(page_uri("playbook", pb.id)), "title": ctx.unlinked(pb.title),
                     "cells": list(zip(head[1:], cells))})
    return _TABLE(head=head, rows=rows)


def _used_values(ctx: Context, name: str, vocabulary: str) -> list[str]:
    """Only values some playbook has: a filter that can only ever show nothing is noise."""
    values: set[str] = set()
    for pb in ctx.library.playbooks.values():
        if name == "type":
            values.add(pb.group.type)
        elif name == "platform":
            values.update(pb.group.platforms)
        else:
            values.add(pb.threshold.kind)
    order = ctx.library.order(vocabulary)
    return sorted(values, key=lambda v: order.index(v) if v in order else len(order))
