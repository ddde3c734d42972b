"""The tension settings: merging, weights, source reliability, baselines and alert rules.

Defaults live in ``wardrums/data/tension.yaml`` (reviewable, documented there); a user file
overrides any subset of keys. Unknown keys and out-of-range values are refused with the
file and key named, because a typo that silently keeps a default would skew every figure.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from wardrums.errors import InputError

FREQUENCIES = ("D", "W", "M")
MODALITY_ORDER = ("asserted", "alleged", "predicted", "hypothetical")


def _defaults() -> dict[str, Any]:
    text = resources.files("wardrums.data").joinpath("tension.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _merge(base: dict[str, Any], over: dict[str, Any], where: str, origin: str) -> None:
    for key, value in over.items():
        path = f"{where}.{key}" if where else key
        if key not in base:
            if where == "reliability.sources":
                base[key] = value
                continue
            known = ", ".join(sorted(base))
            raise InputError(f"{origin}: unknown setting {path!r}; known here: {known}")
        if isinstance(base[key], dict) and key != "sources":
            if not isinstance(value, dict):
                raise InputError(f"{origin}: {path} must be a mapping, got {value!r}")
            _merge(base[key], value, path, origin)
        elif key == "sources":
            if not isinstance(value, dict):
                raise InputError(f"{origin}: {path} must map outlet names to weights")
            base[key] = dict(value)
        else:
            base[key] = value


@dataclass(frozen=True)
class TensionConfig:
    """Validated settings; build with :meth:`load` (defaults, or a user YAML file)."""

    raw: dict[str, Any]

    @classmethod
    def load(cls, path: str | Path | None = None) -> TensionConfig:
        raw = _defaults()
        if path is not None:
            p = Path(path)
            try:
                user = yaml.safe_load(p.read_text("utf-8")) or {}
            except OSError as exc:
                raise InputError(f"cannot read the tension config {p}: {exc.strerror}") from exc
            except yaml.YAMLError as exc:
                raise InputError(f"{p} is not valid YAML: {exc}") from exc
            if not isinstance(user, dict):
                raise InputError(f"{p} must be a YAML mapping of settings")
            _merge(raw, user, "", str(p))
        cfg = cls(raw)
        cfg._validate(str(path) if path else "the default tension.yaml")
        return cfg

    @classmethod
    def from_dict(cls, overrides: dict[str, Any]) -> TensionConfig:
        """Defaults with ``overrides`` applied (same rules as a file): handy in code and tests."""
        raw = _defaults()
        _merge(raw, copy.deepcopy(overrides), "", "the settings given")
        cfg = cls(raw)
        cfg._validate("the settings given")
        return cfg

    def _validate(self, origin: str) -> None:
        def number(path: str, value: Any, lo: float | None = 0.0) -> None:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InputError(f"{origin}: {path} must be a number, got {value!r}")
            if lo is not None and value < lo:
                raise InputError(f"{origin}: {path} must be at least {lo}, got {value!r}")

        m = self.raw["merge"]
        number("merge.window_days", m["window_days"])
        number("merge.min_similarity", m["min_similarity"])
        number("merge.duplicate_threshold", m["duplicate_threshold"])
        if not 0 < m["duplicate_threshold"] <= 1:
            raise InputError(f"{origin}: merge.duplicate_threshold must be in (0, 1]")
        w = self.raw["weights"]
        for mod in MODALITY_ORDER:
            if mod not in w["modality"]:
                raise InputError(f"{origin}: weights.modality needs a weight for {mod!r}")
            number(f"weights.modality.{mod}", w["modality"][mod])
        extra = set(w["modality"]) - set(MODALITY_ORDER)
        if extra:
            raise InputError(f"{origin}: weights.modality has unknown modalities {sorted(extra)}; "
                             f"use {', '.join(MODALITY_ORDER)}")
        for key in ("negated", "corroboration_bonus", "cooperation_offset"):
            number(f"weights.{key}", w[key])
        number("weights.corroboration_cap", w["corroboration_cap"], 1)
        if w["history_days"] is not None:
            number("weights.history_days", w["history_days"])
        r = self.raw["reliability"]
        number("reliability.default", r["default"])
        for name, value in (r["sources"] or {}).items():
            number(f"reliability.sources.{name}", value)
        b = self.raw["baseline"]
        for freq in FREQUENCIES:
            for key in ("smooth", "window", "min_periods"):
                value = b[freq][key]
                if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                    raise InputError(f"{origin}: baseline.{freq}.{key} must be a whole number "
                                     f"of periods >= 1, got {value!r}")
        number("baseline.sd_floor", b["sd_floor"])
        a = self.raw["alerts"]
        number("alerts.z", a["z"])
        number("alerts.min_rise", a["min_rise"])
        if a["level"] is not None:
            number("alerts.level", a["level"], None)
        number("alerts.explain_top", a["explain_top"], 1)

    # -- typed accessors --

    @property
    def merge(self) -> dict[str, Any]:
        return self.raw["merge"]

    @property
    def weights(self) -> dict[str, Any]:
        return self.raw["weights"]

    @property
    def alerts(self) -> dict[str, Any]:
        return self.raw["alerts"]

    def baseline(self, freq: str) -> dict[str, int]:
        return self.raw["baseline"][freq]

    @property
    def sd_floor(self) -> float:
        return float(self.raw["baseline"]["sd_floor"])

    def reliability(self) -> tuple[float, dict[str, float]]:
        """``(default weight, {lower-cased outlet name or host: weight})``."""
        r = self.raw["reliability"]
        return float(r["default"]), {str(k).lower(): float(v)
                                     for k, v in (r["sources"] or {}).items()}

    def fingerprint(self, section: str) -> str:
        """A short hash of one section, to know when derived tables are stale."""
        blob = json.dumps(self.raw[section], sort_keys=True)
        return hashlib.sha1(blob.encode()).hexdigest()[:12]
