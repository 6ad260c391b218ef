"""A character nobody can see must not change what a page, a terminal or an issue does.

Control characters (C0, DEL, C1), surrogates, noncharacters, line separators and format
characters written into any string a schema allows are refused by the rule book, at their
field. Should one get past it, the pages' front matter is written so that any value reads
back as written (MkDocs shows a front matter it cannot read as Markdown, contributor text and
all), and what the engine prints for people or machines writes such characters out.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import markdown as python_markdown
import pytest
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.meta import get_data

from community_playbooks.adapters import cli
from community_playbooks.adapters.mkdocs_plugin import PlaybooksPlugin
from community_playbooks.characters import describe_character, neutralised
from community_playbooks.content import rules
from community_playbooks.content.loader import Loader
from community_playbooks.content.locator import Locator
from community_playbooks.errors import ContentError
from community_playbooks.render.context import Site
from community_playbooks.render.dialect import front_matter, front_matter_values
from community_playbooks.render.manifest import site_files

from ..conftest import FIXTURE, ROOT
from .hostile import MARKER, Page, Project, created, library_of, site_markdown

# one of each class the rule book refuses, by name
HIDDEN = {
    "NUL": "\x00", "BEL": "\x07", "backspace": "\x08", "ESC": "\x1b", "carriage return": "\r", "DEL": "\x7f",
    "C1 NEL": "\x85", "C1 CSI": "\x9b", "noncharacter": "\ufffe", "astral noncharacter": "\U0010ffff",
    "noncharacter block": "\ufdd0", "surrogate": "\ud800", "line separator": "\u2028",
    "paragraph separator": "\u2029", "bidi override": "\u202e", "zero-width space": "\u200b",
}
# what the red team put in a summary beside the character: live only if the front matter breaks
EXPLOIT = "{: onfocus=alert(1) autofocus } [tap](javascript:alert(1)) title: x"
TODAY = date(2026, 11, 30)


def _count(data, value) -> int:
    if data == value:
        return 1
    if isinstance(data, dict):
        return sum(_count(v, value) for v in data.values())
    if isinstance(data, list):
        return sum(_count(v, value) for v in data)
    return 0


@pytest.mark.parametrize("name", [n for n in HIDDEN if n != "surrogate"])
def test_the_rule_book_refuses_each_class_in_every_field(name):
    """Every string field the schemas allow, found from the schemas: a new field is covered too.
    (A lone surrogate cannot come from YAML at all: the next test.)"""
    char = HIDDEN[name]
    value = f"a{char}b"
    files = Project.fixture().filled(lambda slot: value)
    written = sum(_count(data, value) for _, _, data in files)
    code = f"U+{ord(char):04X}"
    found = [p for p in rules.check(library_of(files), Locator()) if code in p.message]
    assert len(found) == written > 300, name
    assert all(p.field and "at character 2" in p.message and p.hint.startswith("delete it") for p in found)


def test_a_surrogate_escape_is_a_located_problem():
    from community_playbooks.content.yaml_reader import decode_document

    with pytest.raises(ContentError) as caught:
        decode_document(b'title: ok\nsummary: "half \\ud800 of it"\n', "f.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.message) == (2, "malformed YAML: found invalid Unicode character escape code")
    assert describe_character("\ud800") == "the surrogate U+D800 (half of a character, not text)"


def test_a_yaml_escape_is_refused_where_it_is_written(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    pitfall = root / "playbooks/pitfalls/dead-group.yaml"
    text = pitfall.read_text(encoding="utf-8")
    pitfall.write_text(text.replace("title: {en: Dead group,", 'title: {en: "Dead\\x7fgroup",'), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        Loader(root).load()
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.field) == ("playbooks/pitfalls/dead-group.yaml", 1, "title.en")
    assert "the control character U+007F (DELETE) at character 5" in problem.message
    result = subprocess.run([sys.executable, "-m", "community_playbooks", "--root", str(root), "validate"],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "U+007F (DELETE)" in result.stderr and "\x7f" not in result.stderr


@pytest.mark.build
def test_the_build_refuses_it_too(tmp_path):
    from ..conftest import build, make_project

    project = make_project(tmp_path / "project")
    pitfall = project / "playbooks/pitfalls/dead-group.yaml"
    pitfall.write_text(pitfall.read_text(encoding="utf-8").replace(
        "title: {en: Dead group,", 'title: {en: "Dead\\u0085group",'), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "playbooks/pitfalls/dead-group.yaml:1:" in result.stderr + result.stdout
    assert "U+0085" in result.stderr + result.stdout
    assert not (project / "site").exists()


# --- the second lock: front matter that cannot break ----------------------------------------

@functools.cache
def marker_pages(lang: str) -> dict[str, Page]:
    """Each generated page of the fixture filled with the harmless marker, as HTML: what a page
    holds when no field carries anything but text."""
    converter = site_markdown()
    marker = library_of(Project.fixture().filled(lambda slot: MARKER))
    return {f.uri: Page(converter.reset().convert(get_data(f.content)[0])) for f in site_files(Site(marker, lang, TODAY))
            if f.uri.endswith(".md") and f.content.startswith("---")}


@pytest.mark.parametrize("name", [n for n in HIDDEN if n != "surrogate"])
def test_front_matter_reads_back_as_written_whatever_it_holds(name):
    """Rendered without the rule book, as if a character had got past it: MkDocs reads every
    generated page's front matter as written, the page's body holds none of it, and the
    exploit beside the character stays text."""
    value = f"x{HIDDEN[name]}{EXPLOIT}"
    library = library_of(Project.fixture().filled(lambda slot: value))
    converter = site_markdown()
    checked = 0
    for lang in ("en", "zh"):
        baseline = marker_pages(lang)
        for generated in site_files(Site(library, lang, TODAY)):
            if not generated.uri.endswith(".md") or not generated.content.startswith("---"):
                continue
            body, read = get_data(generated.content)
            written = front_matter_values(generated.content)
            assert read == written and read, (lang, generated.uri, read)
            assert generated.content.split("\n---", 1)[0].isascii()
            assert not body.startswith("---") and "description: " not in body, generated.uri
            html = converter.reset().convert(body)
            extra = created(Page(html), baseline[generated.uri])
            assert not extra and not Page(html).handlers(), (lang, generated.uri, dict(extra))
            checked += 1
    assert checked > 30


def test_a_surrogate_cannot_be_written_so_the_build_stops_naming_the_page(tmp_path):
    """YAML has no way to write a lone surrogate: MkDocs would read nothing and show the
    block as Markdown. The plugin compares what it read with what was written, and stops."""
    content = front_matter({"title": "x\ud800", "description": EXPLOIT}) + "\n\n# Heading\n"
    body, read = get_data(content)
    assert read == {} and body.startswith("---")  # what MkDocs alone would publish
    plugin = PlaybooksPlugin()
    plugin.load_config({})
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    (tmp_path / "pitfalls").mkdir()
    (tmp_path / "pitfalls/dead-group.md").write_text(content, encoding="utf-8")
    file = File("pitfalls/dead-group.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    page = MkDocsPage(None, file, config)
    page.read_source(config)
    plugin._generated.add(file.src_uri)
    with pytest.raises(Abort) as caught:
        plugin.on_page_markdown(page.markdown, page=page, config=config, files=None)
    assert "pitfalls/dead-group.md" in str(caught.value) and "does not read back" in str(caught.value)


def test_front_matter_is_printable_ascii_and_json_for_every_character():
    """Every code point (surrogates aside, which no text can hold) reads back through MkDocs."""
    for start in range(0, 0x110000, 0x1000):
        chars = "".join(chr(c) for c in range(start, start + 0x1000) if not 0xD800 <= c <= 0xDFFF)
        content = front_matter({"title": chars, "tags": [chars[:7]]}) + "\n\nbody\n"
        assert content.isascii()
        assert get_data(content)[1] == front_matter_values(content) == {"title": chars, "tags": [chars[:7]]}, hex(start)


# --- what the engine prints -----------------------------------------------------------------

def test_the_checklist_command_writes_control_characters_out(monkeypatch, capsys):
    """A terminal runs escape sequences: none reaches it, even from text the rule book would refuse."""
    payload = "\x1b]8;;https://evil.example/\x07tap\x1b]8;;\x07 \x1b[2K\x1b]0;title\x07\x00\x9b31m"
    library = library_of(Project.fixture().filled(lambda slot: payload))

    class Loaded:
        def __init__(self, *args, **kwargs):
            pass

        def load(self):
            return library

    monkeypatch.setattr(cli, "Loader", Loaded)
    assert cli.main(["checklist", "tiny-club"]) == 0
    out = capsys.readouterr().out
    assert payload not in out and not any(c in out for c in "\x1b\x07\x00\x9b")
    assert "\\u001b]8;;https://evil.example/\\u0007tap" in out


def test_neutralised_keeps_what_a_reader_sees():
    text = "第一行\n\t第二行 300\u00a0人 👍🏽 e\u0301 \u200d"
    assert neutralised(text) == text
    assert neutralised("a\x1bb\u202ec\x7f") == "a\\u001bb\\u202ec\\u007f"


def test_stale_on_github_keeps_content_in_code_spans(tmp_path):
    """A source address the schema allows can hold Markdown marks, mentions and references."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    platform = root / "playbooks/platforms/wechat.yaml"
    hostile = "https://example.org/**bold**_em_@maintainer#1~~x~~"
    text = platform.read_text(encoding="utf-8")
    assert '"https://help.wechat.com/"' in text
    platform.write_text(text.replace('"https://help.wechat.com/"', json.dumps(hostile)), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "community_playbooks", "--root", str(root), "stale",
                             "--format", "markdown", "--today", "2040-01-01"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert hostile in result.stdout
    html = python_markdown.markdown(result.stdout)
    assert "<strong>" not in html and "<em>" not in html and "<del>" not in html
    # every value from the content sits in <code>: outside it, no mention and no reference
    outside_code = "".join(part.split("</code>", 1)[-1] for part in html.split("<code>"))
    assert "@maintainer" not in outside_code and "#1" not in outside_code


# --- the live preview -----------------------------------------------------------------------

@pytest.mark.parametrize("address, expected", [
    (":8000", ("127.0.0.1", 8000)), ("127.0.0.1:8001", ("127.0.0.1", 8001)),
    ("localhost:8000", ("localhost", 8000)), ("[::1]:8000", ("::1", 8000)),
])
def test_the_preview_listens_on_this_machine_unless_asked(address, expected):
    assert cli.serving_address(address) == expected


@pytest.mark.parametrize("address", ["0.0.0.0:8000", "[::]:8000", "192.168.1.20:8000", "example.org:8000"])
def test_another_host_needs_public(address, capsys):
    with pytest.raises(ValueError, match="--public"):
        cli.serving_address(address)
    assert cli.serving_address(address, public=True)[1] == 8000
    assert cli.main(["--root", str(FIXTURE), "serve", "--dev-addr", address]) == 2
    assert "--public" in capsys.readouterr().err


@pytest.mark.build
def test_a_port_alone_binds_loopback_only(tmp_path):
    """By effect: the server started with `--dev-addr :PORT` is bound to 127.0.0.1."""
    import socket
    import time

    from ..conftest import make_project

    project = make_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "community_playbooks", "--root", str(project), "serve",
                               "--dev-addr", f":{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        bound = None
        while bound is None and time.monotonic() < deadline and server.poll() is None:
            bound = _listening_on(port)
            time.sleep(0.2)
        assert bound == "127.0.0.1", bound
    finally:
        server.terminate()
        server.wait(timeout=30)


def _listening_on(port: int) -> str | None:
    """The address a local TCP socket listens on at ``port``, from the kernel's own table."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.rpartition(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                if len(address) == 8:
                    return ".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0))
                return "ipv6:" + address
    return None
