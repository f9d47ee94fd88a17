"""Near-duplicate questions: TF-IDF cosine similarity of each question's stem and options.

Two questions that test the same fact with the same scenario score about 0.55 or more; questions
that share only a service score below 0.5. check-quizzes and the tests report pairs above
NEAR_DUPLICATE, so a new question that repeats an old one is caught in review."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict

from studysite.model.quiz_bank import Question

NEAR_DUPLICATE = 0.55
# Words every scenario uses; they would make unrelated questions look alike.
STOP = frozenset(
    "a an and are as at be by company for from in is it its of on or should solutions architect that the this to which what with".split()
)


def _text(q: Question) -> str:
    return " ".join([q.stem, *(o.text for o in q.options)])


def similar_pairs(questions: list[Question], threshold: float = NEAR_DUPLICATE) -> list[tuple[float, str, str]]:
    """(score, id, id) for every pair at or above threshold, most similar first."""
    counts = {q.id: Counter(w for w in re.findall(r"[a-z0-9]+", _text(q).lower()) if w not in STOP) for q in questions}
    df = Counter(w for c in counts.values() for w in c)
    n = len(counts)
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for qid, c in counts.items():
        weights = {w: (1 + math.log(k)) * math.log(n / df[w]) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
        for w, x in weights.items():
            postings[w].append((qid, x / norm))
    dot: dict[tuple[str, str], float] = defaultdict(float)
    for w, posting in postings.items():
        if df[w] > n // 10:  # common words carry little weight and most of the pairs
            continue
        for (a, x), (b, y) in itertools.combinations(posting, 2):
            dot[(a, b) if a < b else (b, a)] += x * y
    return sorted(((round(s, 2), a, b) for (a, b), s in dot.items() if s >= threshold), reverse=True)
