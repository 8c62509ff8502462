"""The attribute rules found by dictionary lookup are spaCy's attribute_ruler, match for match."""

from spacy.pipeline import AttributeRuler

from libyalib.nlp.attribute_rules import IndexedAttributeRuler
from libyalib.nlp.model import pipeline

#: Sentences for the rules that are not a plain tag: contractions over two tokens ("gonna", "y'all",
#: "ain't"), a regular expression ("nothin'"), NOT_IN on the dependency ("it" as a pronoun, "that" as a
#: determiner), IN over several words ("does", "had"), auxiliaries, space tokens inside a sentence, and a
#: text that ends on the first word of a two-word rule ("got", as in "gotta").
AWKWARD = [
    "We're gonna win, y'all, and it ain't nothin' the LNA can stop.",
    "Let's see what Haftar does; he had said that   he would go.",
    "There were  clashes in Tripoli.\n\nThat was not what the GNA had wanted, whether or not it's true.",
    "The weapons the militias got",
]


def _pair():
    nlp = pipeline()
    indexed = nlp.get_pipe("attribute_ruler")
    assert isinstance(indexed, IndexedAttributeRuler)  # the pipeline runs it
    stock = AttributeRuler(nlp.vocab, "stock")
    stock.add_patterns(indexed.patterns)
    return nlp, stock, indexed


def _parsed(nlp, texts):
    with nlp.select_pipes(enable=[n for n in nlp.pipe_names if n in ("tok2vec", "tagger", "parser")]):
        return list(nlp.pipe(texts))


def test_the_same_matches_as_spacy_on_the_seeds_and_awkward_text(seeds):
    nlp, stock, indexed = _pair()
    texts = [t for row in seeds.articles.itertuples() for t in (row.title, row.body)] + AWKWARD
    docs = _parsed(nlp, texts)
    assert sum(len(stock.match(doc)) for doc in docs) > sum(len(doc) for doc in docs)  # most tokens, some twice
    for doc in docs:
        assert indexed.match(doc) == stock.match(doc)


def test_the_awkward_rules_are_exercised():
    """The sentences above reach every rule that is more than a lookup: those whose first token is known
    only by a regular expression ("nothin'", "y'all"), those with a condition beside the values looked up
    (NOT_IN on the dependency), and rules over two tokens."""
    nlp, _, indexed = _pair()
    by_first, scanned, general = indexed._build()
    assert len(scanned) == 2 and len(general) == 0  # the model's 179 rules: none left to a Matcher
    beside = {n for table in by_first.values() for entries in table.values() for n, _, first, _ in entries if first}
    assert len(beside) == 3
    matches = [m for doc in _parsed(nlp, AWKWARD) for m in indexed.match(doc)]
    matched = {n for n, _, _, _ in matches}
    assert {n for n, _, _ in scanned} <= matched and beside <= matched
    assert any(e - s == 2 for _, _, s, e in matches)


def test_rules_beyond_the_index_are_matched_as_spacy_does():
    """A rule on an attribute the index does not read (POS) or with an operator goes to a Matcher; rules of
    each kind together give spaCy's matches."""
    nlp, _, _ = _pair()
    rules = [
        ([[{"POS": "PROPN"}]], {"LEMMA": "name"}),
        ([[{"LOWER": "the"}, {"TAG": "NN", "OP": "+"}]], {"LEMMA": "phrase"}),
        ([[{"LOWER": {"REGEX": "^tri"}}]], {"LEMMA": "tri"}),
        ([[{"TAG": {"NOT_IN": ["NNP"]}, "LOWER": {"IN": ["clashes", "in"]}}]], {"LEMMA": "x"}),
        ([[{"TAG": "IN"}, {"LOWER": {"REGEX": "li$"}, "DEP": {"NOT_IN": ["nsubj"]}}]], {"LEMMA": "y"}),
    ]
    stock, indexed = AttributeRuler(nlp.vocab, "stock"), IndexedAttributeRuler(nlp.vocab, "indexed")
    for patterns, attrs in rules:
        stock.add(patterns, attrs)
        indexed.add(patterns, attrs)
    assert len(indexed._build()[2]) == 2
    docs = list(nlp.pipe(AWKWARD + ["The commander arrived in Tripoli and the city fell."]))  # POS set
    for doc in docs:
        assert indexed.match(doc) == stock.match(doc)
    assert {n for doc in docs for n, _, _, _ in stock.match(doc)} == set(range(len(rules)))  # each rule is met


def test_the_same_attributes_on_every_token(seeds):
    nlp, stock, indexed = _pair()
    texts = [row.body for row in seeds.articles.itertuples()] + AWKWARD
    fields = ("pos_", "tag_", "dep_", "lemma_", "morph")
    for doc in _parsed(nlp, texts):  # tagged and parsed, the attributes not yet set
        a, b = doc.copy(), doc.copy()
        stock(a)
        indexed(b)
        assert [[str(getattr(t, f)) for f in fields] for t in a] == [[str(getattr(t, f)) for f in fields] for t in b]


def test_rules_added_or_cleared_later_are_seen():
    nlp, _, _ = _pair()
    ruler = IndexedAttributeRuler(nlp.vocab, "later")
    doc = _parsed(nlp, ["Gonna go"])[0]
    assert ruler.match(doc) == []
    ruler.add([[{"LOWER": doc[0].lower_}]], {"LEMMA": "x"})
    assert [(s, e) for _, _, s, e in ruler.match(doc)] == [(0, 1)]
    ruler.clear()
    assert ruler.match(doc) == []
