"""`cuttings tag`, `untag`, `tags` and `passages`: passage tags from the command line and scripts."""

from __future__ import annotations

import sys

from library.safetext import shorten

from ..console import CommandError, console, error_console, print_fields, print_json
from .codebook import open_annotations, register_tag_actions, report_problems  # noqa: F401  (export.py takes them from here too)


def register(sub) -> None:
    p = sub.add_parser("tag", help="tag a passage of an article (by quote or by position)")
    p.add_argument("id", metavar="ID", help="article id")
    p.add_argument("--quote", metavar="TEXT", help="the words to tag (white space and line breaks need not match)")
    p.add_argument("--occurrence", type=int, metavar="N", help="which occurrence of a quote found several times (1-based)")
    p.add_argument("--block", type=int, metavar="N", help="block index where the passage starts (instead of --quote)")
    p.add_argument("--start", type=int, metavar="S", help="code-point offset in that block")
    p.add_argument("--end", type=int, metavar="E", help="end offset (in --end-block if given)")
    p.add_argument("--end-block", type=int, metavar="M", help="block where a passage spanning blocks ends")
    p.add_argument("--tag", dest="tags", action="append", required=True, metavar="T",
                   help="tag, hierarchical with / (trade/de-risking); repeat for several")
    p.add_argument("--note", default="", metavar="TEXT", help="a note on the passage")
    p.add_argument("--json", action="store_true", help="print the passage as one JSON object")
    p.set_defaults(func=run_tag)

    p = sub.add_parser("untag", help="take a tag off a passage, or remove the passage")
    p.add_argument("passage_id", metavar="PASSAGE_ID")
    p.add_argument("--tag", metavar="T", help="the tag to take off (with the tags below it); without it the passage goes")
    p.set_defaults(func=run_untag)

    p = sub.add_parser("tags", help="list tags (of passages and front matter) with their passage and article counts")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--orphans", action="store_true", help="list passages whose words are no longer in their article")
    p.set_defaults(func=run_tags)
    register_tag_actions(p)  # tags memo / rename / merge / undo (commands/codebook.py)

    p = sub.add_parser("passages", help="list tagged passages")
    p.add_argument("--tag", metavar="T", help="only passages with this tag or a tag below it")
    p.add_argument("--article", metavar="ID", help="only passages of this article")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=run_passages)


def passage_json(passage, entry=None) -> dict:
    return {
        "id": passage.id,
        "article_id": passage.article_id,
        "title": entry.title if entry else passage.article_title or None,
        "date": entry.date if entry else passage.article_date or None,
        "quote": passage.quote,
        "tags": list(passage.tags),
        "note": passage.note,
        "anchor": passage.anchor.to_dict(),
        "orphan": passage.orphan,
        "created": passage.created,
        "changed": passage.changed,
    }


def run_tag(args) -> int:
    from library.annotations import AnnotationError

    from ..sync import command_changed

    annotations = open_annotations(args)
    try:
        if args.quote is not None:
            if args.block is not None or args.start is not None or args.end is not None:
                raise CommandError("give either --quote or --block/--start/--end, not both")
            change = annotations.add_by_quote(args.id, args.quote, args.tags, args.note, args.occurrence)
        else:
            if args.block is None or args.start is None or args.end is None:
                raise CommandError("say which words to tag: --quote TEXT, or --block N --start S --end E")
            if args.occurrence is not None:
                raise CommandError("--occurrence goes with --quote")
            change = annotations.add(args.id, args.block, args.start, args.end, args.tags, args.note, args.end_block)
    except AnnotationError as exc:
        raise CommandError(str(exc)) from None
    report_problems(annotations)
    command_changed(annotations.library, "tag saved", changed=[args.id])
    passage = change.after
    if args.json:
        print_json(passage_json(passage, annotations.library.entry(passage.article_id)))
    else:
        verb = "tagged" if change.before is None else "added to"
        console.print(f"{verb} {passage.id} in {passage.article_id}: {', '.join(passage.tags)}  “{shorten(passage.quote, 70)}”",
                      markup=False, soft_wrap=True)
    return 0


