"""Stories: near-duplicates (syndication), story clusters and corroboration.

Each article gets a :class:`Signature` once, when it is stored: MinHash sketches
of its normalised word shingles and of its ordered "anchors" (numbers, names,
quote speakers), the anchors themselves per paragraph, its cluster features,
its date and its wire origin. Grouping then runs over signatures only (never
the texts again), streamed into a :class:`SignatureTable` of flat numpy
arrays (about 3 KB an article, no Python object per article), with a banded
LSH index: sorting band keys finds candidate pairs in O(n log n), so 100k
articles take seconds and a few hundred MB.

Two articles are near-duplicates when

- their shingles mostly agree (copies, lightly edited copies), or
- they are two renderings of one source (translations, rewrites): little
  wording in common, but the same numbers, names and speakers in the same
  order, paragraph by paragraph.

Story clusters join articles about one episode: dated articles within a
time window that are similar (tf-idf over names, words and event types);
undated ones only on shared *specific* names (rare over the corpus, weighted
by idf), and an undated group joins a dated cluster only when most of the
cluster's independent sources support it.

Groups are recomputed from the stored signatures as a whole, sorted by id,
so ingesting in any order, or twice, gives the same groups.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import json
import logging
import math
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from .model import Document, PublishedDate, Story

if TYPE_CHECKING:
    from .store import Store

logger = logging.getLogger(__name__)

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]

# Bumped when features change, so that stored signatures are recomputed.
SIGNATURE_VERSION = 2


@dataclass(frozen=True, slots=True)
class Params:
    """Thresholds of the stage; the defaults are the calibrated ones (see bench/)."""

    shingle: int = 3  # words per shingle: short enough to survive light edits
    num_perm: int = 128  # text MinHash size: J standard error ~0.04
    text_rows: int = 4  # 32 bands of 4: P(candidate) 0.87 at J=0.5, 0.01 at J=0.1
    anchor_perm: int = 96
    anchor_rows: int = 2  # 48 bands of 2: P(candidate) 0.95 at J=0.25
    max_bucket: int = 2000  # a text bucket larger than this is furniture, not a story
    max_anchor_bucket: int = 100  # ordered names shared this widely are a topic, not a source
    # decisions
    copy_jaccard: float = 0.5  # shingle Jaccard of a (lightly edited) copy
    # A rendering: sqrt(containment * anchor Jaccard) at least this, both
    # above their floors, and paragraphs aligned in order.
    min_evidence: float = 0.2
    min_containment: float = 0.06  # shingles of the shorter shared by a rendering
    min_anchor_jaccard: float = 0.12  # ordered anchor pairs shared by a rendering
    min_paragraphs: float = 0.3  # paragraphs aligned in order, of the shorter
    min_anchors: int = 8  # too few anchors to compare two renderings
    # clusters
    window_days: int = 10  # one episode is reported within this many days
    cluster_sim: float = 0.22  # cosine of tf-idf name/term vectors, both dated
    cluster_sim_undated: float = 0.2  # two undated articles
    cluster_attach: float = 0.15  # mean cosine of an undated group to a dated cluster
    top_features: int = 40  # features kept per article for clustering
    # Shared names count as evidence only when specific: found in at most this
    # share of the articles ("Korea Utara" and "Rusia" are in all of them).
    specific_share: float = 0.2
    undated_evidence: float = 1.5  # idf of the specific names two undated articles share
    support_evidence: float = 1.5  # an undated group's evidence with one cluster source
    min_support: float = 0.5  # share of a cluster's independent sources that support it
    attach_evidence: float = 3.0  # total evidence of an undated group with its cluster
    max_feature_df: int = 500  # a feature in more articles than this separates nothing
    max_cluster_pairs: int = 1_000_000  # pairs compared for clusters: rarest features first


PARAMS = Params()


# --- normalisation and features -----------------------------------------------

_WORD = re.compile(r"\w+(?:[-'’.,]\w+)*")
_PARA = re.compile(r"\n\s*\n")
_ANCHOR_WORD = re.compile(r"\b(?:[^\W\d_a-z][\w]*(?:[-'’.,]\w+)*|\d\w*(?:[-'’.,]\w+)*)")
_SENT_END = re.compile(r"[.!?…:\"“”'‘’(\[]\s*$")

# Capitalised words that open sentences or titles without naming anything.
_FUNCTION = frozenset(
    [
        "a",
        "adalah",
        "akan",
        "akibatnya",
        "aku",
        "anda",
        "antara",
        "apa",
        "apabila",
        "atas",
        "atau",
        "bagi",
        "bahkan",
        "bahwa",
        "baik",
        "beberapa",
        "begitu",
        "belum",
        "berdasarkan",
        "bersama",
        "bila",
        "bukan",
        "dalam",
        "dan",
        "dari",
        "demikian",
        "dengan",
        "di",
        "dia",
        "ini",
        "itu",
        "ia",
        "jika",
        "juga",
        "kami",
        "kamis",
        "karena",
        "kata",
        "kedua",
        "kemudian",
        "kepada",
        "ketika",
        "kini",
        "lalu",
        "maka",
        "masih",
        "meski",
        "meskipun",
        "menurut",
        "mereka",
        "namun",
        "oleh",
        "pada",
        "para",
        "saat",
        "sebelum",
        "sebelumnya",
        "sedangkan",
        "sejak",
        "selain",
        "selama",
        "sementara",
        "sebagai",
        "seperti",
        "setelah",
        "tak",
        "tapi",
        "telah",
        "tetapi",
        "the",
        "this",
        "tidak",
        "untuk",
        "walau",
        "yang",
    ]
)

_STOP_TERMS = _FUNCTION | frozenset(
    [
        "adanya",
        "agar",
        "akhir",
        "antara",
        "banyak",
        "bahwa",
        "berita",
        "besar",
        "bisa",
        "bulan",
        "dapat",
        "harus",
        "hari",
        "hingga",
        "hubungan",
        "jadi",
        "juga",
        "kali",
        "kata",
        "katanya",
        "kemungkinan",
        "kepada",
        "lebih",
        "lain",
        "lainnya",
        "masa",
        "mengatakan",
        "menjadi",
        "mungkin",
        "negara",
        "orang",
        "pihak",
        "pula",
        "sama",
        "saja",
        "salah",
        "satu",
        "sana",
        "sangat",
        "sejumlah",
        "sekitar",
        "serta",
        "sudah",
        "sebuah",
        "seorang",
        "tahun",
        "tanpa",
        "tentang",
        "terhadap",
        "termasuk",
        "terus",
        "tersebut",
        "ujar",
        "waktu",
        "yaitu",
    ]
)


def normalise(text: str) -> list[str]:
    """Words, NFKC and case-folded: what two copies of one text share."""
    return [w.casefold() for w in _WORD.findall(unicodedata.normalize("NFKC", text))]


_WORD_HASH: dict[str, int] = {}


def _word_hash(word: str) -> int:
    """A stable 64-bit hash (Python's hash() is salted per process)."""
    h = _WORD_HASH.get(word)
    if h is None:
        if len(_WORD_HASH) > 200_000:  # bounded memory (~40 MB) on endless streams
            _WORD_HASH.clear()
        h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        _WORD_HASH[word] = h
    return h


_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)


