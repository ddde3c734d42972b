"""Running the pipeline in this process: read → code → store, one article at a time.

A bad article never stops a batch: a reader's :class:`Rejection` or a coder failure is
recorded with its reason and the run goes on. Each article is stored with its events in one
transaction, so an interrupt (Ctrl-C) or crash never leaves half an article behind.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from wardrums.coding.coder import code_articles
from wardrums.records import Article, Event, Rejection


@dataclass
class RunSummary:
    """What a run did: the figures the CLI prints at the end."""

    articles_read: int = 0
    articles_new: int = 0
    articles_duplicate: int = 0
    events: int = 0
    words: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rejected(self) -> int:
        return len(self.rejections)


def warm_up() -> None:
    """Load the spaCy pipeline and build the gazetteer once, before any timing starts."""
    from wardrums.coding.gazetteer import gazetteer
    from wardrums.nlp import load_nlp

    load_nlp()
    gazetteer()


def _articles_only(items: Iterable[Article | Rejection], summary: RunSummary,
                   on_rejection: Callable[[Rejection], None] | None) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Rejection):
            summary.rejections.append(item)
            if on_rejection:
                on_rejection(item)
            continue
        yield item


def code_stream(items: Iterable[Article | Rejection], summary: RunSummary | None = None,
                *, on_rejection: Callable[[Rejection], None] | None = None,
                on_article: Callable[[Article, list[Event]], None] | None = None,
                n_process: int = 1, use_classifier: bool = True,
                ) -> Iterator[tuple[Article, list[Event]]]:
    """Code articles as they come; rejections and coder failures go to ``summary``."""
    summary = summary if summary is not None else RunSummary()

    def failed(article: Article, exc: Exception) -> None:
        rej = Rejection(input=article.origin or article.id, code="coding-failed",
                        reason=f"article {article.id!r} could not be coded: "
                               f"{type(exc).__name__}: {exc}; please report this input")
        summary.rejections.append(rej)
        if on_rejection:
            on_rejection(rej)

    def counted(stream: Iterable[Article]) -> Iterator[Article]:
        for article in stream:
            summary.articles_read += 1
            yield article

    warm_up()  # model and gazetteer loading is not coding time
    t0 = time.perf_counter()
    stream = counted(_articles_only(items, summary, on_rejection))
    for article, events in code_articles(stream, on_error=failed, n_process=n_process,
                                         use_classifier=use_classifier):
        summary.words += len(article.text.split())
        summary.events += len(events)
        if on_article:
            on_article(article, events)
        yield article, events
    summary.seconds += time.perf_counter() - t0


def ingest(items: Iterable[Article | Rejection], store, *,
           on_rejection: Callable[[Rejection], None] | None = None,
           on_article: Callable[[Article, list[Event]], None] | None = None,
           n_process: int = 1, use_classifier: bool = True) -> RunSummary:
    """Code and store every article not already in ``store`` (matched by content hash)."""
    summary = RunSummary()

    def unseen(stream: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
        for item in stream:
            if isinstance(item, Article) and store.has_article(item.content_hash):
                summary.articles_read += 1
                summary.articles_duplicate += 1
                if on_article:
                    on_article(item, [])
                continue
            yield item

    def record(rej: Rejection) -> None:
        store.add_rejection(rej)
        if on_rejection:
            on_rejection(rej)

    for article, events in code_stream(unseen(items), summary, on_rejection=record,
                                       on_article=on_article, n_process=n_process,
                                       use_classifier=use_classifier):
        if store.add_article(article, events):
            summary.articles_new += 1
        else:
            summary.articles_duplicate += 1
            summary.events -= len(events)
    return summary
