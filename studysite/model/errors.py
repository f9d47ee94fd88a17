"""One error type for contributor-facing failures: file, line, problem, fix."""

from __future__ import annotations


class NotesError(Exception):
    def __init__(self, path: str, line: int | None, problem: str, fix: str):
        self.path, self.line, self.problem, self.fix = str(path), line, problem, fix
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}. Fix: {fix}.")
