"""Measure the coder against third-party gold data (read from ``../shared/gold/``, never copied).

    from wardrums.evaluation import evaluate, run_dev_suite
    result = evaluate("../shared/gold/case2021_dev.jsonl")
    print(result.to_text())

``predict`` is the seam between the harness and the coder: any callable with the signature of
:func:`wardrums.coding.coder.code_articles` (articles in, ``(article, events)`` pairs out, in
input order). The default runs the real coder over all of a set's articles in one stream.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from wardrums.errors import GoldError, WardrumsError
from wardrums.evaluation.gold import FORMATS, GoldItem, GoldProblem, GoldSet, read_gold
from wardrums.evaluation.report import ErrorExample, EvalResult
from wardrums.evaluation.tasks import TASKS, Unit, main_event, resolve_task
from wardrums.records import Article, Event

Predict = Callable[[Iterable[Article]], Iterable[tuple[Article, Sequence[Event]]]]

#: Default gold folder: ``../shared/gold`` beside the repository root.
DEFAULT_GOLD_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "gold"

#: Sample sizes used by :func:`run_dev_suite` when none is given: every small set in full, the
#: IndiaPoliceEvents sentences as about 1,500 sentences drawn as whole documents.
DEFAULT_SAMPLE_SIZES: dict[str, int | None] = {
    "acled_dev": None, "case2021_dev": None, "conflibert_train": None,
    "ngec_synthetic_plover": None, "indiapoliceevents_sents": 1500,
}  # fmt: skip

__all__ = [
    "DEFAULT_GOLD_DIR", "DEFAULT_SAMPLE_SIZES", "ErrorExample", "EvalResult", "GoldItem",
    "GoldProblem", "GoldSet", "Predict", "default_predict", "evaluate", "main_event", "read_gold",
    "run_dev_suite",
]  # fmt: skip


MAX_FAILURES_IN_A_ROW = 10


def default_predict() -> Predict:
    """The real coder (imported here, so that a broken install fails once, not per article)."""
    from wardrums.coding.coder import code_articles

    # load the model now, so that its load time does not count against the first set's words/s
    list(code_articles([Article(id="warm-up", text="Police arrested two protesters on Monday.")]))
    return code_articles


def _run_predict(predict: Predict,
                 units: list[Unit]) -> tuple[dict[str, list[Event]], list[tuple[str, str]]]:
    """Events per article id, coding all units in one stream.

    If the coder raises on an article, that article is recorded as failed (scored as having no
    events) and a new stream resumes after it. Errors of wardrums' own kinds (a missing model)
    are not per-article and propagate.
    """
    articles = [u.article for u in units]
    out: dict[str, list[Event]] = {}
    failures: list[tuple[str, str]] = []  # (article id, error)
    i = 0
    in_a_row = 0
    while i < len(articles):
        try:
            for article, events in predict(articles[i:]):
                out[article.id] = list(events)
                i += 1
                in_a_row = 0
            break
        except WardrumsError:
            raise
        except Exception as err:  # one bad article must not sink the run
            in_a_row += 1
            if in_a_row > MAX_FAILURES_IN_A_ROW:
                raise RuntimeError(f"the coder failed on {in_a_row} articles in a row; "
                                   f"last: {articles[i].id}: {err}") from err
            failures.append((articles[i].id, f"{type(err).__name__}: {err}"))
            i += 1
    return out, failures


def evaluate(path: str | Path, *, task: str | None = None, sample: int | None = None,
             seed: int = 13, predict: Predict | None = None) -> EvalResult:
    """Score the coder (or ``predict``) on one gold file.

    ``task`` is a task name (event, case, quad, plover, detect) or a set name; by default it
    follows the file's format. ``sample`` draws that many items (stratified by gold label,
    deterministic for a given ``seed``); None scores the whole set.
    """
    fmt = None if task is None else resolve_task(task, None).set_name
    gold = read_gold(path, fmt=fmt)
    spec = resolve_task(task, gold.format)
    items, notes = spec.select(gold.items, sample, seed)
    if not items:
        raise GoldError(f"{gold.path}: nothing left to score after selecting items for task "
                        f"{spec.name!r}; check the file and the sample size")
    units = spec.units(items)
    predict = predict or default_predict()
    words = sum(len(u.article.text.split()) for u in units)
    t0 = time.perf_counter()
    coded, failures = _run_predict(predict, units)
    elapsed = time.perf_counter() - t0
    failed = {art_id for art_id, _ in failures}
    missing = [u.article.id for u in units if u.article.id not in coded and u.article.id not in failed]
    events: dict[str, list[Event]] = {}
    for u in units:
        events.update(u.assign(coded.get(u.article.id, [])))
    if failures:
        notes.append(f"the coder raised on {len(failures)} articles (scored as no events); "
                     f"first: {failures[0][0]}: {failures[0][1]}")
    if missing:
        notes.append(f"the coder returned nothing for {len(missing)} articles (scored as no "
                     f"events); first: {missing[0]}")
    scored = spec.score(items, events)
    return EvalResult(
        set_name=spec.set_name, task=spec.name, path=str(gold.path), use=spec.use,
        n_scored=len(items), skipped=list(gold.problems), figures=scored.figures,
        figure_n=scored.figure_n, labels=scored.labels, per_class=scored.per_class,
        confusion=scored.confusion, worst_errors=scored.worst_errors, elapsed_s=elapsed,
        words=words, n_articles=len(units), n_available=len(gold.items), sample=sample,
        seed=seed, notes=notes + scored.notes,
    )


def gold_path(gold_dir: str | Path, set_name: str) -> Path:
    return Path(gold_dir) / f"{set_name}.jsonl"


def run_dev_suite(gold_dir: str | Path = DEFAULT_GOLD_DIR, *,
                  sample_sizes: Mapping[str, int | None] | None = None, seed: int = 13,
                  predict: Predict | None = None,
                  on_result: Callable[[EvalResult], None] | None = None) -> list[EvalResult]:
    """Evaluate every dev set present in ``gold_dir``, in :data:`FORMATS` order.

    ``sample_sizes`` maps set names (or task names, or ``"*"`` for all) to a sample size (None
    = full set); unnamed sets use :data:`DEFAULT_SAMPLE_SIZES`. Sets whose file is absent are
    left out of the result; a missing folder raises :class:`GoldError`.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: gold data folder is absent; evaluation needs the shared "
                        "gold files in ../shared/gold/ beside the repository")
    given = dict(sample_sizes or {})
    results = []
    for set_name in FORMATS:
        path = gold_path(gold_dir, set_name)
        if not path.is_file():
            continue
        spec = TASKS[set_name]
        size = DEFAULT_SAMPLE_SIZES.get(set_name)
        for key in ("*", spec.name, spec.prefix, set_name):  # most specific wins
            if key in given:
                size = given[key]
        predict = predict or default_predict()  # loaded once, only if some set is present
        result = evaluate(path, task=spec.name, sample=size, seed=seed, predict=predict)
        if on_result is not None:
            on_result(result)
        results.append(result)
    return results
