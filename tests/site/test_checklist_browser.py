"""Checklists in real Chromium: ticks that are remembered, progress, reset, keyboard, screen readers."""

from __future__ import annotations

import pytest

from community_playbooks.content.loader import load_library
from community_playbooks.content.markup import unlinked

from ..conftest import ROOT

pytestmark = pytest.mark.browser

PLAYBOOK = "reading-circle"


@pytest.fixture(scope="module")
def playbook():
    return load_library(ROOT).playbooks[PLAYBOOK]


def name(text, lang="en") -> str:
    """An item's text as a screen reader announces it."""
    return " ".join(unlinked(text.get(lang)).split())


def switch_language(page, lang):
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a[data-cp-language={lang}]").click()


def box(page, playbook, item_id):
    return page.locator(f'input.cp-check[data-cp-playbook="{playbook.id}"][data-cp-item="{item_id}"]')


def progress(page, phase):
    return page.locator(f'p.cp-progress[data-cp-playbook="{PLAYBOOK}"][data-cp-phase="{phase}"]')


def test_a_tick_survives_a_reload_and_a_switch_of_language(page, real_server, playbook):
    first, second = playbook.checklists[0].items[:2]
    phase = playbook.checklists[0]
    page.goto(f"{real_server}/playbooks/{PLAYBOOK}/")
    assert progress(page, phase.phase).inner_text() == f"0 / {len(phase.items)}"
    page.get_by_role("checkbox", name=name(first.text)).check()
    assert progress(page, phase.phase).inner_text() == f"1 / {len(phase.items)}"

    page.reload()
    assert box(page, playbook, first.id).is_checked()
    assert not box(page, playbook, second.id).is_checked()
    assert progress(page, phase.phase).inner_text() == f"1 / {len(phase.items)}"

    switch_language(page, "zh")
    page.wait_for_url(f"**/zh/playbooks/{PLAYBOOK}/")
    assert page.get_by_role("checkbox", name=name(first.text, "zh")).is_checked()
    assert progress(page, phase.phase).inner_text() == f"1 / {len(phase.items)}"


def test_reset_clears_every_tick_of_the_playbook(page, real_server, playbook):
    page.goto(f"{real_server}/playbooks/{PLAYBOOK}/")
    items = [item for phase in playbook.checklists for item in phase.items]
    for item in items[:3]:
        box(page, playbook, item.id).check()
    page.get_by_role("button", name="Clear my ticks").click()
    assert all(not box(page, playbook, item.id).is_checked() for item in items)
    page.reload()
    assert all(not box(page, playbook, item.id).is_checked() for item in items)
    assert page.evaluate(f"localStorage.getItem('cp:ticks:{PLAYBOOK}')") is None


def test_clearing_ticks_can_be_undone(page, real_server, playbook):
    """The ticks are shared by both languages, the kit and the builder: one mistaken tap must not lose them."""
    page.goto(f"{real_server}/playbooks/{PLAYBOOK}/")
    items = [item for phase in playbook.checklists for item in phase.items][:3]
    for item in items:
        box(page, playbook, item.id).check()
    page.get_by_role("button", name="Clear my ticks").click()
    assert not any(box(page, playbook, item.id).is_checked() for item in items)
    page.get_by_role("button", name="Undo").first.click()
    assert all(box(page, playbook, item.id).is_checked() for item in items)
    page.reload()
    assert all(box(page, playbook, item.id).is_checked() for item in items)


def test_the_keyboard_ticks_an_item_and_a_screen_reader_hears_its_text(page, real_server, playbook):
    item = playbook.checklists[0].items[0]
    page.goto(f"{real_server}/playbooks/{PLAYBOOK}/#{PLAYBOOK}--{item.id}")
    checkbox = page.get_by_role("checkbox", name=name(item.text), exact=True)
    assert checkbox.count() == 1  # the accessible name is the item's text
    checkbox.focus()
    page.keyboard.press("Space")
    assert checkbox.is_checked()
    page.keyboard.press("Space")
    assert not checkbox.is_checked()


def test_the_checklist_is_readable_without_javascript(browser, real_server, playbook):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{real_server}/playbooks/{PLAYBOOK}/")
    text = page.locator("article").inner_text()
    for phase in playbook.checklists:
        for item in phase.items:
            assert name(item.text) in " ".join(text.split())
    assert not page.get_by_role("button", name="Clear my ticks").is_visible()  # it needs the script
    assert page.locator("p.cp-progress:visible").count() == 0
    context.close()
