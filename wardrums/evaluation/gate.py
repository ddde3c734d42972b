"""The accuracy gate: fail when any dev-set figure drops below its floor.

    python -m wardrums.evaluation.gate --gold ../shared/gold --sample 300

Floors live in ``wardrums/data/accuracy_floors.yaml``. Exit status: 0 all floors met (or the
gold folder is absent: nothing to check, said so), 1 a figure is below its floor or missing,
2 the floors file is unusable, a gold file is unreadable or the coder cannot be loaded.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from wardrums.errors import InputError, WardrumsError
from wardrums.evaluation.report import EvalResult

FLOORS_PATH = Path(__file__).resolve().parents[1] / "data" / "accuracy_floors.yaml"
TOLERANCE = 1e-9


def load_floors(path: str | Path = FLOORS_PATH) -> dict[str, Any]:
    """Read and check the floors file: ``{"version", "gate": {...}, "floors": {set: {fig: x}}}``."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise InputError(f"{path}: cannot read the floors file ({err.strerror})") from None
    except yaml.YAMLError as err:
        raise InputError(f"{path}: not valid YAML ({err}); fix the floors file") from None
    if not isinstance(data, dict) or not isinstance(data.get("floors"), dict):
        raise InputError(f"{path}: expected a mapping with a 'floors' section "
                         "(floors: {set name: {figure name: number}})")
    for set_name, figs in data["floors"].items():
        if not isinstance(figs, dict):
            raise InputError(f"{path}: floors.{set_name} must map figure names to numbers")
        for fig, value in figs.items():
            if isinstance(value, bool) or not isinstance(value, int | float) \
                    or not 0.0 <= float(value) <= 1.0:
                raise InputError(f"{path}: floors.{set_name}.{fig} = {value!r}; a floor is a "
                                 "number from 0 to 1")
    return data


CLASS_F1 = ".f1."  # "acled.f1.PROTEST": the per-class F1 of one label


def figure_value(result: EvalResult, fig: str) -> float | None:
    """A headline figure, or a per-class F1 named ``<prefix>.f1.<label>``."""
    if fig in result.figures:
        return result.figures[fig]
    if CLASS_F1 in fig:
        label = fig.split(CLASS_F1, 1)[1]
        score = result.per_class.get(label)
        return None if score is None else score.f1
    return None


def proposed_floors(results: Iterable[EvalResult], margin: float) -> dict[str, dict[str, float]]:
    """Every figure and per-class F1 of ``results``, less ``margin``, rounded down to 0.01."""
    out: dict[str, dict[str, float]] = {}
    for r in results:
        prefix = next(iter(r.figures)).split(".")[0] if r.figures else r.set_name
        figs = dict(r.figures)
        for label, score in r.per_class.items():
            if label != "none" and score.support:
                figs[f"{prefix}{CLASS_F1}{label}"] = score.f1
        out[r.set_name] = {k: max(0.0, math.floor((v - margin) * 100) / 100)
                           for k, v in figs.items() if v is not None and not math.isnan(v)}
    return out


def _floor_map(floors: Mapping[str, Any]) -> Mapping[str, Mapping[str, float]]:
    return floors["floors"] if isinstance(floors.get("floors"), Mapping) else floors


def check_floors(results: Iterable[EvalResult], floors: Mapping[str, Any]) -> list[str]:
    """Every floor not met, one line each naming the figure, its value and its floor.

    ``floors`` is the loaded file or just its ``floors`` section. A floor whose set was not
    evaluated, or whose figure the result lacks (or is NaN), is a failure too: an unmeasured
    figure cannot pass a gate.
    """
    by_set = {r.set_name: r for r in results}
    failures = []
    for set_name, figs in _floor_map(floors).items():
        result = by_set.get(set_name)
        for fig, floor in figs.items():
            floor = float(floor)
            if result is None:
                failures.append(f"{fig}: not measured ({set_name} was not evaluated); "
                                f"floor {floor:.3f}")
                continue
            value = figure_value(result, fig)
            if value is None or math.isnan(value):
                failures.append(f"{fig}: not computed for {set_name}; floor {floor:.3f}")
            elif value < floor - TOLERANCE:
                failures.append(f"{fig} = {value:.3f} is below its floor {floor:.3f} ({set_name}, "
                                f"n={result.figure_n.get(fig, result.n_scored)})")
    return failures


def floor_table(results: Iterable[EvalResult], floors: Mapping[str, Any]) -> str:
    """An aligned table: set, figure, value, floor, ok/FAIL."""
    by_set = {r.set_name: r for r in results}
    rows = [("set", "figure", "value", "floor", "status")]
    for set_name, figs in _floor_map(floors).items():
        result = by_set.get(set_name)
        for fig, floor in figs.items():
            value = None if result is None else figure_value(result, fig)
            ok = value is not None and not math.isnan(value) and value >= float(floor) - TOLERANCE
            rows.append((set_name, fig, "-" if value is None else f"{value:.3f}",
                         f"{float(floor):.3f}", "ok" if ok else "FAIL"))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    return "\n".join("  ".join(c.ljust(w) if i < 2 else c.rjust(w) if i < 4 else c
                               for i, (c, w) in enumerate(zip(row, widths, strict=True)))
                     for row in rows)


def main(argv: list[str] | None = None, *, predict=None) -> int:
    """Command-line entry; ``predict`` replaces the coder (for tests), as in ``evaluate``."""
    from wardrums.evaluation import DEFAULT_GOLD_DIR, run_dev_suite

    ap = argparse.ArgumentParser(prog="python -m wardrums.evaluation.gate",
                                 description="Fail when a dev-set accuracy figure is below its floor.")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD_DIR, help="gold data folder")
    ap.add_argument("--sample", type=int, default=None,
                    help="items per set (default: gate.sample in the floors file)")
    ap.add_argument("--seed", type=int, default=None, help="sampling seed (default: gate.seed)")
    ap.add_argument("--floors", type=Path, default=FLOORS_PATH, help="floors YAML file")
    ap.add_argument("--propose", type=float, metavar="MARGIN", default=None,
                    help="print the floors section for today's figures less MARGIN, and exit 0")
    args = ap.parse_args(argv)
    try:
        floors = load_floors(args.floors)
    except WardrumsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    gate_cfg = floors.get("gate") or {}
    sample = args.sample if args.sample is not None else gate_cfg.get("sample")
    seed = args.seed if args.seed is not None else gate_cfg.get("seed", 13)
    if not args.gold.is_dir():
        print(f"accuracy gate skipped: gold folder {args.gold} is absent")
        return 0
    sizes = {"*": sample} if sample is not None else None
    try:
        results = run_dev_suite(args.gold, sample_sizes=sizes, seed=seed, predict=predict)
    except WardrumsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except ImportError as err:
        print(f"error: the coder cannot be loaded ({err}); the gate cannot run", file=sys.stderr)
        return 2
    if args.propose is not None:
        print(yaml.safe_dump({"floors": proposed_floors(results, args.propose)}, sort_keys=False))
        return 0
    print(f"accuracy gate: sample {sample if sample is not None else 'default'} per set, seed {seed}")
    print(floor_table(results, floors))
    failures = check_floors(results, floors)
    for f in failures:
        print(f"FAIL {f}")
    print("all floors met" if not failures else f"{len(failures)} floor(s) not met")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
