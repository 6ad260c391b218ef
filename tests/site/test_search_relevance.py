"""Search finds what organisers type: the relevance set (search_queries.yaml), each query typed
into the search dialog of the shipped site as a reader does, one Chromium tab per language.

At least 95 % of each language's queries find every entry they expect among the first three
results; the failures are listed, with what came first instead. The share is on the "Speed and
quality" page, written by `tools/search_bench.py --write`.
"""

from __future__ import annotations

import pytest

from .relevance import GOAL, relevance_set, run_set, share

pytestmark = pytest.mark.browser

SET = relevance_set()


def test_the_set_has_sixty_queries_a_language_each_expecting_a_shipped_entry(real_site):
    for lang, queries in SET.items():
        assert len(queries) >= 60, lang
        prefix = real_site if lang == "en" else real_site / lang
        for query, expected in queries.items():
            assert expected, query
            for path in expected:
                assert path.split("/")[0] in {"playbooks", "pitfalls", "rituals", "stages", "guides", "platforms"}, path
                assert (prefix / path / "index.html").is_file(), (lang, query, path)


@pytest.mark.parametrize("lang", sorted(SET))
def test_search_finds_what_organisers_type(page, real_server, lang):
    outcomes = run_set(page, real_server, lang, SET[lang])
    missed = [f"{o.query!r}: wanted {' '.join(o.expected)}; first came {' | '.join(o.found[:3]) or 'nothing'}"
              for o in outcomes if not o.passed]
    assert share(outcomes) >= GOAL, f"{len(missed)} of {len(outcomes)} queries missed:\n" + "\n".join(missed)
