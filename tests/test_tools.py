"""The scripts in tools/ that the Makefile runs but the suite does not time: what they build on
must stay true as the engine and its rules change."""

from __future__ import annotations

import sys

from community_playbooks.content.loader import Loader
from community_playbooks.content.rules import platform_names

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import bench  # noqa: E402


def test_the_benchmarks_library_is_one_the_rule_book_accepts(tmp_path):
    """At 100 playbooks every shipped one is copied four times or more: copies that repeated
    each other's summaries and chat texts would be refused, and `make bench` would stop."""
    project = bench.synthetic_project(tmp_path / "project", 100)
    library, problems = Loader(project).check()
    assert not problems, "\n".join(str(p) for p in problems[:10])
    assert len(library.playbooks) == 100


def test_a_reworded_copy_says_the_same_of_each_platform():
    library = Loader(ROOT).check()[0]
    names = platform_names(library)
    swap = bench.Rewording(7, bench.Words.of(sorted((ROOT / "playbooks").glob("*.yaml")), names))
    checked = 0
    for playbook in library.playbooks.values():
        for lang in ("en", "zh"):
            text = playbook.summary.get(lang)
            reworded = swap(text)
            assert len(reworded) == len(text)
            assert names.named(reworded) == names.named(text)
            assert [(c.platform, c.features) for c in names.claims(reworded)] == \
                [(c.platform, c.features) for c in names.claims(text)]
            checked += reworded != text
    assert checked > 40  # and the words are others
    assert swap("see [the remedy](pitfalls/dead-group#remedy)").endswith("](pitfalls/dead-group#remedy)")