def shingle_hashes(words: Sequence[str], k: int = 3) -> U64:
    """64-bit hashes of the word k-shingles (one shingle for a shorter text)."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    if len(h) < k:
        return np.unique(np.bitwise_xor.reduce(h * _MIX[: len(h)], keepdims=True))
    n = len(h) - k + 1
    out = np.zeros(n, dtype=np.uint64)
    for i in range(k):
        # uint64 arithmetic wraps, which is what a multiplicative hash wants.
        out ^= h[i : i + n] * _MIX[i % len(_MIX)] + np.uint64(i)
    return np.unique(out)


def _permutations(n: int, seed: int) -> tuple[U64, U64]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=n, dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # odd
    b = rng.integers(0, 2**63, size=n, dtype=np.uint64)
    return a, b


_PERMS: dict[tuple[int, int], tuple[U64, U64]] = {}


def minhash(hashes: U64, num_perm: int, *, seed: int = 1) -> U32:
    """MinHash by multiply-shift hashing; an empty set gets all-max (matches nothing)."""
    if len(hashes) == 0:
        return np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    key = (num_perm, seed)
    if key not in _PERMS:
        _PERMS[key] = _permutations(num_perm, seed)
    a, b = _PERMS[key]
    mixed = (a[:, None] * hashes[None, :] + b[:, None]) >> np.uint64(32)
    out: U32 = mixed.min(axis=1).astype(np.uint32)
    return out


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or (len(word) > 1 and word.isupper())


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos]
    return pos == 0 or not before.strip() or bool(_SENT_END.search(before))


def _number_key(word: str) -> str:
    """'10.000' -> '#10000', '58,59' -> '#58.59', '19/6/2024' stays apart by _WORD."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", word):
        return "#" + word.replace(".", "")
    return "#" + word.replace(",", ".")


def _mention_keys(doc: Document) -> dict[int, str]:
    """Entity ids at their mention starts, when the entities stage ran."""
    keys: dict[int, str] = {}
    for ent in doc.entities:
        for m in ent.mentions:
            keys[m.start] = "@" + ent.id
    for q in doc.quotes:
        if q.speaker:
            keys.setdefault(q.start, "q:" + q.speaker)
    return keys


def anchors(doc: Document) -> list[tuple[int, str]]:
    """Ordered (paragraph, anchor) pairs: numbers, names and speakers.

    These survive translation and rewording where shingles do not. Entity ids
    are used when the entities stage ran (so "Korut" and "Korea Utara" agree);
    otherwise capitalised words that are not sentence-opening common words.
    """
    text = doc.text
    lower = {w for w in _WORD.findall(text) if w[:1].islower()}
    by_entity = _mention_keys(doc)
    covered = sorted((m.start, m.end) for ent in doc.entities for m in ent.mentions)
    breaks = [m.start() for m in _PARA.finditer(text)]
    out: list[tuple[int, str]] = []
    # Only words that can be anchors: capitalised, acronyms, numbers.
    for m in _ANCHOR_WORD.finditer(text):
        start, word = m.start(), m.group()
        para = bisect.bisect_right(breaks, start)
        if start in by_entity:
            out.append((para, by_entity[start]))
        elif covered and _inside(covered, start):
            continue
        elif word[0].isdigit():
            out.append((para, _number_key(word)))
        elif not doc.entities:
            folded = word.casefold()
            if folded in _FUNCTION:
                continue
            if folded in lower and _sentence_initial(text, start):
                continue
            out.append((para, folded))
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 60)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_NAME_SPAN = re.compile(
    r"(?:[A-Z][\w’'-]*|[A-Z]{2,})(?:\s+(?:[A-Z][\w’'-]*|[A-Z]{2,}|bin|binti|de|van|al))*"
)


def names(doc: Document) -> Counter[str]:
    """Names with counts: entity names when the entities stage ran, else capitalised spans."""
    if doc.entities:
        return Counter({e.en or e.name: max(1, len(e.mentions)) for e in doc.entities})
    lower = {w for w in _WORD.findall(doc.text) if w[:1].islower()}
    found: Counter[str] = Counter()
    for m in _NAME_SPAN.finditer(doc.text):
        words = m.group().split()
        # Drop sentence-opening common words ("Menurut Rizal" -> "Rizal").
        start = m.start()
        while words and (
            words[0].casefold() in _FUNCTION
            or (_sentence_initial(doc.text, start) and words[0].casefold() in lower)
        ):
            start += len(words[0]) + 1
            words = words[1:]
        if words and not (len(words) == 1 and len(words[0]) < 2):
            found[" ".join(words)] += 1
    return found


def terms(doc: Document) -> Counter[str]:
    """Content words (lower case, 5+ letters, not function words): what the story is about."""
    return Counter(
        w for w in normalise(doc.text) if len(w) >= 5 and w.isalpha() and w not in _STOP_TERMS
    )


# --- syndication origin --------------------------------------------------------

