"""The search dialog as readers meet it: what they type in simplified or traditional Chinese,
words run together, a query of one character or of filler words, a query nothing matches, and
the kinds of page among the results, on a phone."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from community_playbooks.render.strings import t

from ..conftest import search

pytestmark = pytest.mark.browser

PROJECT_PAGES = ("style", "quality", "security", "api", "macros", "contributing", "translations", "reference")


def shown(page, prefix: str = "/") -> list[str]:
    """The results listed, as paths under the language's root."""
    hrefs = page.locator(".cp-search__result > a").evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(href).path[len(prefix):].strip("/") for href in hrefs]


def status(page) -> str:
    return page.locator(".cp-search__status").inner_text()


def test_traditional_characters_find_what_simplified_ones_find(page, real_server):
    page.goto(f"{real_server}/zh/")
    for traditional, simplified, entry in (("讀書會", "读书会", "playbooks/reading-circle"),
                                           ("家長群", "家长群", "playbooks/parents-class-group"),
                                           ("團購", "团购", "playbooks/neighbourhood-group-buying")):
        search(page, simplified)
        wanted = shown(page, "/zh/")
        assert entry in wanted[:3], (simplified, wanted)
        search(page, traditional)
        assert shown(page, "/zh/") == wanted, traditional


def test_chinese_words_run_together_find_what_the_same_words_apart_find(page, real_server):
    page.goto(f"{real_server}/zh/")
    search(page, "截图 隐私")
    apart = shown(page, "/zh/")
    assert apart[0] == "pitfalls/privacy-leaks"
    search(page, "截图隐私")
    assert shown(page, "/zh/")[0] == "pitfalls/privacy-leaks"
    # words of a pitfall's own title, which the browser's own segmenter would have split otherwise
    assert search(page, "作业攀比") is not None
    assert shown(page, "/zh/")[0] == "pitfalls/homework-pressure"


def test_entries_come_first_and_project_pages_wait_for_the_filter_on_a_phone(phone, real_server):
    phone.goto(f"{real_server}/")
    search(phone, "book club")
    first = shown(phone)
    assert first[0] == "playbooks/reading-circle"
    assert not [path for path in first if path.split("/")[0] in PROJECT_PAGES], first
    kinds = phone.locator(".cp-search__kinds")
    expect(kinds).to_be_visible()
    # one row of small chips, however many kinds: it scrolls sideways inside the dialog, not the page
    box = kinds.bounding_box()
    chip = phone.locator(".cp-search__kind").first.bounding_box()
    assert box["height"] < 2 * chip["height"] and chip["height"] >= 44, (box, chip)  # a thumb's size
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    project = phone.locator(".cp-search__kind", has_text=t("search_kind_project", "en"))
    expect(project).to_be_visible()
    project.tap()
    phone.wait_for_function("document.querySelector('.cp-search__result a') && "
                            "!document.querySelector('.cp-search__result a').href.includes('/playbooks/')")
    only = shown(phone)
    assert only and all(path.split("/")[0] in PROJECT_PAGES for path in only), only
    phone.locator(".cp-search__kind", has_text=t("search_all", "en")).tap()
    phone.wait_for_function("document.querySelector('.cp-search__result a').href.includes('/reading-circle/')")


def test_one_character_or_filler_words_ask_for_a_word_more(page, real_server):
    for home, query, lang, says in (("/zh/", "群", "zh", "search_common"), ("/zh/", "的", "zh", "search_common"),
                                    ("/", "the", "en", "search_common"), ("/", "how to", "en", "search_common"),
                                    ("/", "q", "en", "search_short")):
        page.goto(f"{real_server}{home}")
        assert search(page, query) is None, query
        assert status(page) == t(says, lang).format(query=query), query
        expect(page.locator(".cp-search__help a")).to_have_attribute("href", re.compile(r"tools/symptom-finder/$"))
    search(page, "cliques")  # a word that says what, and the list is back
    assert shown(page)[0] == "pitfalls/cliques"


