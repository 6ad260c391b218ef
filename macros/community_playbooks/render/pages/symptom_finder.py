"""The symptom finder: tick what you see in your group, get the pitfalls that match best.

Without the script the page is a list of every pitfall with its signs.
"""

from __future__ import annotations

from ...content.library import Library
from ...content.model import Pitfall
from .. import dialect
from ..context import Context, Site
from ..fragments import fragment, json_script
from ..urls import page_uri
from ..wording import severity_order
from .tools import TOOL_PAGES, tool_front_matter

_FINDER = fragment(
    '<div class="cp-finder-layout">'
    '<form class="cp-finder" data-cp-tool="symptoms" aria-label="{{ form_label }}" hidden>'
    '{% for legend, signs in groups %}<fieldset><legend>{{ legend }}</legend><ul class="cp-signs">'
    '{% for value, text in signs %}<li><label><input type="checkbox" name="sign" value="{{ value }}"> {{ text }}'
    '</label></li>{% endfor %}</ul></fieldset>{% endfor %}'
    '<p><button type="reset" class="md-button">{{ clear }}</button></p></form>'
    '<section class="cp-finder-results" aria-labelledby="cp-ranked-title" hidden>'
    '<h2 id="cp-ranked-title">{{ results_title }}</h2>'
    '<p class="cp-finder-none">{{ no_match }}</p>'
    '<ol class="cp-ranked">{% for p in pitfalls %}'
    '<li data-pitfall="{{ p.id }}" data-severity="{{ p.severity }}" data-signs="{{ p.signs }}" hidden>'
    '<a href="{{ p.href }}"><strong>{{ p.title }}</strong></a> <span class="cp-score"></span>'
    '<p>{{ p.summary }}</p><p><strong>{{ remedy }}</strong></p>'
    '<ul>{% for step in p.remedy %}<li>{{ step }}</li>{% endfor %}</ul></li>{% endfor %}</ol></section></div>')
_NOSCRIPT = fragment("<noscript><p>{{ text }}</p></noscript>")


def symptom_finder_page(site: Site) -> str:
    """Every warning sign as a checkbox, grouped by topic; ticking signs ranks the pitfalls."""
    ctx = site.page(TOOL_PAGES["symptoms"].uri)
    library = ctx.library
    order = severity_order(library)
    pitfalls = sorted(library.pitfalls.values(), key=lambda p: (order.index(p.severity), p.id))
    by_topic: dict[str, list[tuple[Pitfall, int]]] = {}
    for pitfall in pitfalls:
        topic = pitfall.tags[0] if pitfall.tags else ""
        by_topic.setdefault(topic, []).extend((pitfall, i) for i in range(len(pitfall.signs)))
    groups = []
    for topic, signs in sorted(by_topic.items(), key=lambda kv: _tag_order(library, kv[0])):
        legend = ctx.plain_label("tag", topic) if topic else ctx.ui("other")
        groups.append((legend[:1].upper() + legend[1:],
                       [(f"{p.id}.{i}", ctx.unlinked(p.signs[i])) for p, i in _interleave(signs)]))
    finder = _FINDER(form_label=ctx.ui("symptoms_form"), groups=groups, clear=ctx.ui("clear"),
                     results_title=ctx.ui("likely_pitfalls"), no_match=ctx.ui("no_match"), remedy=ctx.ui("remedy"),
                     pitfalls=[_result(ctx, p) for p in pitfalls])
    return dialect.join(
        tool_front_matter(),
        dialect.heading(1, ctx.ui("symptoms_title")),
        ctx.ui("symptoms_intro"),
        finder,
        json_script("cp-finder-strings", {"signs_matched": ctx.ui("signs_matched")}),
        _NOSCRIPT(text=ctx.ui("needs_script")),
        dialect.heading(2, ctx.ui("all_signs"), "all-signs"),
        "\n\n".join(f"{dialect.heading(3, ctx.link(p))}\n\n" + dialect.bullets(ctx.text(s) for s in p.signs)
                    for p in pitfalls),
    )


def _result(ctx: Context, pitfall: Pitfall) -> dict:
    return {"id": pitfall.id, "severity": pitfall.severity, "signs": len(pitfall.signs),
            "href": ctx.url(page_uri("pitfall", pitfall.id)), "title": ctx.unlinked(pitfall.title),
            "summary": ctx.unlinked(pitfall.summary), "remedy": [ctx.unlinked(r) for r in pitfall.remedy]}


def _interleave(signs: list[tuple[Pitfall, int]]) -> list[tuple[Pitfall, int]]:
    """First signs of every pitfall, then second signs...: neighbours are not all one pitfall's."""
    return sorted(signs, key=lambda pair: (pair[1], pair[0].id))


def _tag_order(library: Library, tag: str) -> int:
    order = library.order("tag")
    return order.index(tag) if tag in order else len(order)
