"""The question bank: schema, coverage minimums, and messages for malformed files."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import GOOD_QUIZ as GOOD
from conftest import ROOT

from studysite.model.quiz_bank import QuizBankError, check_file, load_bank

DOCS = str(ROOT / "docs")


@pytest.fixture(scope="module")
def bank():
    return load_bank(ROOT / "quizzes", DOCS)


def test_every_chapter_has_a_valid_quiz_file(bank):
    chapters = sorted(p.stem for p in (ROOT / "docs").glob("[0-9][0-9]-*.md"))
    assert sorted(bank) == chapters


def test_bank_size_and_per_chapter_minimums(bank):
    total = sum(len(q.questions) for q in bank.values())
    assert total >= 650
    for chapter, quiz in bank.items():
        lines = len((ROOT / "docs" / f"{chapter}.md").read_text().splitlines())
        want = max(15, round(lines / 30) - 2)  # at least 15, and roughly one per 30 lines of notes
        assert len(quiz.questions) >= want, f"{chapter}: {len(quiz.questions)} questions, want at least {want}"


def test_domain_shares_types_and_difficulties_match_the_exam(bank):
    from studysite.model.blueprint import BLUEPRINT, load_blueprint

    questions = [q for quiz in bank.values() for q in quiz.questions]
    domains = Counter(q.domain for q in questions)
    for d in load_blueprint(BLUEPRINT).domains:
        share = 100 * domains[d.id] / len(questions)
        assert abs(share - d.weight) <= 3, f"{d.id}: {share:.1f}% of the bank, the exam weights it {d.weight}%"
    assert sum(q.type == "multiple" for q in questions) / len(questions) >= 0.20
    levels = Counter(q.difficulty for q in questions)
    assert all(levels[x] / len(questions) >= 0.15 for x in ("easy", "medium", "hard")), levels


# Malformed input -----------------------------------------------------------


# (name, edit applied to GOOD, expected line, text the message must contain, text the fix must contain)
MALFORMED = [
    ("wrong indentation", lambda s: s.replace("    domain: resilient", "   domain: resilient"), 4, "not valid YAML", "indentation"),
    ("tab indentation", lambda s: s.replace("    difficulty", "\tdifficulty"), 5, "not valid YAML", "tab"),
    ("unquoted colon", lambda s: s.replace("why: That loses data.", "why: Note: that loses data."), 14, "not valid YAML", "quotes"),
    ("missing why", lambda s: s.replace("        why: That loses data.\n", ""), 13, "option 2 `why`", "add the missing key `why`"),
    ("empty why", lambda s: s.replace("why: That loses data.", 'why: ""'), 14, "option 2 `why`", "empty"),
    (
        "two correct on single",
        lambda s: s.replace("      - text: Delete the bucket.\n", "      - text: Delete the bucket.\n        correct: true\n"),
        9,
        "2 options marked `correct: true`",
        "type: multiple",
    ),
    ("no correct answer", lambda s: s.replace("        correct: true\n", ""), 9, "0 options marked", "mark exactly one"),
    (
        "multiple with one correct",
        lambda s: s.replace("type: single", "type: multiple"),
        6,
        "multiple-response question has 1 correct",
        "two or more",
    ),
    (
        "typo in anchor",
        lambda s: s.replace("object-versioning-mfa-delete", "object-versioning-mfa-delet"),
        20,
        "has no heading with anchor",
        "did you mean '05-s3#object-versioning-mfa-delete'",
    ),
    ("unknown page", lambda s: s.replace("05-s3#", "05-s4#"), 20, "no page '05-s4'", "did you mean '05-s3'"),
    (
        "source without anchor",
        lambda s: s.replace("05-s3#object-versioning-mfa-delete", "05-s3"),
        20,
        "not a page#anchor reference",
        "05-s3#s3-replication",
    ),
    ("bad domain", lambda s: s.replace("domain: resilient", "domain: reliability"), 4, "`domain`", "secure"),
    ("bad difficulty", lambda s: s.replace("difficulty: medium", "difficulty: tricky"), 5, "`difficulty`", "easy"),
    ("misspelt key", lambda s: s.replace("correct: true", "corect: true"), 11, "`corect`", "did you mean `correct`"),
    ("duplicate option", lambda s: s.replace("Delete the bucket.", "Suspend versioning."), 13, "repeats option 1", "different"),
    ("all of the above", lambda s: s.replace("Disable encryption.", "All of the above."), 17, "all/none of the above", "plausible"),
    (
        "too few options",
        lambda s: s.replace("      - text: Disable encryption.\n        why: Unrelated to versions.\n", ""),
        9,
        "`options`",
        "at least 4",
    ),
    ("id not kebab-case", lambda s: s.replace("id: s3-demo-question", "id: S3_Demo"), 3, "not lowercase-kebab-case", "s3-replication-rtc"),
    ("missing id", lambda s: s.replace("  - id: s3-demo-question\n    domain", "  - domain"), 3, "`id`", "add the missing key `id`"),
    ("chapter mismatch", lambda s: s.replace("chapter: 05-s3", "chapter: 06-vpc"), 1, "does not match the file name", "chapter: 05-s3"),
    (
        "stem too short",
        lambda s: s.replace("    stem: |\n      A team must keep every version of its objects. What should it do?\n", "    stem: Why?\n"),
        7,
        "`stem`",
        "too short",
    ),
    ("questions not a list", lambda s: s.split("questions:")[0] + "questions: nope\n", 2, "must be a non-empty list", "- id:"),
    ("not a mapping", lambda s: "- just\n- a list\n", 1, "must be a mapping", "quizzes/README.md"),
    ("unknown task", lambda s: s.replace('task: "2.2"', 'task: "5.1"'), 21, "`task`", "'1.1'"),
    (
        "unknown service",
        lambda s: s.replace("services: [s3]", "services: [s3, s4]"),
        22,
        "'s4' is not in data/services.yml",
        "data/services.yml",
    ),
    ("no services", lambda s: s.replace("services: [s3]", "services: []"), 22, "`services`", "at least 1"),
    ("missing task", lambda s: s.replace('    task: "2.2"\n', ""), 3, "`task`", "add the missing key `task`"),
    (
        "reference not AWS",
        lambda s: s.replace("https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html", "http://example.com/x"),
        24,
        "not an https:// link to AWS documentation",
        "not an https:// link",
    ),
    (
        "reference is a translated copy",
        lambda s: s.replace("docs.aws.amazon.com/AmazonS3", "docs.aws.amazon.com/fr_fr/AmazonS3"),
        24,
        "a translated copy (`/fr_fr`)",
        "English page",
    ),
    (
        "reference without .html",
        lambda s: s.replace("Versioning.html", "Versioning"),
        24,
        "a guide page ends in `.html`",
        "ending in `.html`",
    ),
    (
        "no references",
        lambda s: s.split("    references:")[0],
        3,
        "`references`",
        "add the missing key `references`",
    ),
    ("reference checked later", lambda s: s.replace("checked: 2026-12-02", "checked: 2999-01-01"), 25, "in the future", "day you read"),
    ("reference date garbled", lambda s: s.replace("checked: 2026-12-02", "checked: last week"), 25, "`checked`", "YYYY-MM-DD"),
    ("correct not boolean", lambda s: s.replace("correct: true", "correct: maybe"), 11, "`correct`", "correct: true"),
]


@pytest.mark.parametrize("name, edit, line, problem, fix", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_quiz_is_reported_precisely(tmp_path: Path, name, edit, line, problem, fix):
    path = tmp_path / "05-s3.yml"
    path.write_text(edit(GOOD))
    _, issues = check_file(path, DOCS, {})
    assert issues, f"{name}: no problem reported"
    issue = next((i for i in issues if problem in i.problem), None)
    assert issue is not None, f"{name}: {[str(i) for i in issues]}"
    assert issue.line == line, f"{name}: line {issue.line}, want {line}: {issue}"
    assert fix in issue.fix, f"{name}: fix {issue.fix!r}"
    text = str(issue)
    assert text.startswith(f"{path}:{line}:") and "Fix:" in text


def test_good_example_is_valid(tmp_path: Path):
    path = tmp_path / "05-s3.yml"
    path.write_text(GOOD)
    quiz, issues = check_file(path, DOCS, {})
    assert issues == [] and quiz.questions[0].id == "s3-demo-question"


def test_duplicate_id_across_files_names_both(tmp_path: Path):
    (tmp_path / "05-s3.yml").write_text(GOOD)
    (tmp_path / "06-vpc.yml").write_text(GOOD.replace("chapter: 05-s3", "chapter: 06-vpc"))
    with pytest.raises(QuizBankError) as err:
        load_bank(tmp_path, DOCS)
    [issue] = err.value.issues
    assert issue.line == 3 and issue.qid == "s3-demo-question"
    assert "already used in" in issue.problem and "05-s3.yml" in issue.problem


def test_readme_example_is_valid(tmp_path: Path):
    """The example contributors copy from quizzes/README.md must itself pass."""
    example = re.search(r"```yaml\n(.*?)```", (ROOT / "quizzes" / "README.md").read_text(), re.S).group(1)
    path = tmp_path / "05-s3.yml"
    path.write_text(example)
    _, issues = check_file(path, DOCS, {})
    assert issues == []


def test_checker_cli_exit_codes(tmp_path: Path):
    import subprocess
    import sys

    bad = tmp_path / "05-s3.yml"
    bad.write_text(GOOD.replace("domain: resilient", "domain: nope"))
    result = subprocess.run([sys.executable, "-m", "studysite", "check-quizzes", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{bad}:4:" in result.stderr
    ok = subprocess.run([sys.executable, "-m", "studysite", "check-quizzes"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr


def test_no_two_questions_read_alike(bank):
    from studysite.cli.check_quizzes import near_duplicates

    assert [str(i) for i in near_duplicates(bank)] == []


def test_a_reworded_copy_is_caught_as_a_near_duplicate(bank):
    from studysite.model.similar import similar_pairs

    questions = [q for quiz in bank.values() for q in quiz.questions]
    original = questions[0]
    copy = original.model_copy(
        update={"id": "copy-of-first", "stem": original.stem.replace("What", "Which approach").replace("company", "business")}
    )
    pairs = similar_pairs([*questions, copy])
    assert any({a, b} == {original.id, "copy-of-first"} for _, a, b in pairs), pairs[:3]


def test_the_coverage_report_is_up_to_date():
    from studysite.cli.coverage import REPORT, report

    assert REPORT.read_text(encoding="utf-8") == report(), "run `python -m studysite coverage`"
