"""HTML pages: the article's main text (trafilatura) plus the page's metadata.

Only dates the page states in markup count as explicit publication dates
(meta tags, JSON-LD ``datePublished``, ``<time pubdate>``); trafilatura's own
date guess, which may come from the visible text, is kept as a date hint for
the time stage instead.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import EmptyInput, MalformedInput
from ..model import Document
from .common import clean_field, make_document, normalise_newlines, parse_published
from .decode import decode

if TYPE_CHECKING:
    from lxml.etree import _Element
    from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>")
_HAS_HTML_ROOT = re.compile(r"<html[\s>]", re.I)

# Meta names/properties/itemprops that carry the publication date, best first.
_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "publication_date",
    "content_publisheddate",
    "dcterms.issued",
    "dc.date.issued",
    "dcterms.date",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)
_DATE_RANK = {key: rank for rank, key in enumerate(_DATE_KEYS)}
_ARTICLE_TYPES = re.compile(r"Article|Posting|Report|Blog", re.I)

# Elements of trafilatura's output that are paragraphs of their own, and that start
# a new line inside another block.
_BLOCK_ELEMENTS = frozenset({"p", "head", "list", "quote", "table", "code", "div"})
_LINE_TAGS = _BLOCK_ELEMENTS | {"item", "row", "cell"}

# Markup whose text is never article body, in feed fragments.
_DROP_TAGS = ("script", "style", "noscript", "iframe", "form", "button", "figcaption", "template")
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "aside", "main", "blockquote"}
    | {"pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "figure", "hr", "address"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)
_VISIBLE_TEXT = (
    ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template)]"
)
_PARA = "\x00P\x00"
_BREAK = "\x00B\x00"


def read_html(data: bytes, source: str, *, base_url: str | None = None) -> list[Document]:
    """One Document from an HTML page's bytes."""
    return [html_document(decode_html(data, source), source, base_url=base_url)]


def decode_html(data: bytes, source: str) -> str:
    """Decode a page, honouring the ``<meta charset>`` it declares when it is not UTF-8."""
    match = _CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii", "replace") if match else None
    return decode(data, source, declared=declared)


def html_document(html: str, source: str, *, base_url: str | None = None, **meta: Any) -> Document:
    """A Document from a page's HTML; ``meta`` (title, url, published, ...) overrides the page's.

    ``base_url`` is where the page was fetched from: the URL unless the page names a canonical one.
    """
    if not html.strip():
        raise EmptyInput(source, "no text (empty or only whitespace)")
    tree = parse_html(html, source)
    stated_date = explicit_date(tree)
    result, text = _extract(tree, base_url)
    if not text:
        raise _no_text(tree, source)
    stated = parse_published(stated_date) if stated_date else None
    guessed = result.date if stated is None or stated.value != result.date else None
    fields: dict[str, Any] = {
        "title": result.title,
        "outlet": result.sitename,
        "url": result.url or base_url,
        "published": stated_date,
        "authors": result.author,
    }
    fields.update({k: v for k, v in meta.items() if v not in (None, "", [], ())})
    return make_document(text, source, hints=[guessed] if guessed else [], **fields)


def parse_html(html: str, source: str) -> HtmlElement:
    """An lxml tree of the page; a bare fragment is wrapped so that it parses as a page."""
    from trafilatura import load_html

    html = _XML_DECL.sub("", html, count=1)
    if not _HAS_HTML_ROOT.search(html[:4096]):
        html = f"<html><body>{html}</body></html>"
    tree = load_html(html)
    if tree is None:
        raise MalformedInput(source, "cannot be parsed as HTML")
    return tree


# Extraction passes, tried in order until one finds text: precise first; then
# balanced; then recall with tables, for old pages laid out in tables.
_PASSES: tuple[dict[str, Any], ...] = (
    {"favor_precision": True, "include_tables": False},
    {"include_tables": False},
    {"favor_recall": True, "include_tables": True},
)


def _extract(tree: HtmlElement, url: str | None) -> tuple[Any, str]:
    """trafilatura's main text (no comments, no navigation) and metadata; text is "" if none."""
    import trafilatura

    result: Any = None
    for options in _PASSES:
        result = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
            **options,
        )
        if result is not None and result.body is not None:
            text = body_text(result.body, result.title)
            if text:
                return result, text
        logger.debug("no main text with %s; trying the next extraction pass", options)
    return result, ""


def _no_text(tree: HtmlElement, source: str) -> EmptyInput:
    """EmptyInput saying whether the page had no text at all or only page furniture."""
    body = tree.find(".//body")
    texts = body.xpath(_VISIBLE_TEXT) if body is not None else []
    visible = " ".join(" ".join(texts).split())
    if not visible:
        return EmptyInput(source, "HTML page with no visible text")
    return EmptyInput(
        source,
        f"no article text found in the HTML page ({len(visible)} characters of visible text, "
        "all navigation or boilerplate)",
    )


