"""`make serve` and `make preview`: both languages at one address, the language switch working
both ways, and every save shown in both, without restarting the server."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from community_playbooks.content.loader import load_library

from ..conftest import ROOT, make_project, search

pytestmark = pytest.mark.build


def _text(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_until(url: str, ready, what: str, server: subprocess.Popen) -> None:  # noqa: ANN001
    # a generous limit only so that a broken preview fails instead of hanging; no timing is asserted
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the server ended while waiting for {what}"
        body = _text(url)
        if body is not None and ready(body):
            return
        time.sleep(0.2)
    pytest.fail(f"{url} never showed {what}")


class Preview:
    def __init__(self, project: Path, flags: list[str], log: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.log = log
        with log.open("w") as out:
            self.process = subprocess.Popen([sys.executable, "-m", "community_playbooks", "serve", *flags,
                                             "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stdout=out,
                                            stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        self.site = f"http://127.0.0.1:{port}/community-playbooks/"

    def wait(self, url: str, ready, what: str) -> None:
        _wait_until(url, ready, what, self.process)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def preview(tmp_path, request):
    project = make_project(tmp_path / "project")
    server = Preview(project, request.param, tmp_path / "serve.log")
    yield project, server
    server.stop()


@pytest.mark.parametrize("preview", [[], ["--dirty"]], ids=["make serve", "make preview"], indirect=True)
def test_an_edit_shows_in_both_languages_and_a_broken_file_does_not_stop_the_server(preview):
    """Save the YAML: its page in English and in Chinese and the pages that link back to it
    change; a broken save is reported and the next good save is served again."""
    project, server = preview
    site = server.site
    page, zh_page, backlink = site + "playbooks/tiny-club/", site + "zh/playbooks/tiny-club/", site + "pitfalls/dead-group/"
    source = project / "playbooks" / "tiny-club.yaml"
    original = source.read_text(encoding="utf-8")
    club = load_library(project).playbooks["tiny-club"]
    en, zh = club.title.get("en"), club.title.get("zh")
    server.wait(page, lambda body: en in body, "the first build")
    server.wait(zh_page, lambda body: zh in body, "the Chinese site at /zh/")

    source.write_text(original.replace(f"en: {en}, zh: {zh}", "en: Tiny club edited, zh: 改过的俱乐部", 1),
                      encoding="utf-8")
    for url, wanted in ((page, "Tiny club edited"), (backlink, "Tiny club edited"), (zh_page, "改过的俱乐部")):
        server.wait(url, lambda body, w=wanted: w in body, f"the edited title on {url}")
    assert "Other club" in (_text(site + "playbooks/other-club/") or "")  # an untouched page is still whole

    source.write_text(original + "broken: [\n", encoding="utf-8")
    deadline = time.monotonic() + 180
    while "playbooks/tiny-club.yaml:" not in server.log.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    report = server.log.read_text(encoding="utf-8")
    assert "malformed YAML" in report and "Traceback" not in report, report[-2000:]

    source.write_text(original.replace(f"en: {en}, zh: {zh}", "en: Tiny club fixed, zh: 修好的俱乐部", 1),
                      encoding="utf-8")
    server.wait(page, lambda body: "Tiny club fixed" in body, "the fixed title")
    server.wait(zh_page, lambda body: "修好的俱乐部" in body, "the fixed Chinese title")


@pytest.mark.browser
@pytest.mark.parametrize("preview", [[]], ids=["make serve"], indirect=True)
def test_the_language_switch_works_both_ways_under_the_preview(preview, page):
    project, server = preview
    server.wait(server.site + "zh/playbooks/tiny-club/", lambda body: "小小俱乐部" in body, "the first build")
    page.goto(server.site + "playbooks/tiny-club/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a[hreflang=zh]").click()
    page.wait_for_url(re.compile(r".*/community-playbooks/zh/playbooks/tiny-club/$"))
    assert page.locator("html").get_attribute("lang") == "zh" and "小小俱乐部" in page.title()
    page.locator(".md-header__option .md-select").hover()
    page.locator("a[hreflang=en]").click()
    page.wait_for_url(re.compile(r".*/community-playbooks/playbooks/tiny-club/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    # a save reloads the open page by itself, in the language it is in, and search finds the new words
    source = project / "playbooks" / "tiny-club.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("en: Tiny club,", "en: Tiny club livened,", 1),
                      encoding="utf-8")
    page.wait_for_function("document.title.startsWith('Tiny club livened')", timeout=180_000)
    assert "Tiny club livened" in search(page, "livened").locator("strong").inner_text()


def test_serving_needs_python_and_make_only():
    """The first command of the README: `make serve` sets up Python packages and serves; nothing
    in it needs npm, Node.js or a system package."""
    for target in ("serve", "preview"):
        plan = subprocess.run(["make", "-n", "-B", target], capture_output=True, text=True, cwd=ROOT, check=True).stdout
        assert "pip install" in plan and "playbooks serve" in plan, plan
        for tool in ("npm", "node ", "apt-get", "system-packages", "chromium"):
            assert tool not in plan, f"make {target} would run {tool}:\n{plan}"
    plan = subprocess.run(["make", "-n", "-B", "test"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert "tools/system-packages" in plan and "npm ci" in plan and "pytest" in plan


def test_the_preview_builds_every_language_at_once_and_reports_each_failure():
    from community_playbooks.adapters.live_preview import build_together

    events: list[str] = []

    class Worker:
        def __init__(self, name: str, outcome: str | None):
            self.name, self.outcome = name, outcome

        def start(self) -> None:
            events.append(f"start {self.name}")

        def result(self) -> str | None:
            events.append(f"wait {self.name}")
            return self.outcome

    failures = build_together([Worker("en", None), Worker("zh", "[zh] playbooks/x.yaml:3:1: title: too long")])
    # the Chinese build starts before the English one is waited for, so the two run side by side
    assert events == ["start en", "start zh", "wait en", "wait zh"]
    assert failures == ["[zh] playbooks/x.yaml:3:1: title: too long"]
