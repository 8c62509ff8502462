"""The dependency path from a cue word to a party, written as a shape that many sentence forms share.

Relations read from the shortest dependency path (Bunescu & Mooney, 2005, "A shortest path dependency kernel
for relation extraction"): the words and edge labels on the path between two entities carry most of their
relation. A path runs from the cue up to the lowest common ancestor and down to the party, and is written
as steps:

- ``>dep``: down to a child with that dependency (``>nsubj``, ``>dobj``, ``>poss``);
- ``^dep``: up to the head, named by the dependency of the token left (``^dobj``, ``^attr``);
- ``>from``, ``^with``: a preposition and its object folded into one step;
- ``[receive]``: an up step that lands on a verb of that class in the lexicon (``^dobj[receive]``).

Normalising the raw path is what lets one shape stand for many forms: coordination, apposition and lists of
examples ("Arab states including Egypt") are transparent; a relative clause or a participle puts its head
noun in the slot of the relative pronoun or of the participle's subject (``the UAE aiding the LNA`` is ``>nsubj`` of *aiding*); a verb without a
subject takes the one of the verb it depends on (``Turkey is expected to back ...``); the subject of a
copula is its attribute (``Turkey remained a supporter``); a noun that stands for the party modifying it
(``GNA forces``, ``Egyptian soldiers``, ``forces loyal to Haftar``) is the party.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..nlp.model import sentence_of

#: Dependencies inside a noun phrase that attach a party to the noun standing for it.
NP_MODIFIERS = ("amod", "compound", "poss", "nmod", "npadvmod")
#: Prepositions after a noun standing for its party: "forces of the GNA", "mercenaries from the Wagner Group".
NP_PREPOSITIONS = ("of", "from")
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = ("who", "which", "that", "whom")
#: Up steps a verb without its own subject passes to reach the subject it shares.
INHERIT = ("xcomp", "advcl", "conj")
NOMINAL = ("NOUN", "PROPN", "PRON", "NUM", "X")
PREPOSITIONS = ("prep", "agent", "dative")
OBJECTS = ("pobj", "pcomp")


@dataclass
class Step:
    label: str  # ">nsubj", "^with", ...
    token: object  # the token this step reaches
    up: bool
    prep: bool = False  # a preposition folded with its object
    left: object = None  # the token this step leaves (for up steps)
    relative: object = None  # the verb of a relative clause this step leaves


def has_subject(verb) -> bool:
    return any(c.dep_ in SUBJECTS for c in verb.children) or bool(named_auxiliaries(verb))


def named_auxiliaries(verb) -> list:
    """An actor's name the parser read as an auxiliary of ``verb``: "IS seized the airport" is parsed as
    "is seized", with no subject; the name (known to the entity ruler) is the subject."""
    return [
        c
        for c in verb.children
        if c.dep_ in ("aux", "auxpass")
        and c.ent_id_
        and c.is_upper
        and not c.doc[min(c.i + 1, len(c.doc) - 1)].is_upper
    ]


def clause_verb(token):
    """The verb (or auxiliary) of the clause ``token`` belongs to: the first one up the parse, else the root
    of its sentence."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def is_passive(verb) -> bool:
    """Passive voice: an auxiliary or agent of the passive, or a past participle modifying a noun."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children):
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not any(c.dep_ == "aux" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "conj" and not has_subject(verb) and is_passive(verb.head)


def head(token):
    """The token's head, except that a relative clause belongs to the noun right before its pronoun when the
    parser hung it higher ("reports of Russia, who backs Haftar": Russia, not reports)."""
    if token.dep_ == "relcl":
        pronoun = next((c for c in token.children if c.lower_ in RELATIVE_PRONOUNS and c.i < token.i), None)
        if pronoun is not None:
            first = sentence_of(token).start
            before = token.doc[pronoun.i - 1] if pronoun.i > first else None
            if before is not None and before.is_punct and before.i > first:
                before = token.doc[before.i - 1]
            if (
                before is not None
                and before.pos_ in ("NOUN", "PROPN")
                and before.i != token.head.i
                and token.head.left_edge.i <= before.i <= token.head.right_edge.i
            ):
                return before
    return token.head


def chain(token) -> list:
    """``token`` and its ancestors, through :func:`head` (kept with the document: every pair of parties in
    a sentence climbs the same chains; not to be changed by the caller)."""
    chains = token.doc.user_data.setdefault("chains", {})
    out = chains.get(token.i)
    if out is None:
        out = [token]
        while (up := head(out[-1])).i != out[-1].i and len(out) < 64:
            out.append(up)
        chains[token.i] = out
    return out


def _raw(a, b, span=frozenset()) -> list[tuple[bool, object]] | None:
    """Edges from ``a`` to ``b`` as ``(up, dependent token of the edge)``, ending at the first token of
    ``b``'s phrase ``span`` reached; ``None`` across sentences."""
    up_chain = chain(a)
    position = {t.i: n for n, t in enumerate(up_chain)}
    down_chain = []
    for t in chain(b):
        if t.i in position:
            top = position[t.i]
            edges = [(True, t) for t in up_chain[:top]] + [(False, t) for t in reversed(down_chain)]
            for n, (up, t) in enumerate(edges):
                if (head(t) if up else t).i in span:
                    return edges[: n + 1]
            return edges
        down_chain.append(t)
    return None


