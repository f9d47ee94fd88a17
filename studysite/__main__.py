"""`python -m studysite <command> [options]`: one entry point for the contributor commands."""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "import-notes": ("studysite.importer.import_notes", "rewrite the chapter pages in docs/ from data/seed/"),
    "check-quizzes": ("studysite.cli.check_quizzes", "check quizzes/*.yml and print each chapter's counts"),
    "check-data": ("studysite.cli.check_data", "check limits, corrections, calculators and the exam blueprint"),
    "diagrams": ("studysite.model.diagrams", "check, preview or list the diagrams (check|preview|manifest)"),
    "check-links": ("studysite.cli.check_links", "check every link and anchor of a built site"),
    "export-pdf": ("studysite.cli.export_pdf", "print the whole guide to site/pdf/"),
    "export-offline": ("studysite.cli.export_offline", "zip a copy of the site that works from file://"),
    "compare-builds": ("studysite.cli.compare_builds", "compare two builds' article HTML page by page (MkDocs vs Zensical)"),
    "make-forms": ("studysite.cli.make_forms", "write or check the fixed mock exams (data/exam_forms.yml)"),
    "export-anki": ("studysite.cli.export_anki", "build the Anki deck (site/downloads/saa-c03.apkg) from the bank, limits and corrections"),
    "coverage": ("studysite.cli.coverage", "write data/coverage/coverage.md, the bank by task statement, domain, chapter and service"),
}


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = [f"  {name:<{width}}  {text}" for name, (_, text) in COMMANDS.items()]
    return "usage: python -m studysite <command> [options]\n\ncommands:\n" + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help"):
        print(usage())
        return 0 if args else 2
    name, rest = args[0], args[1:]
    if name not in COMMANDS:
        print(f"unknown command '{name}'.\n\n{usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[name][0])
    sys.argv = [f"python -m studysite {name}", *rest]
    return module.main(rest)


if __name__ == "__main__":
    sys.exit(main())
