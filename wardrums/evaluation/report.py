"""The result of scoring one gold set, and its plain-text and Markdown renderings."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from wardrums.evaluation.gold import GoldProblem
from wardrums.evaluation.metrics import ClassScore, confusion_text

EXCERPT_CHARS = 200
N_WORST = 20


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """``text`` on one line, cut to at most ``limit`` characters (an ellipsis marks a cut)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class ErrorExample:
    """A wrong prediction: which item, what gold said, what the coder said, how sure it was."""

    item_id: str
    gold: str
    predicted: str
    confidence: float  # the coder's confidence in the event behind the prediction; 0 if none
    excerpt: str  # the evidence sentence (or the item's text), at most 200 characters


def worst_errors(errors: list[ErrorExample], n: int = N_WORST) -> list[ErrorExample]:
    """The ``n`` most confident wrong predictions (ties keep item order)."""
    ranked = sorted(enumerate(errors), key=lambda ie: (-ie[1].confidence, ie[0]))
    return [e for _, e in ranked[:n]]


@dataclass
class EvalResult:
    """Everything measured on one gold set; ``figures`` names are stable (floors key on them)."""

    set_name: str  # gold format / file family, e.g. "acled_dev"
    task: str  # "event", "case", "quad", "plover", "detect"
    path: str
    use: str  # "evaluation only" or what training is allowed
    n_scored: int
    skipped: list[GoldProblem]
    figures: dict[str, float]
    figure_n: dict[str, int]  # how many items each figure is computed over
    labels: list[str]
    per_class: dict[str, ClassScore]
    confusion: dict[str, dict[str, int]]
    worst_errors: list[ErrorExample]
    elapsed_s: float  # time spent coding (the predict stream)
    words: int  # words of text handed to the coder
    n_articles: int  # articles handed to the coder (items can share one: IPE docs, ACLED notes)
    n_available: int  # scorable items in the file before selection/sampling
    sample: int | None = None
    seed: int = 13
    notes: list[str] = field(default_factory=list)

    @property
    def n_skipped(self) -> int:
        return len(self.skipped)

    @property
    def words_per_s(self) -> float:
        return self.words / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def skip_summary(self, max_lines: int = 5) -> list[str]:
        """One line per distinct reason: count and the first few line numbers."""
        by_reason: dict[str, list[int]] = defaultdict(list)
        for p in self.skipped:
            by_reason[p.reason].append(p.line)
        out = []
        for reason, lines in sorted(by_reason.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            shown = ", ".join(str(n) for n in lines[:max_lines])
            more = f", … ({len(lines) - max_lines} more)" if len(lines) > max_lines else ""
            out.append(f"{len(lines)} × {reason} (line {shown}{more})")
        return out

    # --- renderings ----------------------------------------------------------------------

    def _header_facts(self) -> list[str]:
        sample = "full set" if self.sample is None else f"sample {self.sample} (seed {self.seed})"
        return [
            f"file: {self.path}",
            f"use: {self.use}",
            f"scored: {self.n_scored} of {self.n_available} scorable items ({sample}); "
            f"skipped lines: {self.n_skipped}",
            f"coded: {self.n_articles} articles, {self.words} words in {self.elapsed_s:.1f} s "
            f"({self.words_per_s:,.0f} words/s)",
        ]

    def to_text(self) -> str:
        lines = [f"== {self.set_name} (task {self.task})", *self._header_facts()]
        lines += [f"  skipped: {s}" for s in self.skip_summary()]
        lines += [f"  note: {n}" for n in self.notes]
        lines.append("figures:")
        width = max((len(k) for k in self.figures), default=0)
        for name, value in self.figures.items():
            lines.append(f"  {name.ljust(width)}  {value:.3f}  (n={self.figure_n.get(name, 0)})")
        lines.append("per class:")
        lw = max((len(k) for k in self.per_class), default=5)
        lines.append(f"  {'label'.ljust(lw)}  precision  recall     f1  support")
        for label, s in self.per_class.items():
            lines.append(f"  {label.ljust(lw)}  {s.precision:9.3f}  {s.recall:6.3f}  "
                         f"{s.f1:5.3f}  {s.support:7d}")
        lines.append("confusion (rows gold, columns predicted):")
        lines += ["  " + row for row in confusion_text(self.confusion).splitlines()]
        lines.append(f"worst errors (most confident first, {len(self.worst_errors)}):")
        for e in self.worst_errors:
            lines.append(f"  [{e.confidence:.2f}] {e.item_id}: gold {e.gold} / predicted "
                         f"{e.predicted}: {e.excerpt}")
        return "\n".join(lines)

    def to_markdown(self, heading_level: int = 2, *, excerpts: bool = True) -> str:
        """Markdown section; ``excerpts=False`` leaves out text (for files kept in the repo)."""
        h = "#" * heading_level
        out = [f"{h} {self.set_name} (task `{self.task}`)", ""]
        out += [f"- {fact}" for fact in self._header_facts()]
        if self.skipped:
            out.append("- skipped lines:")
            out += [f"  - {_md(s)}" for s in self.skip_summary()]
        out += [f"- note: {_md(n)}" for n in self.notes]
        out += ["", "| figure | value | n |", "|---|---:|---:|"]
        out += [f"| `{k}` | {v:.3f} | {self.figure_n.get(k, 0)} |" for k, v in self.figures.items()]
        out += ["", "| label | precision | recall | F1 | support |", "|---|---:|---:|---:|---:|"]
        out += [f"| {_md(k)} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.support} |"
                for k, s in self.per_class.items()]
        if self.confusion:
            cols = list(self.confusion)
            out += ["", "Confusion matrix (rows gold, columns predicted):", "",
                    "| gold \\ predicted | " + " | ".join(_md(c) for c in cols) + " |",
                    "|---|" + "---:|" * len(cols)]
            out += ["| " + _md(g) + " | " + " | ".join(str(self.confusion[g][c]) for c in cols) + " |"
                    for g in cols]
        if self.worst_errors:
            out += ["", f"Most confident errors ({len(self.worst_errors)}):", "",
                    "| confidence | item | gold | predicted |" + (" excerpt |" if excerpts else ""),
                    "|---:|---|---|---|" + ("---|" if excerpts else "")]
            out += [f"| {e.confidence:.2f} | {_md(e.item_id)} | {_md(e.gold)} | {_md(e.predicted)} |"
                    + (f" {_md(e.excerpt)} |" if excerpts else "") for e in self.worst_errors]
        return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Safe inside a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
