"""The ``telisik`` command: thin over the core (parse -> call -> render).

Data goes to stdout, errors and progress to stderr. Every command that lists
or shows data takes ``--format table|json|jsonl``.
"""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import click

from . import __version__
from .core import extract as extract_docs
from .core import ingest as ingest_docs
from .errors import TelisikError
from .model import Document
from .pipeline import Failure, Pipeline
from .settings import Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


class Context:
    """What the group options give every command."""

    def __init__(self, settings: Settings, db: str, quiet: bool) -> None:
        self.settings = settings
        self.db = db
        self.quiet = quiet

    def open_store(self) -> Any:
        from .store import open_store

        return open_store(self.db, settings=self.settings)


def format_option(fn: F) -> F:
    """The shared ``--format`` option of every listing command."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json", "jsonl"]),
        default="table",
        show_default=True,
        help="table for people, json/jsonl for programs.",
    )(fn)


def fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)


def wide_console() -> Any:
    """A rich console; 160 columns when piped or in make, where wide lines read better."""
    from rich.console import Console

    console = Console()
    return console if console.is_terminal else Console(width=160)


def emit_object(data: dict[str, Any], fmt: str) -> bool:
    """Print one object as JSON for ``--format json|jsonl``; False leaves it to the table view."""
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        click.echo(json.dumps(data, ensure_ascii=False))
    else:
        return False
    return True


def emit(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str = "") -> None:
    """Print rows as a rich table, one JSON array, or JSON lines."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        from rich.table import Table

        table = Table(title=title or None, show_lines=False)
        for col in columns:
            table.add_column(col)
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        wide_console().print(table)


def _cell(value: Any) -> str:
    """One table cell: no line breaks, so rows stay readable."""
    return "" if value is None else " ".join(str(value).split())


def progress(items: Iterable[T], *, quiet: bool, label: str) -> Iterator[T]:
    """A rich progress counter on stderr when it is a terminal and not --quiet."""
    if quiet or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), "{task.description}", MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)
        for item in items:
            yield item
            bar.advance(task)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", default=None, help="SQLite file (default telisik.db) or database URL.")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Settings TOML.")
@click.option("-v", "--verbose", count=True, help="-v info, -vv debug logging on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars.")
@click.version_option(__version__, prog_name="telisik")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config: str | None, verbose: int, quiet: bool) -> None:
    """telisik: Indonesian news into an evidence-linked knowledge base.

    Example: telisik ingest examples/corpus && telisik stats
    """
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if verbose < 2:  # trafilatura logs every discarded page section
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
    settings = load_settings(config)
    ctx.obj = Context(settings, db or settings.store.path, quiet)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl")
@click.option("--stages", help="Comma-separated stages to run (default: the settings').")
@click.option("--raw", is_flag=True, help="Include the raw input text.")
@click.pass_obj
def extract(obj: Context, paths: tuple[str, ...], fmt: str, stages: str | None, raw: bool) -> None:
    """Print the output contract for each input, without a database.

    PATHS are files, folders (recursive) or - for stdin.

    Example: telisik extract article.txt page.html --format json
    """
    pipeline = Pipeline(obj.settings, stages.split(",") if stages else None)
    failed = 0
    docs: list[dict[str, Any]] = []
    for item in progress(
        extract_docs(paths, settings=obj.settings, pipeline=pipeline),
        quiet=obj.quiet,
        label="extracting",
    ):
        if isinstance(item, Failure):
            failed += 1
            fail(item.message)
        elif fmt == "jsonl":
            click.echo(json.dumps(item.to_dict(raw=raw, sentences=False), ensure_ascii=False))
        else:
            docs.append(item.to_dict(raw=raw, sentences=False))
    if fmt == "json":
        click.echo(json.dumps(docs, ensure_ascii=False, indent=2))
    if failed:
        raise SystemExit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.pass_obj
