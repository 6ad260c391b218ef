"""The home page's front door: what kind of group, on which platform, how big, and one tap to
its playbook or to a checklist tailored to it; a way in from a problem; one card per kind
of group.

The cards are bounded by the vocabularies, not by the number of playbooks: one card per kind
of group. The chooser's data is one short line per playbook (about 100 bytes, a sixth of that
compressed), so it can pick the best fit on the phone without fetching anything. Without the
page script the chooser is a form that opens the playbook index filtered by the choices, and
the cards are plain links.
"""

from __future__ import annotations

import re

from ..content.model import Playbook
from . import dialect
from .context import Context
from .forms import number_field, options, select_field
from .fragments import Markup, fragment, json_script
from .pages.tools import TOOL_PAGES, age_choices
from .urls import page_uri

_CHOOSER = fragment(
    '<form class="cp-door" action="{{ index }}" method="get" data-cp-door>'
    '<div class="cp-door__fields">{% for field in fields %}{{ field }}{% endfor %}</div>'
    '<p class="cp-door__actions"><button type="submit" class="md-button md-button--primary cp-door__open">{{ open }}'
    '</button> <a class="md-button cp-door__tailor" href="{{ builder }}" hidden>{{ tailor }}</a></p>'
    '<p class="cp-door__note" aria-live="polite"></p></form>')
_CARDS = fragment(
    '<ul class="cp-cards">{% for card in cards %}<li class="cp-card">'
    '<a class="cp-card__link" href="{{ card.href }}"><span class="cp-card__type">{{ card.type }}</span>'
    '<strong class="cp-card__title">{{ card.title }}</strong>'
    '<span class="cp-card__promise">{{ card.promise }}</span></a>'
    '<span class="cp-card__facts">{{ card.facts }}</span>'
    '{% if card.more %}<a class="cp-card__more" href="{{ card.more_href }}">{{ card.more }}</a>{% endif %}'
    '</li>{% endfor %}</ul>')
_PROBLEM = fragment(
    '<p class="cp-problem"><a class="md-button md-button--primary" href="{{ finder }}">{{ finder_label }}</a></p>'
    '<ul class="cp-chips">{% for href, title in pitfalls %}<li><a href="{{ href }}">{{ title }}</a></li>'
    '{% endfor %}</ul>')

# the pitfalls most groups meet first, offered as ways in from a problem
COMMON_PITFALLS = ("dead-group", "sales-group", "off-topic-drift", "founder-dependence")
_SENTENCE = re.compile(r"(?<=[.!?。！？])\s*")


def featured(ctx: Context) -> list[tuple[str, Playbook, int]]:
    """(group type, its first playbook, how many playbooks it has), in the vocabulary's order."""
    by_type: dict[str, list[Playbook]] = {}
    for playbook in ctx.library.playbooks.values():
        by_type.setdefault(playbook.group.type, []).append(playbook)
    order = ctx.library.order("group_type")
    return [(kind, sorted(found, key=lambda pb: pb.id)[0], len(found))
            for kind, found in sorted(by_type.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)]


def front_door(ctx: Context) -> str:
    chosen = featured(ctx)
    index = ctx.url(page_uri("playbook"))
    types = [(kind, ctx.plain_label("group_type", kind)) for kind, _, _ in chosen]
    platforms = [(value, ctx.plain_label("platform", value)) for value in ctx.library.order("platform")
                 if any(value in pb.group.platforms for pb in ctx.library.playbooks.values())]
    fields = [select_field("cp-door-type", "type", ctx.ui("door_type"), options(types, ctx.ui("choose"))),
              select_field("cp-door-platform", "platform", ctx.ui("door_platform"), options(platforms, ctx.ui("any"))),
              number_field("cp-door-size", "size", ctx.ui("door_size"), ctx.ui("members_placeholder")),
              select_field("cp-door-age", "age", ctx.ui("group_age"), options(age_choices(ctx), ctx.ui("any")))]
    data = [{"type": pb.group.type, "id": pb.id, "title": ctx.unlinked(pb.title),
             "url": ctx.url(page_uri("playbook", pb.id)), "platforms": list(pb.group.platforms),
             "min": pb.group.size_min, "max": pb.group.size_max}
            for pb in sorted(ctx.library.playbooks.values(), key=lambda pb: pb.id)]
    strings = {key: ctx.ui(key) for key in ("door_open", "door_open_index", "door_fits", "door_not_platform",
                                            "door_not_size", "door_others")}
    strings["list_separator"] = ctx.list_separator
    chooser = _CHOOSER(index=index, fields=fields, open=ctx.ui("door_open_index"),
                       tailor=ctx.ui("tailor_checklist"), builder=ctx.url(TOOL_PAGES["builder"].uri))
    return dialect.join(chooser, json_script("cp-door-data", {"playbooks": data, "strings": strings,
                                                               "builder": ctx.url(TOOL_PAGES["builder"].uri),
                                                               "index": index}))


def problem_door(ctx: Context) -> Markup:
    pitfalls = [(ctx.url(page_uri("pitfall", pid)), ctx.unlinked(ctx.library.pitfalls[pid].title))
                for pid in COMMON_PITFALLS if pid in ctx.library.pitfalls]
    return _PROBLEM(finder=ctx.url(TOOL_PAGES["symptoms"].uri), finder_label=ctx.ui("door_finder"), pitfalls=pitfalls)


def playbook_cards(ctx: Context) -> Markup:
    """One card per kind of group: its first playbook, what it promises, and what it takes."""
    cards = []
    for kind, pb, count in featured(ctx):
        facts = [ctx.ui("members", min=pb.group.size_min, max=pb.group.size_max),
                 ctx.list_separator.join(ctx.plain_label("platform", p) for p in pb.group.platforms),
                 ctx.ui("days_to_launch", n=pb.effort.launch_days)]
        cards.append({"href": ctx.url(page_uri("playbook", pb.id)), "type": ctx.plain_label("group_type", kind),
                      "title": ctx.unlinked(pb.title), "promise": _first_sentence(ctx.unlinked(pb.summary)),
                      "facts": " · ".join(facts),
                      "more": ctx.ui("more_of_type", n=count - 1) if count > 1 else "",
                      "more_href": f"{ctx.url(page_uri('playbook'))}?type={kind}"})
    return _CARDS(cards=cards)


def _first_sentence(text: str) -> str:
    return _SENTENCE.split(text, maxsplit=1)[0]
