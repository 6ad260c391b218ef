"""The kinds of entry, in the order the site lists them: the one place that names them.

A kind's ``section`` names both the folder of its pages on the site and the folder of its
YAML files inside the content folder (playbooks sit at the top of the content folder).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator


@dataclass(frozen=True)
class Kind:
    name: str  # "pitfall"
    section: str  # "pitfalls"
    subfolder: str  # where its files are, inside the content folder ("" for the top)

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"

    def folder(self, content_dir: str) -> str:
        """The folder of its files, relative to the project: ``playbooks/pitfalls``."""
        return f"{content_dir}/{self.subfolder}" if self.subfolder else content_dir


KINDS: tuple[Kind, ...] = (
    Kind("playbook", "playbooks", ""),
    Kind("pitfall", "pitfalls", "pitfalls"),
    Kind("ritual", "rituals", "rituals"),
    Kind("stage", "stages", "stages"),
    Kind("guide", "guides", "guides"),
    Kind("platform", "platforms", "platforms"),
)
KIND_NAMES = tuple(kind.name for kind in KINDS)
BY_NAME = {kind.name: kind for kind in KINDS}
BY_SECTION = {kind.section: kind for kind in KINDS}
SECTIONS = {kind.name: kind.section for kind in KINDS}
# The content folder of a project, unless its config says otherwise.
CONTENT_DIR = "playbooks"


def kind_of_folder(content_dir: str, folder: str) -> Kind | None:
    """The kind whose files live in ``folder`` (relative to the project), if any."""
    return next((kind for kind in KINDS if kind.folder(content_dir) == folder), None)


def folders(content_dir: str) -> Iterator[tuple[Kind, str]]:
    for kind in KINDS:
        yield kind, kind.folder(content_dir)