def ingest(obj: Context, paths: tuple[str, ...]) -> None:
    """Read, process and store articles; re-ingesting changes nothing.

    An article whose text changed but whose source (URL or path) is the same
    replaces the old version.

    Example: telisik --db corpus.db ingest examples/corpus
    """
    counts: Counter[str] = Counter()
    with obj.open_store() as store:
        results = ingest_docs(paths, store, settings=obj.settings)
        for item in progress(results, quiet=obj.quiet, label="ingesting"):
            if isinstance(item, Failure):
                counts["failed"] += 1
                fail(item.message)
            else:
                counts[item.status] += 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "nothing read"
    click.echo(f"{obj.db}: {summary}", err=True)
    if counts["failed"]:
        raise SystemExit(1)


@cli.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True)
@format_option
@click.pass_obj
def search(obj: Context, query: str, limit: int, fmt: str) -> None:
    """Full-text search over article titles and text (SQLite FTS5 syntax).

    Example: telisik search '"Korea Utara" AND senjata'
    """
    with obj.open_store() as store:
        hits = store.search(query, limit=limit)
    rows = [
        {"id": h.id, "title": h.title, "source": h.source, "snippet": h.snippet, "rank": h.rank}
        for h in hits
    ]
    emit(rows, fmt, ["id", "title", "source", "snippet"], title=f"{len(rows)} hits for {query}")


@cli.command()
@click.argument("article_id")
@format_option
@click.pass_obj
def show(obj: Context, article_id: str, fmt: str) -> None:
    """Show one article (id or unique id prefix) with its furniture log and extractions.

    Example: telisik show 3f2a9c
    """
    with obj.open_store() as store:
        ids = store.find(article_id)
        if len(ids) != 1:
            what = "no article" if not ids else f"{len(ids)} articles ({', '.join(ids[:5])})"
            raise click.ClickException(f"{what} match id {article_id!r}")
        doc = store.get(ids[0])
        groups = store.stories(article=ids[0])
        titles = {a: store.get(a) for g in groups for a in g.articles if a != ids[0]}
    assert doc is not None
    if not emit_object(doc.to_dict(sentences=False), fmt):
        render_document(doc)
        render_story_memberships(groups, titles)


def render_story_memberships(groups: list[Any], others: dict[str, Document | None]) -> None:
    """The article's near-duplicates (with their wire origin) and its story cluster."""
    for story in groups:
        kind = "near-duplicates" if story.kind == "near_duplicate" else "story cluster"
        origin = f" · origin {story.origin}" if story.origin else ""
        click.echo(f"{kind} {story.id}: {story.label or ''}{origin}")
        for a in story.articles:
            if a in others:
                other = others[a]
                title = (other.title or other.source) if other else ""
                click.echo(f"  {a}  {title}")