def run_untag(args) -> int:
    from library.annotations import AnnotationError

    from ..sync import command_changed

    annotations = open_annotations(args)
    try:
        change = annotations.untag(args.passage_id, args.tag)
    except AnnotationError as exc:
        raise CommandError(str(exc)) from None
    report_problems(annotations)
    command_changed(annotations.library, "tag removed" if change.after is None else "tag taken off", changed=[change.article_id])
    before = change.before
    if change.after is None:
        note = f" (its note was: {before.note!r})" if before.note else ""
        console.print(f"removed passage {before.id} ({', '.join(before.tags)}) “{shorten(before.quote, 70)}”{note}",
                      markup=False, soft_wrap=True)
    else:
        console.print(f"{before.id} now has: {', '.join(change.after.tags)}", markup=False)
    return 0


def run_tags(args) -> int:
    from collections import Counter

    from library.filters import articles_with_tag, has_tag, tag_names, tags_by_article

    annotations = open_annotations(args)
    if args.orphans:
        orphans = annotations.orphans()
        report_problems(annotations)
        for p in orphans:
            if args.json:
                print_json(passage_json(p))
            else:
                console.print(f"{p.id}\t{p.article_id}\t{', '.join(p.tags)}\t“{p.quote}”", markup=False, soft_wrap=True)
        if not orphans and not args.json:
            console.print("No orphaned passages: every tag is on its words.")
        return 0
    passages = annotations.all_passages()
    report_problems(annotations)
    tagged = tags_by_article(annotations.library.entries(), passages)
    own = Counter(t.casefold() for p in passages for t in p.tags)
    tree = tag_names([*(t for p in passages for t in p.tags), *(t for tags in tagged.values() for t in tags)])
    for tag in tree:
        total = sum(1 for p in passages if has_tag(p.tags, tag))
        articles = len(articles_with_tag(tagged, tag))
        if args.json:
            print_json({"tag": tag, "count": own[tag.casefold()], "total": total, "articles": articles})
        else:
            label = "  " * tag.count("/") + tag.rsplit("/", 1)[-1]
            extra = f"  ({total} with the tags below)" if total != own[tag.casefold()] else ""
            console.print(f"{label:<40} {own[tag.casefold()]:>5}{extra}  · {articles} article{'s' if articles != 1 else ''}",
                          markup=False, soft_wrap=True)
    if not tree and not args.json:
        console.print("No tags yet. Tag a passage with: cuttings tag ID --quote TEXT --tag T")
    return 0


def run_passages(args) -> int:
    from library.annotations import AnnotationError
    from library.store import ArticleNotFound

    annotations = open_annotations(args)
    library = annotations.library
    try:
        found = annotations.passages(tag=args.tag, article_id=args.article)
    except AnnotationError as exc:
        raise CommandError(str(exc)) from None
    if args.article and not found and args.article not in library:
        raise CommandError(f"no article with id {args.article!r} in {library.root}")
    report_problems(annotations)
    entries = {}
    for p in found:
        if p.article_id not in entries:
            try:
                entries[p.article_id] = library.entry(p.article_id)
            except ArticleNotFound:
                entries[p.article_id] = None
    if args.json:
        for p in found:
            print_json(passage_json(p, entries[p.article_id]))
        return 0
    if not found:
        console.print("No tagged passages match.")
        return 0
    if not sys.stdout.isatty():
        for p in found:
            e = entries[p.article_id]
            fields = (p.id, p.article_id, (e.date if e else p.article_date) or "-", (e.title if e else p.article_title) or "-", ", ".join(p.tags),
                      p.quote.replace("\n", " / "), p.note.replace("\n", " / "))
            print_fields(*fields)
        return 0
    _passage_table(found, entries)
    return 0


def _passage_table(found, entries) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("id", "article", "date", "tags", "quote", "note"):
        table.add_column(column, overflow="fold" if column in ("quote", "note") else "ellipsis")
    for p in found:
        e = entries[p.article_id]
        quote = Text(p.quote.replace("\n", " / "), style="dim" if p.orphan else "")
        table.add_row(Text(p.id), Text(e.title if e else p.article_title or p.article_id), Text((e.date if e else p.article_date) or "-"),
                      Text(", ".join(p.tags)), quote, Text(p.note))
    console.print(table)
