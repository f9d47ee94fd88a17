"""The Anki deck: a zip holding SQLite, one note per question, number and correction, with
fields, tags and GUIDs that stay the same from one build to the next."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from studysite.model.data_files import load_corrections, load_limits
from studysite.model.quiz_bank import load_bank


def notes_of(apkg: Path, tmp: Path) -> list[tuple]:
    with zipfile.ZipFile(apkg) as zf:
        zf.extract("collection.anki2", tmp)
    db = sqlite3.connect(tmp / "collection.anki2")
    try:
        return db.execute("select guid, flds, tags from notes order by guid").fetchall()
    finally:
        db.close()


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    out = []
    for n in (1, 2):
        tmp = tmp_path_factory.mktemp(f"deck{n}")
        run = subprocess.run(
            [sys.executable, "-m", "studysite", "export-anki", "--out", str(tmp / "d.apkg")], cwd=ROOT, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        out.append(notes_of(tmp / "d.apkg", tmp))
    return out


def test_every_question_number_and_correction_is_a_note(decks):
    notes = decks[0]
    bank = load_bank(ROOT / "quizzes", ROOT / "docs")
    limits = load_limits(ROOT / "data" / "limits", str(ROOT / "docs"))
    corrections = load_corrections(ROOT / "data" / "corrections.yml", str(ROOT / "docs"))
    ids = sorted(flds.split("\x1f")[0] for _, flds, _ in notes)
    want = sorted(
        [f"q:{q.id}" for quiz in bank.values() for q in quiz.questions]
        + [f"n:{lim.id}" for lim in limits]
        + [f"c:{c.id}" for c in corrections]
    )
    assert ids == want


def test_fields_and_tags(decks):
    by_id = {flds.split("\x1f")[0]: (flds.split("\x1f"), tags.split()) for _, flds, tags in decks[0]}
    fields, tags = by_id["q:s3-org-wide-read-principalorgid"]
    assert len(fields) == 3 and "aws:PrincipalOrgID" in fields[1] and "Answer: " in fields[2]
    assert "docs.aws.amazon.com" in fields[2] and 'href="https://' in fields[2], "links point at the published site and AWS"
    assert {"question", "chapter::05-s3", "domain::secure", "service::s3"} <= set(tags)
    number = next(v for k, v in by_id.items() if k.startswith("n:"))
    assert "number" in number[1] and any(t.startswith("chapter::") for t in number[1])
    correction = next(v for k, v in by_id.items() if k.startswith("c:"))
    assert "correction" in correction[1] and "What is true now?" in correction[0][1]


def test_guids_are_unique_and_stable_across_builds(decks):
    first, second = ([g for g, _, _ in notes] for notes in decks)
    assert len(set(first)) == len(first)
    assert first == second
