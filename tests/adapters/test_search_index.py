"""The search index and its words (adapters/search.py): Pagefind run for real on a small site,
its index read back, and the tables the page script reads a query with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from community_playbooks.adapters.mkdocs_plugin import PlaybooksPlugin
from community_playbooks.adapters.search import (_cbor, bucket, community_words, index_site, regional_phrases,
                                                 traditional_table)

from ..conftest import ROOT

PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>
<nav>导航 navigation</nav>
<div data-pagefind-body data-pagefind-filter="kind:{kind}" data-pagefind-meta="kind:{kind}">
<h1>{title}</h1>{aliases}<p>{body}</p></div></body></html>"""


def write_page(site: Path, path: str, **values: str) -> None:
    values.setdefault("aliases", "")
    (site / path).mkdir(parents=True, exist_ok=True)
    (site / path / "index.html").write_text(PAGE.format(**values), encoding="utf-8")


def test_cbor_as_pagefind_writes_it():
    assert _cbor(bytes([0x17]), 0) == (23, 1)
    assert _cbor(bytes([0x19, 0x01, 0x00]), 0) == (256, 3)
    assert _cbor(bytes([0x38, 0x63]), 0) == (-100, 2)
    assert _cbor("\x63团".encode("utf-8")[:1] + "团".encode("utf-8"), 0) == ("团", 4)
    assert _cbor(bytes([0x83, 0x01, 0x82, 0x02, 0x03, 0x80]), 0) == ([1, [2, 3], []], 6)
    assert _cbor(bytes([0x9F, 0x01, 0x02, 0xFF]), 0) == ([1, 2], 4)  # indefinite length
    assert _cbor(bytes([0xA1, 0x61, 0x61, 0xF5]), 0) == ({"a": True}, 4)
    with pytest.raises(ValueError):
        _cbor(bytes([0x1C]), 0)


def test_traditional_characters_map_to_the_simplified_ones_the_index_holds():
    held = set("读书会团购长家群著具")
    table = traditional_table(held)
    assert [table.get(char) for char in "讀書會團購長家羣"] == list("读书会团购长") + [None, "群"]
    assert "著" not in table  # the index holds it as it is
    # a page that quotes traditional characters (the quality page shows 讀書會 as a reader types it)
    # does not stop them being read as the simplified ones every entry is written in
    quoted = traditional_table(held | set("讀書會"))
    assert [quoted.get(char) for char in "讀書會"] == list("读书会")
    assert "俱" not in table  # its own simplified form first: not read as 具
    assert all(simplified in held for simplified in table.values())


def test_regional_words_map_to_the_index_words_unless_the_index_holds_them():
    phrases = regional_phrases({"消息": 3, "网络": 2, "社群": 9, "社区": 4})
    assert phrases["讯息"] == "消息" and phrases["网路"] == "网络"
    assert "社群" not in phrases  # Taiwan's word for 社区, and the mainland's own word too


def test_a_chat_groups_words_in_taiwan_and_hong_kong_are_read_as_the_index_words():
    words = {"刷屏": 3, "群": 50, "群组": 2, "账号": 4, "举报": 1}
    found = community_words(words, traditional_table(set("".join(words))))
    assert found["洗版"] == ["刷屏", True]  # in any query: the index does not hold it
    assert found["群组"] == ["群", False]  # the index holds it ("Telegram 群组"): only in traditional queries
    assert found["帳号"] == ["账号", True]  # OpenCC reads 帳 as 帐, a form the index does not hold
    assert "伺服器" not in found  # the index holds none of 服务器's characters


def test_index_site_writes_the_index_and_the_words_a_query_is_read_with(tmp_path):
    write_page(tmp_path, "pitfalls/hidden-margin", lang="zh", kind="pitfall", title="团长瞒着赚差价",
               aliases='<p data-pagefind-meta="aliases:赚差价 团长加价">也叫：赚差价、团长加价</p>',
               body="小区团购群里，团长在接龙的价格上加价，没有告诉大家，接着就刷屏。")
    write_page(tmp_path, "style", lang="zh", kind="project", title="内容写作规范", body="团购群的写法。台湾的读者打洗版。")
    index_site(tmp_path, "zh")
    folder = tmp_path / "pagefind" / "cp"
    about = json.loads((folder / "search.json").read_text(encoding="utf-8"))
    assert about["pages"] == 2 and about["buckets"] >= 1
    assert "的" in about["fillers"]
    pairs = about["traditional"]
    assert dict(zip(pairs[::2], pairs[1::2]))["團"] == "团"
    # a project page quoting a reader's word does not make it a word of the site's entries
    assert about["regional"]["洗版"] == ["刷屏", True]
    words: dict[str, int] = {}
    for number in range(about["buckets"]):
        part = json.loads((folder / f"words-{number}.json").read_text(encoding="utf-8"))
        assert all(bucket(word, about["buckets"]) == number for word in part)
        words.update(part)
    assert words["团购"] == 2 and words["团长"] == 1
    assert "导航" not in words  # only the pages' bodies
    assert "团长瞒着赚差价" not in words  # a title is one word of the metadata, not of the body
    titles = json.loads((folder / "titles.json").read_text(encoding="utf-8"))
    assert titles == [["/pitfalls/hidden-margin/", "团长瞒着赚差价", "赚差价 团长加价"]]  # entries only


def test_a_page_kind_search_does_not_know_stops_the_build(tmp_path):
    plugin = PlaybooksPlugin()
    plugin.load_config({})
    config = load_config(str(ROOT / "mkdocs.yml"))
    (tmp_path / "guide.md").write_text("---\nkind: projet\n---\n\n# A guide\n", encoding="utf-8")
    file = File("guide.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    page = Page(None, file, config)
    page.read_source(config)
    with pytest.raises(Abort) as caught:
        plugin.on_page_markdown(page.markdown, page=page, config=config, files=None)
    assert str(caught.value).startswith('guide.md: the kind in its front matter, "projet", is none of ')
    (tmp_path / "guide.md").write_text("---\nkind: project\n---\n\n# A guide\n", encoding="utf-8")
    page.read_source(config)
    assert plugin.on_page_markdown(page.markdown, page=page, config=config, files=None)
