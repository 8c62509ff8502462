"""External support in the shape of the UCDP External Support Dataset: backer x backed camp x year.

One row per backer, the camp it is said to back and the year of publication, with one column per support
type (the number of articles whose claims name that type) and the number of claims and articles, so that
the table can be joined to UCDP data on (supporter, warring side, year). Denials and recognition are not
support and are left out; ``year`` is empty for undated articles.
"""

from __future__ import annotations

import pandas as pd

from .lexicon import SUPPORT_TYPES

#: Column names of the support types (``"weapons"``, ``"materiel_and_logistics"``, ...).
TYPE_COLUMNS = {t: t.replace(" ", "_") for t in SUPPORT_TYPES}
COLUMNS = ["backer", "backer_kind", "side", "year", *TYPE_COLUMNS.values(), "n_claims", "n_articles"]
KEYS = ["backer", "backer_kind", "side", "year"]


def support_table(backers: pd.DataFrame) -> pd.DataFrame:
    """Claims of backing (``foreign_backers``) counted per backer, camp and year of publication."""
    claims = backers[~backers.stance.isin(["denied", "recognition"])].assign(year=backers.published.str[:4])
    rows = []
    for key, group in claims.groupby(KEYS, sort=True):
        row = dict(zip(KEYS, key, strict=False))
        types = group.support_type.str.split(";")
        for name, column in TYPE_COLUMNS.items():
            row[column] = int(group.article_id[types.map(lambda ts, n=name: n in ts)].nunique())
        row["n_claims"] = len(group)
        row["n_articles"] = int(group.article_id.nunique())
        rows.append(row)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({c: "int64" for c in COLUMNS[4:]})
