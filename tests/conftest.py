"""Shared fixtures: small content trees, real builds, a local server and headless Chromium."""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from community_playbooks.adapters.site_build import BuildError, build_site

from .static_server import serve
from .workflows import JobFailed, JobRun, job_run, run_job

# The tests keep their own cache of valid entries, never the user's: one folder per run, shared
# by every test process (each inherits the variable from the first) and every build they start.
os.environ.setdefault("CP_CACHE_DIR", tempfile.mkdtemp(prefix="cp-test-cache-"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "library"
CHROMIUM = "/usr/bin/chromium"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def make_project(target: Path, content: Path = FIXTURE / "playbooks", files: dict[str, str] | None = None) -> Path:
    """A buildable project at ``target``: the real config, docs and code, with ``content`` as playbooks/.

    ``files`` adds or replaces files, keyed by path relative to the project.
    """
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs.zh.yml", "CONTRIBUTING.md", "CONTRIBUTING.zh.md"):
        shutil.copy(ROOT / name, target / name)
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(content, target / "playbooks")
    for rel, text in (files or {}).items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


def build(project: Path, site: Path | None = None, lang: str = "en", *, pdf: bool = False) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` for one language as a user would, and return what it printed."""
    site = site or project / "site"
    config = project / ("mkdocs.yml" if lang == "en" else f"mkdocs.{lang}.yml")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CP_PDF": "true" if pdf else "false"}
    return subprocess.run([*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(site)],
                          capture_output=True, text=True, env=env, cwd=project)


def build_all(project: Path, site: Path, *, pdf: bool = False) -> None:
    """Both languages at once, as `make build` builds them: English at the root, Chinese under zh/."""
    try:
        build_site(project, site, pdf=pdf, log=io.StringIO())
    except BuildError as err:
        pytest.fail(f"the build of {project} failed:\n{err}")


def shared(tmp_path_factory, name: str, make) -> Path:
    """``make(folder)`` run once per test run, whichever test process needs it first; the others
    wait for it and read the same folder. The sites most tests only read are built this way:
    once, not once per test process (pytest-xdist worker). If it failed, every test that needs
    it fails with the same message, without trying again."""
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, done, failed = (root / "shared" / f"{name}{suffix}" for suffix in ("", ".done", ".failed"))
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(root / "shared" / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if failed.exists():
            pytest.fail(failed.read_text(encoding="utf-8"))
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            try:
                make(folder)
            except BaseException as err:
                failed.write_text(f"{name} could not be made: {err}", encoding="utf-8")
                raise
            done.touch()
    return folder


@pytest.fixture(scope="session")
def deployed(tmp_path_factory) -> JobRun:
    """The deploy workflow's build job, run from a fresh checkout once for the whole run."""
    def make(folder: Path) -> None:
        try:
            run_job("deploy.yml", "build", folder)
        except JobFailed as err:
            pytest.fail(str(err))

    return job_run("deploy.yml", "build", shared(tmp_path_factory, "deploy-job", make))


@pytest.fixture(scope="session")
def real_site(deployed) -> Path:
    """The shipped project as the deploy job publishes it: built strictly, both languages,
    launch kit PDFs included. The tests read the very folder that would go to GitHub Pages."""
    assert deployed.site is not None, f"the deploy job uploaded no site ({deployed.uploaded})"
    return deployed.site


def built_project(tmp_path_factory, name: str, **changes) -> Path:
    """A copy of the fixture project (``changes`` as for make_project) built once per run; its site
    is ``<project>/site``."""
    def make(folder: Path) -> None:
        make_project(folder, **changes)
        build_all(folder, folder / "site")

    return shared(tmp_path_factory, name, make)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    return built_project(tmp_path_factory, "fixture-project") / "site"


# what GitHub Pages compresses on the way out (Pagefind's index files come compressed already)
@pytest.fixture(scope="session")
def real_server(real_site):
    url, server = serve(real_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run",
                  # no host but this machine resolves: what a page asks elsewhere fails at once
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"],
        )
        yield instance
        instance.close()


# A test that asks for one of these reads a built site or drives Chromium: the quick run
# (`make test-quick`, -m "not build and not browser") leaves it out.
BUILT_SITES = {"deployed", "real_site", "fixture_site", "real_server"}
BROWSERS = {"browser", "page", "phone"}


# Tests that take tens of seconds: see pytest_collection_modifyitems.
SLOW_FIRST = ("test_workflows.py", "test_a_port_alone", "test_no_page_scrolls_sideways", "test_nothing_runs_in_the_browser",
              "test_pages_are_valid_html", "test_properdocs_builds", "test_install.py", "test_live_preview.py",
              "test_every_shipped_entry_goes_through_the_form", "test_search_finds_what_organisers_type")


def pytest_collection_modifyitems(items) -> None:
    """The run in the order that keeps both test processes busy: pytest-xdist gives the first
    half of the list to one process and the second half to the other. The list starts with
    what makes the site most tests read (the deploy job), goes on with the tests that read a
    site or drive Chromium, and ends with those that need neither, the slow ones last: the
    second process starts there, never waiting for the site, and takes the long jobs."""
    def order(item) -> tuple[int, bool]:
        used = set(getattr(item, "fixturenames", ()))
        slow = any(name in item.nodeid for name in SLOW_FIRST)
        if "deployed" in used and "real_site" not in used:
            return 0, False
        if used & (BUILT_SITES | BROWSERS):
            return 1, not slow
        return 2, slow

    items.sort(key=order)
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSERS:
            item.add_marker(pytest.mark.browser)
        if used & BUILT_SITES:
            item.add_marker(pytest.mark.build)


LOCAL_HOSTS = {"127.0.0.1", "localhost"}


PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}


@contextlib.contextmanager
def guarded_tab(browser, **options):
    """A fresh tab that fails its test if the page asks any host but this machine for anything.

    Nothing on the site may come from another host: Google Fonts, CDNs and api.github.com
    are slow or unreachable in mainland China and tell third parties who reads what. The
    browser cannot reach another host (see ``browser``); every request is noted as it leaves,
    without stopping it on its way.
    """
    context = browser.new_context(**options)
    foreign: list[str] = []

    def note(request) -> None:
        host = urlsplit(request.url).hostname
        if not request.url.startswith(("data:", "blob:")) and host not in LOCAL_HOSTS:
            foreign.append(request.url)

    context.on("request", note)
    tab = context.new_page()
    yield tab
    context.close()
    assert not foreign, f"the page asked other hosts for: {foreign}"


def settled(page) -> None:
    """Wait until the page has loaded and its script has filled in what it fetches (the tools
    mark their output aria-busy while a request is out)."""
    page.wait_for_load_state("load")
    page.wait_for_function("!document.querySelector('[aria-busy=\"true\"]')")


def search(page, query: str):
    """Type ``query`` into the site's search as a reader does, and wait for the results of that
    query (not of the letters typed so far); the first result, or None when nothing is found."""
    if not page.locator(".cp-search__input").is_visible():
        page.locator(".cp-search-open").click()
    page.locator(".cp-search__input").fill("")
    page.locator(".cp-search__input").press_sequentially(query, delay=40)
    page.wait_for_function("q => document.querySelector('.cp-search__results').dataset.cpQuery === q", arg=query)
    first = page.locator(".cp-search__result").first
    return first if first.count() else None


@pytest.fixture
def page(browser):
    """A desktop tab (1280 x 900)."""
    with guarded_tab(browser, viewport={"width": 1280, "height": 900}) as tab:
        yield tab


@pytest.fixture
def phone(browser):
    """A phone's tab: 390 x 844, touch, the size of the phones most of our readers hold."""
    with guarded_tab(browser, **PHONE, permissions=["clipboard-read", "clipboard-write"]) as tab:
        yield tab


def submitted_issue(fields: dict[str, str]) -> str:
    """An issue body as GitHub writes a submitted issue form (a heading per field, "_No
    response_" for an empty one), with the proposed entry fenced as the form's YAML field does."""
    from community_playbooks.content.proposals import FIELDS

    parts = []
    for name, label in FIELDS:
        value = fields.get(name, "")
        if name == "entry" and value:
            value = f"```yaml\n{value}\n```"
        parts.append(f"### {label}\n\n{value or '_No response_'}")
    return "\n\n".join(parts)
