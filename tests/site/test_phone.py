"""The site as most readers meet it: a 390 x 844 touch screen, from a link pasted into a chat.

Every page of both languages is opened at that size and checked for sideways scrolling; the
main tasks are done with taps. Screenshots of the main pages at phone and desktop sizes are
kept in test-artefacts/screens/ to look at (they are not compared with anything).
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from ..conftest import PHONE, ROOT, guarded_tab, settled

pytestmark = pytest.mark.browser

SCREENS = ROOT / "test-artefacts" / "screens"
MAIN_PAGES = {"home": "", "playbooks": "playbooks/", "playbook": "playbooks/reading-circle/",
              "texts": "playbooks/reading-circle/#messages", "pitfall": "pitfalls/dead-group/",
              "finder": "tools/symptom-finder/?signs=dead-group.0,dead-group.1", "builder":
              "tools/checklist-builder/?playbook=course-cohort&platform=wechat&size=120",
              "compare": "tools/compare/?p=reading-circle&p=gaming-guild", "kit": "playbooks/reading-circle/kit/"}

# What sticks out of the screen, or scrolls sideways inside it: the document, or any block
# of the content (a table, a code block, a text to paste, a form).
SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth, found = [];
  if (document.documentElement.scrollWidth > width) found.push("the page: " + document.documentElement.scrollWidth);
  for (const node of document.querySelectorAll(".md-content *")) {
    // only a box wider than its room, or one past the screen's edge, can scroll or stick out
    const box = node.getBoundingClientRect();
    const past = box.width && box.right > width + 1, wider = node.scrollWidth > node.clientWidth + 1;
    if (!past && !wider) continue;
    const style = getComputedStyle(node);
    if (style.display === "none" || node.closest("[hidden]")) continue;
    const name = node.tagName.toLowerCase() + (node.className && typeof node.className === "string" ? "." + node.className : "");
    if (wider && (style.overflowX === "auto" || style.overflowX === "scroll"))
      found.push(name + " scrolls: " + node.scrollWidth + " > " + node.clientWidth);
    if (past) found.push(name + " ends at " + Math.round(box.right));
  }
  return found.slice(0, 5);
}"""


def site_pages(real_site) -> list[str]:
    return sorted(p.parent.relative_to(real_site).as_posix() + "/" for p in real_site.rglob("index.html")
                  if p.relative_to(real_site).parts[:1] != ("api",) and "/api/" not in p.as_posix())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_page_scrolls_sideways_on_a_phone(phone, real_site, real_server, lang):
    pages = [p for p in site_pages(real_site) if p.startswith("zh/") == (lang == "zh")]
    assert len(pages) > 100
    found = {}
    for path in pages:
        # the page is laid out, its script has run (deferred scripts run before this event)
        phone.goto(f"{real_server}/{path.removeprefix('./')}", wait_until="domcontentloaded")
        wide = phone.evaluate(SIDEWAYS)
        if wide:
            found[path] = wide
    assert not found, found


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_screenshots_of_the_main_pages(browser, real_server, size):
    """Not compared with anything: kept for people to look at. Each must show its page, with
    the parts the page script draws in place and nothing wider than the screen."""
    options = PHONE if size == "phone" else {"viewport": {"width": 1280, "height": 800}}
    SCREENS.mkdir(parents=True, exist_ok=True)
    with guarded_tab(browser, **options) as tab:
        for lang in ("en", "zh"):
            for name, path in MAIN_PAGES.items():
                tab.goto(f"{real_server}{'' if lang == 'en' else '/zh'}/{path}")
                settled(tab)
                expect(tab.locator("article h1")).to_be_visible()
                # what the scripts drew (a comparison, a tailored checklist) fits the screen too
                assert tab.evaluate(SIDEWAYS) == [], (name, lang)
                target = SCREENS / f"{name}-{lang}-{size}.png"
                tab.screenshot(path=str(target))
                assert target.stat().st_size > 10_000


def test_the_home_chooser_reaches_a_playbook_in_one_tap(phone, real_server, library):
    phone.goto(f"{real_server}/")
    phone.get_by_label("Kind of group").select_option("gaming")
    phone.get_by_label("Platform").select_option("discord")
    open_button = phone.locator("form.cp-door button[type=submit]")
    expect(open_button).to_have_text(f"Open “{library.playbooks['gaming-guild'].title.get('en')}”")
    expect(phone.locator(".cp-door__note")).to_contain_text("Written for your platform and size.")
    open_button.tap()
    phone.wait_for_url("**/playbooks/gaming-guild/?platform=discord")  # the page is tailored to the platform


def test_the_home_chooser_says_when_the_best_fit_is_for_another_platform(phone, real_server, library):
    phone.goto(f"{real_server}/")
    phone.get_by_label("Kind of group").select_option("gaming")
    phone.get_by_label("Platform").select_option("wechat")
    platforms = ", ".join(library.label("platform", p, "en") for p in library.playbooks["gaming-guild"].group.platforms)
    expect(phone.locator(".cp-door__note")).to_contain_text(f"written for {platforms}")
    tailor = phone.get_by_role("link", name="Tailor this checklist")
    tailor.tap()
    phone.wait_for_url("**/tools/checklist-builder/?playbook=gaming-guild&platform=wechat")
    expect(phone.locator(".cp-builder .cp-warning")).to_have_count(1)


