"""The bad-input corpus: every file in tests/bad_input/ must stop the build with a message
that names the file, the field, the line where there is one, and what to do."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from community_playbooks.errors import ContentError
from community_playbooks.content.loader import load_library

from ..conftest import FIXTURE

CORPUS = Path(__file__).parent / "bad_input"
CASES = sorted(CORPUS.glob("*.yaml"))


def header(text: str, name: str) -> str:
    match = re.search(rf"^# {name}: (.*)$", text, re.M)
    assert match, f"corpus file lacks '# {name}:'"
    return match.group(1)


def test_the_corpus_is_not_empty():
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_input_is_reported_precisely(case: Path, tmp_path: Path):
    text = case.read_text(encoding="utf-8")
    place, expect = header(text, "place"), header(text, "expect")
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    target = root / place
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")

    with pytest.raises(ContentError) as caught:
        load_library(root)

    mine = [p for p in caught.value.problems if p.file == place]
    assert mine, f"no problem names {place}: {caught.value.report()}"
    matching = [p for p in mine if expect in str(p)]
    assert matching, f"expected {expect!r} in:\n" + "\n".join(map(str, mine))
    problem = matching[0]
    assert str(problem).startswith(place), "the message starts with the file"
    if problem.field and "missing required field" not in problem.message:
        # the line named is the line where the field is written
        assert problem.line is not None
        written = target.read_text(encoding="utf-8").splitlines()[problem.line - 1]
        last_key = [part for part in re.split(r"[.\[\]]", problem.field) if part and not part.isdigit()][-1]
        assert last_key in written or problem.field.endswith("]"), (problem, written)
    # nothing else in the report is a traceback
    assert "Traceback" not in caught.value.report()
