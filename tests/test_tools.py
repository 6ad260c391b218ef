"""The scripts in tools/ that the Makefile runs but the suite does not time: what they build on
must stay true as the engine and its rules change."""

from __future__ import annotations

import os
import subprocess
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


def test_the_search_benchmark_sets_each_size_beside_the_shipped_one_and_the_budget():
    import search_bench

    costs = search_bench.Costs
    measured = {13: {"en": costs(60_000, 120_000, 80.0, 3_000), "zh": costs(62_000, 130_000, 90.0, 4_000)},
                1000: {"en": costs(60_000, 150_000, 120.0, 40_000), "zh": costs(62_000, 160_000, 135.0, 44_000)}}
    for lang, ratio_head, search_row in (
            ("en", "1,000 ÷ 13", "| Opening search and typing two words (KB) |"),
            ("zh", "1,000 本 ÷ 13 本", "| 打开搜索并输入两个词（KB） |")):
        lines = search_bench.table(measured, 13, lang).splitlines()
        assert ratio_head in lines[0] and len(lines) == 6
        row = next(line for line in lines if line.startswith(search_row))
        assert row.endswith("| 120 / 130 | 150 / 160 | 1.25 / 1.23 | 250 |"), row


def test_system_packages_that_are_there_are_not_installed_again(tmp_path):
    """A machine with every package gets no apt-get: not even when the font list is long, so
    that fc-list is still writing when the first Chinese font has been found."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fonts = "".join(f"/usr/share/fonts/NotoSansCJK-{n}.ttc: Noto Sans CJK SC:style=Regular\n" for n in range(20_000))
    (tmp_path / "fonts.txt").write_text(fonts, encoding="utf-8")
    programs = {"fc-list": f"cat {tmp_path / 'fonts.txt'}", "java": "true", "npm": "true",
                "apt-get": f"echo \"$@\" >> {tmp_path / 'apt-get.log'}; exit 1", "sudo": '"$@"'}
    for name, body in programs.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    for argument in ([], ["pdf"]):
        for _ in range(5):  # the race it guards against is lost only some of the time
            result = subprocess.run([str(ROOT / "tools" / "system-packages"), *argument], env=env,
                                    capture_output=True, text=True, check=False)
            assert result.returncode == 0 and not result.stdout, result.stdout + result.stderr
    assert not (tmp_path / "apt-get.log").exists(), (tmp_path / "apt-get.log").read_text(encoding="utf-8")
