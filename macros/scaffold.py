"""New entries from the commented templates in ``macros/templates/``."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from .errors import ContentError, Problem, did_you_mean
from .library import ID_PATTERN, RESERVED_IDS, SCHEMA_PATH
from .model import FOLDERS
from .schema import KINDS, schema_file

TEMPLATES = Path(__file__).resolve().parent / "templates"


def new_entry(root: Path, kind: str, entry_id: str, today: date | None = None) -> Path:
    """Write ``<folder of kind>/<entry_id>.yaml`` from the kind's template; refuse a bad or taken id."""
    root = Path(root)
    if kind not in KINDS:
        raise ContentError([Problem(kind, message=f"unknown kind '{kind}'",
                                    hint=did_you_mean(kind, KINDS) or f"use one of: {', '.join(KINDS)}")])
    target = root / FOLDERS[kind] / f"{entry_id}.yaml"
    display = target.relative_to(root).as_posix()
    if not ID_PATTERN.match(entry_id) or entry_id in RESERVED_IDS:
        raise ContentError([Problem(display, message=f"'{entry_id}' is not a valid id",
                                    hint="use lowercase letters, digits and single hyphens, e.g. 'book-club', "
                                         "and not 'index'")])
    taken = [p for p in (target, target.with_suffix(".yml")) if p.exists()]
    if taken:
        raise ContentError([Problem(display, message=f"a {kind} with the id '{entry_id}' already exists",
                                    hint="edit that file, or choose another id")])
    schema = os.path.relpath(SCHEMA_PATH / schema_file(kind), target.parent).replace(os.sep, "/")
    text = (TEMPLATES / f"{kind}.yaml").read_text(encoding="utf-8")
    text = text.replace("{schema}", schema).replace("{today}", (today or date.today()).isoformat())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