def test_nothing_found_says_so_and_offers_the_symptom_finder_and_the_closest_titles(page, real_server):
    page.goto(f"{real_server}/zh/")
    assert search(page, "囧群") is None  # 囧 is in no word of the site; 群 alone, on almost every page
    assert status(page) == t("search_none", "zh").format(query="囧群")
    expect(page.locator(".cp-search__closest")).to_be_hidden()  # nothing close: no list of anything with 群
    page.goto(f"{real_server}/")
    assert search(page, "qliques") is None  # a misspelling search cannot mend: it starts with another letter
    assert status(page) == t("search_none", "en").format(query="qliques")
    closest = page.locator(".cp-search__closest a")
    expect(closest).to_have_text(["Cliques that shut newcomers out"])
    finder = page.locator(".cp-search__help a", has_text=t("search_finder", "en"))
    finder.click()
    page.wait_for_url(f"{real_server}/tools/symptom-finder/")


def test_a_misspelt_word_is_read_as_the_word_the_site_holds_and_the_reader_is_told(page, real_server):
    page.goto(f"{real_server}/")
    for typed, read, entry in (("discrod", "discord", "platforms/discord"),
                               ("bookclub", "book club", "playbooks/reading-circle"),
                               ("telegramm", "telegram", "platforms/telegram")):
        search(page, typed)
        assert shown(page)[0] == entry, typed
        assert status(page).startswith(t("search_respelt", "en").format(query=read)), typed
    # words spelt right, whose stems in the index are not words (volunt-, ban-, harass-, resid-), and
    # American spellings, looked up in British too (the content's): found, and not called misspelt
    respelt = t("search_respelt", "en").split("“")[0]
    for typed, entry in (("volunteers", "playbooks/volunteer-team"), ("group got banned", "guides/bans-appeals-backups"),
                         ("harassment", "guides/code-of-conduct"), ("residents group", "playbooks/homeowners-group"),
                         ("neighborhood", "playbooks/neighbourhood-group-buying"),
                         ("monetization", "pitfalls/early-monetisation"), ("organizer margin", "pitfalls/hidden-margin")):
        search(page, typed)
        assert entry in shown(page)[:3], typed
        assert respelt not in status(page), (typed, status(page))


def test_the_count_reads_right_in_each_language(page, real_server):
    for home, lang, one, many in (("/", "en", "zsxq", "dead group"), ("/zh/", "zh", "一言堂", "死群")):
        page.goto(f"{real_server}{home}")
        search(page, one)
        assert len(shown(page, home)) == 1, one
        assert status(page) == t("search_count_one", lang), status(page)  # "1 page", "1 个页面": not "1 pages"
        search(page, many)
        n = len(page.locator(".cp-search__result").all())
        assert n > 1 and status(page).endswith(t("search_count", lang).format(n="")[1:]), status(page)


# Pagefind joins a page's blocks with ". ": on a Chinese page, after Chinese or a word in Latin letters,
# that is "。" with no space after it; a numbered step ("2. 数一数") keeps its number as written
ASCII_STOP = re.compile(r"[^\x00-\x7f]\.(?:\s|$|[^\x00-\x7f])|[A-Za-z)\]]\.(?:\s|$)|^\s*\.|[。！？；：，、][ \u00a0]")


def test_chinese_excerpts_and_messages_use_chinese_full_stops(page, real_server):
    page.goto(f"{real_server}/zh/")
    checked = 0
    # headings and lists of every kind of entry; platforms whose names are Latin letters; a query
    # found only in part, whose message is two sentences
    for query in ("死群", "消息太多", "广告号", "QQ群", "企业微信", "Discord 管理", "直播", "老是有人问同样的问题", "团购 囧"):
        search(page, query)
        texts = page.locator(".cp-search__result .cp-search__excerpt").all_inner_texts()
        for text in texts + [status(page)]:
            assert not ASCII_STOP.search(text), (query, text)
        checked += len(texts)
    assert checked > 40
    page.goto(f"{real_server}/")  # English excerpts keep theirs
    search(page, "book club")
    assert any(". " in text for text in page.locator(".cp-search__result .cp-search__excerpt").all_inner_texts())
    # a word found is marked without the punctuation Pagefind reads with it ("book;")
    marks = page.locator(".cp-search__excerpt mark").all_inner_texts()
    assert len(marks) > 5 and not [m for m in marks if re.search(r"^\W|\W$", m)], marks
