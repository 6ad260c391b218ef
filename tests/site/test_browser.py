"""Pages in real headless Chromium: what a reader sees and clicks."""

from __future__ import annotations

import pytest

from ..conftest import built_project, serve

pytestmark = pytest.mark.browser


def heading(page) -> str:
    """The page's h1 as a reader sees it, without the permalink sign."""
    return page.locator("article h1").evaluate("h => h.firstChild.textContent").strip()


@pytest.fixture(scope="module")
def fixture_server(fixture_site):
    url, server = serve(fixture_site)
    yield url
    server.shutdown()


def test_follow_a_pitfall_link_from_a_playbook_and_come_back(page, fixture_server):
    page.goto(f"{fixture_server}/playbooks/tiny-club/")
    assert heading(page) == "Tiny club"
    # pitfalls are folded to their titles on a playbook page: open one, then follow it
    card = page.locator("article details", has=page.locator("summary", has_text="Dead group"))
    card.locator("summary").click()
    card.get_by_role("link", name="About this pitfall").click()
    page.wait_for_url("**/pitfalls/dead-group/")
    assert heading(page) == "Dead group"
    used_in = page.locator("#used-in + .cp-links ul")
    assert "Tiny club" in used_in.inner_text()
    used_in.get_by_role("link", name="Tiny club").click()
    page.wait_for_url("**/playbooks/tiny-club/")


def test_checklist_items_are_checkboxes_with_their_anchor(page, fixture_server):
    page.goto(f"{fixture_server}/playbooks/tiny-club/#tiny-club--pin-rules")
    item = page.locator("li", has=page.locator("#tiny-club--pin-rules"))
    assert item.get_by_role("checkbox", name="Pin the rules.").count() == 1
    assert "Owner: Founder" in item.inner_text()


def test_the_edit_button_opens_the_yaml_file(page, fixture_server):
    page.goto(f"{fixture_server}/rituals/weekly-digest/")
    href = page.locator("a.md-content__button[title='Edit this page']").get_attribute("href")
    assert href.endswith("/edit/main/playbooks/rituals/weekly-digest.yaml")


HOSTILE_TITLE = 'Club </title><script>window.__owned=1</script> {{ 7*7 }}'
HOSTILE_SUMMARY = ('{% if true %}yes{% endif %} <img src=x onerror="window.__owned=2"> '
                   '[click](javascript:window.__owned=3) <script>window.__owned=4</script>')


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    from ..conftest import FIXTURE

    text = (FIXTURE / "playbooks" / "tiny-club.yaml").read_text(encoding="utf-8")
    text = text.replace("title: {en: Tiny club, zh: 小小俱乐部}", f"title: {{en: '{HOSTILE_TITLE}', zh: 小小俱乐部}}")
    text = text.replace("summary: {en: 'A small reading club that the tests build, link, render and print in both languages.', zh: 测试用的小读书会：测试会构建、链接、渲染并打印它的中英文两个版本。}",
                        f"summary: {{en: '{HOSTILE_SUMMARY}', zh: 测试用的小读书会：测试会构建、链接、渲染并打印它的中英文两个版本。}}")
    project = built_project(tmp_path_factory, "browser-hostile", files={"playbooks/tiny-club.yaml": text})
    url, server = serve(project / "site")
    yield url
    server.shutdown()


@pytest.mark.parametrize("path", ["playbooks/tiny-club/", "playbooks/", "pitfalls/dead-group/", ""])
def test_contributor_text_shows_literally_and_never_runs(page, hostile_server, path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{hostile_server}/{path}")
    page.wait_for_load_state("load")
    assert page.evaluate("window.__owned") is None
    assert dialogs == []
    body = page.locator("body").inner_text()
    assert "Club </title><script>window.__owned=1</script> {{ 7*7 }}" in body
    assert "49" not in body.split("Club")[1][:60]


def test_hostile_summary_is_shown_as_written(page, hostile_server):
    page.goto(f"{hostile_server}/playbooks/tiny-club/")
    summary = page.locator("article h1 ~ p:not(.cp-aliases)").first.inner_text()
    assert summary == HOSTILE_SUMMARY
    assert page.locator("article a[href^='javascript:']").count() == 0
    assert page.title().startswith("Club </title><script>window.__owned=1</script> {{ 7*7 }}")


def test_the_guard_notices_a_request_to_another_host(browser, fixture_server):
    """The tabs the tests use fail their test when a page asks another host for anything."""
    from ..conftest import guarded_tab

    with pytest.raises(AssertionError, match="example.org"):
        with guarded_tab(browser) as tab:
            tab.goto(f"{fixture_server}/")
            tab.evaluate("fetch('https://fonts.example.org/font.woff2').catch(() => null)")
            tab.wait_for_timeout(200)
