"""Two languages in Chromium: the switcher keeps the page, and each search finds its own language."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from ..conftest import search

pytestmark = pytest.mark.browser


def switch_language(page, lang):
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a[data-cp-language={lang}]").click()


@pytest.mark.parametrize("path", ["", "playbooks/", "playbooks/gaming-guild/", "pitfalls/dead-group/",
                                  "tools/compare/", "reference/ritual/", "contributing/"])
def test_the_switcher_goes_to_the_same_page_in_the_other_language(page, real_server, path):
    page.goto(f"{real_server}/{path}")
    assert page.locator("html").get_attribute("lang") == "en"
    switch_language(page, "zh")
    page.wait_for_url(f"{real_server}/zh/{path}")
    assert page.locator("html").get_attribute("lang") == "zh"
    switch_language(page, "en")
    page.wait_for_url(f"{real_server}/{path}")


def path_of(result) -> str:
    return urlsplit(result.locator("a").first.evaluate("a => a.href")).path


def result_links(page) -> list[str]:
    return page.locator(".cp-search__result a").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize("query, url", [
    ("卖货", "pitfalls/sales-group/"),
    ("死群", "pitfalls/dead-group/"),
    ("门槛", "pitfalls/no-threshold/"),
])
def test_chinese_search_finds_words_inside_sentences(page, real_server, query, url):
    page.goto(f"{real_server}/zh/")
    first = search(page, query)
    assert path_of(first) == f"/zh/{url}", query
    # only Chinese pages
    hrefs = result_links(page)
    assert hrefs and all("/zh/" in href for href in hrefs)


def test_a_ritual_word_finds_a_page_about_rituals_first(page, real_server):
    page.goto(f"{real_server}/zh/")
    first = search(page, "仪式")
    assert "仪式" in first.locator("strong").first.inner_text()


def test_english_search_finds_english_pages_only(page, real_server):
    page.goto(f"{real_server}/")
    first = search(page, "sales group")
    assert path_of(first) == "/pitfalls/sales-group/"
    hrefs = result_links(page)
    assert hrefs and not any("/zh/" in href for href in hrefs)


def test_chinese_pages_show_no_english_headings(page, real_server):
    for path in ("playbooks/reading-circle/", "pitfalls/cliques/", "rituals/guest-ama/", "stages/shared/",
                 "playbooks/", "tools/symptom-finder/", "reference/playbook/"):
        page.goto(f"{real_server}/zh/{path}")
        headings = page.locator("article h1, article h2, article h3, .md-nav__title").all_inner_texts()
        english = [h for h in headings if h.strip() and h.isascii()]
        assert not english, (path, english)


def test_every_word_of_a_search_counts(page, real_server, real_site):
    page.goto(f"{real_server}/")
    search(page, "sales group")
    status = page.locator(".cp-search__status")
    expect(status).not_to_contain_text("No page has all")
    for href in result_links(page):
        html = (real_site / urlsplit(href).path.strip("/") / "index.html").read_text(encoding="utf-8").lower()
        body = html.split("data-pagefind-body", 1)[1]  # what the index was made from
        assert "sale" in body and "group" in body, href
    search(page, "sales zzxqj")
    # Pagefind alone drops a word it does not know; the reader is told instead
    expect(status).to_contain_text("No page has all of these words; these have some of them.")
