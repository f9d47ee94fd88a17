"""One place for what every Chromium user here needs: finding the browser, its launch
flags, and serving a built site on loopback (export_pdf, the benchmarks, the tests)."""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Headless as root in a closed network: no sandbox, and none of Chromium's background calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class ChromiumMissing(Exception):
    pass


def find_chromium() -> str:
    """CHROMIUM if set (GitHub's runners point it at Google Chrome), else Debian's chromium on PATH."""
    if os.environ.get("CHROMIUM"):
        path = os.environ["CHROMIUM"]
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            raise ChromiumMissing(f"CHROMIUM={path} is not an executable file; point it at a Chromium or Chrome binary, or unset it")
        return path
    path = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not path:
        raise ChromiumMissing(
            "no Chromium found. Install Debian's package with `sudo apt-get install chromium` "
            "(or run `bash scripts/install_system_deps.sh`), or set CHROMIUM=/path/to/chrome"
        )
    return path


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# What GitHub Pages compresses: text, scripts, styles, JSON and SVG.
_COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class _Gzip(_Quiet):
    """Like GitHub Pages: gzip for text types when the client accepts it, and a 10-minute cache."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL with a slash
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.name.endswith(_COMPRESS) or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that closes a connection early (navigating away) is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, port: int = 0, compress: bool = False) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port unless given); yields the base URL without a trailing slash.
    compress=True serves as GitHub Pages does (gzip), for page benchmarks."""
    handler = _Gzip if compress else _Quiet
    server = _Server(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
