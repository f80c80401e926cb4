"""Entities across articles: one knowledge-base entity per real-world entity in the store.

Each article names its entities on its own (``resolve.py``); this module joins
them over the whole store, by rules that each leave a reason:

- ``gazetteer id``: both are the same built-in gazetteer entry.
- ``same normalised name``: equal once case, accents, hyphens, spaces and
  transliteration are folded ("Kim Jong-un" = "Kim Jong Un", "Shin Won-sik"
  = "Shin Wonsik", "Sergey" = "Sergei").
- ``spelling variant: edit distance 1 on 'Shoigu'``: the same number of name
  parts, all equal but one, and that one a near spelling of at least four
  letters with the same first letter and the same consonants (transliterations
  vary mostly in vowels: "Rahman" and "Rahmat" stay apart). "Kim Jong Un" and
  "Kim Jong Il" differ in a two-letter part and stay apart; "Shin Wonsik" and
  "Jaewoo Shin" have different structures and stay apart.
- ``short form``: a one-word person name joins the one person in the store
  whose full name begins or ends with that word, and only when there is
  exactly one ("Kim" with several Kims joins nobody).

Clusters holding two different gazetteer entries never merge. The result is
computed from the set of stored entities alone, so it does not depend on the
order in which articles were ingested. Analyst corrections (merge, split,
rename) are replayed in order after every refresh, so they survive re-ingest.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..lexicon import load_toml
from ..model import slug
from .gazetteer import load_gazetteer, split_words

if TYPE_CHECKING:
    from ..store import Store

logger = logging.getLogger(__name__)

ACTIONS = ("merge", "split", "rename")


@dataclass(frozen=True, slots=True)
class EntityRef:
    """One article-level entity as stored: the unit that knowledge-base entities group."""

    article: str  # article id
    seq: int  # position in the article's entity list
    id: str  # article-local id: a gazetteer id or the slug of the name
    name: str
    type: str
    en: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Member:
    """An article-level entity inside a knowledge-base entity, and why it is there."""

    article: str
    seq: int
    reason: str


@dataclass(frozen=True, slots=True)
class KbEntity:
    """One entity across the store."""

    id: str
    name: str
    type: str
    en: str | None
    members: tuple[Member, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityCorrection:
    """An analyst's decision, replayed after every resolution refresh.

    ``args``: merge ``{"into": A, "other": B}``; split ``{"entity": A, "alias": X}``
    or ``{"entity": A, "article": ID}``; rename ``{"entity": A, "name": NEW}``.
    """

    seq: int
    action: str
    args: Mapping[str, str]
    created: str = ""


# --- names ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rules:
    """Folding and similarity settings (``lang/<lang>/resolution.toml``)."""

    translit: tuple[tuple[str, str], ...]
    max_edits: int
    max_edits_long: int
    min_part: int
    long_part: int
    min_short_variant: int


@lru_cache(maxsize=4)
def load_rules(lang: str = "id") -> Rules:
    data = load_toml("resolution", lang)
    return Rules(
        translit=tuple((a, b) for a, b in data["translit"]),
        max_edits=int(data["max_edits"]),
        max_edits_long=int(data["max_edits_long"]),
        min_part=int(data["min_part"]),
        long_part=int(data["long_part"]),
        min_short_variant=int(data["min_short_variant"]),
    )


def _fold_part(part: str, rules: Rules) -> str:
    word = unicodedata.normalize("NFKD", part.casefold())
    word = "".join(c for c in word if c.isalnum())
    for old, new in rules.translit:
        if old.startswith("^"):
            if word.startswith(old[1:]):
                word = new + word[len(old) - 1 :]
        elif old.endswith("$"):
            if word.endswith(old[:-1]) and len(word) > len(old):
                word = word[: len(word) - len(old) + 1] + new
        else:
            word = word.replace(old, new)
    return word


@lru_cache(maxsize=65536)
def name_parts(name: str, lang: str = "id") -> tuple[str, ...]:
    """Folded name parts: hyphens split parts ("Kim Jong-un" -> kim, jong, un)."""
    rules = load_rules(lang)
    parts = (_fold_part(w, rules) for w in split_words(name) if w[0].isalnum())
    return tuple(p for p in parts if p)


def name_key(name: str, lang: str = "id") -> str:
    """The normalised key: folded parts joined without spaces ("shinwonsik")."""
    return "".join(name_parts(name, lang))


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, cut off at ``limit`` (enough to say "too different")."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) >= limit:
            return limit
        prev = cur
    return min(prev[-1], limit)


def same_name(a: str, b: str, lang: str = "id") -> str | None:
    """Why names ``a`` and ``b`` (of one type) name the same entity, or None."""
    pa, pb = name_parts(a, lang), name_parts(b, lang)
    if not pa or not pb:
        return None
    if "".join(pa) == "".join(pb):
        return "same normalised name"
    return _variant(pa, pb, load_rules(lang))


def _variant(pa: tuple[str, ...], pb: tuple[str, ...], rules: Rules) -> str | None:
    if len(pa) != len(pb) or len(pa) < 2:
        return None
    diff = [i for i in range(len(pa)) if pa[i] != pb[i]]
    if len(diff) != 1:
        return None
    x, y = pa[diff[0]], pb[diff[0]]
    if min(len(x), len(y)) < rules.min_part or x[0] != y[0]:
        return None
    if _skeleton(x) != _skeleton(y):
        return None  # a different consonant is a different name ("Rahman", "Rahmat")
    limit = rules.max_edits_long if min(len(x), len(y)) >= rules.long_part else rules.max_edits
    d = edit_distance(x, y, limit + 1)
    if d > limit:
        return None
    return f"spelling variant: edit distance {d} on {y!r}"


_VOWELS = frozenset("aeiouy")


def _skeleton(word: str) -> str:
    """Consonants with doubles collapsed: transliterations mostly vary in vowels."""
    out: list[str] = []
    for c in word:
        if c not in _VOWELS and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


# --- resolution -----------------------------------------------------------------


@dataclass
class _Cluster:
    refs: list[EntityRef] = field(default_factory=list)
    reasons: dict[tuple[str, int], str] = field(default_factory=dict)
    gaz: set[str] = field(default_factory=set)


class _Union:
    """Union-find over name nodes, refusing to join two different gazetteer entries."""

    def __init__(self, gaz: list[str | None]) -> None:
        self.parent = list(range(len(gaz)))
        self.gaz = [{g} if g else set() for g in gaz]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return False
        if self.gaz[a] and self.gaz[b] and self.gaz[a] != self.gaz[b]:
            return False  # two known, different entities ("Kim Jong Un", "Kim Jong Il")
        a, b = min(a, b), max(a, b)
        self.parent[b] = a
        self.gaz[a] |= self.gaz[b]
        return True


def resolve_store(refs: Iterable[EntityRef], *, lang: str = "id") -> list[KbEntity]:
    """Group article-level entities into knowledge-base entities (order-independent)."""
    gazetteer = load_gazetteer(lang)
    # Nodes: one per (type, name, gazetteer id), sorted so that the result
    # depends on the set of entities only, never on the order they came in.
    by_node: dict[tuple[str, str, str], list[EntityRef]] = defaultdict(list)
    for r in refs:
        entry = gazetteer.get(r.id)
        by_node[(r.type, r.name, entry.id if entry else "")].append(r)
    nodes = sorted(by_node)
    uf = _Union([g or None for _t, _n, g in nodes])
    why: dict[int, str] = {}  # node -> how it joined its cluster

    def join(i: int, j: int, reason: str) -> None:
        if uf.union(i, j):  # the first edge that touched a node says why it is there
            why.setdefault(i, reason)
            why.setdefault(j, reason)

    first_of: dict[str, int] = {}
    for i, (_t, _n, g) in enumerate(nodes):
        if g:
            if g in first_of:
                join(first_of[g], i, "gazetteer id")
            else:
                first_of[g] = i
    # Blocks: the same type and normalised key; the same type, part count and
    # all parts but one (a deletion key), which finds every variant pair
    # without comparing all names with each other.
    keys: dict[tuple[str, str], list[int]] = defaultdict(list)
    dels: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, (type_, name, _g) in enumerate(nodes):
        parts = name_parts(name, lang)
        if not parts:
            continue
        keys[(type_, "".join(parts))].append(i)
        if len(parts) >= 2:
            for k in range(len(parts)):
                dels[(type_, len(parts), k, parts[:k] + parts[k + 1 :])].append(i)
    for block in keys.values():
        for i in block[1:]:
            join(block[0], i, "same normalised name")
    rules = load_rules(lang)
    edges = []
    for block in dels.values():
        for x, i in enumerate(block):
            for j in block[x + 1 :]:
                reason = _variant(
                    name_parts(nodes[i][1], lang), name_parts(nodes[j][1], lang), rules
                )
                if reason is not None:
                    edges.append((i, j, reason))
    for i, j, reason in sorted(edges):
        join(i, j, reason)
    _join_short_forms(nodes, uf, why, lang)
    return _entities(nodes, by_node, uf, why, lang)


def _join_short_forms(
    nodes: list[tuple[str, str, str]], uf: _Union, why: dict[int, str], lang: str
) -> None:
    """A one-word person name joins the only person whose full name starts or ends with it.

    The word may be a spelling variant of that part ("Shoigu" for "Sergei Shogu")
    when it is long enough for a variant to be telling ("Anto" is not "Anti").
    """
    rules = load_rules(lang)
    owners: dict[str, set[tuple[str, int]]] = defaultdict(set)  # skeleton -> (part, root)
    for i, (type_, name, _g) in enumerate(nodes):
        parts = name_parts(name, lang)
        if type_ == "PERSON" and len(parts) >= 2:
            for part in {parts[0], parts[-1]}:
                owners[_skeleton(part)].add((part, uf.find(i)))
    moves = []
    for i, (type_, name, g) in enumerate(nodes):
        parts = name_parts(name, lang)
        if type_ != "PERSON" or g or len(parts) != 1 or len(parts[0]) < 3:
            continue
        word = parts[0]
        roots = {
            root
            for part, root in owners.get(_skeleton(word), ())
            if part == word or _short_variant(part, word, rules)
        } - {uf.find(i)}
        if len(roots) == 1:
            moves.append((min(roots), i, word))
    for root, i, word in moves:  # decided on the state before any of them
        if uf.union(root, i):
            why.setdefault(i, f"short form: the only person in the store named {word!r}")
            why.setdefault(root, f"full name of {word!r}")


def _short_variant(part: str, word: str, rules: Rules) -> bool:
    """A one-word name spelled one edit away from a full name's part, long enough to tell."""
    return (
        len(word) >= rules.min_short_variant
        and len(part) >= rules.min_part
        and part[0] == word[0]
        and _skeleton(part) == _skeleton(word)
        and edit_distance(part, word, rules.max_edits + 1) <= rules.max_edits
    )


