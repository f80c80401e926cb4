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


def emit(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str = "") -> None:
    """Print rows as a rich table, one JSON array, or JSON lines."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title or None, show_lines=False)
        for col in columns:
            table.add_column(col)
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        console = Console()
        if not console.is_terminal:  # piped or in make: wide lines read better than wraps
            console = Console(width=160)
        console.print(table)


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
    data = doc.to_dict(sentences=False)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        click.echo(json.dumps(data, ensure_ascii=False))
    else:
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
    """List the entities of the stored articles, most widely mentioned first.

    Example: telisik entities --type PERSON --top 20
    """
    from .entities.profile import summarise

    with obj.open_store() as store:
        rows = summarise(store.documents(), type=type_)[: max(top, 0)]
    data = [
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


@cli.command("entity")
@click.argument("name")
@format_option
@click.pass_obj
def entity_cmd(obj: Context, name: str, fmt: str) -> None:
    """Profile one entity (id, name or alias): aliases, roles, articles, sentences, company.

    Example: telisik entity "Kim Jong Un"
    """
    from .entities.profile import profile

    with obj.open_store() as store:
        found = profile(store.documents(), name)
    if found is None:
        raise click.ClickException(f"no stored entity is called {name!r}; see `telisik entities`")
    s = found.summary
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
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if fmt == "jsonl":
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    from rich.console import Console

    console = Console()
    console.print(f"[bold]{s.name}[/bold] ({s.type}, id {s.id}, en {s.en})")
    console.print(f"{s.articles} articles, {s.mentions} mentions", highlight=False)
    if s.aliases:
        console.print("aliases: " + ", ".join(s.aliases), markup=False)
    for role in s.roles:
        console.print(f"role: {role}", markup=False)
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
