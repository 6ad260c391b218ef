"""The shipped site's search index as the build leaves it: every page filed under its kind, and
the words the page script reads a query with, in small files."""

from __future__ import annotations

import json
import re

from community_playbooks.content.kinds import BY_SECTION
from community_playbooks.content.loader import load_library

from ..conftest import ROOT

# the project's own pages: search shows them only when nothing else matches, or when asked
PROJECT = {"style", "quality", "security", "api", "macros", "contributing", "translations", "reference"}
FILED = re.compile(r'<div data-pagefind-body data-pagefind-filter="kind:([a-z]+)" data-pagefind-meta="kind:\1">')


def test_every_page_is_filed_under_its_kind(real_site):
    checked = 0
    for root in (real_site, real_site / "zh"):
        for page in root.rglob("index.html"):
            where = page.parent.relative_to(root).as_posix()
            if root == real_site and where.split("/")[0] in {"zh", "pagefind"}:
                continue
            html = page.read_text(encoding="utf-8")
            filed = FILED.findall(html)
            if "data-pagefind-body" not in html:  # the launch kits stay out of search
                assert where.endswith("/kit"), where
                continue
            parts = where.split("/")
            if len(parts) == 2 and parts[0] in BY_SECTION:
                expected = BY_SECTION[parts[0]].name
            else:
                expected = "project" if parts[0] in PROJECT else "help"
            assert filed == [expected], (root.name, where, filed)
            checked += 1
    assert checked > 250


def test_the_words_of_each_index_are_in_small_files(real_site):
    entries = sum(1 for _ in load_library(ROOT).all_entries())
    for root in (real_site, real_site / "zh"):
        folder = root / "pagefind" / "cp"
        about = json.loads((folder / "search.json").read_text(encoding="utf-8"))
        assert about["pages"] > 120 and len((folder / "search.json").read_bytes()) < 16_000
        sizes = [len((folder / f"words-{n}.json").read_bytes()) for n in range(about["buckets"])]
        assert max(sizes) < 12_000, sizes  # a query fetches the files of its first characters only
        titles = json.loads((folder / "titles.json").read_text(encoding="utf-8"))
        assert len(titles) == entries and all(url.count("/") == 3 for url, _, _ in titles)