def _entities(
    nodes: list[tuple[str, str, str]],
    by_node: dict[tuple[str, str, str], list[EntityRef]],
    uf: _Union,
    why: dict[int, str],
    lang: str,
) -> list[KbEntity]:
    gazetteer = load_gazetteer(lang)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        groups[uf.find(i)].append(i)
    drafts = []
    for members in groups.values():
        refs = [r for i in members for r in by_node[nodes[i]]]
        gaz_ids = sorted({nodes[i][2] for i in members if nodes[i][2]})
        entry = gazetteer.get(gaz_ids[0]) if len(gaz_ids) == 1 else None
        types = Counter(r.type for r in refs)
        type_ = entry.type if entry else max(types, key=lambda t: (types[t], t))
        if entry is not None:
            name, en, id_ = entry.name, entry.en, entry.id
        else:
            name = _best_name(refs)
            ens = Counter(r.en for r in refs if r.en and r.name == name)
            en = max(ens, key=lambda e: (ens[e], e)) if ens else name
            id_ = slug(name)
        # The canonical node is the one that gave the name (else the most used).
        head = min(members, key=lambda i: (nodes[i][1] != name, -len(by_node[nodes[i]]), i))
        member_rows = []
        for i in members:
            node_refs = sorted(by_node[nodes[i]], key=lambda r: (r.article, r.seq))
            same = "gazetteer id" if nodes[i][2] else "same name"
            for k, r in enumerate(node_refs):
                if k:
                    reason = same
                elif i == head:
                    reason = "canonical"
                else:
                    reason = why.get(i, "same cluster")
                member_rows.append(Member(r.article, r.seq, reason))
        member_rows.sort(key=lambda m: (m.article, m.seq))
        drafts.append((id_, name, type_, en, tuple(member_rows), entry is not None))
    # Ids: a gazetteer id is kept; other clashes get -2, -3 … in a fixed order.
    drafts.sort(key=lambda d: (not d[5], d[0], d[4][0].article if d[4] else "", d[1]))
    used: set[str] = set()
    out = []
    for id_, name, type_, en, members_, _known in drafts:
        out.append(KbEntity(_unique(id_, used), name, type_, en, members_))
    out.sort(key=lambda e: e.id)
    return out


