"""The two validators of the same schemas agree: the fast one never lets through what the other rejects."""

from __future__ import annotations

import copy
from typing import Any, Iterator

import pytest

from community_playbooks.content.loader import Loader
from community_playbooks.content.validation import load_schemas
from community_playbooks.content.yaml_reader import read_document

from ..conftest import ROOT


@pytest.fixture(scope="module")
def schemas():
    return load_schemas()


def mutations(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Copies of ``data`` with one thing broken: a field removed, a value of the wrong type or form."""
    if isinstance(data, dict):
        for key in data:
            broken = copy.deepcopy(data)
            del broken[key]
            yield path + (key, "removed"), broken
            for sub_path, sub in mutations(data[key], path + (key,)):
                changed = copy.deepcopy(data)
                changed[key] = sub
                yield sub_path, changed
        extra = copy.deepcopy(data)
        extra["unknwon"] = "x"
        yield path + ("unknown field",), extra
    elif isinstance(data, list) and data:
        changed = copy.deepcopy(data)
        changed[0] = 12345
        yield path + (0, "number"), changed
    elif isinstance(data, str):
        yield path + ("empty",), ""
        yield path + ("not-a-date",), "2026-02-30"


@pytest.mark.parametrize("stem", ["reading-circle", "dead-group", "guest-ama", "shared"])
def test_fast_and_explaining_validators_agree(schemas, stem):
    kind, path = next((k.name, p) for k, p in Loader(ROOT).entry_files() if p.stem == stem)
    data = read_document(path, path.name).data
    assert schemas.checkers[kind].is_valid(data) and not list(schemas.validators[kind].iter_errors(data))
    checked = 0
    for where, broken in mutations(data):
        fast = schemas.checkers[kind].is_valid(broken)
        slow = not list(schemas.validators[kind].iter_errors(broken))
        assert fast == slow, where
        checked += 1
    assert checked >= 30  # every field of the entry, broken one at a time
