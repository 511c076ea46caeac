"""Text similarity of items: character bigrams weighted by TF-IDF, cosine.

Chinese has no spaces, and jieba's words depend on its dictionary; overlapping
character bigrams need neither and still tell 学前教育普惠 from 普惠性民办园 apart.
Scores are cosines in [0, 1], rounded to 3 places so that pages are stable.

Scale: candidates come from an inverted index: each item is looked up by its
``PROBES`` rarest shared bigrams, and bigrams found in more than ``COMMON`` of all
items or in more than ``MAX_POSTING`` items are not indexed; of the items found, the
``CANDIDATES`` sharing most probes are scored. The time per item is therefore
bounded (at most PROBES × MAX_POSTING look-ups and CANDIDATES cosines) however many
plans there are; memory grows with the corpus (the vectors are held in memory).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

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
    """Bigram TF-IDF vectors of a list of texts, and an index to find neighbours."""

    vectors: list[dict[str, float]]
    postings: dict[str, list[int]]
    probes: list[list[str]]

    @classmethod
    def build(cls, texts: list[str]) -> Corpus:
        counts = [bigrams(t) for t in texts]
        df: Counter = Counter(g for c in counts for g in c)
        n = max(len(texts), 1)
        idf = {g: math.log((1 + n) / (1 + d)) + 1 for g, d in df.items()}
        vectors = []
        for c in counts:
            vector = {g: (1 + math.log(k)) * idf[g] for g, k in c.items()}
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            vectors.append({g: v / norm for g, v in vector.items()})
        limit = max(2, min(int(COMMON * n), MAX_POSTING))
        postings: dict[str, list[int]] = defaultdict(list)
        probes = []
        for i, c in enumerate(counts):
            indexed = [g for g in c if df[g] <= limit]
            shared = [g for g in indexed if df[g] >= 2]  # a bigram no other item has finds nothing
            probes.append(sorted(shared, key=lambda g: (-idf[g], g))[:PROBES])
            for g in indexed:
                postings[g].append(i)
        return cls(vectors, dict(postings), probes)

    def cosine(self, a: int, b: int) -> float:
        va, vb = self.vectors[a], self.vectors[b]
        if len(va) > len(vb):
            va, vb = vb, va
        return round(sum(v * vb.get(g, 0.0) for g, v in va.items()), 3)

    def candidates(self, i: int, limit: int = CANDIDATES) -> list[int]:
        """The items sharing most of i's probe bigrams, at most ``limit``, for scoring."""
        shared = Counter(j for g in self.probes[i] for j in self.postings.get(g, ()) if j != i)
        return [j for j, _ in sorted(shared.items(), key=lambda jc: (-jc[1], jc[0]))[:limit]]


def score(a: str, b: str) -> float:
    """Similarity of two texts on their own (IDF from the pair)."""
    corpus = Corpus.build([a, b])
    return corpus.cosine(0, 1)
