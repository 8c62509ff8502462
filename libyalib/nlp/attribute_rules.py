"""The model's attribute rules (a tag's part of speech and morphology, the lemmas of contractions) matched by
dictionary lookup instead of by spaCy's general :class:`~spacy.matcher.Matcher`.

spaCy's ``attribute_ruler`` tries each of its patterns (179 in the English models) at every token: about a
seventh of the whole pipeline's time. Each token of a pattern asks that some attributes equal given values
(``{"TAG": "NN"}``, ``{"LOWER": {"IN": [...]}}``), differ from them (``NOT_IN``) or match a regular
expression (``REGEX``). :class:`IndexedAttributeRuler` finds the patterns whose first token asks for equal
values by looking each token's values up in a dictionary, and checks what else they ask of the tokens found;
a pattern whose first token asks for no equal value is tried at every token, each regular expression once
per distinct value in the document. Anything else (operators, other attributes) is left to a Matcher. It
finds the same matches, applies them in the same order through spaCy's own code, and so sets exactly the
same attributes (256 articles: matching 0.70 s -> 0.30 s; spaCy's own takes 2.1 s).
"""

from __future__ import annotations

import re
from itertools import product

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler

#: Token attributes a pattern may compare: strings (by their hash) and a flag (0 or 1).
ATTRS = {"ORTH": ORTH, "LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
STRINGS = ("ORTH", "LOWER", "TAG", "DEP")
#: One condition on a token: ``(attribute, kind, argument)``, of kind ``in`` or ``not in`` (a set of values)
#: or ``regex`` (a compiled expression its string must match).
Check = tuple


def _checks(spec: dict, ids) -> list[Check] | None:
    """The conditions of one token of a pattern, or ``None`` when it asks for anything else."""
    out = []
    for name, value in spec.items():
        if name not in ATTRS:
            return None
        if isinstance(value, (str, bool)):
            value = {"IN": [value]}
        if not isinstance(value, dict) or len(value) != 1:
            return None
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, (str, bool)) for v in arg):
            out.append((name, op.lower().replace("_", " "), frozenset(ids(v) for v in arg)))
        elif op == "REGEX" and name in STRINGS and isinstance(arg, str):
            out.append((name, "regex", re.compile(arg)))
        else:
            return None
    return out


#: Verdicts of the regular expressions kept between documents (then forgotten, so memory stays flat).
VERDICTS = 1 << 16


class _Values:
    """A document's attribute values by column; each regular expression is tried once per distinct value
    (``verdicts``: ``(expression, value) -> bool``, shared between documents)."""

    def __init__(self, doc, verdicts: dict):
        columns = doc.to_array(list(ATTRS.values())).reshape(len(doc), len(ATTRS)).T.tolist()
        self.n, self.strings, self.columns = len(doc), doc.vocab.strings, dict(zip(ATTRS, columns, strict=True))
        self._verdicts = verdicts

    def _passes(self, kind: str, arg, value: int) -> bool:
        if kind == "in":
            return value in arg
        if kind == "not in":
            return value not in arg
        if (arg, value) not in self._verdicts:
            self._verdicts[arg, value] = arg.search(self.strings[value]) is not None
        return self._verdicts[arg, value]

    def fits(self, checks: list[Check], i: int) -> bool:
        """Does token ``i`` meet every condition?"""
        return i < self.n and all(self._passes(kind, arg, self.columns[name][i]) for name, kind, arg in checks)

    def where(self, checks: list[Check]) -> list[int]:
        """The tokens that meet every condition (one condition: decided once per distinct value)."""
        if len(checks) == 1:
            name, kind, arg = checks[0]
            column = self.columns[name]
            good = {value for value in set(column) if self._passes(kind, arg, value)}
            return [i for i, value in enumerate(column) if value in good]
        return [i for i in range(self.n) if self.fits(checks, i)]


class IndexedAttributeRuler(AttributeRuler):
    """An ``attribute_ruler`` whose patterns are found by dictionary lookup."""

    def __init__(self, *args, **kwargs) -> None:
        self._index = None  # built at the first match after the patterns change
        self._verdicts: dict = {}
        super().__init__(*args, **kwargs)

    def clear(self) -> None:
        super().clear()
        self._index = None

    def add(self, patterns, attrs, index=0) -> None:
        super().add(patterns, attrs, index)
        self._index = None

    def _build(self):
        """``(by_first, scanned, general)``: the patterns by the attributes and values their first token must
        equal, each as ``(rule number, match id, the first token's other conditions, the next tokens'
        conditions)``; the patterns whose first token asks for no equal value, as ``(rule number, match id,
        every token's conditions)``; a Matcher of the patterns that ask for anything else."""
        by_first: dict[tuple, dict[tuple, list]] = {}
        scanned: list[tuple] = []
        general = Matcher(self.vocab, validate=False)
        for n in range(len(self.attrs)):
            match_id = self.vocab.strings.add(str(n))
            others = []
            for pattern in self.matcher.get(str(n))[1]:
                tokens = [_checks(spec, self._id) for spec in pattern]
                if not tokens or None in tokens:
                    others.append(pattern)
                    continue
                equal = sorted((c for c in tokens[0] if c[1] == "in"), key=lambda c: c[0])
                if not equal:
                    scanned.append((n, match_id, tokens))
                    continue
                names = tuple(name for name, _, _ in equal)
                rest = [c for c in tokens[0] if c[1] != "in"]  # a token asks one thing of each attribute
                for values in product(*(sorted(arg) for _, _, arg in equal)):
                    by_first.setdefault(names, {}).setdefault(values, []).append((n, match_id, rest, tokens[1:]))
            if others:
                general.add(match_id, others)
        return by_first, scanned, general

    def _id(self, value) -> int:
        """A value as the token attributes hold it: a string by its hash, a flag as 0 or 1."""
        return int(value) if isinstance(value, bool) else self.vocab.strings.add(value)

    def match(self, doc):
        if self._index is None:
            self._index = self._build()
        by_first, scanned, general = self._index
        found = set()
        if len(general):
            for match_id, start, end in general(doc, allow_missing=True, as_spans=False):
                found.add((int(self.vocab.strings[match_id]), match_id, start, end))
        if len(self._verdicts) > VERDICTS:
            self._verdicts.clear()
        values = _Values(doc, self._verdicts)

        def add(n, match_id, start, first, following):
            if (not first or values.fits(first, start)) and all(
                values.fits(checks, start + k) for k, checks in enumerate(following, start=1)
            ):
                found.add((n, match_id, start, start + 1 + len(following)))

        for names, table in by_first.items():
            for start, key in enumerate(zip(*(values.columns[name] for name in names), strict=True)):
                for n, match_id, first, following in table.get(key, ()):
                    if first or following:
                        add(n, match_id, start, first, following)
                    else:
                        found.add((n, match_id, start, start + 1))
        for n, match_id, tokens in scanned:
            for start in values.where(tokens[0]):
                add(n, match_id, start, [], tokens[1:])
        return sorted(found)  # as AttributeRuler.match: by rule, so that later rules win


@Language.factory(
    "indexed_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool, scorer):
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def use_indexed_rules(nlp: Language) -> None:
    """Put an :class:`IndexedAttributeRuler` with the same patterns in place of the model's attribute_ruler."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    nlp.replace_pipe("attribute_ruler", "indexed_attribute_ruler")
    nlp.get_pipe("attribute_ruler").add_patterns(patterns)
