"""Where the repository's folders are, resolved from the package, never from the working directory."""

from __future__ import annotations

import os
from pathlib import Path

#: Repository root; ``LIBYALIB_ROOT`` overrides it (for an installed copy of the package).
ROOT = Path(os.environ.get("LIBYALIB_ROOT", Path(__file__).resolve().parent.parent))
SEEDS = ROOT / "seeds"
#: The corpus the notebooks read; ``LIBYALIB_CORPUS`` points them at another folder or table of articles.
CORPUS = Path(os.environ.get("LIBYALIB_CORPUS", SEEDS))
#: Where figures are saved; ``LIBYALIB_FIGURES`` moves them (``python -m libyalib run`` does, for its --out).
FIGURES = Path(os.environ.get("LIBYALIB_FIGURES", ROOT / "figures"))
#: An export's tables folder the notebooks read (``python -m libyalib run`` sets ``LIBYALIB_TABLES``); unset,
#: the notebooks make the tables from ``CORPUS`` in memory.
TABLES = Path(os.environ["LIBYALIB_TABLES"]) if os.environ.get("LIBYALIB_TABLES") else None
DATA = Path(__file__).resolve().parent / "data"
#: On-disk cache of spaCy annotations; ``LIBYALIB_CACHE`` overrides it.
CACHE = Path(os.environ.get("LIBYALIB_CACHE", ROOT / ".cache" / "libyalib"))


def is_seeds(path: Path) -> bool:
    """Is ``path`` the seed folder (whose hand-written expectations the notebooks can score against)?"""
    return Path(path).resolve() == SEEDS.resolve()
