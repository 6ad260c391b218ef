"""The ``playbooks`` command: validate content, export the site as Markdown, and more."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from datetime import date
from pathlib import Path

from ..characters import neutralised
from ..content.freshness import REVIEW_MONTHS, stale_entries, unchecked_facts
from ..content.kinds import KIND_NAMES, KINDS
from ..content.loader import Loader
from ..content.model import LANGUAGES
from ..errors import ContentError, Problem, did_you_mean, fatal, quoted
from ..render.checklists import Situation, checklist_text
from .export import export_site
from .github import code_span
from .scaffold import new_entry
from .site_build import BuildError, build_site


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
    export.add_argument("--lang", default="en", choices=LANGUAGES, help="language of the pages (default: en)")

    build = commands.add_parser("build", help="build both languages at once into one site folder, swapped in whole")
    build.add_argument("--out", type=Path, default=Path("site"), help="the site folder (default: site)")
    build.add_argument("--pdf", action="store_true", help="print every launch kit to PDF with Chromium")
    build.add_argument("--sequential", action="store_true", help="one language after the other (to compare)")

    serve = commands.add_parser("serve", help="serve both languages at one address, rebuilt on every save")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000",
                       help="host:port to serve at (default 127.0.0.1:8000; a port alone serves on 127.0.0.1)")
    serve.add_argument("--public", action="store_true",
                       help="allow a host other than this machine's loopback, such as 0.0.0.0 to try the site on a "
                            "phone: anyone on the network can then read the preview")
    serve.add_argument("--dirty", action="store_true", help="write only the pages whose content changed (faster)")

    new = commands.add_parser("new", help="start a new entry from its commented template")
    new.add_argument("kind", help=", ".join(KIND_NAMES[:-1]) + " or " + KIND_NAMES[-1])
    new.add_argument("id", help="the new entry's id, which is also its file name, e.g. book-club")

    stale = commands.add_parser("stale", help="list entries and platform facts whose last review or check is older "
                                               "than the limit")
    stale.add_argument("--months", type=int, default=REVIEW_MONTHS, help=f"limit in months (default {REVIEW_MONTHS})")
    stale.add_argument("--today", type=date.fromisoformat, default=date.today(), help="reference day, YYYY-MM-DD")
    stale.add_argument("--format", choices=("text", "markdown"), default="text",
                       help="markdown: an issue body for GitHub, every value from the content in a code span")

    checklist = commands.add_parser("checklist", help="print a playbook's launch checklist, or one tailored to a group")
    checklist.add_argument("playbook", help="the playbook's id, e.g. reading-circle")
    checklist.add_argument("--platform", help="only items for this platform, e.g. wechat")
    checklist.add_argument("--size", type=int, help="only items for a group of this many members")
    checklist.add_argument("--stage", help="only items for this stage: founder-led, shared or self-governing")
    checklist.add_argument("--age", choices=("new", "young", "running"),
                           help="new: the launch plan; young: launched in the last month; running: routines, the "
                                "health check and (with --stage) what moves the group on")
    checklist.add_argument("--add", action="append", default=[], metavar="PITFALL",
                           help="add a pitfall's remedy to the checklist, e.g. --add dead-group (repeatable)")
    checklist.add_argument("--lang", default="en", choices=LANGUAGES, help="language (default: en)")
    checklist.add_argument("--format", choices=("text", "markdown"), default="text",
                           help="text for a terminal, markdown for chats and files (default: text)")

    proposal = commands.add_parser("proposal", help="read a proposal issue (the site's Propose page) and write what the "
                                                     "workflow posts: a pull request's file and text, or a comment")
    proposal.add_argument("--event", type=Path, required=True,
                          help="the JSON file of a GitHub issues event ($GITHUB_EVENT_PATH)")
    proposal.add_argument("--out", type=Path, required=True, help="folder for what the workflow posts")

    review = commands.add_parser("review", help="a pull request's content as a reviewer reads it (Markdown for the "
                                                 "job summary): each changed entry, its problems and texts, the pages "
                                                 "that change")
    review.add_argument("--base", type=Path, required=True, help="a checkout of the branch the change is merged into")

    args = parser.parse_args(argv)
    handlers = {"proposal": _proposal, "review": _review, "validate": _validate, "export": _export, "new": _new, "stale": _stale, "checklist": _checklist,
                "build": _build, "serve": _serve}
    try:
        return handlers[args.command](args)
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1


def _build(args: argparse.Namespace) -> int:
    out = args.out if args.out.is_absolute() else args.root / args.out
    try:
        built = build_site(args.root, out, pdf=args.pdf, parallel=not args.sequential)
    except BuildError as err:
        print(f"{err}\n\nThe build failed; {quoted(args.out, None)}/ still holds the last good site.", file=sys.stderr)
        return 1
    print(f"Built {' and '.join(built.languages)} into {quoted(args.out, None)}/ in {built.seconds:.1f} s.")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .live_preview import serve

    try:
        host, port = serving_address(args.dev_addr, public=args.public)
    except ValueError as err:
        print(f"--dev-addr {quoted(args.dev_addr, None)}: {err}", file=sys.stderr)
        return 2
    serve(args.root, host, port, dirty=args.dirty)
    return 0


def serving_address(address: str, *, public: bool = False) -> tuple[str, int]:
    """(host, port) of ``--dev-addr``: no host means this machine only, and a host others can
    reach must be asked for with ``--public``."""
    host, colon, port = address.rpartition(":")
    if not colon or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError("write host:port or :port, e.g. 127.0.0.1:8000")
    host = host.removeprefix("[").removesuffix("]") or "127.0.0.1"
    if not public and not _is_loopback(host):
        raise ValueError(f"{quoted(host)} can be reached from other machines; serve on 127.0.0.1, or add --public "
                         "if everyone on this network may read the preview")
    return host, int(port)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _export(args: argparse.Namespace) -> int:
    written = export_site(args.root, args.out, args.lang)
    print(f"Wrote {len(written)} files to {args.out}; build them with any of: mkdocs build -f "
          f"{args.out / 'mkdocs.yml'}, properdocs build -f {args.out / 'mkdocs.yml'}, or zensical build inside "
          f"{args.out} (the theme's own search comes with each)")
    return 0


def _new(args: argparse.Namespace) -> int:
    path = new_entry(args.root, args.kind, args.id)
    shown = path.relative_to(args.root.resolve()) if path.is_relative_to(args.root.resolve()) else path
    print(f"Created {shown}: fill in every \"\" and run `make validate`; `make serve` shows the page.")
    return 0


def _stale(args: argparse.Namespace) -> int:
    library = Loader(args.root).load()
    entries = stale_entries(library.all_entries(), args.today, args.months)
    facts = unchecked_facts(library.platforms.values(), args.today, args.months)
    # a value from the content: as it is in a terminal (neutralised), in a code span on GitHub
    value = code_span if args.format == "markdown" else neutralised
    lines = []
    if args.format == "markdown" and (entries or facts):
        lines += ["Entries and platform facts whose last review or check is older than "
                  f"{args.months} months on {args.today.isoformat()}. Check each against its source, "
                  "then update its `reviewed:` or `checked:` date in a pull request.", ""]
    lines += [f"- {value(entry.file)}: last reviewed {entry.reviewed}" for entry in entries]
    lines += [f"- {value(platform.file)}: fact {value(fact.id)} last checked {fact.checked} against "
              f"{value(fact.source.url or '')}" for platform, fact in facts]
    if lines and args.format == "markdown":
        lines.append("")
    lines.append(f"{len(entries)} of {sum(1 for _ in library.all_entries())} entries were last reviewed more than "
                 f"{args.months} months before {args.today.isoformat()}.")
    total = sum(len(platform.facts) for platform in library.platforms.values())
    if total:
        lines.append(f"{len(facts)} of {total} platform facts were last checked more than {args.months} months "
                     f"before {args.today.isoformat()}.")
    print("\n".join(lines))
    return 0


def _checklist(args: argparse.Namespace) -> int:
    library = Loader(args.root).load()
    problems = []
    if args.playbook not in library.playbooks:
        problems.append(Problem("playbook", message=f"unknown playbook '{args.playbook}'",
                                hint=did_you_mean(args.playbook, library.playbooks)
                                or f"use one of: {', '.join(sorted(library.playbooks))}"))
    platforms = library.vocabularies.get("platform", {})
    if args.platform and args.platform not in platforms:
        problems.append(Problem("--platform", message=f"unknown platform '{args.platform}'",
                                hint=did_you_mean(args.platform, platforms) or f"use one of: {', '.join(platforms)}"))
    if args.stage and args.stage not in library.stages:
        problems.append(Problem("--stage", message=f"unknown stage '{args.stage}'",
                                hint=did_you_mean(args.stage, library.stages)
                                or f"use one of: {', '.join(sorted(library.stages))}"))
    for pitfall in args.add:
        if pitfall not in library.pitfalls:
            problems.append(Problem("--add", message=f"unknown pitfall '{quoted(pitfall)}'",
                                    hint=did_you_mean(pitfall, library.pitfalls)
                                    or f"use one of: {', '.join(sorted(library.pitfalls))}"))
    if args.size is not None and args.size < 2:
        problems.append(Problem("--size", message="a group has at least 2 members"))
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 2
    situation = Situation(args.platform, args.size, args.stage, args.age, tuple(args.add))
    # a terminal runs what it is sent: no character of the content may reach it as a control
    sys.stdout.write(neutralised(checklist_text(library, library.playbooks[args.playbook], args.lang, situation,
                                                args.format)))
    return 0


def _proposal(args: argparse.Namespace) -> int:
    from .proposals import handle, issue_of_event

    outcome = handle(args.root.resolve(), issue_of_event(args.event), args.out)
    print((args.out / ("pull-request.md" if outcome == "pull-request" else "comment.md")).read_text(encoding="utf-8"))
    print(f"Outcome: {outcome}")
    return 0


def _review(args: argparse.Namespace) -> int:
    from .review import review

    sys.stdout.write(review(args.root.resolve(), args.base.resolve()))
    return 0


def _validate(args: argparse.Namespace) -> int:
    loader = Loader(args.root)
    library, problems = loader.check()
    if args.files:
        wanted = set()
        for name in args.files:
            # the folder resolved, the name kept: a link named here is checked as the link it is
            path = name.absolute().parent.resolve() / name.name
            refusal = ("does not exist" if not path.is_symlink() and not path.exists()
                       else f"is not under {loader.content_dir}/" if not path.is_relative_to(loader.content)
                       else "is a folder: name the files in it, or leave out names to check everything"
                       if path.is_dir() and not path.is_symlink() else "")
            if refusal:
                print(f"{quoted(name, None)}: {refusal}", file=sys.stderr)
                return 2
            wanted.add(path.relative_to(loader.root).as_posix())
        problems = [p for p in problems if p.file in wanted]
    # in the order of files and lines (ContentError sorts them)
    errors, todo = ContentError(fatal(problems)).problems, ContentError(p for p in problems if not p.fatal).problems
    if args.format == "github":
        for problem in errors + todo:
            print(problem.github_annotation())
    if todo:  # left to do, not wrong: listed apart, and they do not fail the check
        files = len({p.file for p in todo})
        print(f"Translations to do (not errors: such an entry is published with a notice):\n"
              + "\n".join(str(p) for p in todo)
              + f"\n{len(todo)} text{'s' if len(todo) != 1 else ''} to translate in {files} "
              f"file{'s' if files != 1 else ''} marked needs_translation.\n", file=sys.stderr if errors else sys.stdout)
    if errors:
        print(ContentError(errors).report(), file=sys.stderr)
        return 1
    if args.files:
        print(f"No problems in the {len(args.files)} file{'s' if len(args.files) != 1 else ''} checked.")
        return 0
    counts = ", ".join(f"{len(library.section(kind.section))} {kind.section}" for kind in KINDS)
    print(f"All entries are valid: {counts}.")
    return 0
