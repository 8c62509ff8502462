"""Articles -> annotated spaCy Docs.

In: the titles and bodies of a :class:`~libyalib.ingest.Corpus`. Out: one annotated ``Doc`` per title and
body (sentences, parse, entities with the knowledge base's actors, places, demonyms and dated aliases
marked), each annotated once and read back from the on-disk annotation cache.
"""

from .annotations import iter_docs
from .kb import load_kb
from .model import pipeline, pipeline_key

__all__ = ["iter_docs", "load_kb", "pipeline", "pipeline_key"]