def _best_name(refs: list[EntityRef]) -> str:
    """The name most articles use; among equals the fullest, then the first alphabetically."""
    articles: dict[str, set[str]] = defaultdict(set)
    for r in refs:
        articles[r.name].add(r.article)
    return min(articles, key=lambda n: (-len(articles[n]), -len(split_words(n)), -len(n), n))


def _unique(id_: str, used: set[str]) -> str:
    base, k = id_, 2
    while id_ in used:
        id_ = f"{base}-{k}"
        k += 1
    used.add(id_)
    return id_


# --- corrections ------------------------------------------------------------------


class AmbiguousEntity(ValueError):
    """A correction names an entity that several knowledge-base entities match."""


def find_entity(
    entities: list[KbEntity], name: str, refs: Mapping[tuple[str, int], EntityRef] | None = None
) -> KbEntity | None:
    """The entity called ``name``: its id, name or English name first, then a member's name/alias.

    Raises AmbiguousEntity when ``name`` is only an alias of several entities.
    """
    wanted = name.strip().casefold()
    fields: tuple[Callable[[KbEntity], str], ...] = (
        lambda e: e.id,
        lambda e: e.name.casefold(),
        lambda e: (e.en or "").casefold(),
    )
    for field_of in fields:
        hits = [e for e in entities if field_of(e) == wanted]
        if len(hits) == 1:
            return hits[0]
        if hits:
            raise AmbiguousEntity(_ambiguous(name, hits))
    if refs is None:
        return None
    hits = []
    for e in entities:
        for m in e.members:
            r = refs.get((m.article, m.seq))
            if r is not None and wanted in {a.casefold() for a in (r.name, r.id, *r.aliases)}:
                hits.append(e)
                break
    if len(hits) > 1:
        raise AmbiguousEntity(_ambiguous(name, hits))
    return hits[0] if hits else None