def render_document(doc: Document) -> None:
    """A readable view of one article for the terminal."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    pub = doc.published
    console.print(f"[bold]{doc.title or '(no title)'}[/bold]")
    console.print(
        f"id {doc.id} · {doc.outlet or 'unknown outlet'} · published {pub.value or '?'} "
        f"({pub.precision}, {pub.basis}) · language {doc.language or '?'}"
    )
    console.print(
        f"source {doc.source}" + (f" · {doc.url}" if doc.url and doc.url != doc.source else "")
    )
    for label, names in (
        ("authors", doc.authors),
        ("editors", doc.editors),
        ("credits", doc.credits),
    ):
        if names:
            console.print(f"{label}: {', '.join(names)}")
    console.print()
    console.print(doc.text, markup=False, highlight=False)
    if doc.removed:
        table = Table(title="removed furniture")
        table.add_column("line")
        table.add_column("reason")
        table.add_column("text")
        for r in doc.removed:
            table.add_row(str(r.line), r.reason, r.text[:90])
        console.print(table)
    counts = {
        "entities": len(doc.entities),
        "quotes": len(doc.quotes),
        "times": len(doc.times),
        "quantities": len(doc.quantities),
        "events": len(doc.events),
    }
    console.print(" · ".join(f"{k} {v}" for k, v in counts.items()))


@cli.command()
@format_option
@click.pass_obj
def stories(obj: Context, fmt: str) -> None:
    """Near-duplicate groups (one source, with its wire) and story clusters.

    Groups are updated by every ingest.

    Example: telisik --db corpus.db stories --format json
    """
    from .stories import story_rows

    with obj.open_store() as store:
        data = story_rows(store)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    rows = [
        {
            "kind": kind,
            "group": g["id"],
            "label": g["label"],
            "origin": g.get("origin"),
            **{k: a[k] for k in ("id", "published", "title", "source")},
        }
        for kind, key in (("near-duplicate", "near_duplicates"), ("story", "stories"))
        for g in data[key]
        for a in g["articles"]
    ]
    emit(
        rows,
        fmt,
        ["kind", "group", "label", "origin", "id", "published", "title"],
        title=f"{len(data['near_duplicates'])} near-duplicate groups, "
        f"{len(data['stories'])} stories",
    )


@cli.command()
@click.option("--limit", default=50, show_default=True)
@format_option
@click.pass_obj
def articles(obj: Context, limit: int, fmt: str) -> None:
    """List stored articles with their date, outlet, title and furniture count.

    Example: telisik --db demo.db articles --limit 20
    """
    rows = []
    with obj.open_store() as store:
        for doc in store.documents():
            rows.append(
                {
                    "id": doc.id,
                    "published": doc.published.value,
                    "basis": doc.published.basis,
                    "outlet": doc.outlet,
                    "title": doc.title,
                    "source": doc.source,
                    "removed": len(doc.removed),
                    "sentences": len(doc.sentences),
                }
            )
            if len(rows) >= limit:
                break
    emit(
        rows,
        fmt,
        ["id", "published", "outlet", "title", "removed", "sentences"],
        title=f"{len(rows)} articles in {obj.db}",
    )


@cli.command()
@format_option
@click.pass_obj
def stats(obj: Context, fmt: str) -> None:
    """Row counts of every table in the store.

    Example: telisik --db corpus.db stats --format json
    """
    with obj.open_store() as store:
        counts = store.stats()
    if fmt == "table":
        emit(
            [{"table": k, "rows": v} for k, v in counts.items()],
            fmt,
            ["table", "rows"],
            title=str(obj.db),
        )
    elif fmt == "json":
        click.echo(json.dumps(counts, indent=2))
    else:
        for k, v in counts.items():
            click.echo(json.dumps({"table": k, "rows": v}))


@cli.command("entities")
@click.option(
    "--type",
    "type_",
    type=click.Choice(["PERSON", "ORG", "GPE", "LOC", "FAC", "WEAPON"]),
    help="Only entities of this type.",
)
@click.option("--top", default=50, show_default=True, help="How many, most articles first.")
@format_option
@click.pass_obj
def entities_cmd(obj: Context, type_: str | None, top: int, fmt: str) -> None:
    """List the entities of the store (resolved across articles), most widely mentioned first.

    Spelling variants and analyst merges count as one entity with all aliases.

    Example: telisik entities --type PERSON --top 20
    """
    from .entities.profile import kb_map, summarise

    with obj.open_store() as store:
        kb = kb_map(store.entity_kb())
        rows = summarise(store.documents(), type=type_, kb=kb)[: max(top, 0)]
    data: list[dict[str, Any]] = [
        {
            "id": s.id,
            "name": s.name,
            "type": s.type,
            "en": s.en,
            "articles": s.articles,
            "mentions": s.mentions,
            "aliases": s.aliases,
            "roles": s.roles,
        }
        for s in rows
    ]
    if fmt == "table":
        for row in data:
            row["aliases"] = ", ".join(row["aliases"][:4])
            row["roles"] = "; ".join(row["roles"][:2])
    emit(
        data,
        fmt,
        ["id", "name", "type", "articles", "mentions", "aliases", "roles"],
        title=f"{len(data)} entities",
    )


class _EntityGroup(click.Group):
    """``telisik entity NAME`` shows an entity; ``telisik entity merge …`` corrects one."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Before the group parses options, so `entity --format json NAME` works too.
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["show", *args]
        return super().parse_args(ctx, args)


@cli.group("entity", cls=_EntityGroup)
def entity_cmd() -> None:
    """Profile one entity (telisik entity NAME) or correct how entities are resolved.

    NAME is an entity id, name, English name or alias. Corrections (merge,
    split, rename) are kept in the store and re-applied after every ingest.

    Example: telisik entity "Kim Jong Un" && telisik entity merge "Sergei Shoigu" "S. Shoigu"
    """


