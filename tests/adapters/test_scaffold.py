"""`playbooks new`: a commented template that validates as soon as its blanks are filled."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date

import pytest

from community_playbooks.content.kinds import KIND_NAMES
from community_playbooks.errors import ContentError
from community_playbooks.content.loader import Loader, load_library
from community_playbooks.content.validation import SCHEMA_DIR, load_schemas
from community_playbooks.adapters.scaffold import new_entry

from ..conftest import ROOT


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(ROOT / "playbooks", root / "playbooks")
    return root


def fill_blanks(path):
    text = path.read_text(encoding="utf-8")
    assert '""' in text, "a template leaves blanks to fill"
    text = text.replace('url: ""', 'url: "https://example.org/help/a-page"')
    path.write_text(text.replace('""', '"Filled in by the test, as a contributor would."'), encoding="utf-8")


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_a_filled_template_validates(project, kind):
    entry_id = "brand-new"
    if kind == "platform":  # a platform file is named after a platform of the vocabulary that has none yet
        vocabulary = load_schemas().documents["common.schema.json"]["$defs"]["platform"]["enum"]
        entry_id = next(p for p in vocabulary if not (project / "playbooks/platforms" / f"{p}.yaml").exists())
    path = new_entry(project, kind, entry_id, today=date(2026, 11, 24))
    assert path.read_text(encoding="utf-8").splitlines()[0].startswith("# yaml-language-server: $schema=")
    with pytest.raises(ContentError) as caught:
        load_library(project)  # blanks are reported, with lines
    assert all(p.file.endswith(f"{entry_id}.yaml") and p.line for p in caught.value.problems)
    fill_blanks(path)
    library, problems = Loader(project).check()
    assert entry_id in library.entries(kind), problems  # it passed its schema and its references
    # what is left is the rule book asking for more (lengths, a playbook that uses it...), each with its line
    assert all(p.line for p in problems)
    assert not [p for p in problems if p.file.endswith(f"{entry_id}.yaml") and "unknown" in p.message]


def test_the_schema_line_points_at_the_real_schema(project):
    path = new_entry(project, "ritual", "new-one")
    relative = path.read_text(encoding="utf-8").splitlines()[0].split("$schema=")[1]
    # the same place in this repository: the schema the engine checks with
    in_repository = ROOT / path.parent.relative_to(project) / relative
    assert in_repository.resolve() == SCHEMA_DIR / "ritual.schema.json"


def test_an_existing_id_is_refused(project):
    with pytest.raises(ContentError, match="a pitfall with the id 'dead-group' already exists"):
        new_entry(project, "pitfall", "dead-group")


@pytest.mark.parametrize("bad", ["My_Group", "index", "-x", "a--b"])
def test_an_invalid_id_is_refused(project, bad):
    with pytest.raises(ContentError, match="is not a valid id"):
        new_entry(project, "playbook", bad)


def test_the_command_line(project):
    result = subprocess.run([sys.executable, "-m", "community_playbooks", "--root", str(project), "new", "playbook", "book-club"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "Created playbooks/book-club.yaml" in result.stdout
    again = subprocess.run([sys.executable, "-m", "community_playbooks", "--root", str(project), "new", "playbook", "book-club"],
                           capture_output=True, text=True)
    assert again.returncode == 1 and "already exists" in again.stderr and "Traceback" not in again.stderr
