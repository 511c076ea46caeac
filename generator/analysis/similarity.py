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
matrix, 12 bytes per distinct bigram of an item, and the postings 4 bytes an entry).
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
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
    matrix (scipy), and an index to find neighbours. Bigrams are column numbers once
    counted: a text's bigrams are counted twice (document frequencies, then vectors)
    rather than held for all texts at once, which at 300,000 items took gigabytes."""

    matrix: sparse.csr_matrix
    postings: dict[int, array]  # column → the items holding it (array of int32)
    probes: list[array]  # per item: the columns it is looked up by
    row: np.ndarray | None = None  # a buffer of one dense row, for scores()

    @classmethod
    def build(cls, texts: list[str]) -> Corpus:
        columns: dict[str, int] = {}
        df: list[int] = []
        for text in texts:
            for g in bigrams(text):
                column = columns.setdefault(g, len(df))
                if column == len(df):
                    df.append(0)
                df[column] += 1
        n = max(len(texts), 1)
        idf = [math.log((1 + n) / (1 + d)) + 1 for d in df]
        limit = max(2, min(int(COMMON * n), MAX_POSTING))
        indptr, indices, values = array("q", [0]), array("i"), array("d")  # the matrix, row by row
        postings: dict[int, array] = {}
        probes = []
        for i, text in enumerate(texts):
            counted = bigrams(text)
            own = [columns[g] for g in counted]
            vector = [(1 + math.log(k)) * idf[column] for column, k in zip(own, counted.values())]
            norm = math.sqrt(sum(v * v for v in vector)) or 1.0
            indices.extend(own)
            values.extend(v / norm for v in vector)
            indptr.append(len(indices))
            indexed = [(column, g) for column, g in zip(own, counted) if df[column] <= limit]
            shared = [(column, g) for column, g in indexed if df[column] >= 2]  # a bigram no other item has finds nothing
            probes.append(array("i", (column for column, _ in sorted(shared, key=lambda cg: (-idf[cg[0]], cg[1]))[:PROBES])))
            for column, _ in indexed:
                postings.setdefault(column, array("i")).append(i)
        matrix = sparse.csr_matrix((np.frombuffer(values, dtype=np.float64), np.frombuffer(indices, dtype=np.int32),
                                    np.frombuffer(indptr, dtype=np.int64)), shape=(len(texts), max(len(df), 1)))
        return cls(matrix, postings, probes)

    def scores(self, i: int, others: list[int]) -> list[float]:
        """Cosines of item i with each of others, rounded: i's row spread into a dense
        buffer, the others' entries looked up in it and summed per row (slicing the
        matrix per call, as scipy does, took most of a large build's similarity time)."""
        if not others:
            return []
        m, row = self.matrix, self._dense_row()
        mine = slice(m.indptr[i], m.indptr[i + 1])
        row[m.indices[mine]] = m.data[mine]
        spans = [(m.indptr[j], m.indptr[j + 1]) for j in others]
        columns = np.concatenate([m.indices[a:b] for a, b in spans])
        values = np.concatenate([m.data[a:b] for a, b in spans])
        owner = np.repeat(np.arange(len(others)), [b - a for a, b in spans])
        sums = np.bincount(owner, weights=row[columns] * values, minlength=len(others))
        row[m.indices[mine]] = 0.0
        return [round(float(v), 3) for v in sums]

    def block(self, rows: list[int], others: list[int]) -> np.ndarray:
        """Cosines of every one of rows with every one of others, as a dense array
        (len(rows) × len(others)), from one sparse product: comparing whole plans."""
        m = self.matrix
        return np.round((m[rows] @ m[others].T).toarray(), 3)

    def _dense_row(self) -> np.ndarray:
        if self.row is None:
            self.row = np.zeros(self.matrix.shape[1])
        return self.row

    def cosine(self, a: int, b: int) -> float:
        return self.scores(a, [b])[0]

    def candidates(self, i: int, limit: int = CANDIDATES) -> list[int]:
        """The items sharing most of i's probe bigrams, at most ``limit``, for scoring."""
        shared = Counter(j for column in self.probes[i] for j in self.postings.get(column, ()) if j != i)
        return [j for j, _ in sorted(shared.items(), key=lambda jc: (-jc[1], jc[0]))[:limit]]


