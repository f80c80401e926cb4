"""Build ``lang/id/common.txt``: Indonesian words that are usually written in lower case.

A capitalised word whose lower-case form is an ordinary word ("Pendidikan",
"Penerangan", "Bidang") is part of a role or an office, not of a name, when
it stands between a role word and a name ("Menteri Pendidikan dan
Kebudayaan Muhadjir Effendy"). The list is the words of IndoSum (credited in
the README) written in lower case at least ``MIN_LOWER`` times and in at
least ``LOWER_SHARE`` of their occurrences away from a sentence start, plus the
portfolio words of the ministers in ``lang/id/offices.toml`` ("Perindustrian",
"Perhubungan"), which news capitalises nearly every time it writes them.
Deterministic; offline.

    python training/build_common_words.py
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path

from corpora import indosum_articles

OUT = Path(__file__).resolve().parents[1] / "src" / "telisik" / "lang" / "id" / "common.txt"
MIN_LOWER = 3  # seen in lower case this often: an ordinary word, not a name's typo
LOWER_SHARE = 0.2  # office words are capitalised more often than not ("Umum", "Badan")


def common_words() -> list[str]:
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for _, sents in indosum_articles():
        for sent in sents:
            for tok in sent[1:]:
                if not tok.isalpha() or len(tok) < 3:
                    continue
                low = tok.lower()
                total[low] += 1
                if tok == low:
                    lower[low] += 1
    return sorted(w for w, n in total.items() if lower[w] >= max(MIN_LOWER, LOWER_SHARE * n))


def office_words() -> set[str]:
    """The words after "menteri" in the minister titles of ``offices.toml``."""
    offices = OUT.with_name("offices.toml")
    titles = tomllib.loads(offices.read_text(encoding="utf-8"))["abbreviations"].values()
    skip = {"dan", "bidang", "sekretaris", "negara", "republik", "indonesia"}
    return {
        w
        for title in titles
        if title.startswith("menteri ")
        for w in re.findall(r"\w+", title)[1:]
        if w not in skip and len(w) >= 3
    }


def main() -> None:
    words = sorted(set(common_words()) | office_words())
    head = "# Words usually written in lower case (training/build_common_words.py, from IndoSum)\n"
    OUT.write_text(head + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