def body_text(body: _Element, title: str | None = None) -> str:
    """trafilatura's body tree as text: one paragraph per block, blank lines between them."""
    blocks = [block for block in (_tidy(b) for b in _blocks(body)) if block]
    for i, block in enumerate(blocks[:3]):
        if title and _same(block, title):
            del blocks[i]  # the page's own headline: already the title, not body text
            break
    return "\n\n".join(blocks)


def _blocks(container: _Element) -> Iterator[str]:
    """The paragraphs in a container: its block children, and the loose text between them."""
    loose: list[str] = [container.text or ""]
    for child in container:
        if child.tag in _BLOCK_ELEMENTS:
            yield "".join(loose)
            loose = []
            if child.tag == "table":
                yield from _table_blocks(child)
            elif child.tag == "list":
                yield "\n".join(_inline_text(item) for item in child.iter("item"))
            else:
                yield _inline_text(child)
        else:
            loose.append(_inline_text(child))
        loose.append(child.tail or "")
    yield "".join(loose)


def _table_blocks(table: _Element) -> Iterator[str]:
    """A data table as one block of "a | b" rows; a layout table as the blocks in its cells."""
    cells = [cell for row in table.iterchildren("row") for cell in row.iterchildren("cell")]
    if any(child.tag in _BLOCK_ELEMENTS for cell in cells for child in cell):
        for cell in cells:
            yield from _blocks(cell)
        return
    rows = (
        " | ".join(
            text for text in (_tidy(_inline_text(c)) for c in row.iterchildren("cell")) if text
        )
        for row in table.iterchildren("row")
    )
    yield "\n".join(row.replace("\n", " ") for row in rows)


def _inline_text(element: _Element) -> str:
    """An element's text, with ``<lb/>`` and nested blocks as line breaks."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in _LINE_TAGS:
            parts.append("\n" + _inline_text(child) + "\n")
        else:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _tidy(block: str) -> str:
    """One space between words, no blank or padded lines."""
    lines = (" ".join(line.split()) for line in block.split("\n"))
    return "\n".join(line for line in lines if line)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# --- explicit publication dates ------------------------------------------------------


def explicit_date(tree: HtmlElement) -> str | None:
    """The publication date the page states in markup (JSON-LD, meta, time), as written."""
    return _jsonld_date(tree) or _meta_date(tree) or _time_date(tree)


def _meta_date(tree: HtmlElement) -> str | None:
    best: tuple[int, str] | None = None
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        rank = _DATE_RANK.get(key.strip())
        content = clean_field(meta.get("content"))
        if rank is not None and content and (best is None or rank < best[0]):
            best = (rank, content)
    return best[1] if best else None


def _time_date(tree: HtmlElement) -> str | None:
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("itemprop") == "datePublished" or (
            element.tag == "time" and element.get("pubdate") is not None
        ):
            value = clean_field(element.get("datetime") or element.get("content"))
            if value:
                return value
    return None


def _jsonld_date(tree: HtmlElement) -> str | None:
    found: list[tuple[bool, str]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            logger.debug("skipping a JSON-LD block that is not valid JSON")
            continue
        for obj in _json_objects(data):
            value = clean_field(obj.get("datePublished"))
            if value:
                kind = obj.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                found.append((any(_ARTICLE_TYPES.search(str(k)) for k in kinds), value))
    found.sort(key=lambda item: not item[0])  # articles first, stable otherwise
    return found[0][1] if found else None


def _json_objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD document (``@graph`` and nested lists included)."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _json_objects(value)
    elif isinstance(data, list):
        for item in data:
            yield from _json_objects(item)


# --- HTML fragments (feed entries) -------------------------------------------------------


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's content), paragraphs as blank lines."""
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    if "<" not in html:
        return normalise_newlines(html).strip()
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except ParserError:
        return ""
    for element in list(root.iter(*_DROP_TAGS)):
        _drop(element)
    flat = re.sub(r"\s+", " ", "".join(_fragment_parts(root)))
    paragraphs = []
    for chunk in flat.split(_PARA):
        lines = (line.strip() for line in chunk.split(_BREAK))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _fragment_parts(element: _Element) -> Iterator[str]:
    """Text pieces with paragraph and line-break markers, in document order."""
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag.lower() in _BLOCK_TAGS
    if tag.lower() == "br":
        yield _BREAK
    if block:
        yield _PARA
    if isinstance(element.tag, str):
        yield element.text or ""
        for child in element:
            yield from _fragment_parts(child)
    if block:
        yield _PARA
    yield element.tail or ""


def _drop(element: _Element) -> None:
    """Remove an element but keep the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)
