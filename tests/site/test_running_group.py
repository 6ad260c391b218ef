"""A group that already runs, and the reader's group carried from tool to tool, in Chromium at 390 px.

The paths are the ones readers were followed on: a Discord moderator whose server exists,
an organiser who adds a pitfall's remedy to their checklist, and anyone whose platform and
size, chosen on the home page, must still hold on the playbook, its builder and its kit.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from community_playbooks.render.checklists import Situation, tailored

from ..conftest import settled
from .conftest import address_query

pytestmark = pytest.mark.browser




def shown_items(page, within: str) -> list[str]:
    return page.locator(f"{within} input.cp-check:visible").evaluate_all("boxes => boxes.map(b => b.dataset.cpItem)")


def test_a_running_discord_server_goes_from_the_home_page_to_its_own_checklist(phone, real_server, library):
    playbook = library.playbooks["reading-circle"]
    phone.goto(f"{real_server}/")
    phone.get_by_label("Kind of group").select_option(playbook.group.type)
    phone.get_by_label("Platform", exact=True).select_option("discord")
    phone.get_by_label("How many members").fill("800")
    phone.get_by_label("Your group").select_option("running")
    phone.locator(".cp-door__open").tap()
    phone.wait_for_url("**/playbooks/*/?*")
    opened = address_query(phone)
    assert {key: opened[key] for key in ("platform", "size", "age")} == {
        "platform": ["discord"], "size": ["800"], "age": ["running"]}
    playbook = library.playbooks[urlsplit(phone.url).path.strip("/").split("/")[-1]]

    # the playbook's page shows the routines and the health check, not the launch, and says so
    note = phone.locator(".cp-context")
    expect(note).to_contain_text("Showing what applies to Discord, 800 members, Running for over a month.")
    running = Situation("discord", 800, None, age="running")
    expected = [item.id for phase, items in tailored(library, playbook, running) for item in items]
    assert shown_items(phone, "#checklist ~ *") == expected
    visible_phases = phone.locator(".cp-phase:visible").evaluate_all("ps => ps.map(p => p.dataset.cpPhase)")
    assert visible_phases == ["ongoing", "health-check"]

    # on to the builder: the group goes with the reader, and the stage adds its criteria for moving on
    note.get_by_role("link").tap()
    settled(phone)
    assert {key: address_query(phone)[key] for key in ("playbook", "platform", "size", "age")} == {
        "playbook": [playbook.id], "platform": ["discord"], "size": ["800"], "age": ["running"]}
    expect(phone.locator(".cp-builder h2")).to_contain_text("Checklist for a running group")
    expect(phone.locator(".cp-builder .cp-hint")).to_have_text(
        "Choose your group's stage to see what moves it on to the next one.")
    phone.get_by_label("Current stage").select_option("shared")
    settled(phone)
    with_stage = Situation("discord", 800, "shared", age="running")
    expected = [item.id for _, items in tailored(library, playbook, with_stage) for item in items]
    assert shown_items(phone, ".cp-builder") == expected
    assert expected[-1].startswith("move-on-shared-")
    headings = phone.locator(".cp-builder h3").all_inner_texts()
    assert headings == ["Routines", "Health check", f"Moving on from {library.stages['shared'].title.get('en')}"]


def test_every_launch_item_is_one_tap_away_when_the_page_was_tailored(phone, real_server, library):
    playbook = library.playbooks["alumni-network"]
    phone.goto(f"{real_server}/playbooks/alumni-network/?platform=slack")
    expect(phone.locator(".cp-context")).to_contain_text("Showing what applies to Slack.")
    for_slack = [item.id for _, items in tailored(library, playbook, Situation("slack")) for item in items]
    assert shown_items(phone, "#checklist ~ *") == for_slack
    assert "draw-group-map" not in for_slack  # a WeChat-only item
    # the progress counts what the reader sees
    before = next(items for phase, items in tailored(library, playbook, Situation("slack")) if phase.phase == "before-launch")
    assert len(before) < len(playbook.checklists[0].items)
    expect(phone.locator('p.cp-progress[data-cp-phase="before-launch"]')).to_have_text(f"0 / {len(before)}")
    phone.get_by_role("button", name="Show every item").tap()
    expect(phone.locator(".cp-context")).to_have_count(0)
    assert shown_items(phone, "#checklist ~ *") == [item.id for phase in playbook.checklists for item in phase.items]


def test_a_link_typed_by_hand_with_an_unknown_platform_hides_nothing(phone, real_server, library):
    playbook = library.playbooks["alumni-network"]
    phone.goto(f"{real_server}/playbooks/alumni-network/?platform=myspace&age=ancient")
    expect(phone.locator(".cp-context")).to_have_count(0)
    assert len(shown_items(phone, "#checklist ~ *")) == sum(len(p.items) for p in playbook.checklists)


def test_the_group_goes_with_every_link_to_another_page_and_into_the_kit(phone, real_server, library):
    phone.goto(f"{real_server}/playbooks/alumni-network/?platform=slack&size=120")
    # a link to another page of the site carries it; a place on the same page does not need to
    phone.locator("a[href$='/pitfalls/dead-group/']").first.evaluate("a => a.click()")
    phone.wait_for_url("**/pitfalls/dead-group/?*")
    # and the playbook: the reader's group is one that runs it
    assert address_query(phone) == {"platform": ["slack"], "size": ["120"], "playbook": ["alumni-network"]}
    phone.go_back()
    phone.get_by_role("link", name="Print the launch kit").tap()
    phone.wait_for_url("**/kit/?*")
    playbook = library.playbooks["alumni-network"]
    launch = Situation("slack", 120, age="new")
    assert shown_items(phone, ".cp-sheet") == [i.id for _, items in tailored(library, playbook, launch) for i in items]
    expect(phone.locator(".cp-context")).to_contain_text("Showing what applies to Slack, 120 members.")


def test_a_remedy_joins_the_checklist_is_ticked_and_can_be_removed(phone, real_server, library):
    dead, drift = library.pitfalls["dead-group"], library.pitfalls["off-topic-drift"]
    # from the reader's playbook, to one of its pitfalls, to the remedy: the playbook goes along
    phone.goto(f"{real_server}/playbooks/course-cohort/?platform=discord")
    card = phone.locator("article details", has=phone.locator("summary", has_text=dead.title.get("en")))
    card.locator("summary").tap()
    card.get_by_role("link", name="About this pitfall").tap()
    phone.wait_for_url("**/pitfalls/dead-group/?*")
    phone.get_by_role("link", name="Add the remedy to my checklist").tap()
    settled(phone)
    assert address_query(phone) == {"playbook": ["course-cohort"], "platform": ["discord"], "add": ["dead-group"]}
    remedy = [f"remedy-dead-group-{n}" for n in range(1, len(dead.remedy) + 1)]
    assert shown_items(phone, ".cp-builder")[-len(remedy):] == remedy
    expect(phone.locator(".cp-builder h3").last).to_have_text(f"Remedy: {dead.title.get('en')}")

    # a second one, found by its signs: the first stays
    phone.get_by_role("link", name="Add a pitfall's remedy: find the pitfall by its signs").tap()
    phone.wait_for_url("**/symptom-finder/?*")
    box = phone.locator('input[name=sign][value^="off-topic-drift."]').first
    box.evaluate("b => b.closest('details').open = true")
    box.check()
    phone.locator('li[data-pitfall="off-topic-drift"] a.cp-add-remedy').tap()
    settled(phone)
    assert address_query(phone)["add"] == ["dead-group,off-topic-drift"]
    assert address_query(phone)["playbook"] == ["course-cohort"]
    expect(phone.locator(".cp-builder h3").last).to_have_text(f"Remedy: {drift.title.get('en')}")

    # ticked, it stays ticked; removed, it leaves the checklist and the address
    phone.locator('.cp-builder input[data-cp-item="remedy-dead-group-1"]').check()
    phone.reload()
    settled(phone)
    expect(phone.locator('.cp-builder input[data-cp-item="remedy-dead-group-1"]')).to_be_checked()
    phone.get_by_role("button", name=f"Remove: {dead.title.get('en')}").tap()
    settled(phone)
    assert address_query(phone)["add"] == ["off-topic-drift"]
    expect(phone.locator('.cp-builder input[data-cp-item="remedy-dead-group-1"]')).to_have_count(0)


def test_remedies_alone_and_a_remedy_that_no_longer_exists(phone, real_server):
    phone.goto(f"{real_server}/tools/checklist-builder/?add=dead-group,no-such-pitfall")
    settled(phone)
    expect(phone.locator(".cp-builder .cp-hint")).to_contain_text("The remedies you added, on their own")
    expect(phone.locator(".cp-builder h3")).to_have_count(1)
    assert address_query(phone) == {"add": ["dead-group"]}  # the old id is dropped from the address


@pytest.mark.parametrize("lang, text", [
    ("en", "Choose a playbook above to see its checklist"),
    ("zh", "先在上面选一本手册，就能看到它的清单"),
])
def test_an_empty_builder_says_what_to_choose(phone, real_server, lang, text):
    phone.goto(f"{real_server}/{'zh/' if lang == 'zh' else ''}tools/checklist-builder/")
    expect(phone.locator(".cp-builder .cp-empty")).to_contain_text(text)


def test_the_finder_results_land_below_the_sticky_header(phone, real_server):
    phone.goto(f"{real_server}/tools/symptom-finder/?signs=dead-group.0")
    phone.locator(".cp-finder-bar a").tap()
    # wherever a smooth scroll ends: the heading near the top of the screen
    phone.wait_for_function("document.querySelector('.cp-finder-results h2').getBoundingClientRect().top < 844 / 3")
    heading = phone.locator(".cp-finder-results h2").bounding_box()
    header = phone.locator(".md-header").bounding_box()
    assert heading["y"] >= header["y"] + header["height"]
