"""Shared fixtures: small content trees, real builds, a local server and headless Chromium."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .static_server import serve

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
    """Both languages, as `make build` lays them out: English at the root, Chinese under zh/."""
    for lang, target in (("en", site), ("zh", site / "zh")):
        result = build(project, target, lang, pdf=pdf)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The shipped project, built strictly once for the whole session, launch kit PDFs included."""
    site = tmp_path_factory.mktemp("real") / "site"
    build_all(ROOT, site, pdf=True)
    return site


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("fixture") / "project")
    build_all(project, project / "site")
    return project / "site"


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
                  "--disable-sync", "--no-first-run"],
        )
        yield instance
        instance.close()


LOCAL_HOSTS = {"127.0.0.1", "localhost"}


PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}


@contextlib.contextmanager
def guarded_tab(browser, **options):
    """A fresh tab that fails its test if the page asks any host but this machine for anything.

    Nothing on the site may come from another host: Google Fonts, CDNs and api.github.com
    are slow or unreachable in mainland China and tell third parties who reads what.
    """
    context = browser.new_context(**options)
    foreign: list[str] = []

    def check(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", check)
    tab = context.new_page()
    yield tab
    context.close()
    assert not foreign, f"the page asked other hosts for: {foreign}"


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
