"""The review page's scheduler (ts-fsrs, vendored) against Python's fsrs on the same reviews.

Python's fsrs schedules 30 cards through 8 reviews each, a learner who rates Again or Good and
comes back when the card is due; Node replays the same reviews through review-model.js. The
memory state (stability, difficulty) must agree after every review, and so must every due date,
except where ts-fsrs keeps Good at least a day longer than Hard, as Anki does and Python's fsrs
does not (the Node script checks that each such case is exactly that).

Not covered, because the two libraries differ there (checked 2026-12-02, fsrs 6.3.2 and ts-fsrs
5.4.2): Hard during the learning steps (5.5 min in Python, 6 min in ts-fsrs), and reviews rated
Easy or taken late, where the short-term stability differs slightly.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from datetime import UTC, datetime

import pytest
from conftest import ROOT


def fixture() -> list:
    from fsrs import Card, Rating, Scheduler

    scheduler = Scheduler(enable_fuzzing=False)  # the site's settings: fuzz off, default steps and weights
    rnd = random.Random(3)
    seqs = []
    for n in range(30):
        at, card, steps = datetime(2026, 12, 1, 9, tzinfo=UTC), Card(card_id=n), []
        for _ in range(8):
            rating = rnd.choice([1, 3, 3, 3])
            card, _ = scheduler.review_card(card, Rating(rating), review_datetime=at)
            steps.append(
                {
                    "at": int(at.timestamp() * 1000),
                    "rating": rating,
                    "due": int(card.due.timestamp() * 1000),
                    "s": card.stability,
                    "d": card.difficulty,
                }
            )
            at = card.due
        seqs.append(steps)
    return seqs


def test_the_site_schedules_as_pythons_fsrs_does(tmp_path):
    node = shutil.which("node")
    if not node:
        pytest.fail("node is not installed; install Node.js 20 (Debian: apt-get install nodejs)")
    path = tmp_path / "fsrs-fixture.json"
    path.write_text(json.dumps(fixture()))
    run = subprocess.run([node, str(ROOT / "tests" / "js" / "fsrs-parity.cjs"), str(path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["reviews"] == 240
    assert result["memory"] == [], "stability or difficulty differ"
    assert result["due"] == [], "due dates differ beyond Anki's hard-good rule"
