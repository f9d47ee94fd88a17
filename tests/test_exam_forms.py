"""The fixed mock exams: fixed, reproducible, in the domain weights, sharing no question, and
located errors when the bank moves under them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from studysite.model.blueprint import BLUEPRINT, load_blueprint
from studysite.model.exam_forms import FORMS, domain_targets, dump, load_forms, make_forms, overlap
from studysite.model.quiz_bank import load_bank
from studysite.model.validation import DataError


@pytest.fixture(scope="module")
def bank():
    return load_bank(ROOT / "quizzes", ROOT / "docs")


@pytest.fixture(scope="module")
def blueprint():
    return load_blueprint(BLUEPRINT)


def test_the_committed_forms_fit_the_bank_and_the_weights(bank, blueprint):
    forms = load_forms(FORMS, bank, blueprint)
    assert [f.id for f in forms] == ["a", "b", "c", "final"]
    domain = {q.id: q.domain for quiz in bank.values() for q in quiz.questions}
    for f in forms:
        assert len(f.questions) == blueprint.questions
        for d in blueprint.domains:
            got = sum(domain[i] == d.id for i in f.questions)
            assert abs(got - d.weight * blueprint.questions / 100) < 1, (f.id, d.id, got)
    assert set(overlap(forms).values()) == {0}


def test_making_forms_is_reproducible_and_spreads_task_statements(bank, blueprint):
    one, two = make_forms(bank, blueprint), make_forms(bank, blueprint)
    assert dump(one) == dump(two)
    task = {q.id: q.task for quiz in bank.values() for q in quiz.questions}
    for f in one:
        tasks = {task[i] for i in f.questions}
        assert len(tasks) >= 12, (f.id, sorted(tasks))  # of the guide's 14


def test_repair_keeps_every_question_still_in_the_bank(bank, blueprint):
    forms = make_forms(bank, blueprint)
    gone = forms[1].questions[3]
    smaller = {c: quiz.model_copy(update={"questions": [q for q in quiz.questions if q.id != gone]}) for c, quiz in bank.items()}
    repaired = make_forms(smaller, blueprint, keep=forms)
    for old, new in zip(forms, repaired, strict=True):
        lost = [i for i in old.questions if i not in new.questions]
        assert lost == ([gone] if old.id == forms[1].id else [])
        assert len(new.questions) == blueprint.questions


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "exam_forms.yml"
    path.write_text(text)
    return path


def test_a_question_gone_from_the_bank_is_named_with_its_line(tmp_path, bank, blueprint):
    text = FORMS.read_text()
    first = load_forms(FORMS, bank, blueprint)[0].questions[0]
    path = write(tmp_path, text.replace(f"      - {first}\n", "      - no-such-question\n", 1))
    with pytest.raises(DataError) as err:
        load_forms(path, bank, blueprint)
    [issue] = [i for i in err.value.issues if "no-such-question" in i.problem]
    assert issue.line == text.splitlines().index(f"      - {first}") + 1
    assert "make-forms --repair" in issue.fix and issue.item == "a"


def test_a_shared_question_and_a_short_form_are_refused(tmp_path, bank, blueprint):
    forms = load_forms(FORMS, bank, blueprint)
    text = FORMS.read_text().replace(f"      - {forms[1].questions[0]}\n", f"      - {forms[0].questions[0]}\n", 1)
    with pytest.raises(DataError) as err:
        load_forms(write(tmp_path, text), bank, blueprint)
    assert any("already in form 'a'" in i.problem for i in err.value.issues)
    short = FORMS.read_text().replace(f"      - {forms[2].questions[-1]}\n", "", 1)
    with pytest.raises(DataError) as err:
        load_forms(write(tmp_path, short), bank, blueprint)
    problems = [i.problem for i in err.value.issues]
    assert f"it has {blueprint.questions - 1} questions, not the exam's {blueprint.questions}" in problems


def test_domain_targets_are_within_one_of_the_weights(blueprint):
    targets = domain_targets(blueprint)
    assert sum(targets.values()) == blueprint.questions
    for d in blueprint.domains:
        assert abs(targets[d.id] - d.weight * blueprint.questions / 100) < 1
