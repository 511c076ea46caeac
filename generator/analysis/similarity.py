"""Text similarity of items: character bigrams weighted by TF-IDF, cosine.

Chinese has no spaces, and jieba's words depend on its dictionary; overlapping
character bigrams need neither and still tell 学前教育普惠 from 普惠性民办园 apart.
Scores are cosines in [0, 1], rounded to 3 places so that pages are stable.

Scale: candidates come from an inverted index: each item is looked up by its
``PROBES`` rarest shared bigrams, and bigrams found in more than ``COMMON`` of all
items or in more than ``MAX_POSTING`` items are not indexed; of the items found, the
``CANDIDATES`` sharing most probes are scored. The time per item is therefore
bounded (at most PROBES × MAX_POSTING look-ups and CANDIDATES cosines) however many
plans there are; memory grows with the corpus (the vectors are held in one sparse
matrix, about 12 bytes per distinct bigram of an item).
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from scipy import sparse

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
PROBES = 24
COMMON = 0.05      # a bigram in more than this share of items is not indexed...
MAX_POSTING = 400  # ...nor one in more than this many, so a look-up stays bounded
CANDIDATES = 60


def bigrams(text: str) -> Counter:
    grams: Counter = Counter()
    for run in _HAN_RUN.findall(text):
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
    return grams


@dataclass
class Corpus:
    """Bigram TF-IDF vectors of a list of texts, one L2-normalised row each of a sparse
    matrix (scipy), and an index to find neighbours."""

    matrix: sparse.csr_matrix
    postings: dict[str, list[int]]
    probes: list[list[str]]

    @classmethod
    def build(cls, texts: list[str]) -> Corpus:
        counts = [bigrams(t) for t in texts]
        df: Counter = Counter(g for c in counts for g in c)
        n = max(len(texts), 1)
        idf = {g: math.log((1 + n) / (1 + d)) + 1 for g, d in df.items()}
        columns = {g: k for k, g in enumerate(df)}
        rows, cols, values = array("l"), array("l"), array("d")  # compact while building
        for i, c in enumerate(counts):
            vector = {g: (1 + math.log(k)) * idf[g] for g, k in c.items()}
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            for g, v in vector.items():
                rows.append(i)
                cols.append(columns[g])
                values.append(v / norm)
        matrix = sparse.csr_matrix((np.frombuffer(values, dtype=np.float64), (np.frombuffer(rows, dtype=np.int64),
                                    np.frombuffer(cols, dtype=np.int64))), shape=(len(texts), max(len(columns), 1)))
        limit = max(2, min(int(COMMON * n), MAX_POSTING))
        postings: dict[str, list[int]] = defaultdict(list)
        probes = []
        for i, c in enumerate(counts):
            indexed = [g for g in c if df[g] <= limit]
            shared = [g for g in indexed if df[g] >= 2]  # a bigram no other item has finds nothing
            probes.append(sorted(shared, key=lambda g: (-idf[g], g))[:PROBES])
            for g in indexed:
                postings[g].append(i)
        return cls(matrix, dict(postings), probes)

    def scores(self, i: int, others: list[int]) -> list[float]:
        """Cosines of item i with each of others, rounded (one sparse product for all)."""
        if not others:
            return []
        products = self.matrix[others] @ self.matrix[i].T
        return [round(float(v), 3) for v in products.toarray().ravel()]

    def cosine(self, a: int, b: int) -> float:
        return self.scores(a, [b])[0]

    def candidates(self, i: int, limit: int = CANDIDATES) -> list[int]:
        """The items sharing most of i's probe bigrams, at most ``limit``, for scoring."""
        shared = Counter(j for g in self.probes[i] for j in self.postings.get(g, ()) if j != i)
        return [j for j, _ in sorted(shared.items(), key=lambda jc: (-jc[1], jc[0]))[:limit]]


def score(a: str, b: str) -> float:
    """Similarity of two texts on their own (IDF from the pair)."""
    corpus = Corpus.build([a, b])
    return corpus.cosine(0, 1)
