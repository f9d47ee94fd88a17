"""One place for what every Chromium user here needs: finding the browser, its launch
flags, and serving a built site on loopback (export_pdf, benchmark_exam, the tests)."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
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
            "(or run `bash tools/install_system_deps.sh`), or set CHROMIUM=/path/to/chrome"
        )
    return path


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port unless given); yields the base URL without a trailing slash."""
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
