"""The index filters, the symptom finder, the comparison, the builder and the chat texts, in Chromium."""

from __future__ import annotations


import pytest
from playwright.sync_api import expect

from community_playbooks.render.checklists import Situation, tailored
from community_playbooks.render.chat_texts import variants

from .conftest import address_query

pytestmark = pytest.mark.browser




def visible_rows(page) -> list[str]:
    return page.locator("table.cp-index tbody tr:visible td:first-child").all_inner_texts()


# --- index ------------------------------------------------------------------------------------

def test_filters_narrow_the_index_and_the_url_shares_the_view(page, real_server, library):
    page.goto(f"{real_server}/playbooks/")
    assert len(visible_rows(page)) == len(library.playbooks)
    page.get_by_label("Platform", exact=True).select_option("discord")
    expected = sorted(pb.title.get("en") for pb in library.playbooks.values() if "discord" in pb.group.platforms)
    assert sorted(visible_rows(page)) == expected
    page.get_by_label("Members", exact=True).fill("1000")
    expected = sorted(pb.title.get("en") for pb in library.playbooks.values()
                      if "discord" in pb.group.platforms and pb.group.size_min <= 1000 <= pb.group.size_max)
    assert sorted(visible_rows(page)) == expected
    assert address_query(page) == {"platform": ["discord"], "size": ["1000"]}
    assert page.locator("output.cp-filter-count").inner_text() == f"{len(expected)} / {len(library.playbooks)}"

    shared = page.evaluate("location.href")
    page.goto("about:blank")
    page.goto(shared)  # a shared link opens the same view
    assert sorted(visible_rows(page)) == expected
    assert page.get_by_label("Platform", exact=True).input_value() == "discord"


def test_threshold_and_type_filters(page, real_server, library):
    page.goto(f"{real_server}/playbooks/?threshold=paid")
    assert sorted(visible_rows(page)) == sorted(pb.title.get("en") for pb in library.playbooks.values()
                                                if pb.threshold.kind == "paid")
    page.locator("form.cp-filters").get_by_role("button", name="Clear").click()
    total = len(library.playbooks)
    expect(page.locator("output.cp-filter-count")).to_have_text(f"{total} / {total}")  # the form resets, then filters
    assert len(visible_rows(page)) == total
    assert address_query(page) == {}


def test_without_javascript_the_whole_table_is_there(browser, real_server, library):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{real_server}/playbooks/?platform=discord")
    assert len(visible_rows(page)) == len(library.playbooks)
    assert not page.locator("form.cp-filters").is_visible()
    context.close()


def test_a_filter_with_no_match_says_which_choice_to_drop(page, real_server, library):
    page.goto(f"{real_server}/playbooks/?type=gaming&threshold=paid")
    assert not any(pb.group.type == "gaming" and pb.threshold.kind == "paid" for pb in library.playbooks.values())
    empty = page.locator(".cp-filter-empty")
    expect(empty).to_be_visible()
    assert not page.locator("table.cp-index").is_visible()  # no bare header row
    paid = sum(pb.threshold.kind == "paid" for pb in library.playbooks.values())
    gaming = library.label("group_type", "gaming", "en")
    drop_type = empty.get_by_role("button", name=f"Without “Group type: {gaming}”: {paid}")
    drop_type.click()
    assert len(visible_rows(page)) == paid
    assert address_query(page) == {"threshold": ["paid"]}
    expect(empty).to_be_hidden()


# --- symptom finder ------------------------------------------------------------------------------

def tick(page, sign: str) -> None:
    """Tick a sign as a reader does: open its folded group first."""
    box = page.get_by_label(sign, exact=True)
    group = page.locator("details.cp-signs-group", has=box)
    if not group.evaluate("details => details.open"):
        group.locator("summary").click()
    box.check()


