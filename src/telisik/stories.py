"""Stories: near-duplicates (syndication), story clusters and corroboration.

Each article gets a :class:`Signature` once, when it is stored: MinHash sketches
of its normalised word shingles and of its ordered "anchors" (numbers, names,
quote speakers), the anchors themselves per paragraph, its cluster features,
its date and its wire origin. Grouping then runs over signatures only (never
the texts again), with a banded LSH index in numpy: sorting band keys finds
candidate pairs in O(n log n), so 100k articles take seconds.

Two articles are near-duplicates when

- their shingles mostly agree (copies, lightly edited copies), or
- they are two renderings of one source (translations, rewrites): little
  wording in common, but the same numbers, names and speakers in the same
  order, paragraph by paragraph.

Groups are recomputed from the stored signatures as a whole, sorted by id,
so ingesting in any order, or twice, gives the same groups.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import itertools
import json
import logging
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
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
SIGNATURE_VERSION = 1


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
    cluster_attach: float = 0.22  # mean cosine of an undated group to a dated cluster
    top_features: int = 40  # features kept per article for clustering


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
        if len(_WORD_HASH) > 500_000:  # bounded memory on endless streams
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
    bigrams = [f"{x}\x1f{y}" for x, y in itertools.pairwise(seq)]
    anchor_set = np.unique(
        np.fromiter((_word_hash(b) for b in bigrams), dtype=np.uint64, count=len(bigrams))
    )
    feats: Counter[str] = Counter()
    for name, n in names(doc).items():
        feats["n:" + name] += n  # as written, for labels
    for term, n in terms(doc).most_common(params.top_features):
        feats["t:" + term] += n
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


# --- LSH ----------------------------------------------------------------------


def band_keys(hashes: U32, rows: int) -> U64:
    """(n, bands) uint64 keys: one per band of ``rows`` MinHash values."""
    n, width = hashes.shape
    bands = width // rows
    h = hashes[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    key = np.zeros((n, bands), dtype=np.uint64)
    for r in range(rows):
        key = key * np.uint64(0x100000001B3) ^ h[:, :, r]
    return key


def lsh_pairs(
    hashes: U32, rows: int, *, max_bucket: int = PARAMS.max_bucket
) -> set[tuple[int, int]]:
    """Index pairs (i < j) that share at least one band: the candidates.

    One sort per band instead of a dict of buckets: vectorised, O(n log n).
    Empty sketches (all-max values) never become candidates.
    """
    n = hashes.shape[0]
    pairs: set[tuple[int, int]] = set()
    if n < 2:
        return pairs
    empty = (hashes == np.iinfo(np.uint32).max).all(axis=1)
    keys = band_keys(hashes, rows)
    for b in range(keys.shape[1]):
        col = keys[:, b]
        order = np.argsort(col, kind="stable")
        order = order[~empty[order]]
        sorted_keys = col[order]
        if len(sorted_keys) < 2:
            continue
        # Runs of equal keys are buckets.
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        sizes = np.diff(np.r_[starts, len(sorted_keys)])
        for s, size in zip(starts[sizes > 1], sizes[sizes > 1], strict=True):
            if size > max_bucket:
                logger.debug("LSH bucket of %d articles skipped (band %d)", size, b)
                continue
            members = np.sort(order[s : s + size])
            if size == 2:
                pairs.add((int(members[0]), int(members[1])))
                continue
            ii, jj = np.triu_indices(int(size), k=1)
            pairs.update(zip(members[ii].tolist(), members[jj].tolist(), strict=True))
    return pairs


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


def _paragraph_sets(sig: Signature) -> list[frozenset[str]]:
    groups: dict[int, set[str]] = defaultdict(set)
    for p, a in zip(sig.anchor_paras, sig.anchors, strict=True):
        groups[p].add(a)
    return [frozenset(s) for _, s in sorted(groups.items()) if len(s) >= 2]


def paragraph_alignment(a: Signature, b: Signature) -> float:
    """Share of the shorter article's paragraphs matched, in order, by their anchors.

    Two paragraphs match when they share at least three anchors (names,
    numbers) and half of all their anchors (Dice >= 0.5).
    """
    pa, pb = _paragraph_sets(a), _paragraph_sets(b)
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


def _containment(j: float, n_a: int, n_b: int) -> float:
    """|A∩B| / min(|A|,|B|) from Jaccard and the set sizes."""
    if min(n_a, n_b) == 0:
        return 0.0
    inter = j * (n_a + n_b) / (1 + j)
    return min(1.0, inter / min(n_a, n_b))


def score_pair(a: Signature, b: Signature, *, params: Params = PARAMS) -> PairScore:
    """Decide one pair: a copy by shingles, or a rendering by aligned evidence."""
    j = float(np.mean(a.text_hash == b.text_hash))
    c = _containment(j, a.n_shingles, b.n_shingles)
    aj = float(np.mean(a.anchor_hash == b.anchor_hash))
    if j >= params.copy_jaccard:
        return PairScore(j, c, aj, 1.0, True, "copy")
    if (
        min(len(a.anchors), len(b.anchors)) < params.min_anchors
        or c < params.min_containment
        or aj < params.min_anchor_jaccard
        or math.sqrt(c * aj) < params.min_evidence
    ):
        return PairScore(j, c, aj, 0.0, False, "different")
    pa = paragraph_alignment(a, b)
    ok = pa >= params.min_paragraphs
    return PairScore(j, c, aj, pa, ok, "rendering" if ok else "different")


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


def candidate_pairs(sigs: Sequence[Signature], *, params: Params = PARAMS) -> set[tuple[int, int]]:
    """Pairs worth scoring: similar shingles, or similar ordered anchors."""
    if len(sigs) < 2:
        return set()
    text = np.stack([s.text_hash for s in sigs])
    anchor = np.stack([s.anchor_hash for s in sigs])
    return lsh_pairs(text, params.text_rows, max_bucket=params.max_bucket) | lsh_pairs(
        anchor, params.anchor_rows, max_bucket=params.max_anchor_bucket
    )


def near_duplicate_pairs(
    sigs: Sequence[Signature], *, params: Params = PARAMS
) -> list[tuple[int, int]]:
    """Index pairs judged near-duplicates, sorted."""
    pairs = sorted(candidate_pairs(sigs, params=params))
    if not pairs:
        return []
    i = np.array([p[0] for p in pairs])
    k = np.array([p[1] for p in pairs])
    text = np.stack([s.text_hash for s in sigs])
    anchor = np.stack([s.anchor_hash for s in sigs])
    # Vectorised first pass; only pairs that might be renderings reach Python.
    j = (text[i] == text[k]).mean(axis=1)
    aj = (anchor[i] == anchor[k]).mean(axis=1)
    sizes = np.array([s.n_shingles for s in sigs], dtype=np.float64)
    inter = j * (sizes[i] + sizes[k]) / (1 + j)
    c = inter / np.maximum(1.0, np.minimum(sizes[i], sizes[k]))
    copy = j >= params.copy_jaccard
    maybe = (
        ~copy
        & (c >= params.min_containment)
        & (aj >= params.min_anchor_jaccard)
        & (np.sqrt(c * aj) >= params.min_evidence)
    )
    out = [pairs[n] for n in np.flatnonzero(copy)]
    for n in np.flatnonzero(maybe):
        a, b = pairs[n]
        if score_pair(sigs[a], sigs[b], params=params).duplicate:
            out.append((a, b))
    return sorted(out)


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


def group_origin(sigs: Iterable[Signature]) -> Origin | None:
    """The strongest origin any copy states; ties go to the most frequent name."""
    found = [s.origin for s in sigs if s.origin is not None]
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


def _vectors(sigs: Sequence[Signature], top: int) -> list[dict[str, float]]:
    """Unit tf-idf vectors over names and terms, idf from this set of articles."""
    df: Counter[str] = Counter()
    for s in sigs:
        df.update(k for k, _ in s.features)
    n = len(sigs)
    out = []
    for s in sigs:
        weights = {}
        for k, tf in s.features:
            if df[k] < 2:
                continue  # a feature no other article has links nothing
            idf = math.log((1 + n) / df[k])
            boost = 2.0 if k.startswith("n:") else 1.0  # names say more than words
            weights[k] = boost * (1 + math.log(tf)) * idf
        best = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        norm = math.sqrt(sum(w * w for _, w in best)) or 1.0
        out.append({k: w / norm for k, w in best})
    return out


def _similarities(vecs: Sequence[dict[str, float]], limit: int) -> dict[tuple[int, int], float]:
    """Cosine of every pair sharing a feature, via an inverted index (no all-pairs pass)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(vecs):
        for k in v:
            index[k].append(i)
    dots: dict[tuple[int, int], float] = defaultdict(float)
    for k, members in index.items():
        if len(members) > limit:
            continue  # a feature most articles share separates nothing
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, b = members[x], members[y]
                dots[a, b] += vecs[a][k] * vecs[b][k]
    return dots


