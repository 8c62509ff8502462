"""One function per figure, each returning a ``matplotlib.figure.Figure``; :func:`save` writes them."""

from .backers import backer_side_heatmap, backers_by_support_type, backers_by_year
from .corpus import corpus_overview
from .mentions import actor_article_heatmap, cooccurrence_network, mentions_by_side, top_actors
from .style import save, set_style
from .timeline import timeline

__all__ = [
    "actor_article_heatmap",
    "backer_side_heatmap",
    "backers_by_support_type",
    "backers_by_year",
    "cooccurrence_network",
    "corpus_overview",
    "mentions_by_side",
    "save",
    "set_style",
    "timeline",
    "top_actors",
]
