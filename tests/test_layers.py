"""The package is laid out as the flow: each layer imports only the layers before it, the
content and render layers run without MkDocs, and no module shadows the standard library."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from .conftest import FIXTURE, ROOT

PACKAGE = ROOT / "macros" / "community_playbooks"
# a layer may import itself and the layers listed for it, and nothing later in the flow
MAY_IMPORT = {
    "content": {"content", "errors", "characters"},
    "render": {"render", "content", "errors", "characters"},
    "adapters": {"adapters", "render", "content", "errors", "characters"},
}


def package_imports(path: Path) -> set[str]:
    """The first part below ``community_playbooks`` of every module that ``path`` imports from it."""
    module = path.relative_to(PACKAGE.parent).with_suffix("").parts
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = module[:len(module) - node.level]
                target = (*base, *(node.module or "").split(".")) if node.module else base
                names = [target] if node.module else [(*base, alias.name) for alias in node.names]
            else:
                names = [tuple((node.module or "").split("."))]
        elif isinstance(node, ast.Import):
            names = [tuple(alias.name.split(".")) for alias in node.names]
        else:
            continue
        found |= {name[1] for name in names if len(name) > 1 and name[0] == "community_playbooks"}
    return found


def test_no_layer_reaches_back_up():
    checked = 0
    for layer, allowed in MAY_IMPORT.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            reached = package_imports(path) - allowed
            assert not reached, f"{path.relative_to(ROOT)} imports {sorted(reached)}"
            checked += 1
    assert checked > 30


# the import names of the libraries the engine works with: a module of ours by one of these
# names reads as that library (and, first on sys.path, can hide it)
LIBRARIES = {"markdown", "yaml", "jinja2", "markupsafe", "jsonschema", "mkdocs", "material", "jieba", "dateutil"}


def test_no_module_shadows_the_standard_library_or_a_dependency():
    for path in PACKAGE.rglob("*.py"):
        assert path.stem not in sys.stdlib_module_names | LIBRARIES, path.relative_to(ROOT)


BLOCKED = """
import importlib.abc, sys

class Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("mkdocs", "material", "mkdocs_macros"):
            raise ImportError(f"{name} is blocked in this test")
        return None

sys.meta_path.insert(0, Blocked())
from pathlib import Path
from community_playbooks.content.loader import Loader
from community_playbooks.render.context import Site
from community_playbooks.render.manifest import site_files

for root in sys.argv[1:]:
    library = Loader(Path(root)).load()
    for lang in ("en", "zh"):
        files = site_files(Site(library, lang))
        assert any(f.uri.endswith(".md") for f in files)
        print(root, lang, len(files))
assert not [m for m in sys.modules if m.split(".")[0] in ("mkdocs", "material", "mkdocs_macros")]
"""


def test_content_and_render_run_without_mkdocs():
    result = subprocess.run([sys.executable, "-c", BLOCKED, str(FIXTURE), str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    counts = [int(line.split()[-1]) for line in result.stdout.splitlines()]
    assert len(counts) == 4 and all(n > 20 for n in counts), result.stdout


def test_the_architecture_names_every_module_and_only_those():
    """ARCHITECTURE.md is the map of the package: a module added, moved or removed shows here."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    table = text.split("## The modules", 1)[1].split("\n## ", 1)[0]
    named = set()
    for cell in re.findall(r"^\| `([\w/*]+)` \|(.*)\|$", table, re.M):
        name, job = cell
        if name == "render/pages/*":
            named |= {f"render/pages/{page}" for page in re.findall(r"`(\w+)`", job)}
        else:
            named.add(name)
    modules = {path.relative_to(PACKAGE).with_suffix("").as_posix() for path in PACKAGE.rglob("*.py")
               if path.stem not in ("__init__", "__main__") and path.parent != PACKAGE}
    assert modules - named == set(), "add to ARCHITECTURE.md"
    assert named - modules == set(), "gone, still in ARCHITECTURE.md"
    for shared in ("errors", "characters"):
        assert (PACKAGE / f"{shared}.py").exists() and f"`{shared}`" in text
