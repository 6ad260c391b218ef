"""Full `mkdocs build --strict` runs, checked on the HTML a reader gets."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import time
import urllib.request

import pytest

from community_playbooks.content.loader import load_library
from community_playbooks.content.kinds import SECTIONS

from ..conftest import FIXTURE, MKDOCS, ROOT, build, make_project

pytestmark = pytest.mark.build


def html(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_every_shipped_entry_has_its_page(real_site):
    library = load_library(ROOT)
    for entry in library.all_entries():
        page = html(real_site, f"{entry.section}/{entry.id}")
        title = entry.title.get("en").replace("&", "&amp;").replace("'", "&#39;")
        assert f">{title}<" in page or title in page, entry.key
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


def test_export_builds_with_plain_material_and_no_macros(tmp_path):
    from community_playbooks.adapters.export import export_site

    project = make_project(tmp_path / "p")
    out = tmp_path / "export"
    export_site(project, out)
    import yaml

    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "search" in config["plugins"]
    assert not any("macros" in (p if isinstance(p, str) else list(p)) for p in config["plugins"])
    assert "{{" not in (out / "docs" / "index.md").read_text(encoding="utf-8")
    result = build(out, tmp_path / "export-site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Tiny club" in (tmp_path / "export-site" / "playbooks" / "tiny-club" / "index.html").read_text()


def test_fixture_is_untouched():
    assert (FIXTURE / "playbooks" / "tiny-club.yaml").read_text(encoding="utf-8").count("weekly-digest") == 2


def test_every_entry_exists_in_both_languages_with_its_language_set(real_site):
    library = load_library(ROOT)
    for entry in library.all_entries():
        for lang, prefix in (("en", ""), ("zh", "zh/")):
            page = html(real_site, f"{prefix}{entry.section}/{entry.id}")
            assert f'<html lang="{lang}"' in page, (lang, entry.key)
            title = entry.title.get(lang).replace("&", "&amp;").replace("'", "&#39;").replace('"', "&quot;")
            assert f"<title>{title} - " in page, (lang, entry.key)
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


def _page_text(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _search_index(site: str) -> list[dict]:
    return json.loads(_page_text(site + "search/search_index.json") or '{"docs": []}')["docs"]


def _wait_until(url: str, ready, what: str, server: subprocess.Popen) -> None:  # noqa: ANN001
    # a generous limit only so that a broken preview fails instead of hanging; no timing is asserted
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert server.poll() is None, f"mkdocs serve ended while waiting for {what}"
        body = _page_text(url)
        if body is not None and ready(body):
            return
        time.sleep(0.2)
    pytest.fail(f"{url} never showed {what}")


@pytest.mark.parametrize("flags", [[], ["--dirty"]], ids=["make serve", "make preview"])
def test_live_preview_shows_an_edit_everywhere_and_survives_a_broken_file(tmp_path, flags):
    """What a contributor gets from `make serve` and the faster `make preview`: save the YAML and
    its page, the pages that link back to it and the home page's table change; a broken save is
    reported and the next good save is served again, without restarting the server."""
    project = make_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([*MKDOCS, "serve", *flags, "-a", f"127.0.0.1:{port}"], cwd=project, stdout=out,
                                  stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        site = f"http://127.0.0.1:{port}/community-playbooks/"
        page, backlink, home = (site + "playbooks/tiny-club/", site + "pitfalls/dead-group/", site)
        source = project / "playbooks" / "tiny-club.yaml"
        original = source.read_text(encoding="utf-8")
        title = load_library(project).playbooks["tiny-club"].title.get("en")
        _wait_until(page, lambda body: title in body, "the first build", server)
        searchable = {doc["location"].split("#")[0] for doc in _search_index(site)}

        source.write_text(original.replace(title, "Tiny club edited", 1), encoding="utf-8")
        for url in (page, backlink, home):
            _wait_until(url, lambda body: "Tiny club edited" in body, f"the edited title on {url}", server)
        # a page the edit does not touch is still served whole
        assert "Other club" in (_page_text(site + "playbooks/other-club/") or "")
        # search finds the new title, once per place, and still finds every page it found before
        docs = _search_index(site)
        locations = [doc["location"] for doc in docs]
        assert len(locations) == len(set(locations))
        assert {location.split("#")[0] for location in locations} == searchable
        assert any(doc["location"] == "playbooks/tiny-club/" and "Tiny club edited" in doc["title"] for doc in docs)

        source.write_text(original + "broken: [\n", encoding="utf-8")
        deadline = time.monotonic() + 180
        while "playbooks/tiny-club.yaml:" not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.2)
        report = log.read_text(encoding="utf-8")
        assert "malformed YAML" in report and "Traceback" not in report, report[-2000:]

        source.write_text(original.replace(title, "Tiny club fixed", 1), encoding="utf-8")
        for url in (page, backlink):
            _wait_until(url, lambda body: "Tiny club fixed" in body, f"the fixed title on {url}", server)
    finally:
        server.terminate()
        server.wait(timeout=30)
