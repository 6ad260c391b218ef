"""New entries from the commented templates in ``entry_templates/``."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ..content.kinds import BY_NAME, CONTENT_DIR, KIND_NAMES
from ..content.loader import ID_PATTERN, RESERVED_IDS
from ..content.validation import SCHEMA_SOURCE
from ..errors import ContentError, Problem, did_you_mean

TEMPLATES = Path(__file__).resolve().parent / "entry_templates"


def new_entry(root: Path, kind: str, entry_id: str, today: date | None = None, content_dir: str = CONTENT_DIR) -> Path:
    """Write ``<folder of kind>/<entry_id>.yaml`` from the kind's template; refuse a bad or taken id."""
    root = Path(root)
    if kind not in BY_NAME:
        raise ContentError([Problem(kind, message=f"unknown kind '{kind}'",
                                    hint=did_you_mean(kind, KIND_NAMES) or f"use one of: {', '.join(KIND_NAMES)}")])
    target = root / BY_NAME[kind].folder(content_dir) / f"{entry_id}.yaml"
    display = target.relative_to(root).as_posix()
    if not ID_PATTERN.fullmatch(entry_id) or entry_id in RESERVED_IDS:
        raise ContentError([Problem(display, message=f"'{entry_id}' is not a valid id",
                                    hint="use lowercase letters, digits and single hyphens, e.g. 'book-club', "
                                         "and not 'index'")])
    taken = [p for p in (target, target.with_suffix(".yml")) if p.exists()]
    if taken:
        raise ContentError([Problem(display, message=f"a {kind} with the id '{entry_id}' already exists",
                                    hint="edit that file, or choose another id")])
    # the editor's schema, as the repository holds it
    schema = os.path.relpath(root / SCHEMA_SOURCE / BY_NAME[kind].schema_file, target.parent).replace(os.sep, "/")
    text = (TEMPLATES / f"{kind}.yaml").read_text(encoding="utf-8")
    text = text.replace("{schema}", schema).replace("{today}", (today or date.today()).isoformat())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
