"""Full `mkdocs build --strict` runs, checked on the HTML a reader gets."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from community_playbooks.content.loader import load_library
from community_playbooks.content.kinds import SECTIONS

from ..conftest import FIXTURE, ROOT, build, make_project

pytestmark = pytest.mark.build


def html(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_every_shipped_entry_has_its_page(real_site):
    library = load_library(ROOT)
    for entry in library.all_entries():
        page = html(real_site, f"{entry.section}/{entry.id}")
        heading = re.search(r"<h1[^>]*>(.*?)<", page, re.S)
        assert heading and unescape(heading.group(1)).strip() == entry.title.get("en"), entry.key
    for section in SECTIONS.values():
        assert (real_site / section / "index.html").exists()


def test_shipped_backlinks_point_back_to_every_user(real_site):
    library = load_library(ROOT)
    for (kind, entry_id), users in library.used_in.items():
        page = html(real_site, f"{SECTIONS[kind]}/{entry_id}")
        used_in = page[page.index('id="used-in"'):]
        for user in users:
            assert f'href="../../playbooks/{user}/"' in used_in, (kind, entry_id, user)


def test_fixture_site_pages_links_checklists_and_edit_links(fixture_site):
    page = html(fixture_site, "playbooks/tiny-club")
    assert '<h1 id="tiny-club">Tiny club' in page
    assert 'href="../../pitfalls/dead-group/"' in page
    assert 'href="../../rituals/weekly-digest/"' in page
    assert re.search(r'<label class="cp-item" id="tiny-club--write-mission"><input type="checkbox" class="cp-check"', page)
    assert ('href="https://github.com/community-playbooks/community-playbooks/edit/main/playbooks/tiny-club.yaml"'
            in page)
    pitfall = html(fixture_site, "pitfalls/dead-group")
    assert 'edit/main/playbooks/pitfalls/dead-group.yaml"' in pitfall
    assert '<a href="../../playbooks/tiny-club/">Tiny club</a> — Silence after the first book.' in pitfall


EDIT = 'href="https://github.com/community-playbooks/community-playbooks/edit/main/'


@pytest.mark.parametrize("path, source", [
    ("", "docs/en/index.md"), ("zh", "docs/zh/index.md"), ("style", "docs/en/style.md"),
    ("contributing", "CONTRIBUTING.md"), ("zh/contributing", "CONTRIBUTING.zh.md"),
    ("zh/playbooks/tiny-club", "playbooks/tiny-club.yaml"), ("zh/stages/shared", "playbooks/stages/shared.yaml"),
    ("reference/ritual", "macros/community_playbooks/content/schemas/ritual.schema.json"),
])
def test_every_edit_button_opens_the_file_the_page_comes_from(fixture_site, path, source):
    assert f'{EDIT}{source}"' in html(fixture_site, path)


def test_generated_pages_stay_out_of_the_sidebar(fixture_site):
    home = html(fixture_site, "")
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):home.index("</nav>", home.index('md-nav--primary'))]
    assert "playbooks/tiny-club/" not in nav
    assert "playbooks/" in nav


def test_json_api_is_served(fixture_site):
    data = json.loads((fixture_site / "api" / "playbooks.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in data["entries"]] == ["other-club", "tiny-club"]


def test_bad_content_stops_the_build_with_located_problems_and_keeps_the_old_site(tmp_path):
    project = make_project(tmp_path / "p")
    assert build(project).returncode == 0
    before = (project / "site" / "index.html").read_text(encoding="utf-8")
    club = project / "playbooks" / "tiny-club.yaml"
    club.write_text(club.read_text(encoding="utf-8").replace("ref: weekly-digest", "ref: weekly-digets")
                    .replace("severity", "sevrity"), encoding="utf-8")
    (project / "playbooks" / "pitfalls" / "broken.yaml").write_text("title: [oops\n", encoding="utf-8")

    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "playbooks/tiny-club.yaml:" in output and "rituals[0].ref: unknown ritual 'weekly-digets'" in output
    assert "did you mean 'weekly-digest'?" in output
    assert "playbooks/pitfalls/broken.yaml:2:1: malformed YAML" in output
    assert "Traceback" not in output
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == before


def test_a_docs_page_that_clashes_with_a_generated_one_is_refused(tmp_path):
    project = make_project(tmp_path / "p", files={"docs/en/pitfalls/dead-group.md": "# Mine\n"})
    result = build(project)
    assert result.returncode != 0
    assert "docs/en/pitfalls/dead-group.md clashes with a page generated from playbooks/" in result.stdout + result.stderr


def test_a_macro_with_an_unknown_id_fails_the_build(tmp_path):
    project = make_project(tmp_path / "p", files={
        "docs/en/extra.md": "---\nrender_macros: true\n---\n\n# Extra\n\n{{ pitfall_card('no-such-pitfall') }}\n"})
    result = build(project)
    assert result.returncode != 0
    assert "no pitfall with id 'no-such-pitfall'" in result.stdout + result.stderr


def test_fixture_is_untouched():
    assert (FIXTURE / "playbooks" / "tiny-club.yaml").read_text(encoding="utf-8").count("weekly-digest") == 2


def test_every_entry_exists_in_both_languages_with_its_language_set(real_site):
    library = load_library(ROOT)
    for entry in library.all_entries():
        for lang, prefix in (("en", ""), ("zh", "zh/")):
            page = html(real_site, f"{prefix}{entry.section}/{entry.id}")
            assert f'<html lang="{lang}"' in page, (lang, entry.key)
            title = re.search(r"<title>(.*?)</title>", page, re.S)
            # a Chinese count keeps its unit on the same line: "21\u00a0天" is the same words
            shown = unescape(title.group(1)).replace("\u00a0", " ") if title else ""
            assert shown.startswith(entry.title.get(lang) + " - "), (lang, entry.key)
    for path in ("", "playbooks", "tools/symptom-finder", "tools/compare", "tools/checklist-builder", "tags",
                 "translations", "reference", "reference/playbook", "contributing", "style", "quality", "checklists"):
        assert '<html lang="zh"' in html(real_site, f"zh/{path}".rstrip("/")), path
        assert '<html lang="en"' in html(real_site, path), path


def test_the_tags_index_lists_the_vocabulary_in_each_language(real_site):
    library = load_library(ROOT)
    used = {tag for entry in library.all_entries() for tag in entry.tags}
    en, zh = html(real_site, "tags"), html(real_site, "zh/tags")
    for tag in used:  # each tag heads its list of entries, named in the page's language
        assert f'<span class="md-tag">{library.label("tag", tag, "en")}</span>' in en, tag
        assert f'<span class="md-tag">{library.label("tag", tag, "zh")}</span>' in zh, tag


def test_each_playbook_has_its_calendar_and_its_kit_in_both_languages(real_site):
    library = load_library(ROOT)
    for playbook in library.playbooks.values():
        for prefix in ("", "zh/"):
            folder = real_site / prefix / "playbooks" / playbook.id
            assert (folder / "kit" / "index.html").exists()
            assert (folder / "rituals.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
            page = html(real_site, f"{prefix}playbooks/{playbook.id}")
            assert 'href="rituals.ics"' in page and 'href="kit/"' in page


def meta(page: str, name: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', page)
    assert found, name
    return unescape(found.group(1))


@pytest.mark.parametrize("lang, prefix", [("en", ""), ("zh", "zh/")])
def test_a_link_pasted_into_a_chat_gets_a_preview_card(real_site, lang, prefix):
    """What WeChat, Telegram, Discord and Slack read to draw the card: title, description, picture, address."""
    library = load_library(ROOT)
    playbook = library.playbooks["reading-circle"]
    page = html(real_site, f"{prefix}playbooks/reading-circle")
    assert meta(page, "og:title") == playbook.title.get(lang)
    assert meta(page, "og:description") == " ".join(playbook.summary.get(lang).split())
    assert meta(page, "og:url").endswith(f"/{prefix}playbooks/reading-circle/")
    image = meta(page, "og:image")
    assert image.startswith("https://") and image.endswith(f"/{prefix}assets/images/social-{lang}.png")
    assert (real_site / prefix / "assets" / "images" / f"social-{lang}.png").stat().st_size > 10_000
    assert meta(page, "twitter:card") == "summary_large_image"
    home = html(real_site, prefix.rstrip("/"))
    assert meta(home, "og:description") == meta(home, "description")


def test_the_contributing_steps_are_one_numbered_list_with_their_commands_inside(real_site):
    page = html(real_site, "contributing")
    steps = re.search(r'<h2 id="add-a-playbook-in-six-steps">.*?(<ol>.*?</ol>)\s*<h2', page, re.S)
    assert steps, "no numbered list under the six steps"
    assert steps.group(1).count("<li>") == 6
    assert steps.group(1).count('<div class="highlight">') >= 3  # the commands sit inside their step
    for form in ("propose-a-playbook", "report-a-pitfall", "field-report"):
        assert f"/issues/new?template={form}.yml" in page, form


def test_the_field_reference_shows_each_kind_its_own_example_title(real_site):
    assert "Reading circle" in html(real_site, "reference/playbook")
    assert "Weekly theme share" not in html(real_site, "reference/playbook")
    assert "Dead group" in html(real_site, "reference/pitfall")


def test_no_text_on_any_page_is_escaped_twice(real_site):
    # a title with quotes ("received" replies) must read as quotes, in the header too, not as &quot;
    twice = re.compile(r"&amp;(?:amp|quot|lt|gt|#\d+);")
    found = [str(page.relative_to(real_site)) for page in real_site.rglob("*.html") if twice.search(page.read_text("utf-8"))]
    assert not found, found
    topic = re.search(r'data-md-component="header-topic">\s*<span class="md-ellipsis">([^<]*)</span>',
                      html(real_site, "pitfalls/notice-flood"))
    assert topic, "no page title in the header"
    title = load_library(ROOT).pitfalls["notice-flood"].title.get("en")
    assert '"' in title and unescape(topic.group(1)) == title
