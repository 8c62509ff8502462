"""Syndicated and updated copies: articles whose texts nearly coincide are one story.

The same wire story printed by several outlets, or a story and its update, are kept as articles and given
one ``story_id`` so that charts can count independent stories. Texts are compared as sets of word
3-shingles with MinHash (datasketch, 128 permutations, fixed seed) and locality-sensitive hashing; two
articles are one story when their estimated Jaccard similarity is at least :data:`THRESHOLD`. A copy with
small edits scores about 0.8-0.95, an update that adds a fifth to the text about 0.7, two different stories
on the same event well under 0.3. The story is named after its earliest article.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

THRESHOLD = 0.6
NUM_PERM = 128
SHINGLE = 3


@lru_cache(maxsize=1)
def _permutations():
    """The permutations of the fixed seed, drawn once (datasketch draws them for every MinHash made)."""
    from datasketch import MinHash

    permutations = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32").permutations
    permutations.setflags(write=False)  # shared by every MinHash made here
    return permutations


def _new(**values):
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32", permutations=_permutations(), **values)


def signature(text: str):
    """The MinHash signature of a text's word 3-shingles (``None`` for fewer than three words)."""
    words = re.findall(r"\w+", text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 0))}
    if not shingles:
        return None
    m = _new()
    m.update_batch([s.encode() for s in sorted(shingles)])
    return m.hashvalues  # a numpy array: 1 KB an article


def _minhash(values):
    return None if values is None else _new(hashvalues=values)


def story_ids(articles: pd.DataFrame, signatures: list | None = None) -> list[str]:
    """The story of each article (in the table's order): the ``article_id`` of the earliest article of its
    group of near-copies (by publication date where known, then by order). ``signatures`` are the
    articles' :func:`signature` where already known."""
    if articles.empty:
        return []
    from datasketch import MinHashLSH

    signatures = signatures or [signature(body) for body in articles.body]
    hashes = [_minhash(values) for values in signatures]
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    for i, m in enumerate(hashes):
        if m is not None:
            lsh.insert(str(i), m)
    parent = list(range(len(hashes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, m in enumerate(hashes):
        if m is None:
            continue
        for j in sorted(int(k) for k in lsh.query(m)):
            if j != i and m.jaccard(hashes[j]) >= THRESHOLD:
                parent[max(find(i), find(j))] = min(find(i), find(j))
    order = {i: (published or "9999", i) for i, published in enumerate(articles.published)}
    first: dict[int, int] = {}
    for i in range(len(hashes)):
        root = find(i)
        if root not in first or order[i] < order[first[root]]:
            first[root] = i
    ids = articles.article_id.tolist()
    return [ids[first[find(i)]] for i in range(len(hashes))]