def _plural(verb) -> bool:
    """Does a relative clause's verb agree with a plural ("Qatar and Turkey, who back the GNA")?"""
    return any(
        t.tag_ == "VBP" or t.lower_ in ("are", "were")
        for t in [verb, *verb.children]
        if t.i == verb.i or t.dep_ in ("aux", "auxpass")
    )


def _subject_slot(verb) -> str:
    """The slot a head noun fills in the clause that modifies it (relative clause or participle)."""
    if verb.dep_ == "relcl":
        for child in verb.children:
            if child.lower_ in RELATIVE_PRONOUNS and child.dep_ in (*SUBJECTS, "dobj"):
                return ">" + child.dep_
        return ">dobj" if has_subject(verb) else ">nsubj"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return ">nsubj"  # "troops to support the GNA"
    return ">nsubjpass" if verb.tag_ == "VBN" else ">nsubj"


def _coordinated_preposition(token) -> bool:
    """A preposition coordinated with another ("support from Russia and from Egypt")."""
    return token.dep_ == "conj" and token.pos_ == "ADP"


def _lists_examples(token) -> bool:
    """A preposition that introduces examples of the noun it hangs on ("including", "like", "such as"), or a
    degree ("from Jordan and to some degree from Egypt"): the words below it fill the slot above it."""
    if token.lower_ == "to" and any(
        c.dep_ == "pobj" and c.lemma_.lower() in ("extent", "degree") for c in token.children
    ):
        return token.dep_ in ("prep", "conj")
    if token.dep_ != "prep":
        return False
    return token.lower_ in ("including", "like") or (
        token.lower_ == "as" and any(c.lower_ == "such" for c in token.children)
    )


def steps(cue, party, lexicon, span=frozenset()) -> list[Step] | None:
    """The normalised steps from ``cue`` to ``party`` (or the first token of its phrase ``span``); ``None``
    when they are in different sentences."""
    edges = _raw(cue, party, span)
    if edges is None:
        return None
    out: list[Step] = []
    i = 0
    while i < len(edges):
        up, t = edges[i]
        nxt = edges[i + 1] if i + 1 < len(edges) else None
        dep = t.dep_
        if not up:
            if _lists_examples(t) and nxt and not nxt[0] and nxt[1].dep_ in OBJECTS:
                i += 2  # "Arab states including Egypt": the examples fill the slot of what they exemplify
                continue
            if dep in PREPOSITIONS and nxt and not nxt[0] and _coordinated_preposition(nxt[1]):
                i += 1  # "from Russia and from Egypt": the second preposition holds the slot
                continue
            if _coordinated_preposition(t) and nxt and not nxt[0] and nxt[1].dep_ in OBJECTS:
                out.append(Step(">" + t.lower_, nxt[1], False, True))
                i += 2
                continue
            if dep in PREPOSITIONS and nxt and not nxt[0] and nxt[1].dep_ in OBJECTS:
                out.append(Step(">" + ("by" if dep == "agent" else t.lower_), nxt[1], False, True))
                i += 2
                continue
            if dep == "appos" or (dep == "conj" and (t.pos_ in NOMINAL or not has_subject(t))):
                i += 1  # coordination and apposition: the same slot
                continue
            out.append(Step(">" + dep, t, False))
            i += 1
            continue
        above = head(t)
        if dep in OBJECTS and above.dep_ in PREPOSITIONS and nxt and nxt[0] and nxt[1].i == above.i:
            out.append(Step("^" + ("by" if above.dep_ == "agent" else above.lower_), head(above), True, True, t))
            i += 2
            continue
        if dep == "appos" or (dep == "conj" and (t.pos_ in NOMINAL or not has_subject(t))):
            if dep == "conj" and out and out[-1].relative is not None and not _plural(out[-1].relative):
                out.append(Step("^conj", above, True, False, t))  # "Egypt and France, who had admitted ..."
            i += 1
            continue
        if dep == "relcl" or (dep in ("acl", "amod") and t.pos_ in ("VERB", "AUX")):
            out.append(Step(_subject_slot(t), above, False, relative=t if dep == "relcl" else None))
            i += 1
            continue
        out.append(Step("^" + dep, above, True, False, t))
        i += 1
    out = _inherit_subject(cue, out)
    out = _copula_and_siblings(out)
    return _party_nouns(out, lexicon)


