"""The site outlives its builder: the Markdown export builds with MkDocs and Material, with
ProperDocs (the community fork of MkDocs) and with Zensical (Material's authors' successor,
which reads mkdocs.yml but runs no MkDocs plugin), and each gives a reader the same pages
with the parts they use: checklists with their boxes, texts to paste, the language switch
and search."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from community_playbooks.adapters.export import export_site
from community_playbooks.content.loader import load_library
from community_playbooks.render.checklists import item_count

from ..conftest import ROOT, shared

pytestmark = pytest.mark.build

BIN = Path(sys.executable).parent
BUILDERS = {
    "mkdocs": lambda out: [str(BIN / "mkdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)],
    "properdocs": lambda out: [str(BIN / "properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)],
    "zensical": lambda out: [str(BIN / "zensical"), "build", "-f", "mkdocs.yml"],
}
SAMPLE = ("playbooks/reading-circle/", "playbooks/parents-class-group/", "playbooks/reading-circle/kit/",
          "pitfalls/dead-group/", "")


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    return shared(tmp_path_factory, "export", lambda folder: export_site(ROOT, folder))


def built_with(builder: str, export: Path, tmp_path_factory) -> Path:
    """The export built by ``builder``, once per run, from a copy of its own (Zensical writes
    beside its config)."""
    def make(work: Path) -> None:
        shutil.copytree(export, work)
        result = subprocess.run(BUILDERS[builder](work / "site"), capture_output=True, text=True, cwd=work,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert result.returncode == 0 and (work / "site" / "index.html").exists(), \
            result.stdout[-3000:] + result.stderr[-3000:]

    return shared(tmp_path_factory, f"export-{builder}", make) / "site"


def pages(site: Path) -> set[str]:
    return {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")}


def test_the_export_needs_no_engine(export):
    config = yaml.safe_load((export / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "tags" in config["plugins"] and "playbooks" not in config["plugins"]
    assert not any("macros" in (p if isinstance(p, str) else list(p)) for p in config["plugins"])
    assert "{{" not in (export / "docs" / "index.md").read_text(encoding="utf-8")  # macros rendered once
    # a Python method in a template would stop Zensical, whose templates are not Python
    for template in (export / "overrides").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"{[{%][^}]*\.(endswith|startswith|split|strip|replace|format|lower|upper)\(", text), template


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_gives_the_same_pages_and_what_a_reader_uses(builder, export, tmp_path_factory):
    library = load_library(ROOT)
    site = built_with(builder, export, tmp_path_factory)
    reference = built_with("mkdocs", export, tmp_path_factory)
    missing = pages(reference) - pages(site)
    assert not missing, sorted(missing)[:10]
    assert len(pages(site)) > 100
    for path in SAMPLE:
        html = (site / path / "index.html").read_text(encoding="utf-8")
        where = f"{builder}: /{path}"
        assert '<html lang="en"' in html, where
        assert 'data-cp-language="zh"' in html and 'data-cp-language="en"' in html, where  # the language switch
        assert 'data-md-component="search"' in html and "pagefind/pagefind.js" not in html, where  # the theme's search
        assert "assets/javascripts/playbooks.js" in html, where  # ticks, copy, the tools
        if path.startswith("playbooks/") and path.count("/") == 2:
            playbook = library.playbooks[path.split("/")[1]]
            assert html.count('class="cp-check"') == item_count(playbook), where  # a box per item
            assert html.count('class="cp-text__body"') >= 2, where  # texts to paste
    assert (site / "search.json").exists() or (site / "search" / "search_index.json").exists()