@dataclass(frozen=True)
class Counted:
    """Texts as rows of bigram counts over one Vocabulary's column numbers (a CSR matrix's
    parts), each 1 + log(count) as the TF-IDF weighs it: a plan counted once however many
    pairs it is in (take-ups compare a city's plan with each of its counties' plans)."""

    rows: int
    indptr: np.ndarray
    indices: np.ndarray
    tf: np.ndarray


class Vocabulary:
    """Bigram column numbers shared by the texts it counts, so that any two can be compared."""

    def __init__(self) -> None:
        self.columns: dict[str, int] = {}

    def count(self, texts: list[str]) -> Counted:
        counted = [bigrams(text) for text in texts]
        indptr = np.cumsum([0, *(len(grams) for grams in counted)])
        entries = int(indptr[-1])
        column = self.columns.setdefault
        indices = np.fromiter((column(g, len(self.columns)) for grams in counted for g in grams), dtype=np.int64,
                              count=entries)
        tf = np.fromiter((1 + math.log(k) for grams in counted for k in grams.values()), dtype=np.float64,
                         count=entries)
        return Counted(len(texts), indptr, indices, tf)


def pair_cosines(first: list[str], second: list[str]) -> np.ndarray:
    """Cosines of every text of first with every text of second (len(first) × len(second)),
    TF-IDF weighted with the document frequencies of these texts alone: the rule of 对标,
    which needs no atlas, so that the page script computes the same scores from the two
    plans it loads (docs/assets/js/pairing.js; a test holds the two sides equal)."""
    vocabulary = Vocabulary()
    return counted_cosines(vocabulary.count(first), vocabulary.count(second))


def counted_cosines(first: Counted, second: Counted) -> np.ndarray:
    """pair_cosines of texts counted already (over one Vocabulary)."""
    n = first.rows + second.rows
    indptr = np.concatenate((first.indptr, second.indptr[1:] + first.indptr[-1]))
    columns, local = np.unique(np.concatenate((first.indices, second.indices)), return_inverse=True)
    df = np.bincount(local, minlength=len(columns))  # a text holds a bigram once: its entries count its texts
    idf = np.log((1 + n) / (1 + df)) + 1
    weights = np.concatenate((first.tf, second.tf)) * idf[local]
    owner = np.repeat(np.arange(n), np.diff(indptr))
    norms = np.sqrt(np.bincount(owner, weights=weights * weights, minlength=n))
    weights = weights * (1 / np.where(norms == 0, 1, norms))[owner]
    matrix = sparse.csr_matrix((weights, local, indptr), shape=(n, max(len(columns), 1)))
    cosines = (matrix[:first.rows] @ matrix[first.rows:].T).toarray()
    return np.round(cosines, 3).reshape(first.rows, second.rows)


def score(a: str, b: str) -> float:
    """Similarity of two texts on their own (IDF from the pair): what Corpus.build of the
    two and its cosine give, computed directly, since a large build compares hundreds of
    thousands of short indicator names this way."""
    counted = bigrams(a), bigrams(b)
    rare = math.log(3 / 2) + 1  # the IDF of a bigram in one of the two (n = 2, df = 1); in both: 1
    vectors = [{g: (1 + math.log(k)) * (1.0 if g in other else rare) for g, k in mine.items()}
               for mine, other in (counted, counted[::-1])]
    norms = [math.sqrt(sum(v * v for v in vector.values())) or 1.0 for vector in vectors]
    first, second = vectors
    return round(sum(v / norms[0] * second[g] / norms[1] for g, v in first.items() if g in second), 3)