def cluster_indices(
    sigs: Sequence[Signature],
    dates: Sequence[int | None],
    links: Iterable[tuple[int, int]] = (),
    *,
    params: Params = PARAMS,
) -> list[list[int]]:
    """Story clusters: similar names and terms, close in time.

    Dated articles link (single link) when similar and within the window.
    Undated ones link among themselves only at a stricter similarity, and an
    undated group joins a dated cluster only when it is similar to the cluster
    on average: one shared name must not chain an undated article into an
    episode months away.
    """
    n = len(sigs)
    vecs = _vectors(sigs, params.top_features)
    sims = _similarities(vecs, max(50, n // 20))
    uf = _UnionFind(n)
    for a, b in links:
        uf.union(a, b)
    for (a, b), sim in sorted(sims.items()):
        da, db = dates[a], dates[b]
        if da is not None and db is not None:
            if abs(da - db) <= params.window_days and sim >= params.cluster_sim:
                uf.union(a, b)
        elif da is None and db is None and sim >= params.cluster_sim_undated:
            uf.union(a, b)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        comps[uf.find(i)].append(i)
    dated = {r: m for r, m in comps.items() if any(dates[i] is not None for i in m)}
    for root, members in sorted(comps.items()):
        if root in dated:
            continue
        best, best_sim = None, params.cluster_attach
        for other, cluster in sorted(dated.items()):
            total = sum(sims.get((min(a, b), max(a, b)), 0.0) for a in members for b in cluster)
            avg = total / (len(members) * len(cluster))
            if avg >= best_sim:
                best, best_sim = other, avg
        if best is not None:
            uf.union(root, best)
    return group_indices(n, ((i, uf.find(i)) for i in range(n)))


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


def cluster_label(
    sigs: Sequence[Signature], dates: Sequence[int | None], df: Mapping[str, int], n: int
) -> str:
    """The cluster's top names and date range: 'Kim Jong Un, Vladivostok (2023-09-12..16)'.

    Names are ranked by how many members mention them, weighted by how rare
    they are over all articles (every story mentions "Korea Utara"); month and
    day names are times, not names.
    """
    articles: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for s in sigs:
        for k, n in s.features:
            if k.startswith("n:") and k[2:].casefold() not in _CALENDAR:
                articles[k] += 1
                mentions[k] += n
    weight = {k: articles[k] * math.log((1 + n) / df.get(k, 1)) for k in articles}
    common = sorted(articles, key=lambda k: (-articles[k], -weight[k], -mentions[k], k))[:3]
    label = ", ".join(k[2:] for k in common) or "(no names)"
    days = sorted(d for d in dates if d is not None)
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


def group(signatures: Mapping[str, Signature], *, params: Params = PARAMS) -> Grouping:
    """Near-duplicates, inherited dates and clusters of the given articles.

    A pure function of the signatures: the order they were stored in does not matter.
    """
    ids = sorted(signatures)
    sigs = [signatures[i] for i in ids]
    dup_groups = group_indices(len(ids), near_duplicate_pairs(sigs, params=params))
    inherited: dict[str, PublishedDate] = {}
    for members in dup_groups:
        inherited.update(_inherit([ids[m] for m in members], [sigs[m] for m in members]))
    dates = [
        _day(inherited[i].value) if i in inherited else _day(s.published)
        for i, s in zip(ids, sigs, strict=True)
    ]
    df: Counter[str] = Counter()
    for sig in sigs:
        df.update(k for k, _ in sig.features)
    dups = []
    for members in dup_groups:
        ordered = sorted(members, key=lambda m: (dates[m] is None, dates[m] or 0, ids[m]))
        origin = group_origin(sigs[m] for m in members)
        dups.append(
            Story(
                story_id("near_duplicate", (ids[m] for m in members)),
                "near_duplicate",
                tuple(ids[m] for m in ordered),
                label=cluster_label(
                    [sigs[m] for m in members], [dates[m] for m in members], df, len(sigs)
                ),
                origin=origin.name if origin else None,
            )
        )
    # Copies always share a cluster; clusters of one article are not stories.
    links = [(g[0], m) for g in dup_groups for m in g[1:]]
    clusters = []
    for members in cluster_indices(sigs, dates, links, params=params):
        ordered = sorted(members, key=lambda m: (dates[m] is None, dates[m] or 0, ids[m]))
        clusters.append(
            Story(
                story_id("cluster", (ids[m] for m in members)),
                "cluster",
                tuple(ids[m] for m in ordered),
                label=cluster_label(
                    [sigs[m] for m in members], [dates[m] for m in members], df, len(sigs)
                ),
            )
        )
    return Grouping(tuple(dups), tuple(clusters), inherited)


_BASIS_RANK = {"explicit": 3, "cluster": 2, "inferred": 1, "unknown": 0}


def _inherit(ids: Sequence[str], sigs: Sequence[Signature]) -> dict[str, PublishedDate]:
    """Dates for the undated copies of a group: the best-founded date among the others."""
    dated = [
        (s, i)
        for i, s in zip(ids, sigs, strict=True)
        if s.published and s.basis in ("explicit", "inferred")
    ]
    if not dated:
        return {}
    best, _ = max(dated, key=lambda si: (_BASIS_RANK[si[0].basis], si[1]))
    precision = (
        "day"
        if len(best.published or "") >= 10
        else ("month" if len(best.published or "") == 7 else "year")
    )
    out = {}
    for i, s in zip(ids, sigs, strict=True):
        if s.published is None or s.basis in ("unknown", "cluster"):
            out[i] = PublishedDate(best.published, precision, "cluster")  # type: ignore[arg-type]
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
    sigs: dict[str, Signature] = {}
    for article_id, sig in store.signatures():
        sigs[article_id] = sig
    for article_id in store.missing_signatures():
        doc = store.get(article_id)
        if doc is not None:
            sigs[article_id] = signature(doc, params=params)
            store.put_signature(article_id, sigs[article_id])
    result = group(sigs, params=params)
    for article_id, published in sorted(result.dates.items()):
        doc = store.get(article_id)
        if doc is None or doc.published == published:
            continue
        store.put(inherit_date(doc, published))
        sig = dataclasses.replace(sigs[article_id], published=published.value, basis="cluster")
        store.put_signature(article_id, sig)
    store.replace_stories([*result.near_duplicates, *result.clusters])
    logger.info(
        "%d near-duplicate groups, %d story clusters over %d articles",
        len(result.near_duplicates),
        len(result.clusters),
        len(sigs),
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
