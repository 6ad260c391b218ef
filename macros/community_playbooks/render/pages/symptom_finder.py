"""The symptom finder: tick what you see in your group, get the pitfalls that match best.

Signs are grouped by topic in folded groups, so a phone shows a dozen lines rather than a
hundred checkboxes; a bar fixed to the foot of a phone's screen counts the ticks and jumps
to the results. The form and the results are laid out from the start (no ``hidden`` that
the script lifts), so nothing moves when the script arrives. Without the script they are
hidden (``data-cp-needs-script``) and the page is a list of every pitfall with its signs.
"""

from __future__ import annotations

from ...content.library import Library
from ...content.model import Pitfall
from .. import dialect
from ..context import Context, Site
from ..fragments import fragment, json_script
from ..urls import page_uri
from ..wording import severity_order
from .tools import TOOL_PAGES, add_remedy_url, tool_front_matter

_FINDER = fragment(
    '<div class="cp-finder-layout" data-pagefind-ignore="all" data-cp-needs-script>'
    '<form class="cp-finder" data-cp-tool="symptoms" aria-label="{{ form_label }}">'
    '{% for legend, signs in groups %}<details class="cp-signs-group"><summary>{{ legend }} '
    '<span class="cp-signs-count" data-total="{{ signs|length }}">{{ signs|length }}</span></summary>'
    '<fieldset><legend class="cp-visually-hidden">{{ legend }}</legend><ul class="cp-signs">'
    '{% for value, text in signs %}<li><label><input type="checkbox" name="sign" value="{{ value }}"> {{ text }}'
    '</label></li>{% endfor %}</ul></fieldset></details>{% endfor %}'
    '<p class="cp-finder-bar"><span class="cp-finder-ticked" aria-live="polite">{{ ticked }}</span> '
    '<a class="md-button md-button--primary" href="#cp-ranked-title">{{ see_results }}</a> '
    '<button type="reset" class="md-button">{{ clear }}</button></p></form>'
    # a shared link's ticks, and the groups that hold them open, set while the page is parsed:
    # opened by the deferred page script after the first paint, a group of a hundred signs
    # would push the rest of the page off a phone's screen
    '<script>(function () {'
    'var chosen = (new URLSearchParams(location.search).get("signs") || "").split(",");'
    'document.querySelectorAll("form[data-cp-tool=symptoms] details.cp-signs-group").forEach(function (group) {'
    'group.querySelectorAll("input[name=sign]").forEach(function (box) {'
    'box.checked = chosen.indexOf(box.value) !== -1; if (box.checked) group.open = true; }); });'
    '})();</script>'
    '<section class="cp-finder-results" aria-labelledby="cp-ranked-title">'
    '<h2 id="cp-ranked-title" tabindex="-1">{{ results_title }}</h2>'
    '<p class="cp-finder-none">{{ no_match }}</p>'
    '<ol class="cp-ranked">{% for p in pitfalls %}'
    '<li data-pitfall="{{ p.id }}" data-severity="{{ p.severity }}" data-signs="{{ p.signs }}" hidden>'
    '<a href="{{ p.href }}"><strong>{{ p.title }}</strong></a> <span class="cp-score"></span>'
    '<p>{{ p.summary }}</p><p><strong>{{ remedy }}</strong></p>'
    '<ul>{% for step in p.remedy %}<li>{{ step }}</li>{% endfor %}</ul>'
    '<p><a class="md-button cp-add-remedy" href="{{ p.add }}">{{ add_remedy }}</a></p></li>{% endfor %}</ol></section></div>')
# without the script the form could not rank anything: the page's <noscript> style hides it
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
                     ticked=ctx.ui("n_ticked", n=0), see_results=ctx.ui("see_results"),
                     results_title=ctx.ui("likely_pitfalls"), no_match=ctx.ui("no_match"), remedy=ctx.ui("remedy"),
                     add_remedy=ctx.ui("add_remedy"),
                     pitfalls=[_result(ctx, p) for p in pitfalls])
    return dialect.join(
        tool_front_matter(),
        dialect.heading(1, ctx.ui("symptoms_title")),
        ctx.ui("symptoms_intro"),
        finder,
        json_script("cp-finder-strings", {"signs_matched": ctx.ui("signs_matched"),
                                          "n_ticked": ctx.ui("n_ticked", n="{n}")}),
        _NOSCRIPT(text=ctx.ui("needs_script")),
        # the pitfall pages themselves are what search should find
        dialect.section(ctx.ui("all_signs"), "all-signs", "\n\n".join(
            f"{dialect.heading(3, ctx.link(p))}\n\n" + dialect.bullets(ctx.text(s) for s in p.signs)
            for p in pitfalls), searched=False),
    )


def _result(ctx: Context, pitfall: Pitfall) -> dict:
    return {"id": pitfall.id, "severity": pitfall.severity, "signs": len(pitfall.signs),
            "href": ctx.url(page_uri("pitfall", pitfall.id)), "title": ctx.unlinked(pitfall.title),
            "summary": ctx.unlinked(pitfall.summary), "remedy": [ctx.unlinked(r) for r in pitfall.remedy],
            "add": add_remedy_url(ctx, pitfall)}


def _interleave(signs: list[tuple[Pitfall, int]]) -> list[tuple[Pitfall, int]]:
    """First signs of every pitfall, then second signs...: neighbours are not all one pitfall's."""
    return sorted(signs, key=lambda pair: (pair[1], pair[0].id))


def _tag_order(library: Library, tag: str) -> int:
    order = library.order("tag")
    return order.index(tag) if tag in order else len(order)
