"""The whole way, by effect: hostile content that passes every check is built by the real
MkDocs build (theme, search, tags, the page script) and by plain Material from the Markdown
export, and every page is opened in Chromium. No payload may run: not on load, not in the
search results, not in the tools that read the JSON API."""

from __future__ import annotations

import itertools
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from community_playbooks.adapters.export import export_site

from community_playbooks.content.validation import load_schemas

from ..conftest import FIXTURE, MKDOCS, build_all, make_project, search, serve, shared
from .hostile import Page, Project, schema_slots

pytestmark = [pytest.mark.build, pytest.mark.browser]

# Each calls alert() if it ever runs; the browser reports every dialog.
RUNNING = [
    "<script>alert('script')</script>",
    "<img src=x onerror=alert('img')>",
    '"><svg onload=alert(\'attr\')>',
    "</title><script>alert('title')</script>",
    "[tap](javascript:alert('link'))",
    "<a href=javascript:alert('anchor')>tap</a>",
    "{{ 7*7 }} <iframe src=javascript:alert('frame')>",
]
# bounds of the rule book, so that hostile text passes it and reaches the build
SHORT_ZH = "中文内容"
# titles of one kind must not look alike: each entry gets its own payload and Chinese word
ZH_TITLES = ["读书会", "徒步群", "死群", "卖货群", "跑题", "依赖发起人", "每周精华", "欢迎环节", "每月回顾"]
_titles: dict[str, int] = {}


def fitting(slot, index: int) -> str | dict:
    """A payload for ``slot`` that the rule book accepts: long enough, short enough, unique."""
    payload = RUNNING[index % len(RUNNING)]
    last = slot.path[-1]
    if slot.path == ("title",):
        n = _titles[slot.kind] = _titles.get(slot.kind, -1) + 1
        return {"en": RUNNING[n % len(RUNNING)], "zh": ZH_TITLES[n]}
    words = next((i for i, part in enumerate(slot.path) if part in ("aliases", "terms")), None)
    if words is not None:  # names a reader types: short, in each language's bounds
        # (never a title's own payload: an alias is another name)
        english = slot.path[words + 1] == "en"
        return f"a{payload}" if english and len(payload) < 40 else "<svg onload=alert()>"
    if slot.what == "string":  # an author's name: one line
        return payload
    en = f"{payload} #{index}"
    if last == "summary":
        en = f"{en} — long enough to be a summary of an entry that a reader can take in at once."
    if slot.path[0] == "messages":  # chat texts are plain text: no Markdown marks
        en = f"Rules {index}\n{payload.replace('[', '(').replace(']', ')')}"
    zh = SHORT_ZH + "，一段中文说明" + ("，这是一段足够长的中文简介，读者一眼就能看懂。" if last == "summary" else "") + str(index)
    return {"en": en, "zh": zh}


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory) -> Path:
    """The fixture with a payload in every free-text field, each fitted to the rule book."""

    def make(project: Path) -> None:
        counter = itertools.count()
        files = Project.fixture().filled(lambda slot: f"@@{next(counter)}@@")
        make_project(project)
        slots = {(slot.kind, slot.path): slot for slot in schema_slots(load_schemas())}
        for kind, path, data in files:
            target = project / path.relative_to(FIXTURE)
            target.write_text(yaml.safe_dump(_replace(data, slots, kind.name), allow_unicode=True, sort_keys=False),
                              encoding="utf-8")

    return shared(tmp_path_factory, "hostile-project", make)


def _replace(data, slots, kind, path=()):
    """Every marker written by ``filled`` becomes a fitting payload for its field."""
    if isinstance(data, dict):
        if data and set(data) <= {"en", "zh"} and all(isinstance(v, str) and v.startswith("@@") for v in data.values()):
            # a text, in the languages it is written in (one, in an entry marked needs_translation)
            fitted = fitting(_slot_at(slots, kind, path), int(next(iter(data.values())).strip("@")))
            return {lang: value for lang, value in fitted.items() if lang in data}
        return {k: _replace(v, slots, kind, path + (k,)) for k, v in data.items()}
    if isinstance(data, list):
        return [_replace(v, slots, kind, path + ("[]",)) for v in data]
    if isinstance(data, str) and data.startswith("@@"):
        return fitting(_slot_at(slots, kind, path), int(data.strip("@")))
    return data


def _slot_at(slots, kind, path):
    for (k, p), slot in slots.items():
        if k == kind and len(p) == len(path) and all(a == b or a in ("[]", "*") for a, b in zip(p, path)):
            return slot
    raise KeyError((kind, path))


