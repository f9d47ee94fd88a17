"""Where the project's files are: this package sits at the repository root, beside docs/ and data/."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
