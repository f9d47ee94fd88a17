"""Serve Material's offline-search helper (iframe-worker) from the site itself.

The offline plugin adds it from a CDN; an offline build must fetch nothing,
so the copy vendored under docs/assets/vendor/iframe-worker/ (MIT) replaces it.
"""

from __future__ import annotations

VENDORED = "assets/vendor/iframe-worker/shim.js"


def on_config(config):
    polyfills = config.extra.get("polyfills")
    if polyfills:
        config.extra["polyfills"] = [VENDORED if "iframe-worker" in url and "://" in url else url for url in polyfills]
    return config


def on_files(files, config):
    """Online builds do not need the shim; leave it out unless a polyfill asks for it."""
    if VENDORED not in config.extra.get("polyfills", []):
        file = files.get_file_from_path(VENDORED)
        if file is not None:
            files.remove(file)
        for extra in ("assets/vendor/iframe-worker/LICENSE",):
            f = files.get_file_from_path(extra)
            if f is not None:
                files.remove(f)
    return files