# Wire services and outlets that syndicate, by the names and codes articles use.
WIRES: dict[str, str] = {
    "reuters": "Reuters",
    "rtr": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "bloomberg": "Bloomberg",
    "bbn": "Bloomberg",
    "cnn": "CNN",
    "yonhap": "Yonhap",
    "kyodo": "Kyodo",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "bbc": "BBC",
    "al jazeera": "Al Jazeera",
    "antara": "Antara",
    "ant": "Antara",
    "nhk": "NHK",
    "kcna": "KCNA",
    "dpa": "dpa",
    "efe": "EFE",
}
_WIRE_ALT = "|".join(
    sorted((re.escape(k) for k in WIRES if len(k) > 3 or k == "cnn"), key=len, reverse=True)
)
# "dilansir dari Reuters", "mengutip CNN", "lapor Yonhap", "seperti dikutip dari AFP",
# "Sumber: Reuters", "(Reuters) -".
_ORIGIN_TEXT = re.compile(
    rf"(?:dilansir(?:\s+dari)?|melansir|mengutip|dikutip\s+dari|lapor(?:an)?|sumber\s*:|"
    rf"menurut\s+kantor\s+berita)\s+(?:kantor\s+berita\s+)?(?P<w1>{_WIRE_ALT})\b"
    rf"|\((?P<w2>{_WIRE_ALT})\)\s*[-–—]",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Origin:
    """The wire or outlet an article says it comes from, with the words that say so."""

    name: str
    evidence: str
    strength: int  # 2: tag, credit or brand; 1: attribution in the opening or closing text


def _wire(value: str) -> str | None:
    folded = value.casefold().strip()
    if folded in WIRES:
        return WIRES[folded]
    for part in re.split(r"[/,;\s]+", folded):
        if part in WIRES and len(part) > 2:
            return WIRES[part]
    for key, name in WIRES.items():
        if len(key) > 3 and re.search(rf"\b{re.escape(key)}\b", folded):
            return name
    return None


def find_origin(doc: Document) -> Origin | None:
    """Where the text says it comes from: an agency tag, a logo or brand, an attribution.

    Citations inside the body ("lapor kantor berita Interfax" in paragraph 5)
    name a source of one fact, not of the article, so text patterns count only
    in the first two paragraphs and the last one.
    """
    for r in doc.removed:
        if r.reason in ("agency_tag", "logo", "credit", "source") and r.value:
            name = _wire(r.value)
            if name:
                return Origin(name, r.text, 2)
    if doc.outlet and (name := _wire(doc.outlet)):
        return Origin(name, doc.outlet, 2)
    paras = [p for p in _PARA.split(doc.text) if p.strip()]
    for para in paras[:2] + paras[-1:]:
        m = _ORIGIN_TEXT.search(para)
        if m:
            return Origin(WIRES[(m["w1"] or m["w2"]).casefold()], m.group(), 1)
    return None


# --- signatures ----------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class Signature:
    """What grouping needs of one article, computed once when it is stored."""

    text_hash: U32
    anchor_hash: U32
    n_shingles: int
    anchors: tuple[str, ...]
    anchor_paras: tuple[int, ...]
    features: tuple[tuple[str, int], ...]  # names ("n:") and terms ("t:") with counts
    published: str | None = None
    basis: str = "unknown"
    origin: Origin | None = None
    version: int = SIGNATURE_VERSION

    def to_row(self) -> tuple[bytes, bytes, str]:
        """(text MinHash, anchor MinHash, JSON of the rest) for the store."""
        meta = {
            "n_shingles": self.n_shingles,
            "anchors": self.anchors,
            "anchor_paras": self.anchor_paras,
            "features": self.features,
            "published": self.published,
            "basis": self.basis,
            "origin": dataclasses.asdict(self.origin) if self.origin else None,
        }
        return self.text_hash.tobytes(), self.anchor_hash.tobytes(), json.dumps(meta)

    @classmethod
    def from_row(cls, text_hash: bytes, anchor_hash: bytes, meta: str, version: int) -> Signature:
        data = json.loads(meta)
        origin = data.get("origin")
        return cls(
            np.frombuffer(text_hash, dtype=np.uint32),
            np.frombuffer(anchor_hash, dtype=np.uint32),
            int(data["n_shingles"]),
            tuple(data["anchors"]),
            tuple(data["anchor_paras"]),
            tuple((str(k), int(v)) for k, v in data["features"]),
            data.get("published"),
            data.get("basis", "unknown"),
            Origin(**origin) if origin else None,
            version,
        )


def signature(doc: Document, *, params: Params = PARAMS) -> Signature:
    """The signature of one article: O(words), dominated by the MinHash."""
    sh = shingle_hashes(normalise(doc.text), params.shingle)
    pairs = anchors(doc)
    seq = [a for _, a in pairs]
    # Consecutive anchor pairs keep the order; single anchors would match any
    # article on the same topic.
    # Pairs are hashed from the anchors' own (cached) hashes: pair strings are
    # mostly unique and would only churn the cache.
    single = np.fromiter((_word_hash(a) for a in seq), dtype=np.uint64, count=len(seq))
    anchor_set = np.unique(single[:-1] * _MIX[0] ^ single[1:]) if len(seq) > 1 else single[:0]
    feats: Counter[str] = Counter()
    for name, n in names(doc).items():
        feats["n:" + name] += n  # as written, for labels
    for term, n in terms(doc).most_common(params.top_features):
        feats["t:" + term] += n
    for event in doc.events:  # when the events stage ran: what kind of episode
        feats["e:" + event.type] += 1
    for ent in doc.entities:  # people, for labels only: who a story is about
        if ent.type == "PERSON":
            feats["p:" + (ent.en or ent.name)] += max(1, len(ent.mentions))
    return Signature(
        text_hash=minhash(sh, params.num_perm, seed=1),
        anchor_hash=minhash(anchor_set, params.anchor_perm, seed=2),
        n_shingles=len(sh),
        anchors=tuple(seq),
        anchor_paras=tuple(p for p, _ in pairs),
        features=tuple(sorted(feats.items())),
        published=doc.published.value,
        basis=doc.published.basis,
        origin=find_origin(doc),
    )


# --- the signature table ---------------------------------------------------------


_KINDS = {"t:": 0, "n:": 1, "e:": 2, "p:": 3}  # terms, names, event types, people
_LOW60 = (1 << 60) - 1


def feature_hash(key: str) -> int:
    """A stable 64-bit id of a feature; its top 4 bits say its kind (see ``_KINDS``).

    Ids instead of strings keep the table free of a vocabulary that grows with
    every new name; blake2b (not ``hash()``) keeps ties broken the same way in
    every process.
    """
    h = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")
    return (h & _LOW60) | (_KINDS.get(key[:2], 0) << 60)


_LABEL_NAMES = 16  # names kept an article for labels: its most mentioned


def _label_names(features: Sequence[tuple[str, int]]) -> str:
    """The features a label may use, as one compact string: 'key<TAB>count' lines."""
    names = sorted((f for f in features if f[0].startswith("n:")), key=lambda f: (-f[1], f[0]))
    other = [f for f in features if f[0].startswith(("p:", "e:"))]
    return "\n".join(f"{k}\t{c}" for k, c in names[:_LABEL_NAMES] + other)


_BASIS_RANK = {"explicit": 3, "cluster": 2, "inferred": 1, "unknown": 0}
_BASIS_OF_RANK = {v: k for k, v in _BASIS_RANK.items()}
_I64 = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class _Arrays:
    """The table's columns as numpy arrays; ``*_off`` are CSR offsets (n + 1)."""

    text: U32  # (n, num_perm)
    anchor: U32  # (n, anchor_perm)
    n_shingles: _I64
    anchor_ids: U32  # low 32 bits of the anchors' hashes: only compared for equality
    anchor_paras: npt.NDArray[np.uint16]
    anchor_off: _I64
    feat_ids: U64  # feature_hash() of each feature
    feat_counts: U32
    feat_off: _I64
    basis: npt.NDArray[np.uint8]


class SignatureTable:
    """Signatures of many articles in flat arrays: about 2 KB an article.

    A :class:`Signature` keeps its anchors and features as Python strings and
    tuples (~25 KB an article, 2.7 GB for 100k), so grouping works on this
    table instead: MinHash sketches in one uint32 matrix, anchors and features
    as hashes in CSR arrays, the names that labels need as one string an
    article; it is filled one signature at a time from a stream (:meth:`add`)
    and read as numpy arrays (:meth:`arrays`).
    """

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.published: list[str | None] = []
        self.origins: dict[int, Origin] = {}
        self.label_names: list[str] = []  # "key\tcount" of named features, "\n"-joined
        self._widths: tuple[int, int] | None = None
        self._dates: dict[str, str] = {}
        self._sealed: _Arrays | None = None
        self._reset_buffers()

    def _reset_buffers(self) -> None:
        self._text = bytearray()
        self._anchor = bytearray()
        self._n_shingles = array("q")
        self._anchor_ids = array("I")
        self._anchor_paras = array("H")
        self._anchor_end = array("q")
        self._feat_ids = array("Q")
        self._feat_counts = array("I")
        self._feat_end = array("q")
        self._basis = array("B")

    @classmethod
    def of(cls, items: Iterable[tuple[str, Signature]]) -> SignatureTable:
        """A table of (id, signature) pairs, consumed one at a time."""
        table = cls()
        for article_id, sig in items:
            table.add(article_id, sig)
        return table

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, article_id: str, sig: Signature) -> None:
        """Append one signature; the Signature object itself is not kept."""
        widths = (len(sig.text_hash), len(sig.anchor_hash))
        if self._widths is None:
            self._widths = widths
        elif widths != self._widths:
            raise ValueError(
                f"signature of {article_id} has MinHash sizes {widths}, the table {self._widths}"
            )
        if self._sealed is not None:
            self._unseal()
        self.ids.append(article_id)
        self._text += np.ascontiguousarray(sig.text_hash, dtype=np.uint32).tobytes()
        self._anchor += np.ascontiguousarray(sig.anchor_hash, dtype=np.uint32).tobytes()
        self._n_shingles.append(sig.n_shingles)
        self._anchor_ids.extend(_word_hash(a) & 0xFFFFFFFF for a in sig.anchors)
        self._anchor_paras.extend(min(p, 0xFFFF) for p in sig.anchor_paras)
        self._anchor_end.append(len(self._anchor_ids))
        for key, count in sig.features:
            self._feat_ids.append(feature_hash(key))
            self._feat_counts.append(max(1, min(count, 0xFFFFFFFF)))
        self._feat_end.append(len(self._feat_ids))
        self.label_names.append(_label_names(sig.features))
        pub = sig.published
        self.published.append(self._dates.setdefault(pub, pub) if pub else None)
        self._basis.append(_BASIS_RANK.get(sig.basis, 0))
        if sig.origin is not None:
            self.origins[len(self.ids) - 1] = sig.origin

    def basis(self, i: int) -> str:
        return _BASIS_OF_RANK[self.arrays().basis[i]]

    def arrays(self) -> _Arrays:
        """The columns as numpy arrays (moved out of the growable buffers once)."""
        if self._sealed is None:
            n = len(self.ids)
            wt, wa = self._widths or (0, 0)

            def off(ends: array[int]) -> _I64:
                return np.concatenate([np.zeros(1, np.int64), np.array(ends, np.int64)])

            self._sealed = _Arrays(
                text=_view(self._text, np.uint32).reshape(n, wt),
                anchor=_view(self._anchor, np.uint32).reshape(n, wa),
                n_shingles=_view(self._n_shingles, np.int64),
                anchor_ids=_view(self._anchor_ids, np.uint32),
                anchor_paras=_view(self._anchor_paras, np.uint16),
                anchor_off=off(self._anchor_end),
                feat_ids=_view(self._feat_ids, np.uint64),
                feat_counts=_view(self._feat_counts, np.uint32),
                feat_off=off(self._feat_end),
                basis=_view(self._basis, np.uint8),
            )
            self._reset_buffers()  # the arrays above now own the old buffers
        return self._sealed

    def _unseal(self) -> None:
        a = self._sealed
        assert a is not None
        self._sealed = None
        self._text = bytearray(a.text.tobytes())
        self._anchor = bytearray(a.anchor.tobytes())
        self._n_shingles = array("q", a.n_shingles.tolist())
        self._anchor_ids = array("I", a.anchor_ids.tolist())
        self._anchor_paras = array("H", a.anchor_paras.tolist())
        self._anchor_end = array("q", a.anchor_off[1:].tolist())
        self._feat_ids = array("Q", a.feat_ids.tolist())
        self._feat_counts = array("I", a.feat_counts.tolist())
        self._feat_end = array("q", a.feat_off[1:].tolist())
        self._basis = array("B", a.basis.tolist())

    def sorted(self) -> SignatureTable:
        """The same table with its rows in id order, so results never depend on ingest order."""
        order = sorted(range(len(self.ids)), key=self.ids.__getitem__)
        if order == list(range(len(order))):
            return self
        a = self.arrays()
        idx = np.asarray(order, np.int64)
        out = SignatureTable()
        out.ids = [self.ids[i] for i in order]
        out.published = [self.published[i] for i in order]
        rank = {old: new for new, old in enumerate(order)}
        out.origins = {rank[i]: o for i, o in self.origins.items()}
        out.label_names = [self.label_names[i] for i in order]
        out._widths, out._dates = self._widths, self._dates
        anchor_ids, anchor_off = _take_csr(a.anchor_ids, a.anchor_off, idx)
        anchor_paras, _ = _take_csr(a.anchor_paras, a.anchor_off, idx)
        feat_ids, feat_off = _take_csr(a.feat_ids, a.feat_off, idx)
        feat_counts, _ = _take_csr(a.feat_counts, a.feat_off, idx)
        out._sealed = _Arrays(
            a.text[idx],
            a.anchor[idx],
            a.n_shingles[idx],
            anchor_ids,
            anchor_paras,
            anchor_off,
            feat_ids,
            feat_counts,
            feat_off,
            a.basis[idx],
        )
        return out


