"""Speed of `wardrums code` beside a bare spaCy parse of the same text, in the same run.

Prints words/s and articles/s of the coder (read → prefilter → parse → code, no store), the
words/s of running the full spaCy pipeline over every article's whole text, their ratio, and
the share of sentences the prefilter sent to the parser.

    python benchmarks/bench_code.py                       # the demo corpus, repeated 4 times
    python benchmarks/bench_code.py PATH.jsonl --limit 300 --repeat 1
"""

from __future__ import annotations

import argparse
import time

from wardrums.coding.coder import code_articles, select_sentences
from wardrums.demo import demo_path
from wardrums.ingest import read_inputs
from wardrums.nlp import load_nlp, split_sentences
from wardrums.records import Article


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=demo_path(), help="articles (any readable format)")
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles")
    ap.add_argument("--repeat", type=int, default=4, help="code the corpus this many times")
    ap.add_argument("--workers", type=int, default=2, help="parser processes for the second run")
    args = ap.parse_args()

    articles = [a for a in read_inputs([args.corpus]) if isinstance(a, Article)]
    if args.limit:
        articles = articles[: args.limit]
    articles = articles * args.repeat
    words = sum(len(a.text.split()) for a in articles)
    nlp = load_nlp()
    list(nlp.pipe(["warm up the pipeline."]))
    list(code_articles(articles[:2], use_classifier=True))  # build gazetteer, places, classifier
    # wardrums code: rules only, one process; then with parser workers; then with the classifier
    t0 = time.perf_counter()
    n_events = sum(len(evs) for _, evs in code_articles(articles, use_classifier=False))
    t_code = time.perf_counter() - t0
    t_par = None
    if args.workers > 1:
        t0 = time.perf_counter()
        n_par = sum(len(evs) for _, evs in code_articles(articles, n_process=args.workers, chunk=256,
                                                          use_classifier=False))
        t_par = time.perf_counter() - t0
        assert n_par == n_events, "parallel coding must give the same events"
    from wardrums.coding import hybrid

    t_clf = None
    if hybrid.classifier() is not None:
        t0 = time.perf_counter()
        n_clf = sum(len(evs) for _, evs in code_articles(articles, use_classifier=True))
        t_clf = time.perf_counter() - t0
    # bare spaCy: the full pipeline over the same texts
    t0 = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=16):
        pass
    t_spacy = time.perf_counter() - t0
    sents = kept = 0
    for a in articles:
        ss = split_sentences(a.text, a.boilerplate)
        sents += len(ss)
        kept += sum(select_sentences(ss))
    print(f"corpus            {args.corpus}")
    print(f"articles          {len(articles)}  words {words:,}  events {n_events:,}")
    print(f"wardrums code     {words / t_code:,.0f} words/s  {len(articles) / t_code:,.1f} articles/s  ({t_code:.2f} s, rules only)")
    if t_par is not None:
        print(f"  {args.workers} workers       {words / t_par:,.0f} words/s  {len(articles) / t_par:,.1f} articles/s  ({t_par:.2f} s)")
    if t_clf is not None:
        print(f"  + classifier    {words / t_clf:,.0f} words/s  {len(articles) / t_clf:,.1f} articles/s  ({t_clf:.2f} s, {n_clf:,} events)")
    print(f"bare spaCy parse  {words / t_spacy:,.0f} words/s  ({t_spacy:.2f} s)")
    print(f"ratio code/spaCy  {t_spacy / t_code:.2f}x (rules only, one process)")
    print(f"sentences parsed  {kept:,} of {sents:,} ({kept / max(sents, 1):.0%})")


if __name__ == "__main__":
    main()