def test_ticked_signs_rank_the_matching_pitfall_first(page, real_server, library):
    dead = library.pitfalls["dead-group"]
    sales = library.pitfalls["sales-group"]
    page.goto(f"{real_server}/tools/symptom-finder/")
    results = page.locator("ol.cp-ranked > li:visible")
    assert results.count() == 0
    assert page.locator("details.cp-signs-group[open]").count() == 0  # folded: a phone sees topics, not 100 boxes
    for sign in dead.signs[:2]:
        tick(page, sign.get("en"))
    tick(page, sales.signs[0].get("en"))
    assert results.count() == 2
    assert page.locator(".cp-finder-ticked").inner_text() == "3 ticked"
    first = results.nth(0)
    assert first.locator("a").first.inner_text() == dead.title.get("en")
    assert f"2 of {len(dead.signs)} signs" in first.inner_text()
    assert dead.remedy[0].get("en") in first.inner_text()
    assert results.nth(1).locator("a").first.inner_text() == sales.title.get("en")
    assert address_query(page)["signs"] == ["dead-group.0,dead-group.1,sales-group.0"]

    page.reload()  # the ticks live in the URL, and their groups open
    assert results.nth(0).locator("a").first.inner_text() == dead.title.get("en")
    assert page.get_by_label(dead.signs[0].get("en"), exact=True).is_visible()
    first.locator("a").first.click()
    page.wait_for_url("**/pitfalls/dead-group/")


def test_the_chinese_symptom_finder(page, real_server, library):
    cliques = library.pitfalls["cliques"]
    page.goto(f"{real_server}/zh/tools/symptom-finder/")
    tick(page, cliques.signs[0].get("zh"))
    assert page.locator(".cp-finder-ticked").inner_text() == "已勾选 1\u00a0项"
    first = page.locator("ol.cp-ranked > li:visible").nth(0)
    assert first.locator("a").first.inner_text() == cliques.title.get("zh")
    # the script keeps a count with its unit, as the engine does on the page it renders
    assert f"吻合 1/{len(cliques.signs)}\u00a0个信号" in first.inner_text()


# --- compare ---------------------------------------------------------------------------------------

def test_compare_shows_the_chosen_playbooks_side_by_side(page, real_server, library):
    a, b = library.playbooks["reading-circle"], library.playbooks["gaming-guild"]
    page.goto(f"{real_server}/tools/compare/?p=reading-circle&p=gaming-guild")
    table = page.locator("table.cp-compare-table")
    table.wait_for()
    heads = table.locator("thead th").all_inner_texts()
    assert heads == ["Playbook", a.title.get("en"), b.title.get("en")]
    row = table.locator("tbody tr", has=page.locator("th", has_text="What we do for others"))
    assert row.locator("td").all_inner_texts() == [" ".join(a.mission.for_others.get("en").split()),
                                                   " ".join(b.mission.for_others.get("en").split())]
    page.get_by_label("Playbook 3", exact=True).select_option("alumni-network")
    expect(page.locator("table.cp-compare-table thead th")).to_have_count(4)
    assert address_query(page)["p"] == ["reading-circle", "gaming-guild", "alumni-network"]


def test_compare_in_chinese(page, real_server, library):
    page.goto(f"{real_server}/zh/tools/compare/?p=paid-circle&p=course-cohort")
    table = page.locator("table.cp-compare-table")
    table.wait_for()
    assert table.locator("thead th").all_inner_texts()[1:] == [library.playbooks["paid-circle"].title.get("zh"),
                                                              library.playbooks["course-cohort"].title.get("zh")]
    assert table.locator("tbody th").first.inner_text() == "社群类型"


# --- builder ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("playbook_id, situation", [
    ("reading-circle", Situation("wechat", 300, "shared")),
    ("alumni-network", Situation("discord", 80, "founder-led")),
    ("gaming-guild", Situation(None, None, "self-governing")),
])
def test_the_builder_lists_exactly_the_items_that_apply(page, real_server, library, playbook_id, situation):
    playbook = library.playbooks[playbook_id]
    params = "&".join(f"{k}={v}" for k, v in (("playbook", playbook_id), ("platform", situation.platform),
                                              ("size", situation.size), ("stage", situation.stage)) if v)
    page.goto(f"{real_server}/tools/checklist-builder/?{params}")
    page.locator(".cp-builder h2").wait_for()
    shown = page.locator(".cp-builder input.cp-check").evaluate_all("boxes => boxes.map(b => b.dataset.cpItem)")
    expected = [item.id for _, items in tailored(library, playbook, situation) for item in items]
    assert shown == expected
    assert len(expected) < sum(len(p.items) for p in playbook.checklists) or situation.platform is None


