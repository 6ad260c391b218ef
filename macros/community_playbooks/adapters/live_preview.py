"""`make serve`: both languages at one address, rebuilt and reloaded on every save.

One server (MkDocs' own live-reload server) serves the English site at its root and the
Chinese site under ``zh/``, so the language switch works both ways, as on the published
site. Each language is built by a worker process of its own, both at once (two cores, two
builds), and each worker keeps its MkDocs plugins between rebuilds, so `--dirty` (`make
preview`) writes only the pages whose content changed. A save of any watched file (either
language's pages, any YAML entry, the configs, the theme) rebuilds both.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..content.languages import SITE_LANGUAGES
from ..content.validation import SCHEMA_DIR

log = logging.getLogger("mkdocs.playbooks.preview")


@dataclass(frozen=True)
class Served:
    """One language's site under preview."""

    config: Path  # its mkdocs.yml
    folder: str  # "" for the site root, "zh" for the Chinese site
    site_dir: Path


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000, *, dirty: bool = False) -> None:
    """Build both languages, serve them at ``host``:``port`` and rebuild on every change, until interrupted."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort
    from mkdocs.livereload import LiveReloadServer

    root = Path(root).resolve()
    work = Path(tempfile.mkdtemp(prefix="playbooks-preview-"))
    languages = [Served(root / language.config, language.folder, work / (language.folder or "site"))
                 for language in SITE_LANGUAGES]
    english = load_config(config_file=str(languages[0].config), site_dir=str(languages[0].site_dir))
    mount = urlsplit(english.site_url or "/").path
    shown_host = f"[{host}]" if ":" in host else host
    base_url = f"http://{shown_host}:{port}{mount if mount.endswith('/') else mount + '/'}"
    workers = [_Worker(language, base_url + (f"{language.folder}/" if language.folder else ""), dirty)
               for language in languages]

    def build_all() -> None:
        failures = build_together(workers)
        for language in languages[1:]:  # each other language is served from its folder under the root
            link = languages[0].site_dir / language.folder
            if not link.is_symlink():
                shutil.rmtree(link, ignore_errors=True)
                link.symlink_to(language.site_dir, target_is_directory=True)
        if failures:
            raise Abort("\n\n".join(failures))

    server = LiveReloadServer(builder=build_all, host=host, port=port, root=str(languages[0].site_dir),
                              mount_path=mount)
    server.error_handler = lambda code: _error_page(languages[0].site_dir, code)
    try:
        try:
            build_all()
        except Abort as err:
            print(err, file=sys.stderr)  # serve anyway: the next good save is shown
        for path in _watched(root, english):
            server.watch(str(path))
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        for worker in workers:
            worker.stop()
        shutil.rmtree(work, ignore_errors=True)


def build_together(workers: list[_Worker]) -> list[str]:
    """Build every language at once (each worker starts before any is waited for); what failed."""
    for worker in workers:
        worker.start()
    return [message for message in [worker.result() for worker in workers] if message]


def _watched(root: Path, english) -> list[Path]:  # noqa: ANN001 - an MkDocsConfig
    """Both languages' pages and configs, the theme, the content and the schemas, the
    contributing guides, and what the config itself asks to watch."""
    plugin = english.plugins.get("playbooks")
    content = root / (plugin.config.content if plugin else "playbooks")
    schemas = Path(plugin.config.schemas) if plugin and plugin.config.schemas else SCHEMA_DIR
    paths = {root / "docs", root / "overrides", content, schemas, *(root / language.config for language in SITE_LANGUAGES),
             *root.glob("CONTRIBUTING*.md"), *(Path(p) for p in english.watch)}
    return sorted(p for p in paths if p.exists())


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None


class _Worker:
    """A process that builds one language on request, keeping its plugins between builds."""

    def __init__(self, language: Served, url: str, dirty: bool):
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process = context.Process(target=_work, args=(child, language, url, dirty), daemon=True,
                                        name=f"build {language.folder or 'en'}")
        self._process.start()

    def start(self) -> None:
        """Start a build; ``result`` waits for it."""
        try:
            self._connection.send("build")
        except OSError:
            pass  # the process is gone: ``result`` says so

    def result(self) -> str | None:
        """None when the build worked, else what went wrong."""
        try:
            return self._connection.recv()
        except (EOFError, OSError):
            return "a build process ended unexpectedly; restart `make serve`"

    def stop(self) -> None:
        try:
            self._connection.send("stop")
        except OSError:
            pass
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.terminate()


def _work(connection, language: Served, url: str, dirty: bool) -> None:  # noqa: ANN001 - a Connection
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    name = language.folder or "en"
    logging.basicConfig(level=logging.INFO, format=f"%(levelname)-7s - [{name}] %(message)s", stream=sys.stderr)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    started = False
    while connection.recv() == "build":
        try:
            config = load_config(config_file=str(language.config), site_dir=str(language.site_dir))
            config.site_url = url
            if not started:  # plugins that have on_startup are kept between builds from here on
                config.plugins.on_startup(command="serve", dirty=dirty)
                started = True
            build(config, serve_url=url, dirty=dirty)
            connection.send(None)
        except (MkDocsException, SystemExit) as err:
            connection.send(f"[{name}] {err}")
        except Exception as err:  # noqa: BLE001 - reported, and the next save is tried again
            connection.send(f"[{name}] {type(err).__name__}: {err}")
    connection.close()
