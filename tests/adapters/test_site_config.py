"""One reading of a config for every adapter: the build, the page macros and the export see
the same site (language, address, URL style, printed kits)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.config import load_config

from community_playbooks.adapters.macros_pluglet import define_env
from community_playbooks.adapters.site_config import read_config, renders_macros, site_for
from community_playbooks.content.loader import load_library

from ..conftest import ROOT


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_build_and_the_export_render_for_the_same_site(library, lang):
    loaded = load_config(str(ROOT / ("mkdocs.yml" if lang == "en" else f"mkdocs.{lang}.yml")))
    as_written = read_config(ROOT, lang)
    built, exported = site_for(library, loaded), site_for(library, as_written)
    assert (built.lang, built.site_url, built.directory_urls) == (exported.lang, exported.site_url,
                                                                  exported.directory_urls)
    assert built.lang == lang and built.site_url.endswith("/zh/" if lang == "zh" else "/community-playbooks/")


def test_the_checklist_macro_offers_the_pdf_when_the_build_prints_kits(monkeypatch):
    """The macros of hand-written pages get the plugin's own site: with printed kits, the
    checklist's toolbar links the PDF, as on the playbook's page."""
    found = {}
    for pdf in ("true", "false"):
        monkeypatch.setenv("CP_PDF", pdf)
        config = load_config(str(ROOT / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        plugin = config.plugins["playbooks"]
        plugin.on_config(config)
        macros = {}
        define_env(SimpleNamespace(conf=config, page=None, macro=lambda f, name: macros.__setitem__(name, f)))
        found[pdf] = macros["checklist"]("reading-circle")
    assert 'href="playbooks/reading-circle/launch-kit.pdf" download' in found["true"]
    assert "launch-kit.pdf" not in found["false"]


def test_a_page_runs_macros_only_when_its_front_matter_says_so():
    assert renders_macros("---\nrender_macros: true\n---\n# {{ 7*7 }}\n")
    for text in ("---\nrender_macros: false\n---\n", "# render_macros: true\n", "---\ntitle: x\n---\nrender_macros: true",
                 "---\nrender_macros: 'true'\n---\n"):
        assert not renders_macros(text), text
    pages = [p for p in (ROOT / "docs").rglob("*.md") if renders_macros(p.read_text(encoding="utf-8"))]
    assert pages and all(p.read_text(encoding="utf-8").startswith("---") for p in pages)
