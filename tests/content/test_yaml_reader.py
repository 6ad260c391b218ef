"""The YAML reader: plain data only, every field located, every refusal explained."""

from __future__ import annotations

import pytest

from community_playbooks.errors import ContentError
from community_playbooks.content.yaml_reader import decode_document, format_path, parse_document, read_document


def problems_of(text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        parse_document(text, "playbooks/x.yaml")
    return [str(p) for p in caught.value.problems]


def test_fields_are_located_by_line_and_column():
    doc = parse_document("title: A\nrituals:\n  - ref: weekly\n    note: hi\n", "f.yaml")
    assert doc.locate(("rituals", 0, "note")) == (4, 11)
    assert doc.locate(("rituals", 0, "ref")) == (3, 10)
    assert doc.locate(("rituals", 0, "ref"), key=True) == (3, 5)
    # a field that is not written is located at its nearest written parent
    assert doc.locate(("rituals", 0, "cadence")) == (3, 5)


def test_dates_stay_text_and_keys_stay_as_written():
    doc = parse_document("reviewed: 2026-11-24\non: 1\n", "f.yaml")
    assert doc.data == {"reviewed": "2026-11-24", "on": 1}


def test_python_tags_are_refused_not_run():
    [message] = problems_of("title: !!python/object/apply:os.system ['echo owned']\n")
    assert message.startswith("playbooks/x.yaml:1:8: title: the YAML tag !!python/object/apply:os.system is not allowed")


def test_custom_tags_are_refused():
    [message] = problems_of("title: !include other.yaml\n")
    assert "title: the YAML tag !include is not allowed" in message


def test_an_alias_bomb_is_refused_at_the_first_alias():
    bomb = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n"
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        bomb += f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
    messages = problems_of(bomb)
    assert messages[0].startswith("playbooks/x.yaml:2:")
    assert "YAML aliases (*name) are not allowed" in messages[0]


def test_merge_keys_are_refused():
    messages = problems_of("base: &b {x: 1}\nother:\n  <<: *b\n")
    assert any("merge keys (<<) are not allowed" in m for m in messages)


def test_duplicate_keys_name_both_lines():
    [message] = problems_of("title: A\nsummary: B\ntitle: C\n")
    assert message == "playbooks/x.yaml:3:1: title: field 'title' is written twice (first on line 1); keep one of them"


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n"])
def test_empty_file(text):
    [message] = problems_of(text)
    assert message.startswith("playbooks/x.yaml:1:1: the file is empty")


def test_top_level_list():
    [message] = problems_of("- title: A\n")
    assert "the file holds a list, not fields" in message


def test_top_level_scalar():
    [message] = problems_of("just some words\n")
    assert "the file holds a single value, not fields" in message


def test_tab_indentation_gets_a_hint():
    [message] = problems_of("title: A\nsteps:\n\t- one\n")
    assert message.startswith("playbooks/x.yaml:3:1: malformed YAML")
    assert message.endswith("indent with spaces, not tabs")


def test_unquoted_colon_gets_a_hint():
    [message] = problems_of("title: Rule: no ads\n")
    assert message.startswith("playbooks/x.yaml:1:12: malformed YAML: mapping values are not allowed")
    assert "must be put in quotes" in message


def test_bad_utf8_is_located(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes("title: ok\nsummary: caf".encode() + b"\xe9\n")
    with pytest.raises(ContentError) as caught:
        read_document(path, "playbooks/x.yaml")
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (2, 13)
    assert str(problem) == "playbooks/x.yaml:2:13: byte 0xe9 is not valid UTF-8; save the file with UTF-8 encoding"


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: ok\n")
    assert read_document(path, "x.yaml").data == {"title": "ok"}


def test_format_path():
    assert format_path(("checklists", 0, "items", 3, "id")) == "checklists[0].items[3].id"
    assert format_path(()) == ""


def test_a_time_written_without_quotes_stays_a_time():
    # YAML 1.1 reads 20:30 as 1230, a number in base 60; nobody writing a ritual means that
    assert parse_document("time: 20:30\nother: 08:05\ncount: 12\n", "x.yaml").data == {
        "time": "20:30", "other": "08:05", "count": 12}
    assert parse_document("time: 20:30\n", "x.yaml", marks=False).data == {"time": "20:30"}


def test_reading_without_marks_gives_the_same_data():
    from ..conftest import ROOT

    for path in sorted((ROOT / "playbooks").rglob("*.yaml"))[:12]:
        text = path.read_text(encoding="utf-8")
        assert parse_document(text, path.name, marks=False).data == parse_document(text, path.name).data


def test_a_control_character_after_chinese_text_is_located_by_characters():
    """libyaml reports the offset in bytes; an editor counts characters."""
    with pytest.raises(ContentError) as caught:
        decode_document("title: 中文中文中文中文中文\nnote: x\x07y\n".encode(), "f.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (2, 8)
    assert str(problem).startswith("f.yaml:2:8: the character U+0007 is not allowed in YAML")