def _ambiguous(name: str, hits: list[KbEntity]) -> str:
    options = ", ".join(f"{e.id} ({e.name})" for e in hits[:6])
    return f"{name!r} names several entities: {options}; give one of these ids instead"


def apply_corrections(
    entities: list[KbEntity],
    corrections: Iterable[EntityCorrection],
    refs: Mapping[tuple[str, int], EntityRef],
) -> list[KbEntity]:
    """Replay analyst corrections in order; one that no longer applies is skipped and logged."""
    out = list(entities)
    for c in sorted(corrections, key=lambda c: c.seq):
        try:
            out = apply_correction(out, c, refs)
        except (AmbiguousEntity, LookupError) as exc:
            logger.warning("entity correction %d (%s) skipped: %s", c.seq, c.action, exc)
    return sorted(out, key=lambda e: e.id)


def apply_correction(
    entities: list[KbEntity], c: EntityCorrection, refs: Mapping[tuple[str, int], EntityRef]
) -> list[KbEntity]:
    """One correction applied; raises LookupError if an entity it names is gone."""
    if c.action not in ACTIONS:
        raise LookupError(f"unknown action {c.action!r}")
    target = _need(entities, c.args.get("entity") or c.args.get("into", ""), refs)
    if c.action == "rename":
        new = KbEntity(target.id, c.args["name"], target.type, target.en, target.members)
        return [new if e is target else e for e in entities]
    if c.action == "merge":
        other = _need(entities, c.args["other"], refs)
        if other is target:
            return entities
        moved = tuple(
            Member(m.article, m.seq, f"analyst merge (correction {c.seq})") for m in other.members
        )
        members = tuple(sorted((*target.members, *moved), key=lambda m: (m.article, m.seq)))
        merged = KbEntity(target.id, target.name, target.type, target.en, members)
        return [merged if e is target else e for e in entities if e is not other]
    # split
    alias, article = c.args.get("alias"), c.args.get("article")

    def leaves(m: Member) -> bool:
        if article:
            return m.article.startswith(article.casefold())
        r = refs.get((m.article, m.seq))
        return r is not None and _spelled(r.name) == _spelled(alias or "")

    out_members = tuple(m for m in target.members if leaves(m))
    if not out_members:
        what = f"article {article}" if article else f"name {alias!r}"
        raise LookupError(f"{target.id} has no member with {what}")
    if len(out_members) == len(target.members):
        raise LookupError(f"splitting {target.id} by that would leave it empty")
    kept = tuple(m for m in target.members if not leaves(m))
    moved_refs = [refs[(m.article, m.seq)] for m in out_members if (m.article, m.seq) in refs]
    name = alias if alias else (_best_name(moved_refs) if moved_refs else target.name)
    used = {e.id for e in entities}
    new = KbEntity(
        _unique(slug(name), used),
        name,
        target.type,
        name if alias else target.en,
        tuple(Member(m.article, m.seq, f"analyst split (correction {c.seq})") for m in out_members),
    )
    rest = KbEntity(target.id, target.name, target.type, target.en, kept)
    return [*(rest if e is target else e for e in entities), new]


