"""Which language an article is in: py3langid (the langid.py model, shipped in its wheel, no download)."""

from __future__ import annotations

from functools import lru_cache

#: Reject as not English only when the model is this sure of another language: short English sentences
#: can score a low, wrong guess ("Nigerian Pidgin, 0.18"), which is no reason to lose an article.
MIN_PROBABILITY = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def other_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is confidently in when that is not English, else ``""``."""
    language, probability = _identifier().classify(text[:20_000])
    return language if language != "en" and probability >= MIN_PROBABILITY else ""
