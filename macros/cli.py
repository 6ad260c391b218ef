"""The ``playbooks`` command: validate content, export the site as Markdown, and more."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .errors import ContentError
from .export import export_site
from .freshness import REVIEW_MONTHS, stale_entries
from .library import check_library, load_library
from .lint import lint
from .scaffold import new_entry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="playbooks", description="Community Playbooks content tools.")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every entry (schema, references, content lint); exit 1 on any problem")
    validate.add_argument("files", nargs="*", type=Path,
                          help="report only the problems of these files (all files are still read, to check references)")
    validate.add_argument("--format", choices=("text", "github"), default="text",
                          help="github: also print ::error annotations for GitHub Actions")

    export = commands.add_parser("export", help="write the site as plain Markdown plus an mkdocs.yml without macros")
    export.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    export.add_argument("--lang", default="en", help="language of the pages (default: en)")

    new = commands.add_parser("new", help="start a new entry from its commented template")
    new.add_argument("kind", help="playbook, pitfall, ritual or stage")
    new.add_argument("id", help="the new entry's id, which is also its file name, e.g. book-club")

    stale = commands.add_parser("stale", help="list entries whose last review is older than the limit")
    stale.add_argument("--months", type=int, default=REVIEW_MONTHS, help=f"limit in months (default {REVIEW_MONTHS})")
    stale.add_argument("--today", type=date.fromisoformat, default=date.today(), help="reference day, YYYY-MM-DD")

    args = parser.parse_args(argv)
    handlers = {"validate": _validate, "export": _export, "new": _new, "stale": _stale}
    try:
        return handlers[args.command](args)
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1


def _export(args: argparse.Namespace) -> int:
    written = export_site(args.root, args.out, args.lang)
    print(f"Wrote {len(written)} files to {args.out}; build them with: mkdocs build -f {args.out / 'mkdocs.yml'}")
    return 0


def _new(args: argparse.Namespace) -> int:
    path = new_entry(args.root, args.kind, args.id)
    shown = path.relative_to(args.root.resolve()) if path.is_relative_to(args.root.resolve()) else path
    print(f"Created {shown}: fill in every \"\" and run `make validate`; `make serve` shows the page.")
    return 0


def _stale(args: argparse.Namespace) -> int:
    library = load_library(args.root)
    entries = stale_entries(library.all_entries(), args.today, args.months)
    for entry in entries:
        print(f"- {entry.file}: last reviewed {entry.reviewed}")
    print(f"{len(entries)} of {sum(1 for _ in library.all_entries())} entries were last reviewed more than "
          f"{args.months} months before {args.today.isoformat()}.")
    return 0


def _validate(args: argparse.Namespace) -> int:
    library, problems = check_library(args.root)
    problems += lint(library, complete=not problems)
    if args.files:
        root = args.root.resolve()
        wanted = {(f if f.is_absolute() else Path.cwd() / f).resolve().relative_to(root).as_posix()
                  for f in args.files if (f if f.is_absolute() else Path.cwd() / f).resolve().is_relative_to(root)}
        problems = [p for p in problems if p.file in wanted]
    if problems:
        err = ContentError(problems)
        if args.format == "github":
            for problem in err.problems:
                print(problem.github_annotation())
        print(err.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(library.section(s))} {s}" for s in ("playbooks", "pitfalls", "rituals", "stages"))
    print(f"All entries are valid: {counts}.")
    return 0
