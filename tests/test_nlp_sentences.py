import pytest

from wardrums.nlp.sentences import split_sentences

TEXT = (
    "MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov said on Oct. 9 that the U.S. had "
    "gone too far. \"We will respond,\" he said. The U.S. State Department declined to comment.\n\n"
    "Mr. Tillerson met J. Smith at 3 p.m. in Washington on Friday. police fired teargas. "
    "2,000 people marched."
)


def test_offsets_point_into_the_text():
    for s in split_sentences(TEXT):
        assert TEXT[s.start:s.end] == s.text


def test_abbreviations_initials_and_quotes():
    got = [s.text for s in split_sentences(TEXT)]
    assert got == [
        "MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov said on Oct. 9 that the U.S. had gone too far.",
        "\"We will respond,\" he said.",
        "The U.S. State Department declined to comment.",
        "Mr. Tillerson met J. Smith at 3 p.m. in Washington on Friday.",
        "police fired teargas.",
        "2,000 people marched.",
    ]


def test_sentence_ending_with_country_initials():
    got = [s.text for s in split_sentences("Troops were sent to the U.S. The talks failed.")]
    assert got == ["Troops were sent to the U.S.", "The talks failed."]


def test_headline_line_is_its_own_sentence():
    got = [s.text for s in split_sentences("Russia expels diplomats\nMoscow ordered the move on Friday.")]
    assert got == ["Russia expels diplomats", "Moscow ordered the move on Friday."]


def test_skip_spans_drop_boilerplate():
    text = "Troops crossed the border. The post Troops appeared first on Example News."
    cut = text.index("The post")
    got = [s.text for s in split_sentences(text, skip=((cut, len(text)),))]
    assert got == ["Troops crossed the border."]


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty(text):
    assert split_sentences(text) == []