def _view(buffer: Any, dtype: Any) -> Any:
    """A numpy array over a filled buffer, without copying it (sealing must not double memory)."""
    return np.frombuffer(buffer, dtype) if len(buffer) else np.zeros(0, dtype)


def _take_csr(values: Any, off: _I64, rows: _I64) -> tuple[Any, _I64]:
    """Rows of a CSR column in a new order."""
    lengths = off[rows + 1] - off[rows]
    new_off = np.concatenate([np.zeros(1, np.int64), np.cumsum(lengths)])
    # Index of every kept value: its row's old start plus its place in the row.
    pos = np.arange(int(new_off[-1]), dtype=np.int64) - np.repeat(new_off[:-1], lengths)
    return values[np.repeat(off[rows], lengths) + pos], new_off


# --- LSH ----------------------------------------------------------------------


def band_key(hashes: U32, band: int, rows: int) -> U64:
    """One uint64 key per article for one band of ``rows`` MinHash values."""
    h = hashes[:, band * rows : (band + 1) * rows].astype(np.uint64)
    key = np.zeros(hashes.shape[0], dtype=np.uint64)
    for r in range(rows):
        key = key * np.uint64(0x100000001B3) ^ h[:, r]
    return key


def lsh_pairs(hashes: U32, rows: int, *, max_bucket: int = PARAMS.max_bucket) -> _I64:
    """Candidate pairs, as sorted unique codes ``i * n + j`` (i < j), sharing a band.

    One sort per band, runs of equal keys are buckets: O(n log n) time and
    O(n + pairs) memory, with no Python object per article or pair.
    Empty sketches (all-max values) never become candidates.
    """
    n = hashes.shape[0]
    if n < 2:
        return np.zeros(0, np.int64)
    live = np.flatnonzero(~(hashes == np.iinfo(np.uint32).max).all(axis=1)).astype(np.int64)
    chunks: list[_I64] = []
    held = 0
    for b in range(hashes.shape[1] // rows):
        col = band_key(hashes, b, rows)[live]
        order = np.argsort(col, kind="stable")
        keys, members = col[order], live[order]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        sizes = np.diff(np.r_[starts, len(keys)])
        two = starts[sizes == 2]
        x, y = members[two], members[two + 1]
        chunks.append(np.minimum(x, y) * n + np.maximum(x, y))
        held += len(two)
        for s, size in zip(starts[sizes > 2].tolist(), sizes[sizes > 2].tolist(), strict=True):
            if size > max_bucket:
                logger.debug("LSH bucket of %d articles skipped (band %d)", size, b)
                continue
            m = np.sort(members[s : s + size])
            ii, jj = np.triu_indices(size, k=1)
            chunks.append(m[ii] * n + m[jj])
            held += len(ii)
        if held > 2_000_000:  # keep the buffer of repeated pairs bounded
            chunks, held = [np.unique(np.concatenate(chunks))], 0
    return np.unique(np.concatenate(chunks)) if chunks else np.zeros(0, np.int64)


# --- pair scores ----------------------------------------------------------------


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Longest common subsequence, bit-parallel (Allison–Dix): O(len(b)) big-int steps."""
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for i, x in enumerate(a):
        masks[x] = masks.get(x, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for y in b:
        u = v & masks.get(y, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - v.bit_count()


def paragraph_sets(paras: Sequence[int], anchor_ids: Sequence[Any]) -> list[frozenset[Any]]:
    """The anchors of each paragraph with at least two, in paragraph order."""
    groups: dict[int, set[Any]] = defaultdict(set)
    for p, a in zip(paras, anchor_ids, strict=True):
        groups[p].add(a)
    return [frozenset(s) for _, s in sorted(groups.items()) if len(s) >= 2]


def paragraph_alignment(pa: Sequence[frozenset[Any]], pb: Sequence[frozenset[Any]]) -> float:
    """Share of the shorter article's paragraphs matched, in order, by their anchors.

    Two paragraphs match when they share at least three anchors (names,
    numbers) and half of all their anchors (Dice >= 0.5).
    """
    if not pa or not pb:
        return 0.0
    prev = [0] * (len(pb) + 1)
    for x in pa:
        cur = [0] * (len(pb) + 1)
        for j, y in enumerate(pb):
            shared = len(x & y)
            hit = shared >= 3 and 2 * shared >= len(x) + len(y) - 2 * shared
            cur[j + 1] = max(prev[j + 1], cur[j], prev[j] + hit)
        prev = cur
    return prev[-1] / min(len(pa), len(pb))


@dataclass(frozen=True, slots=True)
class PairScore:
    """Why two articles are, or are not, near-duplicates."""

    jaccard: float  # shingle Jaccard (MinHash estimate)
    containment: float  # shingles of the shorter found in the longer (estimate)
    anchor_jaccard: float  # ordered anchor pairs (MinHash estimate)
    paragraphs: float  # paragraph alignment
    duplicate: bool
    reason: str


def _row_paragraphs(a: _Arrays, i: int) -> list[frozenset[Any]]:
    lo, hi = int(a.anchor_off[i]), int(a.anchor_off[i + 1])
    return paragraph_sets(a.anchor_paras[lo:hi].tolist(), a.anchor_ids[lo:hi].tolist())


def _score_rows(a: _Arrays, i: _I64, k: _I64, params: Params) -> list[bool]:
    """Vectorised decisions for index pairs (i[m], k[m]) of one table."""
    j = (a.text[i] == a.text[k]).mean(axis=1)
    aj = (a.anchor[i] == a.anchor[k]).mean(axis=1)
    si, sk = a.n_shingles[i].astype(np.float64), a.n_shingles[k].astype(np.float64)
    inter = j * (si + sk) / (1 + j)
    c = np.minimum(1.0, inter / np.maximum(1.0, np.minimum(si, sk)))
    n_anchors = np.minimum(
        a.anchor_off[i + 1] - a.anchor_off[i], a.anchor_off[k + 1] - a.anchor_off[k]
    )
    copy = j >= params.copy_jaccard
    maybe = (
        ~copy
        & (n_anchors >= params.min_anchors)
        & (c >= params.min_containment)
        & (aj >= params.min_anchor_jaccard)
        & (np.sqrt(c * aj) >= params.min_evidence)
    )
    out: list[bool] = copy.tolist()
    for m in np.flatnonzero(maybe).tolist():
        pa = paragraph_alignment(_row_paragraphs(a, int(i[m])), _row_paragraphs(a, int(k[m])))
        out[m] = pa >= params.min_paragraphs
    return out


def score_pair(a: Signature, b: Signature, *, params: Params = PARAMS) -> PairScore:
    """Decide one pair: a copy by shingles, or a rendering by aligned evidence."""
    arr = SignatureTable.of([("a", a), ("b", b)]).arrays()
    j = float(np.mean(a.text_hash == b.text_hash))
    c = _containment(j, a.n_shingles, b.n_shingles)
    aj = float(np.mean(a.anchor_hash == b.anchor_hash))
    if j >= params.copy_jaccard:
        return PairScore(j, c, aj, 1.0, True, "copy")
    [dup] = _score_rows(arr, np.zeros(1, np.int64), np.ones(1, np.int64), params)
    pa = paragraph_alignment(_row_paragraphs(arr, 0), _row_paragraphs(arr, 1))
    return PairScore(j, c, aj, pa, bool(dup), "rendering" if dup else "different")


def _containment(j: float, n_a: int, n_b: int) -> float:
    """|A∩B| / min(|A|,|B|) from Jaccard and the set sizes."""
    if min(n_a, n_b) == 0:
        return 0.0
    inter = j * (n_a + n_b) / (1 + j)
    return min(1.0, inter / min(n_a, n_b))


# --- grouping ------------------------------------------------------------------


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return [g for g in out.values() if len(g) > 1]


def _table(sigs: SignatureTable | Sequence[Signature]) -> SignatureTable:
    if isinstance(sigs, SignatureTable):
        return sigs
    return SignatureTable.of((str(i), s) for i, s in enumerate(sigs))


def candidate_pairs(sigs: SignatureTable | Sequence[Signature], *, params: Params = PARAMS) -> _I64:
    """Pairs worth scoring, as codes ``i * n + j``: similar shingles or ordered anchors."""
    table = _table(sigs)
    if len(table) < 2:
        return np.zeros(0, np.int64)
    a = table.arrays()
    return np.union1d(
        lsh_pairs(a.text, params.text_rows, max_bucket=params.max_bucket),
        lsh_pairs(a.anchor, params.anchor_rows, max_bucket=params.max_anchor_bucket),
    )


_CHUNK = 1 << 15  # pairs scored at once: bounds the (pairs x num_perm) comparison arrays


def near_duplicate_pairs(
    sigs: SignatureTable | Sequence[Signature], *, params: Params = PARAMS
) -> list[tuple[int, int]]:
    """Index pairs judged near-duplicates, sorted; vectorised, in bounded chunks."""
    table = _table(sigs)
    codes = candidate_pairs(table, params=params)
    n, a = len(table), table.arrays()
    out: list[tuple[int, int]] = []
    for start in range(0, len(codes), _CHUNK):
        chunk = codes[start : start + _CHUNK]
        i, k = chunk // n, chunk % n
        keep = np.asarray(_score_rows(a, i, k, params), dtype=bool)
        out.extend(zip(i[keep].tolist(), k[keep].tolist(), strict=True))
    return out


def group_indices(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components of size > 1, each sorted, sorted by first member."""
    uf = _UnionFind(n)
    for a, b in pairs:
        uf.union(a, b)
    return sorted(sorted(g) for g in uf.groups())


def story_id(kind: str, members: Iterable[str]) -> str:
    """A stable id from the sorted member ids: the same group gets the same id."""
    digest = hashlib.sha256("\n".join(sorted(members)).encode()).hexdigest()[:12]
    return ("dup-" if kind == "near_duplicate" else "story-") + digest


def group_origin(origins: Iterable[Origin | None]) -> Origin | None:
    """The strongest origin any copy states; ties go to the most frequent name."""
    found = [o for o in origins if o is not None]
    if not found:
        return None
    best = max(o.strength for o in found)
    counts = Counter(o.name for o in found if o.strength == best)
    name = min(counts, key=lambda k: (-counts[k], k))
    return next(o for o in found if o.strength == best and o.name == name)


# --- clusters ------------------------------------------------------------------


def _day(value: str | None) -> int | None:
    """Day number of an ISO date with day precision (months and years are too coarse)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


_F64 = npt.NDArray[np.float64]


def _unique(values: Any) -> tuple[Any, _I64, _I64]:
    """(sorted unique values, index of each value's unique, counts) by one sort.

    ``np.unique`` with ``return_inverse`` took seconds where this takes
    milliseconds (numpy 2's hash-based path on 64-bit ids).
    """
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    first = np.r_[True, ordered[1:] != ordered[:-1]] if len(ordered) else np.zeros(0, bool)
    inverse = np.empty(len(values), np.int64)
    inverse[order] = np.cumsum(first) - 1
    starts = np.flatnonzero(first)
    return ordered[first], inverse, np.diff(np.r_[starts, len(values)]).astype(np.int64)


_TRIANGLES: dict[int, tuple[_I64, _I64]] = {}


def _triangle(size: int) -> tuple[_I64, _I64]:
    """Index pairs (i < j) of ``size`` items, cached: the same sizes come back often."""
    if size not in _TRIANGLES:
        if len(_TRIANGLES) > 512:
            _TRIANGLES.clear()
        ii, jj = np.triu_indices(size, k=1)
        _TRIANGLES[size] = (ii.astype(np.int64), jj.astype(np.int64))
    return _TRIANGLES[size]


def _pair_sums(
    rows: _I64, feats: _I64, values: _F64, n: int, limit: int, budget: int, *, product: bool
) -> tuple[_I64, _F64]:
    """Sum over shared features of every pair of rows sharing one: an inverted index.

    ``product`` sums value_a * value_b (a dot product), else the feature's
    value once (its idf). Features in more than ``limit`` rows are skipped:
    they separate nothing and would cost O(limit²) pairs. The rarest features
    go first until ``budget`` pairs are spent, so time and memory stay bounded
    on any corpus; what is left out are the least specific features.
    """
    order = np.lexsort((rows, feats))
    r, f, v = rows[order], feats[order], values[order]
    if len(f) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.float64)
    starts = np.flatnonzero(np.r_[True, f[1:] != f[:-1]])
    sizes = np.diff(np.r_[starts, len(f)])
    codes: list[_I64] = [np.zeros(0, np.int64)]
    sums: list[_F64] = [np.zeros(0, np.float64)]
    ok = np.flatnonzero((sizes >= 2) & (sizes <= limit))
    ok = ok[np.argsort(sizes[ok], kind="stable")]
    spent = np.cumsum(sizes[ok] * (sizes[ok] - 1) // 2)
    if len(spent) and spent[-1] > budget:
        logger.debug(
            "cluster pairs over budget: %d features of %d used", (spent <= budget).sum(), len(ok)
        )
        ok = ok[spent <= budget]
    two = starts[ok[sizes[ok] == 2]]  # most shared features: all at once
    codes.append(r[two] * n + r[two + 1])
    sums.append(v[two] * v[two + 1] if product else v[two])
    more = ok[sizes[ok] > 2]
    for s, size in zip(starts[more].tolist(), sizes[more].tolist(), strict=True):
        ii, jj = _triangle(size)
        rr, vv = r[s : s + size], v[s : s + size]
        codes.append(rr[ii] * n + rr[jj])
        sums.append(vv[ii] * vv[jj] if product else vv[ii])
    all_codes = np.concatenate(codes)
    uniq, inverse, _ = _unique(all_codes)
    weights = np.concatenate(sums)
    totals = np.asarray(np.bincount(inverse, weights, len(uniq)), dtype=np.float64)
    return uniq, totals


@dataclass(frozen=True, slots=True)
class _Pairs:
    """Pairs of articles that share a feature: cosine and specific-name evidence."""

    i: _I64
    k: _I64
    cos: _F64  # cosine of unit tf-idf vectors over names, events and terms
    evidence: _F64  # idf summed over the specific names both mention


def _pair_stats(table: SignatureTable, params: Params) -> _Pairs:
    """Cosine and evidence of every pair sharing a feature, without an all-pairs pass.

    Vectors keep each article's ``top_features`` tf-idf weights (names count
    double: they say more than words or event types). Evidence counts only
    *specific* names, those in at most ``specific_share`` of the articles:
    every article in a Russia–North Korea corpus names both countries, so
    sharing them says nothing about sharing an episode.
    """
    a, n = table.arrays(), len(table)
    if n < 2 or len(a.feat_ids) == 0:
        z = np.zeros(0, np.int64)
        return _Pairs(z, z, np.zeros(0), np.zeros(0))
    # Dense ids in hash order: the hash breaks ties the same way in any run.
    uniq, f, df = _unique(a.feat_ids)
    idf = np.log((1 + n) / df)
    kind = (uniq >> np.uint64(60)).astype(np.int64)
    named = kind == _KINDS["n:"]
    compared = kind != _KINDS["p:"]  # people are for labels
    lengths = np.diff(a.feat_off)
    rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
    w = np.where(named[f], 2.0, 1.0) * (1 + np.log(a.feat_counts)) * idf[f]
    w[df[f] < 2] = 0.0  # a feature no other article has links nothing
    w[~compared[f]] = 0.0
    # Each row's features by weight, ties by the feature's text (not ingest order).
    order = np.lexsort((f, -w, rows))
    pos = np.arange(len(f), dtype=np.int64) - np.repeat(a.feat_off[:-1], lengths)
    keep = order[(pos < params.top_features) & (w[order] > 0)]
    norm = np.sqrt(np.bincount(rows[keep], weights=w[keep] ** 2, minlength=n))
    unit = w[keep] / norm[rows[keep]]
    limit = min(params.max_feature_df, max(50, n // 20))
    budget = params.max_cluster_pairs
    cos_codes, cos = _pair_sums(rows[keep], f[keep], unit, n, limit, budget, product=True)
    cap = max(2.0, params.specific_share * n)
    specific = named[f] & (df[f] >= 2) & (df[f] <= cap)
    ev_codes, ev = _pair_sums(
        rows[specific], f[specific], idf[f][specific], n, limit, budget, product=False
    )
    codes = _unique(np.concatenate([cos_codes, ev_codes]))[0]
    cos_all = np.zeros(len(codes))
    ev_all = np.zeros(len(codes))
    cos_all[np.searchsorted(codes, cos_codes)] = cos
    ev_all[np.searchsorted(codes, ev_codes)] = ev
    return _Pairs(codes // n, codes % n, cos_all, ev_all)


def cluster_indices(
    table: SignatureTable,
    dates: Sequence[int | None],
    links: Iterable[tuple[int, int]] = (),
    *,
    sources: Sequence[int] | None = None,
    params: Params = PARAMS,
) -> list[list[int]]:
    """Story clusters: specific names in common, close in time.

    Two dated articles link (single link) when within ``window_days`` and
    similar: the time window does most of the separating. Two undated ones
    must also share specific names. An undated group then joins the one dated cluster that it
    shares specific names with across at least ``min_support`` of the
    cluster's independent sources (``sources[i]``: copies count once), with
    enough mean similarity and total evidence; the best supported cluster
    wins. One shared name must not chain an undated article into an episode
    months away.
    """
    n = len(table)
    p = _pair_stats(table, params)
    day = np.array([-1 if d is None else d for d in dates], dtype=np.int64)
    source = list(sources) if sources is not None else list(range(n))
    uf = _UnionFind(n)
    for x, y in links:
        uf.union(x, y)
    di, dk = day[p.i] >= 0, day[p.k] >= 0
    dated = (
        di
        & dk
        & (np.abs(day[p.i] - day[p.k]) <= params.window_days)
        & (p.cos >= params.cluster_sim)
    )
    undated = (
        ~di & ~dk & (p.cos >= params.cluster_sim_undated) & (p.evidence >= params.undated_evidence)
    )
    for x, y in zip(p.i[dated | undated].tolist(), p.k[dated | undated].tolist(), strict=True):
        uf.union(x, y)
    comps: dict[int, list[int]] = defaultdict(list)
    for x in range(n):
        comps[uf.find(x)].append(x)
    is_dated = {r: any(day[x] >= 0 for x in m) for r, m in comps.items()}
    # Evidence between undated groups and dated clusters, from the mixed pairs.
    cos_sum: dict[tuple[int, int], float] = defaultdict(float)
    ev_sum: dict[tuple[int, int], float] = defaultdict(float)
    supported: dict[tuple[int, int], set[int]] = defaultdict(set)
    for x, y, c, e in zip(
        p.i[di ^ dk].tolist(),
        p.k[di ^ dk].tolist(),
        p.cos[di ^ dk].tolist(),
        p.evidence[di ^ dk].tolist(),
        strict=True,
    ):
        u, m = (x, y) if day[x] < 0 else (y, x)
        ru, rm = uf.find(u), uf.find(m)
        if is_dated[ru] or not is_dated[rm]:
            continue
        cos_sum[ru, rm] += c
        ev_sum[ru, rm] += e
        if e >= params.support_evidence:
            supported[ru, rm].add(source[m])
    choice: dict[int, int] = {}
    for (ru, rm), total in sorted(ev_sum.items()):
        members, cluster = comps[ru], comps[rm]
        support = len(supported[ru, rm]) / len({source[m] for m in cluster})
        mean_cos = cos_sum[ru, rm] / (len(members) * len(cluster))
        if (
            support >= params.min_support
            and mean_cos >= params.cluster_attach
            and total >= params.attach_evidence
            and (ru not in choice or total > ev_sum[ru, choice[ru]])
        ):
            choice[ru] = rm
    for ru, rm in choice.items():
        uf.union(ru, rm)
    return group_indices(n, ((x, uf.find(x)) for x in range(n)))


_CALENDAR = frozenset(
    [
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "sabtu",
        "minggu",
    ]
)


def document_frequencies(table: SignatureTable) -> Callable[[str], int]:
    """How many of the table's articles have a feature, by the feature's text."""
    uniq, _, counts = _unique(table.arrays().feat_ids)

    def df(key: str) -> int:
        h = np.uint64(feature_hash(key))
        i = int(np.searchsorted(uniq, h))
        return int(counts[i]) if i < len(uniq) and uniq[i] == h else 0

    return df


def cluster_label(
    table: SignatureTable,
    members: Sequence[int],
    dates: Sequence[int | None],
    df: Callable[[str], int],
) -> str:
    """Top names, event and dates: 'Kim Jong Un, Vladimir Putin, Vladivostok (2023-09-12..16)'.

    The two people most members name say who the story is about; the third is
    the name most members share weighted by how rare it is over all articles
    (every story here mentions "Korea Utara"), which tells episodes of the
    same actors apart. Month and day names are times, not names. The most
    shared event type, when the events stage ran, follows the names.
    """
    n = len(table)
    articles: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    people: Counter[str] = Counter()
    events: Counter[str] = Counter()
    weight: dict[str, float] = {}
    for m in members:
        for line in filter(None, table.label_names[m].split("\n")):
            key, _, number = line.rpartition("\t")
            count = int(number)
            if key.startswith("n:") and key[2:].casefold() not in _CALENDAR:
                articles[key[2:]] += 1
                mentions[key[2:]] += count
                weight[key[2:]] = math.log((1 + n) / max(1, df(key)))
            elif key.startswith("p:"):
                people[key[2:]] += 1
                mentions[key[2:]] += count
            elif key.startswith("e:"):
                events[key[2:]] += 1
    # Who: the people most members name (else the most mentioned names,
    # discounted when every article names them); what sets the episode apart:
    # the name most members share, weighted by its rarity.
    if people:
        actors = sorted(people, key=lambda k: (-people[k], -mentions[k], k))[:2]
    else:
        actors = sorted(articles, key=lambda k: (-mentions[k] * weight[k], -articles[k], k))[:2]
    rest = [k for k in articles if k not in actors]
    marker = sorted(rest, key=lambda k: (-articles[k] * weight[k], -mentions[k], k))[:1]
    label = ", ".join(actors + marker) or "(no names)"
    if events:
        label += " — " + min(events, key=lambda k: (-events[k], k))
    days = sorted(d for d in (dates[m] for m in members) if d is not None)
    if days:
        first, last = date.fromordinal(days[0]), date.fromordinal(days[-1])
        span = first.isoformat() if first == last else f"{first.isoformat()}..{last.isoformat()}"
        label += f" ({span})"
    return label


# --- the whole pass --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Grouping:
    """Near-duplicate groups and story clusters of a set of articles."""

    near_duplicates: tuple[Story, ...]
    clusters: tuple[Story, ...]
    dates: Mapping[str, PublishedDate] = field(default_factory=dict)  # inherited dates


def group(
    signatures: Mapping[str, Signature] | SignatureTable, *, params: Params = PARAMS
) -> Grouping:
    """Near-duplicates, inherited dates and clusters of the given articles.

    A pure function of the signatures: the order they were stored in does not
    matter (the table is put in id order first).
    """
    if isinstance(signatures, SignatureTable):
        table = signatures.sorted()
    else:
        table = SignatureTable.of((i, signatures[i]) for i in sorted(signatures))
    ids, n = table.ids, len(table)
    dup_groups = group_indices(n, near_duplicate_pairs(table, params=params))
    inherited: dict[str, PublishedDate] = {}
    for members in dup_groups:
        inherited.update(_inherit(table, members))
    dates = [
        _day(inherited[i].value) if i in inherited else _day(table.published[m])
        for m, i in enumerate(ids)
    ]
    df = document_frequencies(table)

    def story(kind: str, members: list[int], origin: str | None = None) -> Story:
        ordered = sorted(members, key=lambda m: (dates[m] is None, dates[m] or 0, ids[m]))
        return Story(
            story_id(kind, (ids[m] for m in members)),
            kind,  # type: ignore[arg-type]
            tuple(ids[m] for m in ordered),
            label=cluster_label(table, members, dates, df),
            origin=origin,
        )

    dups = []
    for members in dup_groups:
        origin = group_origin(table.origins.get(m) for m in members)
        dups.append(story("near_duplicate", members, origin.name if origin else None))
    # Copies always share a cluster and count as one source; clusters of one
    # article are not stories.
    links = [(g[0], m) for g in dup_groups for m in g[1:]]
    sources = list(range(n))
    for g in dup_groups:
        for m in g:
            sources[m] = g[0]
    clusters = [
        story("cluster", members)
        for members in cluster_indices(table, dates, links, sources=sources, params=params)
    ]
    return Grouping(tuple(dups), tuple(clusters), inherited)


def _inherit(table: SignatureTable, members: Sequence[int]) -> dict[str, PublishedDate]:
    """Dates for the undated copies of a group: the best-founded date among the others."""
    basis = table.arrays().basis
    dated = [
        m
        for m in members
        if table.published[m] and basis[m] in (_BASIS_RANK["explicit"], _BASIS_RANK["inferred"])
    ]
    if not dated:
        return {}
    best = max(dated, key=lambda m: (int(basis[m]), table.ids[m]))
    value = table.published[best] or ""
    precision = "day" if len(value) >= 10 else ("month" if len(value) == 7 else "year")
    out = {}
    for m in members:
        if table.published[m] is None or basis[m] in (
            _BASIS_RANK["unknown"],
            _BASIS_RANK["cluster"],
        ):
            out[table.ids[m]] = PublishedDate(value, precision, "cluster")  # type: ignore[arg-type]
    return out


def inherit_date(doc: Document, published: PublishedDate) -> Document:
    """Give ``doc`` its near-duplicate's date and re-anchor its relative time expressions."""
    from . import time as time_stage  # the time stage owns re-anchoring

    reanchor = getattr(time_stage, "reanchor", None)
    if reanchor is None:  # TODO: drop once telisik.time.reanchor has shipped everywhere
        return dataclasses.replace(doc, published=published)
    result: Document = reanchor(doc, published)
    return result


# --- corroboration ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Corroboration:
    """Independent sources behind a set of articles: copies of one story count once."""

    sources: int
    articles: int
    groups: tuple[tuple[str, ...], ...]


def corroboration(article_ids: Iterable[str], near_duplicates: Iterable[Story]) -> Corroboration:
    """Count independent sources among ``article_ids``.

    Each near-duplicate group (one wire story, however many outlets ran it) is
    one source; every other article is its own.
    """
    wanted = sorted(set(article_ids))
    owner: dict[str, str] = {}
    for story in near_duplicates:
        if story.kind == "near_duplicate":
            for a in story.articles:
                owner[a] = story.id
    by_source: dict[str, list[str]] = defaultdict(list)
    for a in wanted:
        by_source[owner.get(a, a)].append(a)
    groups = tuple(sorted(tuple(v) for v in by_source.values()))
    return Corroboration(len(groups), len(wanted), groups)


# --- store integration ----------------------------------------------------------


def refresh_stories(store: Store, *, params: Params = PARAMS) -> Grouping:
    """Recompute groups and clusters from the stored signatures and store them.

    Articles stored without a signature (older telisik, other writers) get one
    now. Undated copies inherit their group's date (re-anchoring their times).
    """
    # Streamed into flat arrays: no Signature object is kept per article.
    table = SignatureTable.of(store.signatures())
    for article_id in store.missing_signatures():
        doc = store.get(article_id)
        if doc is not None:
            sig = signature(doc, params=params)
            store.put_signature(article_id, sig)
            table.add(article_id, sig)
    table = table.sorted()  # drops the store-ordered copy before grouping
    result = group(table, params=params)
    for article_id, published in sorted(result.dates.items()):
        doc = store.get(article_id)
        if doc is None or doc.published == published:
            continue
        dated = inherit_date(doc, published)
        store.put(dated)
        store.put_signature(article_id, signature(dated, params=params))
    store.replace_stories([*result.near_duplicates, *result.clusters])
    logger.info(
        "%d near-duplicate groups, %d story clusters over %d articles",
        len(result.near_duplicates),
        len(result.clusters),
        len(table),
    )
    return result


def keep_inherited_date(store: Store, doc: Document) -> Document:
    """An undated article re-ingested keeps the date its group gave it.

    Without this, re-ingesting would rewrite it undated and the next regrouping
    would date it again: two writes instead of "unchanged".
    """
    if doc.published.basis != "unknown":
        return doc
    stored = store.get(doc.id)
    if stored is None or stored.published.basis != "cluster":
        return doc
    return inherit_date(doc, stored.published)


def index_document(store: Store, doc: Document, *, params: Params = PARAMS) -> None:
    """Store the signature of a just-stored article (called by ingest after each put)."""
    store.put_signature(doc.id, signature(doc, params=params))


def story_rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    """``{"near_duplicates": [...], "stories": [...]}`` with id, title, source per article."""
    out: dict[str, list[dict[str, Any]]] = {"near_duplicates": [], "stories": []}
    for story in store.stories():
        articles = []
        for a in story.articles:
            doc = store.get(a)
            articles.append(
                {
                    "id": a,
                    "title": doc.title if doc else None,
                    "source": (doc.url or doc.source) if doc else None,
                    "outlet": doc.outlet if doc else None,
                    "published": doc.published.value if doc else None,
                }
            )
        row: dict[str, Any] = {"id": story.id, "label": story.label}
        if story.kind == "near_duplicate":
            row["origin"] = story.origin
            out["near_duplicates"].append({**row, "articles": articles})
        else:
            out["stories"].append({**row, "articles": articles})
    return out


def iter_signatures(
    docs: Iterable[Document], *, params: Params = PARAMS
) -> Iterator[tuple[str, Signature]]:
    """(id, signature) for a stream of documents, without a store."""
    for doc in docs:
        yield doc.id, signature(doc, params=params)
