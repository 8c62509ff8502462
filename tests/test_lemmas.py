"""The lemmas looked up once per distinct key are the model's rule lemmatizer's, token for token."""

import spacy

from libyalib.nlp.lemmas import LemmaMemo
from libyalib.nlp.model import MODELS, pipeline
from tests.test_attribute_rules import AWKWARD


def _docs(nlp, texts):
    """Tagged, parsed and given the attribute rules (contractions get their lemma there): not lemmatized."""
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
        return list(nlp.pipe(texts))


def test_the_pipeline_runs_the_memo_over_the_models_lemmatizer():
    memo = pipeline().get_pipe("lemmatizer")
    assert isinstance(memo, LemmaMemo) and memo.lemmatizer.mode == "rule"


def test_the_same_lemmas_as_spacy_on_the_seeds_and_awkward_text(seeds):
    nlp = spacy.load(MODELS[-1])
    stock = nlp.get_pipe("lemmatizer")
    texts = [t for row in seeds.articles.itertuples() for t in (row.title, row.body)] + AWKWARD
    docs = _docs(nlp, texts)
    kept = {(n, t.i): t.lemma_ for n, doc in enumerate(docs) for t in doc if t.lemma}  # by the rules: "has" -> "have"
    memo = LemmaMemo(spacy.load(MODELS[-1]).get_pipe("lemmatizer"))  # its own cache, empty
    by_memo = [memo(doc.copy()) for doc in docs]
    by_stock = [stock(doc.copy()) for doc in docs]
    assert [[t.lemma_ for t in d] for d in by_memo] == [[t.lemma_ for t in d] for d in by_stock]
    assert len(kept) > 100 and all(by_memo[n][i].lemma_ == lemma for (n, i), lemma in kept.items())  # not redone
    # The seeds and the sentences above: 3,045 tokens, 960 of them with a lemma other than the word ("said" ->
    # "say"), 1,003 distinct keys (counted with spaCy's own lemmatizer).
    assert sum(t.lemma_ != t.lower_ for d in by_memo for t in d) == 960
    assert len(memo.lemmas) == 1003