def _inherit_subject(cue, out: list[Step]) -> list[Step]:
    """A verb without a subject shares the one of the verb it depends on ("is expected to back"), or the
    object of a verb of accusing ("accused France of supporting", "Qatar is accused of arming")."""
    if (
        cue.pos_ in ("VERB", "AUX")
        and not has_subject(cue)
        and len(out) >= 2
        and out[0].up
        and out[0].prep
        and out[0].label in ("^of", "^for")
        and out[1].label in (">dobj", ">nsubjpass")
    ):
        return [Step(">nsubj", out[1].token, False), *out[2:]]
    if cue.pos_ not in ("VERB", "AUX") or has_subject(cue):
        return out
    if cue.tag_ == "VBG":  # a gerund in a phrase on a verb does what that verb's subject does ("Rome
        n = 0  # opened a mission with the aim of assisting the GNA": Rome assists)
        while n < len(out) and out[n].up and out[n].prep and out[n].token.pos_ not in ("VERB", "AUX"):
            n += 1
        if 0 < n < len(out) and out[n].up and out[n].prep and out[n].token.pos_ in ("VERB", "AUX"):
            if n + 1 < len(out) and out[n + 1].label == ">nsubj":
                return [Step(">nsubj", out[n + 1].token, False), *out[n + 2 :]]
    n = 0  # climb verbs that have no subject of their own to the first one that has
    while (
        n < len(out)
        and out[n].up
        and out[n].label[1:] in INHERIT
        and not has_subject(out[n].token)
        and out[n].token.dep_ not in ("relcl", "acl")
    ):
        n += 1
    if n < len(out) and out[n].up and out[n].label[1:] in INHERIT:
        n += 1
        if n < len(out) and out[n].label in (">nsubj", ">nsubjpass"):
            label = ">nsubjpass" if is_passive(cue) else ">nsubj"
            return [Step(label, out[n].token, False), *out[n + 1 :]]
    return out


def _copula_and_siblings(out: list[Step]) -> list[Step]:
    """The subject of a copula is its attribute ("Turkey remained a supporter"); two subjects of one verb
    are one phrase in apposition ("Egypt and the UAE, both backers of Haftar, ...")."""
    result: list[Step] = []
    for step in out:
        if result and result[-1].up and not step.up:
            pair = (result[-1].label, step.label)
            if pair == ("^attr", ">nsubj") or (
                pair in (("^nsubj", ">nsubj"), ("^nsubjpass", ">nsubjpass"))
                and _comma_between(step.token, result[-1].left)
            ):
                result.pop()
                continue
        result.append(step)
    return result


def _comma_between(a, b) -> bool:
    """Is there a comma between two tokens' phrases (an apposition the parser made a second subject)?"""
    first, second = sorted((a, b), key=lambda t: t.i)
    return any(t.text == "," for t in first.doc[first.i : second.left_edge.i])


def _party_nouns(out: list[Step], lexicon) -> list[Step]:
    """Drop the last steps inside a noun phrase whose head stands for the party ("GNA forces", "Egyptian
    soldiers", "forces of the GNA", "forces loyal to Haftar")."""
    forces, aligned = lexicon.words("forces"), lexicon.words("aligned")

    def stands_for(k: int) -> bool:  # the step before position k reaches a noun standing for its party
        return k >= 1 and out[k - 1].token.lemma_.lower() in forces and not out[k - 1].up

    while len(out) >= 2:
        if out[-1].up:
            break
        if len(out) >= 3 and out[-2].token.lemma_.lower() in aligned and stands_for(len(out) - 2):
            out = out[:-2]
        elif stands_for(len(out) - 1) and out[-1].label[1:] in NP_MODIFIERS + NP_PREPOSITIONS:
            out = out[:-1]
        else:
            break
    return out


def shape(cue, party, lexicon, span=frozenset()) -> str | None:
    """The shape of the path from ``cue`` to ``party`` as one string, or ``None`` across sentences.

    A party written before a hyphen and the cue ("Turkish-backed", "UN-recognised") is the agent: ``>by``.
    Kept with the document: a sentence's cues are tried against every pair of its parties, so each party's
    path would be walked once for each other party.
    """
    shapes = cue.doc.user_data.setdefault("shapes", {})
    key = (cue.i, party.i, span, id(lexicon))
    if key not in shapes:
        shapes[key] = _shape(cue, party, lexicon, span)
    return shapes[key]


def _shape(cue, party, lexicon, span, hyphen=("-", "‐", "–")) -> str | None:
    doc = cue.doc
    if party.i == cue.i - 2 and doc[cue.i - 1].text in hyphen:
        return ">by"
    found = steps(cue, party, lexicon, span)
    if found is None:
        return None
    found = _reattach(found)
    text = ""
    for step in found:
        text += step.label
        if step.up and step.token.pos_ in ("VERB", "AUX"):
            for cls in ("receive", "give", "include"):
                if step.token.lemma_.lower() in lexicon.words(cls):
                    text += f"[{cls}]"
                    break
    return text


def _reattach(out: list[Step]) -> list[Step]:
    """A "for"/"to" phrase the parser hung on a noun inside a prepositional phrase of the cue belongs to the
    cue ("the strongest backer among Western allies for the GNA")."""
    if (
        len(out) >= 2
        and out[0].prep
        and out[1].prep
        and not out[0].up
        and not out[1].up
        and out[1].label in (">for", ">to")
        and out[0].label not in (">of", ">for", ">to", ">from", ">by")
    ):
        return out[1:]
    return out
