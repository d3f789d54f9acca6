"""The slice of the lexicon that one regulation needs, for reasoning and validation.

A regulation refers to designations of the shared lexicon (addressees, promoters,
carriers, mechanisms); it never states anything about them or about ontology terms.
Reasoning over the whole lexicon with every regulation would redo, per regulation, what
the lexicon entails by itself, and the lexicon grows with the corpus. So the lexicon is
reasoned over and validated once, alone (``Lexicon``: what it states and entails, ``L*``),
and each regulation with a slice of ``L*``:

* the nodes: the lexicon nodes the regulation names, and their neighbours along the
  properties whose triples join at an object in some rule (``Schema.joining``: within,
  includes, the links of dg:appliesTo's chain), so the narrower actors of every addressee
  are in: dg:appliesTo = addressee ∘ includes;
* the triples: every ``L*`` triple about one of those nodes, and every joining triple that
  ends at one (``x within n``, which dg:AppliesToShape follows from an addressee ``n``).

Why that is exact, for the rules kg/check/rules.py implements: ``L*`` is closed, so a
rule gives something new only when one of its premises depends on the regulation. Rules
take one instance triple, or two that meet at a node (transitivity, chains of two
links, functional properties). When one premise is new, the node they meet at is named
by a new triple; the build adds to the slice every lexicon node a new triple names
that it lacks (kg/check/sliced.py ``check_part``), and the slice holds every ``L*``
triple that meets a slice node like that. So the regulation's entailments are ``L*``
plus what the sliced reasoning adds, and each node's triples, as shapes see them, are
the same in the slice as in the whole. tests/test_check_speed_equivalence.py compares
both on real regulations and on broken ones.

Reasoning no longer needs the slice: ``L*`` is closed (with the ontology, the engine
derives nothing from it that is not in it), so a regulation is reasoned over together
with all of ``L*``, indexed once (``Lexicon.closed``), deriving only what needs one of
its own triples (kg/check/rules.py, semi-naive). At corpus size a slice is 50,000–100,000
triples, which every regulation's reasoning used to go through again. The slice is what
it is validated with.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from rdflib import Literal, Node
from rdflib.namespace import RDF

from kg.check.reason import Reasoner, Triple


class Lexicon:
    """``L*``: the lexicon's triples and what it entails alone (with the ontology),
    indexed by node."""

    def __init__(self, stated: Iterable[Triple], reasoner: Reasoner) -> None:
        assert reasoner.schema is not None
        stated = set(stated)
        self.inferred = reasoner.kept(reasoner.entailed(stated), stated)  # NeedsEquality
        self.triples = frozenset(stated | self.inferred)
        self.closed = reasoner.closed(self.triples)
        self.joining = reasoner.schema.joining()
        self._about: dict[Node, list[Triple]] = defaultdict(list)
        self._ending_at: dict[Node, list[Triple]] = defaultdict(list)
        self._digests: dict[Node, str] = {}
        for triple in self.triples:
            s, p, o = triple
            self._about[s].append(triple)
            if p in self.joining and not isinstance(o, Literal):
                self._ending_at[o].append(triple)
        nodes = {n for s, _, o in self.triples for n in (s, o) if not isinstance(n, Literal)}
        self.nodes = frozenset(nodes - reasoner.terms)  # lexicon nodes (ontology terms apart)
        # every node a validation of the lexicon alone can report on (ontology included)
        self.foci = frozenset(str(n) for n in nodes | {
            n for t in reasoner.ontology for n in (t[0], t[2]) if not isinstance(n, Literal)})

    def named(self, triples: Iterable[Triple]) -> set[Node]:
        """The lexicon nodes that occur in ``triples``."""
        return {n for s, _, o in triples for n in (s, o) if n in self.nodes}

    def states_about(self, triples: Iterable[Triple]) -> bool:
        """Whether some triple has a lexicon node or an ontology term as its subject."""
        return any(str(s) in self.foci for s, _, _ in triples)

    def neighbourhood(self, nodes: set[Node]) -> set[Node]:
        """``nodes`` and the lexicon nodes one joining triple away from one of them."""
        around = set(nodes)
        for node in nodes:
            around.update(o for _, p, o in self._about.get(node, ())
                          if p in self.joining and o in self.nodes)
            around.update(s for s, _, _ in self._ending_at.get(node, ()) if s in self.nodes)
        return around

    def slice(self, nodes: Iterable[Node]) -> set[Triple]:
        """The ``L*`` triples about ``nodes`` and the joining triples ending at one."""
        found: set[Triple] = set()
        for node in nodes:
            found.update(self._about.get(node, ()))
            found.update(self._ending_at.get(node, ()))
        return found

    def slice_digest(self, nodes: Iterable[Node]) -> str:
        """The digest of ``slice(nodes)`` and of the nodes, from each node's own digest
        (memoised: every regulation's slice holds the common designations)."""
        lines = []
        for node in sorted(nodes, key=_key):
            if node not in self._digests:
                own = [*self._about.get(node, ()), *self._ending_at.get(node, ())]
                self._digests[node] = digest(own)
            lines.append(f"{_key(node)}\x1f{self._digests[node]}")
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()

    def missing(self, fresh: Iterable[Triple], nodes: set[Node]) -> set[Node]:
        """Lexicon nodes outside ``nodes`` that new triples join at (types join nothing:
        a type only gives further types of the same node)."""
        return {n for s, p, o in fresh if p != RDF.type for n in (s, o)
                if n in self.nodes and n not in nodes}


def digest(triples: Iterable[Triple], nodes: Iterable[Node] = ()) -> str:
    """A digest of triples without blank nodes (parts and the lexicon have none) and of
    a set of nodes."""
    lines = sorted(map(_line, triples))
    lines.append("")
    lines.extend(sorted(map(_key, nodes)))
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _line(triple: Triple) -> str:
    s, p, o = triple
    return f"{s}\x1f{p}\x1f{_key(o)}"


def _key(node: Node) -> str:
    """A node's identity, faster than ``n3()`` (which escapes and re-validates IRIs):
    literals keep their language and datatype, and no IRI holds a control character."""
    if type(node) is Literal:
        return f"\x1e{node}\x1e{node.language}\x1e{node.datatype}"
    return str(node)
