"""A static file server for tests and benchmarks: files compressed with gzip when the browser
asks, as GitHub Pages serves them, so what a test measures is what a reader downloads."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".webmanifest"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as GitHub Pages does: text compressed with gzip when the browser asks for it,
    kept by the browser ten minutes, under the path of the site's address (``mount``, "/" by
    default); anything else is not found."""

    mount = "/"

    def log_message(self, *args) -> None:  # keep test output readable
        pass

    def end_headers(self) -> None:
        # GitHub Pages lets a browser keep every file ten minutes: a reader's second page
        # fetches its own HTML, not the theme's script and style again
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def translate_path(self, path: str) -> str:
        if not urlsplit(path).path.startswith(self.mount):
            return str(Path(self.directory) / ".not-found" / "x")  # outside the site: 404
        return super().translate_path("/" + path[len(self.mount):])

    def send_head(self):  # noqa: ANN201 - a file object, as the base class returns
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the folder's own address
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSED or not path.is_file():
            return super().send_head()
        body = _compressed(str(path), path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):  # a tab closed mid-answer
            super().handle_error(request, client_address)


@functools.lru_cache(maxsize=4096)
def _compressed(path: str, modified: int) -> bytes:
    """A file's gzip bytes, made once per version of the file (the theme's script and style
    come with every page)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6)


def serve(directory: Path, mount: str = "/"):
    """Serve ``directory`` at ``mount`` on a free loopback port; returns (base_url, server), the
    base URL without its final slash."""
    handler = functools.partial(type("Handler", (_QuietHandler,), {"mount": mount}), directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}{mount.rstrip('/')}", server
