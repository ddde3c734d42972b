"""The language layer: the spaCy pipeline, sentence splitting and the prefilter."""

from wardrums.nlp.pipeline import load_nlp, model_signature
from wardrums.nlp.sentences import SentenceSpan, split_sentences

__all__ = ["SentenceSpan", "load_nlp", "model_signature", "split_sentences"]
