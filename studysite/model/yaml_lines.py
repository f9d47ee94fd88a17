"""Load YAML and remember the line of every key, so errors can point at it."""

from __future__ import annotations

from typing import Any

import yaml

from studysite.model.errors import NotesError

Path_ = tuple  # ("questions", 3, "options", 1, "why")
# libyaml when PyYAML has it: the bank is ~50 files, and the pure-Python parser dominated build time.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str, source: str) -> tuple[Any, dict[Path_, int]]:
    """(data, {path: 1-based line}) or NotesError with a newcomer-friendly hint."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        # Build the data from the same node tree rather than parsing twice.
        data = _Loader("").construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or "invalid YAML").strip()
        raise NotesError(source, line, f"this is not valid YAML ({problem})", _yaml_hint(problem)) from None
    except yaml.YAMLError as exc:
        raise NotesError(source, None, f"this is not valid YAML ({exc})", "check the indentation and quoting") from None
    lines: dict[Path_, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return data, lines


def line_of(lines: dict[Path_, int], path: Path_) -> int | None:
    """Line of the deepest known prefix of path."""
    for end in range(len(path), -1, -1):
        if tuple(path[:end]) in lines:
            return lines[tuple(path[:end])]
    return None


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            _walk(value, child, lines)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines)


def _yaml_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return (
            "a value contains ': ' (colon and space); put the text in quotes, e.g. why: \"Note: this is allowed\", or use a block: why: |"
        )
    if "expected <block end>" in problem or "did not find expected" in problem:
        return (
            "check the indentation: the keys of one entry line up under each other, and list items start "
            "with `- ` indented under their key, e.g. in a quiz `    options:` then `      - text: Suspend versioning.` "
            "then `        why: ...`"
        )
    if "tab" in problem:
        return "replace the tab characters with spaces (YAML does not allow tabs for indentation)"
    return "check the indentation and quoting around this line"
