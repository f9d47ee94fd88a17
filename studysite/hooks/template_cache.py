"""Cache compiled theme templates between builds.

MkDocs makes a new Jinja environment for every build (and every `mkdocs serve`
rebuild), so Material's ~70 templates would be compiled from source each time.
"""

from __future__ import annotations

from jinja2 import FileSystemBytecodeCache


def on_env(env, config, files):
    # No directory given: Jinja picks a private per-user folder under the temp dir.
    env.bytecode_cache = FileSystemBytecodeCache()
    return env
