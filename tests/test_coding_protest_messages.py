"""What a protest says: a demand, accusation or refusal voiced by a demonstration is the
protest's message, and the protest is the news; protesters' demands imply their protest;
processions are marches unless they are rites.

Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_help import coder_on, of_type, one

from wardrums.evaluation.tasks import main_event

PUB = "2024-05-14"
events_of = coder_on(PUB)


def _protest_leads(events, claim):
    """The protest is the main event, and the claim is still coded below it."""
    said = one(events, claim)
    protest = one(events, "PROTEST")
    assert main_event(events).event_type == "PROTEST", \
        [(e.event_type, e.evidence.trigger, e.confidence) for e in events]
    assert said.confidence < max(e.confidence for e in of_type(events, "PROTEST"))
    return protest, said


# --- the message of a protest that was coded -----------------------------------------------------

@pytest.mark.parametrize("text, claim", [
    ("Hundreds of nurses staged a demonstration in Nairobi demanding higher pay.", "REQUEST"),
    ("Students took out a procession to the district office, demanding the arrest of the "
     "attackers.", "REQUEST"),
    ("The teachers' union held a rally outside the town hall, accusing the mayor of "
     "corruption.", "ACCUSE"),
    ("Farmers marched to the capital on Monday, rejecting the new land law.", "REJECT"),
])
def test_a_protests_message_ranks_below_the_protest(text, claim):
    _protest_leads(events_of(text), claim)


def test_a_message_parsed_as_the_protests_own_takes_the_protesters_as_its_doers():
    # the parser makes "a demonstration" the subject of "demanding"
    evs = events_of("Hundreds of nurses staged a demonstration in Nairobi demanding higher pay.")
    request, protest = one(evs, "REQUEST"), one(evs, "PROTEST")
    assert [a.text for a in request.source] == [a.text for a in protest.source] == ["nurses"]


# --- protesters' demands imply their protest -----------------------------------------------------

@pytest.mark.parametrize("text, claim", [
    ("Demonstrators gathered outside parliament to urge the government to scrap the tax.",
     "REQUEST"),
    ("Protesters demanded the resignation of the interior minister.", "REQUEST"),
    ("Thousands of demonstrators demanded early elections in Belgrade on Saturday.", "REQUEST"),
    ("The party led hundreds of protesters demanding a ban on liquor sales.", "REQUEST"),
    ("Protesters put forward twenty demands to the governor on Tuesday.", "REQUEST"),
])
def test_protesters_demands_imply_their_protest(text, claim):
    evs = events_of(text)
    protest, said = _protest_leads(evs, claim)
    assert protest.mode == "demonstrate"
    assert protest.evidence.trigger.lower() in {"demonstrators", "protesters"}
    assert {a.text for a in protest.source} & {a.text for a in said.source}


@pytest.mark.parametrize("text", [
    "The foreign minister demanded the release of the detained sailors.",
    "The rebels demanded a ransom for the two hostages.",
    "Union leaders accused the government of breaking its promises.",
    # talk of protesters is not protesters talking
    "The minister accused the protesters of spreading lies.",
    # a protest only planned voices nothing yet
    "Protesters may demand the minister's resignation next week.",
])
def test_a_demand_by_anyone_else_implies_no_protest(text):
    assert not of_type(events_of(text), "PROTEST")


# --- processions and gatherings ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Opposition activists brought out a procession in Dhaka on Sunday.",
    "Congress workers took out a procession against the price rise.",
    "Hundreds of demonstrators gathered in front of the embassy on Sunday.",
    "Protesters converged on the ministry after the verdict.",
])
def test_processions_and_gatherings_of_protesters_are_protests(text):
    assert one(events_of(text), "PROTEST").mode == "demonstrate"


@pytest.mark.parametrize("text", [
    "Thousands of devotees took out a religious procession in Varanasi.",
    "Mourners took out a funeral procession through the old city.",
    "A wedding procession blocked the lane for an hour.",
    "Villagers gathered in the square for the harvest festival.",
])
def test_rites_and_ordinary_gatherings_are_not_protests(text):
    assert not of_type(events_of(text), "PROTEST")


# --- force at a protest ---------------------------------------------------------------------------

def test_arrests_during_a_protest_rank_below_it_even_where_the_protest_is_a_noun():
    evs = events_of("Several activists were detained during unsanctioned protests in Moscow "
                    "against the constitutional amendments.")
    assert one(evs, "COERCE").mode == "arrest"  # still coded
    assert main_event(evs).event_type == "PROTEST"


@pytest.mark.parametrize("text", [
    # a protest only named, or told before, is no setting of the arrests
    "Police arrested dozens of party workers who had failed to stop the riots in the town.",
    "Months after the riots, police arrested dozens of party workers in the town.",
    # arrests of someone named are news of their own
    "Police arrested the opposition leader Ahmed Karim for organising an illegal protest.",
])
def test_arrests_outside_a_protest_going_on_stay_the_news(text):
    evs = events_of(text)
    assert main_event(evs).event_type == "COERCE", \
        [(e.event_type, e.evidence.trigger, e.confidence) for e in evs]
