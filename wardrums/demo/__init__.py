"""The demo corpus: reports written for wardrums in the style of wire news (events invented)."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from wardrums.records import Article, Rejection


def demo_path() -> str:
    """Path of the demo corpus JSONL file inside the installed package."""
    return str(resources.files("wardrums.demo").joinpath("articles.jsonl"))


def demo_articles() -> Iterator[Article | Rejection]:
    """The demo corpus, read by the same JSONL reader users' files go through."""
    from wardrums.ingest import read_inputs

    yield from read_inputs([demo_path()])
