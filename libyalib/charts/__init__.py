"""One function per figure, each returning a ``matplotlib.figure.Figure``; :func:`save` writes them."""
from .corpus import corpus_overview
from .mentions import actor_article_heatmap, cooccurrence_network, mentions_by_side, top_actors
from .style import save, set_style

__all__ = ["actor_article_heatmap", "cooccurrence_network", "corpus_overview", "mentions_by_side", "save",
           "set_style", "top_actors"]
