"""`pip install .` (not editable) gives a working engine: plugin, schemas and templates inside
the installed package, nothing read from the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from ..conftest import FIXTURE, ROOT

pytestmark = pytest.mark.build

SOURCE = ("macros", "pyproject.toml", "README.md", "LICENSE", "LICENSE-CONTENT")
PROJECT = ("mkdocs.yml", "mkdocs.zh.yml", "CONTRIBUTING.md", "CONTRIBUTING.zh.md", "docs", "overrides")


def copy(names, source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        (shutil.copytree if (source / name).is_dir() else shutil.copy)(source / name, target / name)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A new virtual environment with the package installed from a copy of its source.

    Its dependencies come from this test run's environment (a path line in a .pth file, so
    that environment's own .pth files, the editable install among them, are not run): the
    engine itself can only come from the new install.
    """
    work = tmp_path_factory.mktemp("install")
    copy(SOURCE, ROOT, work / "source")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    result = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check",
                             str(work / "source")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.rmtree(work / "source")  # nothing may be read from it afterwards
    return python


def test_the_installed_package_is_the_one_imported(installed, tmp_path):
    where = subprocess.run([str(installed), "-c", "import community_playbooks.adapters.mkdocs_plugin as m; "
                            "from community_playbooks.content.validation import SCHEMA_DIR; "
                            "print(m.__file__); print(SCHEMA_DIR)"],
                           capture_output=True, text=True, cwd=tmp_path, check=True).stdout.split()
    venv = installed.parent.parent
    assert all(Path(path).is_relative_to(venv) for path in where), where
    assert (Path(where[1]) / "playbook.schema.json").is_file()


def test_an_installed_engine_builds_a_copy_of_the_content(installed, tmp_path):
    project = tmp_path / "project"
    copy(PROJECT, ROOT, project)
    shutil.copytree(FIXTURE / "playbooks", project / "playbooks")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CP_PDF": "false"}
    for config, site in (("mkdocs.yml", "site"), ("mkdocs.zh.yml", "site/zh")):
        result = subprocess.run([str(installed), "-m", "mkdocs", "build", "--strict", "-f", config, "-d", site],
                                capture_output=True, text=True, cwd=project, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
    page = (project / "site" / "playbooks" / "tiny-club" / "index.html").read_text(encoding="utf-8")
    assert "Tiny club" in page and 'id="tiny-club--write-mission"' in page
    assert "小小俱乐部" in (project / "site" / "zh" / "playbooks" / "tiny-club" / "index.html").read_text(encoding="utf-8")
    assert (project / "site" / "reference" / "playbook" / "index.html").exists()  # from the packaged schemas
    new = subprocess.run([str(installed), "-m", "community_playbooks", "--root", str(project), "new", "ritual",
                          "tea-break"], capture_output=True, text=True)
    assert new.returncode == 0, new.stderr  # the packaged entry templates