@pytest.fixture(scope="module")
def hostile_site(hostile_project, tmp_path_factory) -> Path:
    # the real build: every check passes, nothing refuses it
    return shared(tmp_path_factory, "hostile-site", lambda site: build_all(hostile_project, site))


@pytest.fixture(scope="module")
def hostile_export_site(hostile_project, tmp_path_factory) -> Path:
    def make(folder: Path) -> None:
        export_site(hostile_project, folder / "export")
        result = subprocess.run([*MKDOCS, "build", "--strict", "-f", str(folder / "export" / "mkdocs.yml"), "-d",
                                 str(folder / "site")], capture_output=True, text=True, cwd=folder / "export",
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert result.returncode == 0, result.stdout + result.stderr

    return shared(tmp_path_factory, "hostile-export", make) / "site"


def test_the_hostile_content_passes_every_check(hostile_project):
    result = subprocess.run([sys.executable, "-m", "community_playbooks", "--root", str(hostile_project), "validate"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.parametrize("which", ["plugin", "export"])
def test_no_page_has_a_handler_or_a_script_link(which, request):
    site = request.getfixturevalue("hostile_site" if which == "plugin" else "hostile_export_site")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        page = Page(path.read_text(encoding="utf-8"))
        assert not page.handlers(), f"{path}: {page.handlers()}"
        # a front matter the build could not read would show as text, its values as Markdown
        assert not re.search(r"\b(title|description|tags): [\"\[]", page.text), path
        for tag, name, value in page.attributes:
            if name in ("href", "src", "srcdoc", "action", "formaction"):
                assert not value.strip().lower().startswith(("javascript:", "data:text", "vbscript:")), (path, value)
        scripts = [value for tag, name, value in page.attributes if tag == "script" and name == "src"]
        assert all("assets/" in src or src.startswith("../") or src.endswith(".js") for src in scripts), scripts
        assert ("iframe", ("srcdoc",)) not in page.elements, path


# resolves once the page has been drawn twice: what the browser does while drawing has been done
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def test_nothing_runs_in_the_browser(hostile_site, browser):
    url, server = serve(hostile_site)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    dialogs: list[str] = []
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("index.html"))
        for rel in pages:
            tab.goto(f"{url}/{rel.removesuffix('index.html')}", wait_until="load")
            tab.evaluate(NEXT_FRAMES)  # autofocus, animation and toggle events fire by then
        # search renders result titles and excerpts from the index
        tab.goto(f"{url}/", wait_until="load")
        search(tab, "summary")  # in every hostile summary
        assert tab.locator(".cp-search__result").count() > 3, "the search found nothing to render"
        for query in ("script", "alert", "onerror", "javascript"):
            search(tab, query)
        # the tools render playbooks from the JSON API
        tab.goto(f"{url}/tools/compare/?p=tiny-club&p=other-club", wait_until="load")
        tab.wait_for_selector(".cp-compare table")
        tab.goto(f"{url}/tools/checklist-builder/?playbook=tiny-club", wait_until="load")
        tab.wait_for_selector(".cp-builder .cp-item")
        tab.goto(f"{url}/tools/symptom-finder/", wait_until="load")
        for group in tab.locator("details.cp-signs-group").all():
            group.locator("summary").click()  # open every topic, so the hostile signs are on screen
        for box in tab.locator("input[name=sign]").all()[:6]:
            box.check()
        tab.wait_for_timeout(200)
        # "Suggest an edit": the Propose page fills its form with each entry from the API, payloads
        # in every field, checks it and writes the proposal out; each payload stays a value
        edited, shown = 0, 0
        for section in ("playbooks", "pitfalls", "rituals", "guides"):
            for source in sorted((hostile_site / "api" / "source" / section).glob("*.json")):
                target = f"{section}/{source.stem}"
                tab.goto(f"{url}/propose/?edit={target}", wait_until="load")
                tab.wait_for_function("t => { const s = document.querySelector('.cp-propose__send'); "
                                      "return s && s.dataset.cpFor === t; }", arg=target)
                shown += tab.evaluate("() => Array.from(document.querySelectorAll('.cp-propose input, "
                                      ".cp-propose textarea')).filter(c => c.value.includes('alert(')).length")
                assert tab.locator("textarea.cp-propose__yaml, a.cp-propose__send-button").count()
                edited += 1
        assert edited >= 8 and shown >= 50, (edited, shown)
    finally:
        context.close()
        server.shutdown()
    assert not dialogs, f"payloads ran: {dialogs}"
    assert len(pages) > 40