@entity_cmd.command("show")
@click.argument("name")
@format_option
@click.pass_obj
def entity_show(obj: Context, name: str, fmt: str) -> None:
    """Profile one entity across the store: aliases, roles, articles, sentences, company.

    Example: telisik entity show "Kim Jong Un" --format json
    """
    from .entities.kb import AmbiguousEntity, find_entity
    from .entities.profile import kb_map, profile

    with obj.open_store() as store:
        entities = store.entity_kb()
        refs = {(r.article, r.seq): r for r in store.entity_refs()} if entities else None
        try:
            target = find_entity(entities, name, refs)
        except AmbiguousEntity as exc:
            raise click.ClickException(str(exc)) from None
        kb = kb_map(entities) if target is not None else None
        found = profile(
            store.documents(), name, kb=kb, target=target.id if target is not None else None
        )
    if found is None:
        raise click.ClickException(f"no stored entity is called {name!r}; see `telisik entities`")
    s = found.summary
    merged = _member_reasons(target)
    data = {
        "id": s.id,
        "name": s.name,
        "en": s.en,
        "type": s.type,
        "types": dict(s.types),
        "aliases": s.aliases,
        "roles": s.roles,
        "articles": s.articles,
        "mentions": s.mentions,
        "merged": merged,
        "sentences": [
            {
                "article": a.article,
                "source": a.source,
                "text": a.sentence,
                "start": a.start,
                "end": a.end,
            }
            for a in found.appearances
        ],
        "cooccurring": [{"id": i, "name": n, "articles": k} for i, n, k in found.cooccurring],
    }
    if emit_object(data, fmt):
        return
    from rich.console import Console

    console = Console()
    console.print(f"[bold]{s.name}[/bold] ({s.type}, id {s.id}, en {s.en})")
    console.print(f"{s.articles} articles, {s.mentions} mentions", highlight=False)
    if s.aliases:
        console.print("aliases: " + ", ".join(s.aliases), markup=False)
    for role in s.roles:
        console.print(f"role: {role}", markup=False)
    for m in merged:
        if m["reason"] != "canonical":
            console.print(f"joined: article {m['article']} ({m['reason']})", markup=False)
    emit(
        [{"article": a.article, "sentence": a.sentence} for a in found.appearances],
        "table",
        ["article", "sentence"],
        title="sentences",
    )
    emit(
        [{"id": i, "name": n, "articles": k} for i, n, k in found.cooccurring[:15]],
        "table",
        ["id", "name", "articles"],
        title="co-occurring entities",
    )


def _member_reasons(target: Any) -> list[dict[str, Any]]:
    """Why each article-level entity belongs to ``target`` (empty without a store entity)."""
    if target is None:
        return []
    return [{"article": m.article, "seq": m.seq, "reason": m.reason} for m in target.members]


def _entity_correction(obj: Context, action: str, args: dict[str, str]) -> None:
    """Check, keep and apply one correction; say what it did on stderr."""
    from .entities.kb import AmbiguousEntity, correct

    with obj.open_store() as store:
        try:
            c = correct(store, action, args)
        except (AmbiguousEntity, LookupError) as exc:
            raise click.ClickException(f"{action} not applied: {exc}") from None
    click.echo(f"{obj.db}: entity correction {c.seq} ({action}) kept and applied", err=True)


@entity_cmd.command("merge")
@click.argument("into")
@click.argument("others", nargs=-1, required=True)
@click.pass_obj
def entity_merge(obj: Context, into: str, others: tuple[str, ...]) -> None:
    """Merge the entities OTHERS into INTO (each an id, name or alias); INTO keeps its name.

    Example: telisik entity merge "Sergei Shoigu" "Sergey Shoygu"
    """
    for other in others:
        _entity_correction(obj, "merge", {"into": into, "other": other})