def test_the_builder_keeps_its_choice_in_the_url_and_shares_ticks(page, real_server, library):
    page.goto(f"{real_server}/tools/checklist-builder/")
    page.get_by_label("Playbook", exact=True).select_option("course-cohort")
    page.get_by_label("Platform", exact=True).select_option("wechat")
    page.get_by_label("Members", exact=True).fill("120")
    assert address_query(page) == {"playbook": ["course-cohort"], "platform": ["wechat"], "size": ["120"]}
    first = page.locator(".cp-builder input.cp-check").first
    item = first.get_attribute("data-cp-item")
    first.check()
    page.goto(f"{real_server}/playbooks/course-cohort/")
    assert page.locator(f'input.cp-check[data-cp-item="{item}"]').is_checked()


def test_the_builder_warns_when_the_group_is_not_what_the_playbook_was_written_for(page, real_server, library):
    guild = library.playbooks["gaming-guild"]
    assert "wechat" not in guild.group.platforms and guild.group.size_max < 5000
    page.goto(f"{real_server}/tools/checklist-builder/?playbook=gaming-guild&platform=wechat&size=5000")
    warnings = page.locator(".cp-builder .cp-warning")
    expect(warnings).to_have_count(2)
    platforms = ", ".join(library.label("platform", p, "en") for p in guild.group.platforms)
    assert f"written for {platforms}, not WeChat" in warnings.nth(0).inner_text()
    assert f"written for {guild.group.size_min}–{guild.group.size_max} members, not 5000" in warnings.nth(1).inner_text()
    assert page.locator(".cp-builder input.cp-check").count() > 0  # the checklist is still there
    page.get_by_label("Platform", exact=True).select_option("discord")
    page.get_by_label("Members", exact=True).fill("100")
    expect(warnings).to_have_count(0)


def test_the_chinese_builder_keeps_each_count_with_its_unit(page, real_server, library):
    item = next(i for phase in library.playbooks["alumni-network"].checklists for i in phase.items
                if i.id == "recruit-chapter-leads")
    assert "30 人" in item.text.get("zh")  # the content has a plain space; the page must not break there
    page.goto(f"{real_server}/zh/tools/checklist-builder/?playbook=alumni-network")
    shown = page.locator(f'.cp-builder input.cp-check[data-cp-item="{item.id}"]').locator("xpath=..")
    expect(shown).to_contain_text("30\u00a0人")
    assert "30 人" not in shown.inner_text()
    page.goto(f"{real_server}/tools/checklist-builder/?playbook=alumni-network")  # English pages: untouched
    assert page.locator("meta[name=cp-units]").count() == 0


# --- copy-ready chat texts -------------------------------------------------------------------------

FLAVOUR_BUTTONS = {"en": {"plain": "WeChat / QQ", "markdown": "Discord / Telegram", "slack": "Slack"},
                   "zh": {"plain": "微信 / QQ", "markdown": "Discord / Telegram", "slack": "Slack"}}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_copy_button_copies_the_text_for_its_platform(browser, real_server, library, lang):
    playbook = library.playbooks["reading-circle"]
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    prefix = "" if lang == "en" else "/zh"
    page.goto(f"{real_server}{prefix}/playbooks/reading-circle/#messages")
    chooser = page.locator(".cp-texts__choose")
    for flavour in ("plain", "markdown", "slack"):
        chooser.get_by_role("button", name=FLAVOUR_BUTTONS[lang][flavour], exact=True).click()
        for name in ("rules", "welcome", "announcement"):
            forms = variants(getattr(playbook.messages, name).get(lang))
            shown = page.locator(f"#text-{name}-{flavour}")
            assert shown.is_visible(), (name, flavour)
            # one platform at a time, for every text of the page
            assert page.locator(f".cp-text:visible .cp-text__body[id^='text-{name}-']").count() == 1
            block = page.locator(".cp-text", has=shown)
            block.locator("button.cp-copy").click()
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied == forms.get(flavour), (name, flavour)
            assert copied == shown.inner_text(), (name, flavour)  # what you proofread is what you paste
            expect(block.locator("button.cp-copy")).to_have_text("Copied ✓" if lang == "en" else "已复制 ✓")
    plain = variants(playbook.messages.rules.get(lang)).plain
    assert "**" not in plain and "#" not in plain
    # the choice is remembered on the next playbook
    page.goto(f"{real_server}{prefix}/playbooks/gaming-guild/#messages")
    slack = chooser.get_by_role("button", name="Slack", exact=True)
    assert slack.get_attribute("aria-pressed") == "true"
    assert page.locator("#text-rules-slack").is_visible()
    context.close()
