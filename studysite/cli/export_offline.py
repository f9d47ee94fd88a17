"""Build a copy of the site that works from file:// and zip it.

    python -m studysite export-offline [--out site/downloads/saa-c03-offline-site.zip]

Material's offline plugin (OFFLINE=true) switches to .html URLs and inlines the
search index; its iframe-worker helper is served from docs/assets/vendor, so the
copy fetches nothing from any other host. The zip is written next to its final
path and renamed into place, so a failed run leaves no partial file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from studysite.cli.site_build import build_site
from studysite.paths import ROOT

DEFAULT_OUT = ROOT / "site" / "downloads" / "saa-c03-offline-site.zip"
FOLDER = "saa-c03-study-site"  # the folder the zip unpacks to


def build(dest: Path) -> None:
    # The copy links no downloads: it is one, and holds neither the PDF nor itself.
    build_site(dest, OFFLINE="true", DOWNLOADS="false")


def zip_dir(src: Path, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(src.rglob("*")):
            if path.is_file():
                zf.write(path, f"{FOLDER}/{path.relative_to(src).as_posix()}")
    partial.replace(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="saa-offline-") as tmp:
            site = Path(tmp) / FOLDER
            build(site)
            zip_dir(site, args.out)
    except (RuntimeError, OSError) as exc:
        print(f"export_offline: error: {exc}", file=sys.stderr)
        return 1
    size = args.out.stat().st_size
    print(
        f"export_offline: wrote {args.out} ({size / 1_048_576:.1f} MB) in {time.perf_counter() - start:.1f} s; unzip it and open {FOLDER}/index.html"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