def test_without_a_kind_the_chooser_opens_the_index_filtered(phone, real_server, library):
    phone.goto(f"{real_server}/")
    phone.get_by_label("Platform").select_option("slack")
    phone.locator("form.cp-door button[type=submit]").tap()
    phone.wait_for_url("**/playbooks/?*platform=slack*")
    shown = phone.locator("table.cp-index tbody tr:visible td:first-child").all_inner_texts()
    assert sorted(shown) == sorted(pb.title.get("en") for pb in library.playbooks.values()
                                   if "slack" in pb.group.platforms)


def test_the_playbook_page_has_a_table_of_contents_a_thumb_can_reach(phone, real_server):
    phone.goto(f"{real_server}/playbooks/reading-circle/")
    contents = phone.locator("details.cp-onpage")
    expect(contents).to_be_in_viewport()  # near the top, not 9,000 px down
    contents.locator("summary").tap()
    contents.get_by_role("link", name="Checklist", exact=True).tap()
    expect(phone.locator("h2#checklist")).to_be_in_viewport()
    # the badges say what the play costs before anything else
    badges = phone.locator("ul.cp-badges").inner_text()
    assert "To launch" in badges and "h a week" in badges


@pytest.mark.parametrize("lang, label", [("en", "What to do now"), ("zh", "现在怎么办")])
def test_a_pitfall_page_takes_a_reader_who_has_the_problem_to_its_remedy_in_one_tap(phone, real_server, lang, label):
    phone.goto(f"{real_server}/{'zh/' if lang == 'zh' else ''}pitfalls/dead-group/")
    button = phone.locator("nav.cp-actions").get_by_role("link", name=label)
    expect(button).to_be_in_viewport()  # on the first screen, above the warning signs
    button.tap()
    expect(phone.locator("h2#remedy")).to_be_in_viewport()



def test_a_text_is_copied_with_one_tap_exactly_as_shown(phone, real_server):
    phone.goto(f"{real_server}/playbooks/reading-circle/#messages")
    phone.locator(".cp-texts__choose").get_by_role("button", name="WeChat / QQ", exact=True).tap()
    shown = phone.locator("#text-welcome-plain")
    block = phone.locator(".cp-text", has=shown)
    button = block.locator("button.cp-copy")
    box, text_box = button.bounding_box(), shown.bounding_box()
    assert box["height"] >= 44 and box["y"] >= text_box["y"] + text_box["height"]  # big, and not over the text
    button.tap()
    assert phone.evaluate("navigator.clipboard.readText()") == shown.inner_text()
    expect(button).to_have_text("Copied ✓")


def test_ticks_survive_a_reload_and_the_language_switch(phone, real_server):
    phone.goto(f"{real_server}/playbooks/reading-circle/#checklist")
    box = phone.locator("input.cp-check").first
    item = box.get_attribute("data-cp-item")
    box.tap()
    expect(box).to_be_checked()
    phone.reload()
    expect(phone.locator(f'input.cp-check[data-cp-item="{item}"]')).to_be_checked()
    phone.locator(".md-header__option .md-select button").tap()
    phone.locator("a[data-cp-language=zh]").tap()
    phone.wait_for_url("**/zh/playbooks/reading-circle/#checklist")
    expect(phone.locator(f'input.cp-check[data-cp-item="{item}"]')).to_be_checked()
    assert phone.locator("html").get_attribute("lang") == "zh"


def test_a_filtered_index_keeps_its_filters_across_the_language_switch(phone, real_server):
    phone.goto(f"{real_server}/playbooks/?platform=discord&size=100")
    phone.locator(".md-header__option .md-select button").tap()
    phone.locator("a[data-cp-language=zh]").tap()
    phone.wait_for_url("**/zh/playbooks/?platform=discord&size=100")
    assert phone.get_by_label("平台", exact=True).input_value() == "discord"


CLS = """(() => {
  window.__shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }).observe({ type: "layout-shift", buffered: true });
})();"""


@pytest.mark.parametrize("path", ["", "playbooks/?platform=wechat", "playbooks/reading-circle/",
                                  "playbooks/reading-circle/#messages", "tools/symptom-finder/?signs=dead-group.0",
                                  "tools/checklist-builder/?playbook=course-cohort", "tools/compare/?p=reading-circle",
                                  "guides/before-you-launch/", "zh/playbooks/reading-circle/"])
def test_nothing_moves_once_the_page_is_painted(browser, real_server, path):
    """Cumulative layout shift, as Chromium measures it for Core Web Vitals, stays under 0.05:
    the script fills in what is already laid out instead of adding it. The page script arrives
    late, as it does on a phone's slow connection, so the page is painted before it runs."""
    def late(route):
        time.sleep(1.5)  # Chromium marks shifts soon after a navigation as following input: not counted
        route.continue_()

    with guarded_tab(browser, **PHONE) as tab:
        tab.route("**/assets/javascripts/playbooks.js*", late)
        tab.add_init_script(CLS)
        tab.goto(f"{real_server}/{path}", wait_until="networkidle")
        tab.wait_for_timeout(300)
        shifts = tab.evaluate("window.__shifts")
    assert sum(shifts) <= 0.05, shifts
