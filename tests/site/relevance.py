"""The relevance set of the site's search (search_queries.yaml), run through the search dialog
of a built site in Chromium: by the test that holds the goal, and by tools/search_bench.py,
which writes the shares to the "Speed and quality" page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

QUERIES = Path(__file__).with_name("search_queries.yaml")
GOAL = 0.95  # of each language's queries find every entry they expect among the first three
SHOWN = 3


def relevance_set() -> dict[str, dict[str, tuple[str, ...]]]:
    """language -> query -> the entries ("kind/id") it must find among the first three."""
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return {lang: {str(query): tuple(str(entries).split()) for query, entries in queries.items()}
            for lang, queries in data.items()}


@dataclass(frozen=True)
class Outcome:
    query: str
    expected: tuple[str, ...]
    found: tuple[str, ...]  # the first results, as "kind/id" paths under the language's root

    @property
    def passed(self) -> bool:
        return set(self.expected) <= set(self.found[:SHOWN])


def first_results(page, query: str, prefix: str) -> tuple[str, ...]:
    """Type ``query`` into the open search dialog, run it as Enter does, and read the results in
    the order shown, as paths under the language's root (``prefix``, "/" or "/zh/")."""
    box = page.locator(".cp-search__input")
    box.fill(query)
    box.press("Enter")
    page.wait_for_function("q => document.querySelector('.cp-search__results').dataset.cpQuery === q", arg=query)
    hrefs = page.locator(".cp-search__result > a").evaluate_all("links => links.map(a => a.href)")
    paths = (urlsplit(href).path for href in hrefs)
    return tuple(path[len(prefix):].strip("/") for path in paths if path.startswith(prefix))


def run_set(page, base_url: str, lang: str, queries: dict[str, tuple[str, ...]]) -> list[Outcome]:
    """Every query of one language in one tab, from the language's home page (the English site is
    served at ``base_url``, the Chinese one at zh/ under it)."""
    home = "/" if lang == "en" else f"/{lang}/"
    page.goto(base_url + home)
    page.locator(".cp-search-open").click()
    return [Outcome(query, expected, first_results(page, query, home)) for query, expected in queries.items()]


def share(outcomes: list[Outcome]) -> float:
    return sum(o.passed for o in outcomes) / len(outcomes)
