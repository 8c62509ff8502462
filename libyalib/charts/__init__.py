"""One function per figure, each returning a ``matplotlib.figure.Figure``; :func:`save` writes them."""
from .corpus import corpus_overview
from .style import save, set_style

__all__ = ["corpus_overview", "save", "set_style"]
