"""Quotes stage: direct, partial, indirect and scare quotes with speaker, role and channel.

Rules over the entities stage's output, no model. Quoted spans come from the
quotation marks of a paragraph (“ ” « » ‘ ’ and straight ones, outermost
only; an unclosed mark runs to the paragraph end). A quote that opens a clause
is *direct*; quoted words inside a reported sentence are *partial* and belong
to the subject of the sentence's speech cue; quoted words with no one saying
them (a concept, a title, an operation's name) are *scare* quotes with no
speaker. Reported speech without marks ("X mengatakan bahwa …", "menurut X,
…", "…, kata X") is *indirect*, with the reported words as its span.

Speakers are the entities of the article: the name after a cue ("kata Jeh"),
the subject before one ("Juru bicara Pentagon mengatakan"), or — for
"katanya", "ia", a continuation paragraph — the last speaker named. The cue
and relay words live in ``lang/<lang>/quotes.toml``.

Modules, in the order the stage uses them: ``marks`` (quoted spans),
``context`` (the article indexed, the lexicon), ``persons`` (whether a
speaker is a person, with the reasons), ``speakers`` (who a phrase names),
``attribution`` (cues after and before a quote), ``resolve`` (pronouns,
descriptions, documents, continuations), ``extract`` (the stage), ``group``
(the same quote across articles, listings).
"""

from __future__ import annotations

from .attribution import Attribution, attribution_after, attribution_before, relay_in
from .context import Lexicon, Speaker, load_lexicon
from .extract import find_quotes, quotes
from .group import (
    QuoteGroup,
    QuoteRecord,
    content_words,
    group_quotes,
    quote_listing,
    refresh_quotes,
    same_words,
)
from .marks import Marked, quoted_spans
from .speakers import speaker_in

__all__ = [
    "Attribution",
    "Lexicon",
    "Marked",
    "QuoteGroup",
    "QuoteRecord",
    "Speaker",
    "attribution_after",
    "attribution_before",
    "content_words",
    "find_quotes",
    "group_quotes",
    "load_lexicon",
    "quote_listing",
    "quoted_spans",
    "quotes",
    "refresh_quotes",
    "relay_in",
    "same_words",
    "speaker_in",
]