def _spelled(name: str) -> str:
    """A name as written, up to case and spacing: a split keeps apart what folding joins."""
    return " ".join(name.split()).casefold()


def _need(
    entities: list[KbEntity], name: str, refs: Mapping[tuple[str, int], EntityRef]
) -> KbEntity:
    found = find_entity(entities, name, refs)
    if found is None:
        raise LookupError(f"no entity is called {name!r}")
    return found


# --- store ------------------------------------------------------------------------


def refresh_entities(store: Store, *, lang: str = "id") -> list[KbEntity]:
    """Recompute the store's entities from its articles, replay corrections, store them."""
    refs = {(r.article, r.seq): r for r in store.entity_refs()}
    entities = resolve_store(refs.values(), lang=lang)
    entities = apply_corrections(entities, store.entity_corrections(), refs)
    store.replace_entity_kb(entities)
    logger.info("%d entities across the store from %d article entities", len(entities), len(refs))
    return entities


def correct(store: Store, action: str, args: Mapping[str, str]) -> EntityCorrection:
    """Check a correction against the store now, keep it, and refresh the entities.

    Raises LookupError or AmbiguousEntity (nothing stored) when it does not apply.
    """
    refs = {(r.article, r.seq): r for r in store.entity_refs()}
    current = store.entity_kb() or refresh_entities(store)  # a store never refreshed
    draft = EntityCorrection(0, action, dict(args))
    apply_correction(current, draft, refs)  # raises if it does not apply
    seq = store.add_entity_correction(action, dict(args))
    refresh_entities(store)
    return EntityCorrection(seq, action, dict(args))
