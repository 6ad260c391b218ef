"""The translation status page: every entry, and how much of it each language has."""

from __future__ import annotations

from ...content.languages import LANGUAGES, language
from .. import dialect
from ..context import Site

PAGE = "translations.md"


def translation_page(site: Site) -> str:
    """Every entry and, per language, how many of its texts are written in it."""
    ctx = site.page(PAGE)
    complete = {lang: 0 for lang in LANGUAGES}
    entries = list(ctx.library.all_entries())
    rows = []
    for entry in entries:
        counts = ctx.library.translation_of(entry)
        cells = []
        for lang in LANGUAGES:
            done, total = counts[lang]
            complete[lang] += done == total
            cells.append("✓" if done == total else ctx.ui("texts_done", done=done, total=total))
        rows.append([ctx.link(entry), ctx.ui(entry.kind), *cells])
    summary = " · ".join(f"{language(lang).name}{ctx.label_separator}"
                         f"{ctx.ui('complete_count', done=complete[lang], total=len(entries))}" for lang in LANGUAGES)
    table = dialect.table([ctx.ui("name_col"), ctx.ui("kind_col"), *(language(lang).name for lang in LANGUAGES)],
                           rows)
    return dialect.join(dialect.project_front_matter(), dialect.heading(1, ctx.ui("translations_title")),
                        ctx.ui("translations_intro"), summary, table)
