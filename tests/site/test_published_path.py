"""The site as GitHub Pages publishes it: under the path of `site_url`, not at a host's root.

A sample of pages of both languages is served under that path and every link and asset they
name is fetched: none may be missing. Search is run in Chromium there too: its script, its
index and the pages its results open must all be found under the path.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest

from community_playbooks.adapters.site_config import read_config

from ..conftest import ROOT, guarded_tab, search, serve

SAMPLE = ["", "playbooks/", "playbooks/reading-circle/", "playbooks/reading-circle/kit/", "pitfalls/dead-group/",
          "rituals/weekly-digest/", "guides/health-check/", "platforms/wechat/", "tools/symptom-finder/",
          "tools/checklist-builder/", "tools/compare/", "tags/", "contributing/", "reference/playbook/", "404.html"]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name in ("href", "src") or (tag == "dialog" and name == "data-cp-index")):
                self.found.append(value)


@pytest.fixture(scope="module")
def published(real_site):
    mount = urlsplit(read_config(ROOT, "en")["site_url"]).path
    assert mount != "/", "the site is published under a path: this test must serve it there"
    url, server = serve(real_site, mount)
    yield url
    server.shutdown()


def status(url: str) -> int:
    try:
        with urlopen(url) as response:
            return response.status
    except HTTPError as err:
        return err.code


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_link_and_asset_of_the_sample_is_found(published, lang):
    prefix = "" if lang == "en" else "zh/"
    checked: dict[str, int] = {}
    for page in SAMPLE:
        address = f"{published}/{prefix}{page}"
        with urlopen(address) as response:
            parser = _Links()
            parser.feed(response.read().decode("utf-8"))
        for link in parser.found:
            target = urljoin(address, link)
            if urlsplit(target).netloc != urlsplit(published).netloc or target.startswith("mailto:"):
                continue
            target = target.split("#")[0]
            if target not in checked:
                checked[target] = status(target)
    missing = {url: code for url, code in checked.items() if code != 200}
    assert not missing, missing
    assert len(checked) > 100  # the sample reaches most of what a page can name
    assert all(urlsplit(url).path.startswith(urlsplit(published).path) for url in checked)


@pytest.mark.parametrize("lang, query", [("en", "dead group"), ("zh", "死群")])
def test_search_works_under_the_published_path(browser, published, lang, query):
    prefix = "" if lang == "en" else "zh/"
    with guarded_tab(browser, viewport={"width": 1280, "height": 900}) as tab:
        fetched: list[tuple[str, int]] = []
        tab.on("response", lambda response: fetched.append((response.url, response.status)))
        tab.goto(f"{published}/{prefix}")
        first = search(tab, query)
        assert first is not None, "search found nothing under the published path"
        first.locator("a").first.click()
        tab.wait_for_load_state("load")
        assert tab.url.startswith(f"{published}/{prefix}") and "/pitfalls/dead-group/" in tab.url
    assert [url for url, code in fetched if code >= 400] == []
    assert any("/pagefind/" in url for url, _ in fetched)
