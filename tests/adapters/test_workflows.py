"""Every workflow job that builds the site works from its own steps on a fresh runner.

The jobs run as tests/workflows.py runs them: their `run:` steps, in order, in a fresh copy of
the repository. The deploy job runs once for the whole test run (the ``deployed`` fixture):
the site it uploads is the one every site test reads.
"""

from __future__ import annotations

import pytest
from community_playbooks.content.loader import load_library

from ..workflows import JobFailed, JobRun, run_job

pytestmark = pytest.mark.build


def check_upload(run: JobRun, workflow: str, pdf: bool) -> None:
    """Both languages and their search index, and a launch kit PDF per playbook per language
    exactly when the job prints them."""
    site = run.site
    assert site is not None, f"{workflow} built no site ({run.uploaded})"
    library = load_library(run.checkout)
    for prefix in ("", "zh/"):
        assert (site / prefix / "index.html").exists() and (site / prefix / "pagefind" / "pagefind.js").exists()
        for playbook in library.playbooks:
            kit = site / prefix / "playbooks" / playbook / "launch-kit.pdf"
            assert kit.exists() == pdf and (not pdf or kit.read_bytes().startswith(b"%PDF")), kit
    assert '<html lang="zh"' in (site / "zh" / "index.html").read_text(encoding="utf-8")


def test_the_deploy_job_publishes_both_languages_with_their_launch_kits(deployed):
    assert deployed.uploaded == (deployed.checkout / "site",)
    check_upload(deployed, "deploy.yml", pdf=True)


@pytest.mark.parametrize("workflow, name, pdf", [("pull-request.yml", "check", True), ("weekly.yml", "links", False)],
                         ids=["pull-request.yml:check", "weekly.yml:links"])
def test_a_building_job_works_from_its_own_steps(workflow, name, pdf, tmp_path):
    try:
        run = run_job(workflow, name, tmp_path)
    except JobFailed as err:
        pytest.fail(str(err))
    check_upload(run, workflow, pdf)
    if workflow == "pull-request.yml":  # the review, against the branch it is merged into (here: the same files)
        summary = run.summary.read_text(encoding="utf-8")
        assert summary.startswith("# The content of this pull request\n") and "No file under `playbooks/` changes." in summary