@entity_cmd.command("split")
@click.argument("name")
@click.option("--alias", help="Move the article entities with this name to a new entity.")
@click.option("--article", help="Move this article's (id or id prefix) part to a new entity.")
@click.pass_obj
def entity_split(obj: Context, name: str, alias: str | None, article: str | None) -> None:
    """Split wrongly merged entities out of NAME, by their name or by article.

    Example: telisik entity split "Kim Jong Un" --alias "Kim Jong Il"
    """
    if bool(alias) == bool(article):
        raise click.UsageError("give exactly one of --alias or --article")
    args = {"entity": name, "alias": alias} if alias else {"entity": name, "article": article}
    _entity_correction(obj, "split", {k: v for k, v in args.items() if v})


@entity_cmd.command("rename")
@click.argument("name")
@click.argument("new_name")
@click.pass_obj
def entity_rename(obj: Context, name: str, new_name: str) -> None:
    """Give the entity NAME (id, name or alias) the canonical name NEW_NAME; its id stays.

    Example: telisik entity rename sergei-shoigu "Sergei Kuzhugetovich Shoigu"
    """
    _entity_correction(obj, "rename", {"entity": name, "name": new_name})


# --- events knowledge base (telisik.eventkb) ---------------------------------------------


class _EventGroup(click.Group):
    """``telisik event ID`` shows an event; ``telisik event merge …`` corrects one."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "show", self.commands["show"], args
        return super().resolve_command(ctx, args)


def _kb_rows(events: list[Any], names: dict[str, str]) -> list[dict[str, Any]]:
    from .eventkb import event_row

    return [event_row(e, names) for e in events]


def _table_date(row: dict[str, Any]) -> str:
    d = row.get("date")
    return "" if not d or not d.get("value") else f"{d['value']} ({d['precision']})"


_EVENT_COLUMNS = ["id", "date", "type", "mode", "source", "target", "status", "sources"]


def _flatten_for_table(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        flat = dict(row)
        flat["date"] = _table_date(row)
        flat["source"] = row.get("source_name") or ""
        flat["target"] = row.get("target_name") or ""
        flat["sources"] = f"{row['sources']} ({row['articles']} art., {row['mentions']} ment.)"
        out.append(flat)
    return out


def _emit_events(rows: list[dict[str, Any]], fmt: str, title: str) -> None:
    if fmt == "table":
        emit(_flatten_for_table(rows), fmt, _EVENT_COLUMNS, title=title)
    else:
        emit(rows, fmt, _EVENT_COLUMNS, title=title)


@cli.group("event", cls=_EventGroup, invoke_without_command=False)
def event_cmd() -> None:
    """Show one merged event (telisik event ID) or correct the merging.

    Corrections are kept in the store and re-applied after every ingest.

    Example: telisik event 46f6afc0f7 && telisik event merge 46f6 4536
    """


@event_cmd.command("show")
@click.argument("event_id")
@format_option
@click.pass_obj
def event_show(obj: Context, event_id: str, fmt: str) -> None:
    """Show one event with its mentions and evidence sentences.

    Example: telisik event show 46f6afc0f7 --format json
    """
    from .eventkb import event_row, mention_row, resolve

    with obj.open_store() as store:
        event = resolve(store, event_id)
        names = store.entity_names()
    data = event_row(event, names)
    data["mentions"] = [mention_row(n, m) for n, m in enumerate(event.mentions, 1)]
    if emit_object(data, fmt):
        return
    console = wide_console()
    flag = " [REJECTED]" if event.rejected else ""
    console.print(
        f"event {event.id}{flag}: {event.type}/{event.mode or '-'} (CAMEO {event.cameo or '-'})",
        markup=False,
    )
    console.print(
        f"{data['source_name'] or '?'} -> {data['target_name'] or '?'}"
        f" · at {data['location_name'] or '?'} · {_table_date(data) or 'undated'}"
        f" · {event.status}",
        markup=False,
    )
    if event.claimed_by or event.denied_by:
        console.print(
            f"claimed by: {', '.join(event.claimed_by) or '-'} · "
            f"denied by: {', '.join(event.denied_by) or '-'}",
            markup=False,
        )
    console.print(
        f"{event.sources} independent sources, {event.articles} articles, "
        f"{len(event.mentions)} mentions · merged: {event.reason}",
        markup=False,
    )
    emit(
        [
            {**m, "date": _table_date(m), "published": m["published"] or ""}
            for m in data["mentions"]
        ],
        "table",
        ["n", "ref", "published", "outlet", "status", "date", "evidence"],
        title="mentions",
    )


@event_cmd.command("merge")
@click.argument("event_ids", nargs=-1, required=True)
@click.pass_obj
def event_merge(obj: Context, event_ids: tuple[str, ...]) -> None:
    """Merge two or more events into one (kept across re-ingest).

    Example: telisik event merge 46f6afc0f7 4536ef8773
    """
    from .eventkb import merge_events

    with obj.open_store() as store:
        events = merge_events(store, list(event_ids))
    click.echo(f"merged; {len(events)} events now", err=True)


@event_cmd.command("split")
@click.argument("event_id")
@click.option(
    "--mention",
    "mentions",
    multiple=True,
    required=True,
    help="A mention to split off: its number in `telisik event ID` or ARTICLE:SEQ. Repeatable.",
)
@click.pass_obj
def event_split(obj: Context, event_id: str, mentions: tuple[str, ...]) -> None:
    """Split mentions off an event into a new event of their own (kept across re-ingest).

    Example: telisik event split 46f6afc0f7 --mention 2
    """
    from .eventkb import split_event

    with obj.open_store() as store:
        events = split_event(store, event_id, list(mentions))
    click.echo(f"split; {len(events)} events now", err=True)


@event_cmd.command("recode")
@click.argument("event_id")
@click.option("--type", "type_", required=True, help="PLOVER type, e.g. CONSULT.")
@click.option("--mode", default=None, help="PLOVER mode, e.g. meeting.")
@click.pass_obj
def event_recode(obj: Context, event_id: str, type_: str, mode: str | None) -> None:
    """Re-code an event's PLOVER type (and mode); its CAMEO code follows.

    Example: telisik event recode 46f6afc0f7 --type CONSULT --mode meeting
    """
    from .eventkb import recode_event

    with obj.open_store() as store:
        recode_event(store, event_id, type_, mode)
    click.echo("recoded", err=True)


@event_cmd.command("reject")
@click.argument("event_id")
@click.pass_obj
def event_reject(obj: Context, event_id: str) -> None:
    """Reject an event (a false extraction): hidden from timeline, claims, graph and export.

    Example: telisik event reject 46f6afc0f7
    """
    from .eventkb import reject_event

    with obj.open_store() as store:
        reject_event(store, event_id)
    click.echo("rejected", err=True)


def _about(store: Any, about: str | None) -> tuple[set[str] | None, dict[str, str]]:
    from .eventkb import entity_ids

    names: dict[str, str] = store.entity_names()
    return (entity_ids(about, names) if about else None), names


@cli.command()
@click.option("--about", help="Only events involving this entity (id, name or alias).")
@format_option
@click.pass_obj
def claims(obj: Context, about: str | None, fmt: str) -> None:
    """The claim ledger: contested events, who asserts and who denies them, on what evidence.

    Example: telisik claims --about "Korea Utara" --format json
    """
    from .eventkb import claim_row
    from .eventkb import claims as contested

    with obj.open_store() as store:
        ids, names = _about(store, about)
        rows = [claim_row(e, names) for e in contested(store.kb_events(), about=ids)]
    if fmt != "table":
        emit(rows, fmt, [])
        return
    flat = []
    for row in rows:
        for ev in row["evidence"]:
            flat.append(
                {
                    "event": row["id"],
                    "what": f"{row['type']}/{row['mode'] or '-'} {row['source_name'] or '?'}"
                    f" -> {row['target_name'] or '?'}",
                    "status": row["status"],
                    "this report": ev["status"],
                    "claimed by": ", ".join(ev["claimed_by"]),
                    "denied by": ", ".join(ev["denied_by"]),
                    "article": f"{ev['article'][:8]} {ev['published'] or ''}",
                    "evidence": ev["evidence"],
                }
            )
    emit(
        flat,
        "table",
        [
            "event",
            "what",
            "status",
            "this report",
            "claimed by",
            "denied by",
            "article",
            "evidence",
        ],
        title=f"{len(rows)} contested events",
    )


@cli.command()
@click.option("--about", help="Only events involving this entity (id, name or alias).")
@click.option("--from", "from_", help="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--to", help="Up to this date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD.")
@format_option
@click.pass_obj
def timeline(obj: Context, about: str | None, from_: str | None, to: str | None, fmt: str) -> None:
    """Merged events in date order, with status and independent source counts.

    Example: telisik timeline --about Putin --from 2024-01 --to 2024-12
    """
    from .eventkb import parse_day
    from .eventkb import timeline as ordered

    start = parse_day(from_) if from_ else None
    end = parse_day(to, end=True) if to else None
    with obj.open_store() as store:
        ids, names = _about(store, about)
        events = ordered(store.kb_events(), about=ids, start=start, end=end)
    _emit_events(_kb_rows(events, names), fmt, f"{len(events)} events")


@cli.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File (default stdout).")
@click.option(
    "--format", "fmt", type=click.Choice(["gexf", "graphml"]), default="gexf", show_default=True
)
@click.pass_obj
def graph(obj: Context, output: str | None, fmt: str) -> None:
    """Export the actor–event network (actors, places and events as nodes) for Gephi etc.

    Example: telisik graph --output events.gexf
    """
    from .eventkb import event_graph, write_graph

    with obj.open_store() as store:
        g = event_graph(store.kb_events(), store.entity_names())
    if output:
        write_graph(g, output, fmt)
        click.echo(f"{output}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges", err=True)
        return
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"graph.{fmt}"
        write_graph(g, str(path), fmt)
        click.echo(path.read_text("utf-8"), nl=False)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["gdelt"]), default="gdelt", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File (default stdout).")
@click.pass_obj
def export(obj: Context, fmt: str, output: str | None) -> None:
    """Export merged events as a GDELT-2.0-style tab-separated table with a header row.

    Example: telisik export --format gdelt --output events.tsv
    """
    from .eventkb import gdelt_table

    with obj.open_store() as store:
        text = gdelt_table(store.kb_events(), store.entity_names())
    if output:
        with open(output, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        click.echo(f"{output}: {text.count(chr(10)) - 1} events", err=True)
    else:
        click.echo(text, nl=False)


@cli.command("quotes")
@click.option("--speaker", help="Only quotes by this speaker (id, name or part of it).")
@click.option("--about", help="Only quotes that mention this entity (id, name or alias).")
@click.option("--article", "article_id", help="Only quotes from this article (id or prefix).")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(["direct", "partial", "indirect", "scare"]),
    help="Kinds to list (repeatable; default direct, partial, indirect).",
)
@format_option
@click.pass_obj
def quotes_cmd(
    obj: Context,
    speaker: str | None,
    about: str | None,
    article_id: str | None,
    kinds: tuple[str, ...],
    fmt: str,
) -> None:
    """Who said what: each quote with speaker, role, channel, date and every article.

    A quote reported by several articles (or translated twice) is listed once.

    Example: telisik quotes --speaker Blinken --about "Korea Utara"
    """
    from .quotes import quote_listing

    with obj.open_store() as store:
        rows = quote_listing(
            store,
            speaker=speaker,
            about=about,
            article=article_id,
            kinds=kinds or ("direct", "partial", "indirect"),
        )
    if fmt == "table":
        rows = [
            {
                **row,
                "speaker": row["speaker_name"] or row["speaker"],
                "via": ", ".join(row["via"]),
                "articles": ", ".join(a["id"][:8] for a in row["articles"]),
            }
            for row in rows
        ]
    emit(
        rows,
        fmt,
        ["date", "speaker", "speaker_role", "kind", "text", "via", "articles"],
        title=f"{len(rows)} quotes",
    )


def main(argv: list[str] | None = None) -> None:
    """Console entry point: TelisikError becomes ``error: …`` and exit 1."""
    try:
        cli.main(args=argv, prog_name="telisik", standalone_mode=False)
    except click.exceptions.Abort:
        fail("aborted")
        raise SystemExit(130) from None
    except click.ClickException as exc:
        exc.show()
        raise SystemExit(exc.exit_code) from None
    except TelisikError as exc:
        fail(str(exc))
        raise SystemExit(1) from None
    except BrokenPipeError:
        sys.stderr.close()
        raise SystemExit(1) from None


if __name__ == "__main__":
    main(sys.argv[1:])
