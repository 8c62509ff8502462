"""Where the repository's folders are, resolved from the package, never from the working directory."""

from __future__ import annotations

import os
from pathlib import Path

#: Repository root; ``LIBYALIB_ROOT`` overrides it (for an installed copy of the package).
ROOT = Path(os.environ.get("LIBYALIB_ROOT", Path(__file__).resolve().parent.parent))
SEEDS = ROOT / "seeds"
FIGURES = ROOT / "figures"
DATA = Path(__file__).resolve().parent / "data"
#: On-disk cache of spaCy annotations; ``LIBYALIB_CACHE`` overrides it.
CACHE = Path(os.environ.get("LIBYALIB_CACHE", ROOT / ".cache" / "libyalib"))
