"""Boilerplate spans: each pattern finds exactly its span, and ordinary news is never flagged."""

from __future__ import annotations

import time

import pytest

from wardrums.ingest.boilerplate import PATTERNS, find_boilerplate


def flagged(text: str) -> list[str]:
    return [text[s:e] for s, e in find_boilerplate(text)]


@pytest.mark.parametrize("text,expected", [
    # "appeared first on" footers
    ("Talks resumed on Monday.\n\nThe post Talks resume in Geneva appeared first on The Daily Planet.",
     ["The post Talks resume in Geneva appeared first on The Daily Planet."]),
    ("Talks resumed on Monday. The post Talks resume appeared first on Planet News.",
     ["The post Talks resume appeared first on Planet News."]),
    # share prompts
    ("The ministry denied the report.\nShare this article\nOfficials met later.", ["Share this article"]),
    ("The ministry denied the report. SHARE THIS STORY", ["SHARE THIS STORY"]),
    ("Share on Facebook\nThe army said two soldiers died.", ["Share on Facebook"]),
    # click here
    ("Click here to read the full statement.\nThe rebels agreed.", ["Click here to read the full statement."]),
    ("The rebels agreed. Click here for live updates.", ["Click here for live updates."]),
    # follow us
    ("Follow us on Twitter and Facebook.\nThe vote passed.", ["Follow us on Twitter and Facebook."]),
    ("The vote passed. Follow Harbour News on Telegram", ["Follow Harbour News on Telegram"]),
    # newsletters
    ("Sign up for our newsletter to get the day's top stories.\nThe strike continued.",
     ["Sign up for our newsletter to get the day's top stories."]),
    ("The strike continued. Subscribe to our daily politics newsletter.",
     ["Subscribe to our daily politics newsletter."]),
    # read more
    ("The envoy left.\nRead more: Ceasefire holds in the north\nNext paragraph.",
     ["Read more: Ceasefire holds in the north"]),
    ("READ MORE: Who are the rebels?\nText.", ["READ MORE: Who are the rebels?"]),
    # copyright
    ("The talks ended.\n© 2017 Reuters. All rights reserved.", ["© 2017 Reuters. All rights reserved."]),
    ("The talks ended.\nCopyright 2017 The Harbour Gazette", ["Copyright 2017 The Harbour Gazette"]),
    ("The talks ended.\n(c) Valley Wire 2019", ["(c) Valley Wire 2019"]),
    ("The talks ended.\nThe Valley Wire. All rights reserved.", ["The Valley Wire. All rights reserved."]),
    # bylines at the start
    ("By Jane Doe, Reuters\nThe army said ...", ["By Jane Doe, Reuters"]),
    ("By JANE DOE\n\nThe army said ...", ["By JANE DOE"]),
    ("By Jane Doe and John O'Neil\nThe army said ...", ["By Jane Doe and John O'Neil"]),
    ("Siege lifted\n\nBy Maria de la Cruz | Associated Press\n\nThe siege ...",
     ["By Maria de la Cruz | Associated Press"]),
    # credit lines
    ("The army said.\n(Reporting by Jane Doe in Moscow; Editing by John Roe)",
     ["(Reporting by Jane Doe in Moscow; Editing by John Roe)"]),
    ("The army said.\nReporting by Jane Doe and Ali Khan in Kabul; Additional reporting by "
     "Lin Wei in Beijing; Writing by Sam Poe; Editing by Kim Lee",
     ["Reporting by Jane Doe and Ali Khan in Kabul; Additional reporting by Lin Wei in Beijing; "
      "Writing by Sam Poe; Editing by Kim Lee"]),
    ("The army said. (Editing by John Roe.)", ["(Editing by John Roe.)"]),
    # wire datelines: only the prefix up to the dash
    ("MOSCOW (Reuters) - Russia expelled two diplomats.", ["MOSCOW (Reuters) -"]),
    ("WASHINGTON/KYIV, Oct 12 (Reuters) - The United States pledged aid.",
     ["WASHINGTON/KYIV, Oct 12 (Reuters) -"]),
    ("Title\n\nKYIV, Ukraine (AP) \u2014 Air raid sirens sounded.", ["KYIV, Ukraine (AP) \u2014"]),
    ("(Reuters) - Oil prices rose.", ["(Reuters) -"]),
])
def test_each_pattern(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


def test_every_pattern_is_exercised() -> None:
    samples = {
        "appeared-first-on": "The post X appeared first on Y.",
        "share": "Share this article",
        "click-here": "Click here to subscribe.",
        "follow-us": "Follow us on Twitter.",
        "newsletter": "Sign up for our newsletter.",
        "read-more": "Read more: more",
        "copyright": "© 2020 Wire",
        "byline": "By Jane Doe",
        "credits": "(Reporting by Jane Doe; Editing by John Roe)",
        "dateline": "PARIS (AFP) - Text.",
    }
    for name, pattern in PATTERNS:
        assert pattern.search(samples[name]), name
    assert {name for name, _ in PATTERNS} == set(samples)


@pytest.mark.parametrize("sentence", [
    "By Tuesday, Russian troops had withdrawn from the border.",
    "By Tuesday, the troops had withdrawn.",
    "By most accounts the talks were a failure.",
    "Reporting by state media suggested the talks had failed.",
    "Editing by the censors removed the passage, the journalist said.",
    "Copyright law was debated in parliament on Tuesday.",
    "Protesters were told to follow us on Telegram by the organisers.",
    "He said the post appeared first on a little-known blog.",
    "The post office in the capital was bombed on Friday.",
    "Officials urged residents to click here to register, a spokesman said.",
    "The minister asked journalists to share this article with colleagues.",
    "Ministers said they would read more reports before deciding.",
    "The MOSCOW summit (which Reuters covered) ended early.",
    "NATO (the alliance) - not the EU - will lead the mission.",
    "All rights groups condemned the arrests.",
    "The president signed up for the peace plan on Monday.",
    "The rebels' spokesman, speaking by phone from Idlib, denied the attack.",
])
def test_normal_sentences_never_flagged(sentence: str) -> None:
    assert find_boilerplate(sentence) == ()
    assert find_boilerplate(f"Earlier report.\n{sentence}\nMore text.") == ()


def test_byline_only_near_the_start() -> None:
    text = "\n".join(["Para one.", "Para two.", "Para three.", "Para four.", "Para five.",
                      "Para six.", "By Jane Doe"])
    assert find_boilerplate(text) == ()


def test_spans_sorted_merged_and_true_offsets() -> None:
    text = ("By Jane Doe, Reuters\nMOSCOW (Reuters) - Russia expelled two diplomats.\n"
            "Share this article\nFollow us on Twitter\n© 2017 Reuters")
    spans = find_boilerplate(text)
    assert list(spans) == sorted(spans)
    assert all(a < b for a, b in spans)
    assert all(spans[i][1] < spans[i + 1][0] for i in range(len(spans) - 1))
    assert [text[a:b] for a, b in spans] == ["By Jane Doe, Reuters", "MOSCOW (Reuters) -",
                                             "Share this article", "Follow us on Twitter",
                                             "© 2017 Reuters"]
    # the article sentence itself is untouched
    body_start = text.index("Russia")
    assert not any(a <= body_start < b for a, b in spans)


def test_overlapping_matches_merge() -> None:
    # a copyright line that is also an "All rights reserved" line is one span
    text = "Text.\nCopyright 2017 Wire. All rights reserved."
    assert flagged(text) == ["Copyright 2017 Wire. All rights reserved."]


def test_no_catastrophic_backtracking() -> None:
    hostile = [
        "By " + "Jane Doe and " * 3000 + "x",
        "Reporting by " + "Jane Doe in Kyiv, " * 3000 + "x",
        "(" + "A " * 20000 + "x",
        "The post " + "a" * 50000,
        "WASHINGTON " * 5000 + "(Reuter) x",
    ]
    start = time.perf_counter()
    for text in hostile:
        find_boilerplate(text)
    assert time.perf_counter() - start < 2.0
