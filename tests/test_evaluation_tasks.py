"""Each task's scoring, driven by a plain ``predict`` function in place of the coder."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from test_evaluation_gold import (
    acled_row,
    case_row,
    conflibert_row,
    ipe_row,
    ngec_row,
    write_jsonl,
)

from wardrums.errors import InputError
from wardrums.evaluation import evaluate, main_event, run_dev_suite
from wardrums.evaluation.tasks import names_span
from wardrums.records import Actor, Article, Event, Evidence

QUAD = {"AGREE": 1, "CONSULT": 1, "AID": 2, "PROTEST": 3, "COERCE": 4, "ASSAULT": 4}
CAMEO = {"AGREE": "03", "CONSULT": "04", "AID": "07", "REQUEST": "02", "THREATEN": "13",
         "PROTEST": "14", "COERCE": "17", "ASSAULT": "18"}


def ev(article: Article, event_type: str, *, conf: float = 0.5, at: int = 0, country: str | None = None,
       date: dt.date | None = None, sentence: str | None = None, sector: str = "GOV",
       sentence_at: int | None = None, modality: str = "asserted") -> Event:
    """An event whose trigger is at ``at``, in a sentence starting there (or at ``sentence_at``)."""
    start = at if sentence_at is None else sentence_at
    actors = (Actor(text="x", name="x", country=country, sector=sector),) \
        if country or sector == "COP" else ()
    return Event(
        event_id=f"ev-{article.id}-{at}-{event_type}", article_id=article.id, event_type=event_type,
        mode=None, cameo_root=CAMEO.get(event_type, "14"), quad_class=QUAD.get(event_type, 3),
        intensity=0.0,
        source=actors, target=(), date=date, date_precision="day" if date else "unknown",
        location=None, modality=modality, polarity="positive", attributed_to=None,
        evidence=Evidence(sentence=sentence or article.text[start:start + 40], start=start, end=at + 10,
                          trigger_start=at, trigger_end=at + 3),
        confidence=conf,
    )


class KeywordCoder:
    """Events from ALL-CAPS keywords in the text: 'ASSAULT:0.9' → ASSAULT at confidence 0.9."""

    def __init__(self):
        self.calls = 0
        self.articles: list[Article] = []

    def __call__(self, articles):
        self.calls += 1
        for art in articles:
            self.articles.append(art)
            events = []
            for word in (w.rstrip(".,") for w in art.text.split()):
                if ":" in word and word.split(":")[0].isupper():
                    typ, conf = word.split(":", 1)
                    country = "KEN" if "KENYA" in art.text else None
                    date = art.published - dt.timedelta(days=1) if "ONTIME" in art.text else None
                    sector = "COP" if "police" in art.text else "GOV"
                    events.append(ev(art, typ, conf=float(conf), at=art.text.index(word),
                                     country=country, date=date, sector=sector))
            yield art, events


def test_main_event_most_confident_within_a_sentence_then_earliest():
    art = Article(id="a", text="x" * 200)
    e1, e2, e3 = ev(art, "PROTEST", conf=0.6, at=50, sentence_at=0), \
        ev(art, "ASSAULT", conf=0.6, at=10, sentence_at=0), ev(art, "AID", conf=0.9, at=100, sentence_at=0)
    assert main_event([e1, e2, e3]) is e3
    assert main_event([e1, e2, e3], {"PROTEST", "ASSAULT"}) is e2  # tie → earliest trigger
    assert main_event([e3], {"PROTEST"}) is None


def test_main_event_lead_sentence_before_a_more_confident_later_one():
    art = Article(id="a", text="x" * 200)
    lead, later = ev(art, "PROTEST", conf=0.4, at=5), ev(art, "ASSAULT", conf=0.9, at=120)
    assert main_event([later, lead]) is lead
    # ... unless the lead only talks of what might happen: what happened comes first
    talk = ev(art, "THREATEN", conf=0.9, at=5, modality="hypothetical")
    assert main_event([talk, later]) is later


def test_acled_balanced_pick_and_figures(tmp_path):
    rows = [
        acled_row(1, "ASSAULT", text="Gunmen ASSAULT:0.9 in KENYA ONTIME."),  # right, country, date
        acled_row(2, "ASSAULT", text="Crowd PROTEST:0.8 then ASSAULT:0.4.", iso="UGA"),  # wrong
        acled_row(3, "PROTEST", text="Marchers PROTEST:0.7 KENYA."),
        acled_row(4, "PROTEST", text="Marchers PROTEST:0.7 again."),
        acled_row(5, "PROTEST", text="Nothing coded here."),
        acled_row(6, "PROTEST", text="Marchers AID:0.9 only.", precision=3),
        acled_row(7, None),
    ]
    coder = KeywordCoder()
    r = evaluate(write_jsonl(tmp_path / "acled_dev.jsonl", rows), predict=coder)
    assert r.set_name == "acled_dev" and r.task == "event"
    assert r.n_scored == 4  # 2 ASSAULT + 2 of the 4 PROTEST rows
    assert sum(1 for _ in r.skipped) == 1 and r.skipped[0].line == 7
    assert coder.calls == 1  # one stream
    assert all(a.published == dt.date(2020, 3, 5) for a in coder.articles)
    again = evaluate(write_jsonl(tmp_path / "acled_dev.jsonl", rows), predict=KeywordCoder())
    assert again.figures == r.figures  # deterministic pick
    assert set(r.figures) == {"acled.macro_f1", "acled.accuracy", "acled.actor1_country",
                              "acled.date_exact"}
    assert r.per_class["ASSAULT"].support == 2 and r.per_class["ASSAULT"].tp == 1
    assert r.confusion["ASSAULT"]["PROTEST"] == 1
    assert r.figure_n["acled.actor1_country"] == 4
    assert r.worst_errors[0].item_id == "acled-t2"
    assert r.worst_errors[0].confidence == 0.8
    assert (r.worst_errors[0].gold, r.worst_errors[0].predicted) == ("ASSAULT", "PROTEST")


def test_acled_actor_and_date_figures_by_hand(tmp_path):
    rows = [
        acled_row(1, "ASSAULT", text="ASSAULT:0.9 KENYA ONTIME."),  # country ✓ date ✓
        acled_row(2, "ASSAULT", text="ASSAULT:0.9 elsewhere.", iso="KEN"),  # country ✗ date ✗
        acled_row(3, "PROTEST", text="AID:0.5 KENYA.", precision=2),  # no main: any event ✓
        acled_row(4, "PROTEST", text="Nothing.", iso=None),  # not in the actor figure
    ]
    r = evaluate(write_jsonl(tmp_path / "acled_dev.jsonl", rows), predict=KeywordCoder())
    assert r.n_scored == 4
    assert r.figure_n["acled.actor1_country"] == 3
    assert r.figures["acled.actor1_country"] == pytest.approx(2 / 3)
    assert r.figure_n["acled.date_exact"] == 3
    assert r.figures["acled.date_exact"] == pytest.approx(1 / 3)
    # ASSAULT all right (F1 1); PROTEST never predicted (AID is outside the types → "none")
    assert r.figures["acled.macro_f1"] == pytest.approx(0.5)
    assert r.confusion["PROTEST"]["none"] == 2


def test_acled_articles_carry_their_outlet(tmp_path):
    rows = [acled_row(1, "PROTEST", text="PROTEST:0.9."), acled_row(2, "ASSAULT", text="ASSAULT:0.9.")]
    rows[0]["news_source"] = "The Morning Bugle (Kenya)"
    coder = KeywordCoder()
    evaluate(write_jsonl(tmp_path / "acled_dev.jsonl", rows), predict=coder)
    assert [a.source for a in coder.articles] == ["The Morning Bugle (Kenya)", None]


def test_case_five_way(tmp_path):
    rows = [case_row(1, "AGREE"), case_row(2, None), case_row(3, "COERCE"), case_row(4, "FOO")]
    texts = {"case-t1": "AGREE:0.7.", "case-t2": "CONSULT:0.9.", "case-t3": "ASSAULT:0.6."}

    def predict(articles):
        for art in articles:
            art2 = Article(id=art.id, text=texts[art.id])
            yield art, next(iter(KeywordCoder()([art2])))[1]

    r = evaluate(write_jsonl(tmp_path / "case2021_dev.jsonl", rows), predict=predict)
    assert r.n_scored == 3 and r.n_skipped == 1
    assert r.figures["case.accuracy"] == pytest.approx(2 / 3)  # CONSULT is outside → none ✓
    assert r.confusion["COERCE"]["ASSAULT"] == 1
    # AGREE f1 1, none f1 1, COERCE 0, ASSAULT 0 (predicted, no support); PROTEST unseen
    assert r.figures["case.macro_f1"] == pytest.approx(2 / 4)


def test_case_reads_surrenders_and_releases_as_its_agreement_type():
    """CASE's AGREEMENT is ACLED's "Agreement", which takes in surrenders and releases of
    captives; other RETREAT and CONCEDE codings stay outside the five labels."""
    from wardrums.evaluation.tasks import CaseTask

    art = Article(id="a", text="x" * 200)
    task = CaseTask()
    surrender = replace(ev(art, "RETREAT", conf=0.7, at=10), mode="surrender")
    withdraw = replace(ev(art, "RETREAT", conf=0.9, at=30), mode="withdraw")
    release = replace(ev(art, "CONCEDE", conf=0.6, at=50), mode="release")
    protest = ev(art, "PROTEST", conf=0.5, at=70)
    assert task.predict_label(main_event(task.candidates([withdraw, surrender]))) == "AGREE"
    assert task.predict_label(main_event(task.candidates([release, protest]))) == "AGREE"
    assert task.predict_label(main_event(task.candidates([withdraw, protest]))) == "PROTEST"
    assert task.predict_label(main_event(task.candidates([withdraw]))) == "none"


def test_conflibert_quad(tmp_path):
    rows = [conflibert_row(1, 4), conflibert_row(2, 0), conflibert_row(3, 1), conflibert_row(4, None)]
    texts = {"cb-t1": "ASSAULT:0.8 and AGREE:0.3", "cb-t2": "nothing", "cb-t3": "AID:0.6"}

    def predict(articles):
        for art in articles:
            yield art, next(iter(KeywordCoder()([Article(id=art.id, text=texts[art.id])])))[1]

    r = evaluate(write_jsonl(tmp_path / "conflibert_train.jsonl", rows), predict=predict)
    assert set(r.figures) == {"conflibert.quad_accuracy", "conflibert.macro_f1"}
    assert r.figures["conflibert.quad_accuracy"] == pytest.approx(2 / 3)
    assert r.confusion["1 verbal coop"]["2 material coop"] == 1
    assert [str(p) for p in r.skipped] == ["line 4: missing label (pentaclass is null)"]


def test_conflibert_role_spans_credit_words_and_resolved_pronouns(tmp_path):
    text = "Russia said it expelled diplomats from Poland."
    tokens = text[:-1].split() + ["."]
    row = {**conflibert_row(1, 3), "text": text, "tokens": tokens, "spans_available": True,
           "bio_tags": ["B-S", "O", "O", "O", "B-T", "I-T", "I-T", "O"]}
    other = {**conflibert_row(2, 3), "text": text.replace("Russia", "Moscow"),
             "tokens": ["Moscow", *tokens[1:]], "spans_available": True,
             "bio_tags": ["B-S", "O", "O", "O", "O", "O", "B-T", "O"]}

    def actor(words, name, at):
        return Actor(text=words, name=name, country=None, sector="GOV", start=at, end=at + len(words))

    def predict(articles):
        for art in articles:
            e = ev(art, "SANCTION", at=art.text.index("expelled"))
            if art.id == "cb-t1":  # "it", resolved to Russia; the diplomats
                e = replace(e, source=(actor("it", "Russia", 12),), target=(actor("diplomats", "diplomat", 23),))
            else:  # "it", resolved to someone else; no target on "Poland"
                e = replace(e, source=(actor("it", "Kremlin", 12),), target=(actor("diplomats", "diplomat", 23),))
            yield art, [e]

    r = evaluate(write_jsonl(tmp_path / "conflibert_train.jsonl", [row, other]), predict=predict)
    assert r.figures["conflibert.source_span"] == pytest.approx(1 / 2)
    assert r.figures["conflibert.target_span"] == pytest.approx(1 / 2)
    assert r.figure_n["conflibert.target_span"] == 2


def test_names_span_needs_overlap_or_a_shared_word():
    rebels = Actor(text="they", name="Colombia rebel", country="COL", sector="REB", start=30, end=34)
    text = "Colombia's leftist rebels said they would free three hostages."
    assert names_span([rebels], [(0, 25)], text)  # "rebels" ~ "rebel"
    assert not names_span([rebels], [(47, 61)], text)
    named = Actor(text="Colombia", name="Colombia", country="COL", sector=None, start=0, end=8)
    assert names_span([named], [(0, 25)], text)
    assert not names_span([named], [(26, 30)], text)
    assert not names_span([Actor(text="it", name="x", country=None, sector=None)], [(0, 25)], text)


def test_ngec_sixteen_way_and_none_is_wrong(tmp_path):
    rows = [ngec_row(1, "AID"), ngec_row(2, "THREATEN"), ngec_row(3, "AID")]
    texts = {"ngec-t1": "AID:0.4 REQUEST:0.4", "ngec-t2": "nothing", "ngec-t3": "AID:0.9"}

    def predict(articles):
        for art in articles:
            yield art, next(iter(KeywordCoder()([Article(id=art.id, text=texts[art.id])])))[1]

    r = evaluate(write_jsonl(tmp_path / "ngec_synthetic_plover.jsonl", rows), predict=predict)
    assert r.figures["ngec.accuracy"] == pytest.approx(2 / 3)
    assert r.confusion["THREATEN"]["none"] == 1
    # AID 1.0, THREATEN 0.0 (missed) → 0.5
    assert r.figures["ngec.macro_f1"] == pytest.approx(0.5)
    assert r.worst_errors[0].predicted == "none" and r.worst_errors[0].confidence == 0.0


def test_ipe_codes_documents_and_maps_events_to_sentences(tmp_path):
    rows = [
        ipe_row(1, 0, [], text="police came."),
        ipe_row(1, 1, ["ASSAULT"], text="they ASSAULT:0.8 a man."),
        ipe_row(1, 2, ["COERCE"], text="two were held."),
        ipe_row(2, 0, [], text="COERCE:0.6 false alarm."),
        ipe_row(2, 1, ["ASSAULT", "COERCE"], text="ASSAULT:0.5 and COERCE:0.7 by police."),
    ]
    coder = KeywordCoder()
    r = evaluate(write_jsonl(tmp_path / "indiapoliceevents_sents.jsonl", rows), predict=coder)
    assert [a.id for a in coder.articles] == ["ipe-doc-1", "ipe-doc-2"]
    assert coder.articles[0].text == "police came.\n\nthey ASSAULT:0.8 a man.\n\ntwo were held."
    assert coder.articles[0].published == dt.date(2002, 3, 5)
    assert r.n_scored == 5 and r.n_articles == 2
    # ASSAULT: tp 2, fp 0, fn 0 → 1.0; COERCE: tp 1, fp 1, fn 1 → 0.5
    assert r.figures["ipe.assault_f1"] == pytest.approx(1.0)
    assert r.figures["ipe.coerce_f1"] == pytest.approx(0.5)
    assert r.confusion["COERCE"]["none"] == 1
    assert r.confusion["none"]["COERCE"] == 1
    assert r.worst_errors[0].item_id == "ipe-2-0" and r.worst_errors[0].confidence == 0.6


def test_ipe_counts_only_police_violence(tmp_path):
    # an ASSAULT by someone other than police is not an IndiaPoliceEvents KILL/FORCE
    rows = [ipe_row(1, 0, [], text="a mob ASSAULT:0.9 a shop."),
            ipe_row(2, 0, ["ASSAULT"], text="police ASSAULT:0.8 the crowd.")]
    r = evaluate(write_jsonl(tmp_path / "indiapoliceevents_sents.jsonl", rows), predict=KeywordCoder())
    assert r.figures["ipe.assault_f1"] == pytest.approx(1.0)


def test_ipe_sample_takes_whole_documents(tmp_path):
    rows = [ipe_row(d, s, ["ASSAULT"] if d % 3 == 0 and s == 0 else []) for d in range(30)
            for s in range(4)]
    path = write_jsonl(tmp_path / "indiapoliceevents_sents.jsonl", rows)
    coder = KeywordCoder()
    r = evaluate(path, sample=20, predict=coder)
    # budget 20 split 7 (docs with ASSAULT: 40 sentences) / 13 (the other 80); whole 4-sentence
    # docs are added until each budget is met: 2 + 4 docs
    assert r.n_scored == 24 and r.n_articles == 6
    assert r.per_class["ASSAULT"].support == 2
    assert all(a.text.count("\n\n") == 3 for a in coder.articles)
    coder2 = KeywordCoder()
    evaluate(path, sample=20, predict=coder2)
    assert [a.id for a in coder2.articles] == [a.id for a in coder.articles]


def test_sampling_is_stratified_and_deterministic(tmp_path):
    rows = [ngec_row(i, "AID" if i % 4 else "SANCTION") for i in range(40)]
    path = write_jsonl(tmp_path / "ngec_synthetic_plover.jsonl", rows)
    c1, c2 = KeywordCoder(), KeywordCoder()
    r = evaluate(path, sample=8, seed=5, predict=c1)
    evaluate(path, sample=8, seed=5, predict=c2)
    assert [a.id for a in c1.articles] == [a.id for a in c2.articles]
    assert r.per_class["SANCTION"].support == 2 and r.per_class["AID"].support == 6
    assert r.sample == 8 and r.n_available == 40


def test_coder_failure_on_one_article_is_noted_not_fatal(tmp_path):
    rows = [ngec_row(i, "AID") for i in range(4)]

    def flaky(articles):
        for art in articles:
            if art.id == "ngec-t1":
                raise RuntimeError("boom")
            yield art, [ev(art, "AID", conf=0.5)]

    r = evaluate(write_jsonl(tmp_path / "ngec_synthetic_plover.jsonl", rows), predict=flaky)
    assert r.figures["ngec.accuracy"] == pytest.approx(3 / 4)
    assert any("raised on 1 articles" in n and "ngec-t1: RuntimeError: boom" in n for n in r.notes)
    assert not any("returned nothing" in n for n in r.notes)


def test_task_names(tmp_path):
    path = write_jsonl(tmp_path / "heldout.jsonl", [case_row(1, "AGREE")])
    assert evaluate(path, task="case", predict=KeywordCoder()).set_name == "case2021_dev"
    with pytest.raises(InputError, match="unknown evaluation task"):
        evaluate(path, task="nope", predict=KeywordCoder())


def test_text_and_markdown_renderings(tmp_path):
    rows = [ngec_row(1, "AID"), ngec_row(2, "THREATEN")]
    r = evaluate(write_jsonl(tmp_path / "ngec_synthetic_plover.jsonl", rows), predict=KeywordCoder())
    text = r.to_text()
    assert "ngec.macro_f1" in text and "gold \\ pred" in text and "worst errors" in text
    md = r.to_markdown()
    assert "| `ngec.macro_f1` |" in md and "An invented synthetic story 1." in md
    assert "An invented synthetic story" not in r.to_markdown(excerpts=False)


def test_run_dev_suite_covers_present_sets(tmp_path):
    write_jsonl(tmp_path / "case2021_dev.jsonl", [case_row(1, "AGREE"), case_row(2, None)])
    write_jsonl(tmp_path / "ngec_synthetic_plover.jsonl", [ngec_row(i, "AID") for i in range(10)])
    results = run_dev_suite(tmp_path, sample_sizes={"plover": 4}, predict=KeywordCoder())
    assert [r.set_name for r in results] == ["case2021_dev", "ngec_synthetic_plover"]
    assert results[1].n_scored == 4 and results[0].n_scored == 2


def test_predict_that_drops_an_article_is_noted(tmp_path):
    rows = [ngec_row(i, "AID") for i in range(3)]

    def drops_one(articles):
        for art in articles:
            if art.id != "ngec-t2":
                yield art, [ev(art, "AID")]

    r = evaluate(write_jsonl(tmp_path / "ngec_synthetic_plover.jsonl", rows), predict=drops_one)
    assert r.figures["ngec.accuracy"] == pytest.approx(2 / 3)
    assert [n for n in r.notes if "returned nothing" in n] == [
        "the coder returned nothing for 1 articles (scored as no events); first: ngec-t2"]


@pytest.mark.parametrize("root, cls", [("01", 0), ("02", 0), ("03", 1), ("05", 1), ("06", 2),
                                       ("08", 2), ("09", 3), ("13", 3), ("16", 3), ("14", 4),
                                       ("15", 4), ("17", 4), ("20", 4)])
def test_conflibert_pentaclass_follows_the_set_definition(root, cls):
    from wardrums.evaluation.tasks import pentaclass

    assert pentaclass(root) == cls


def test_ipe_agentless_coercion_counts_only_as_an_arrest():
    """IndiaPoliceEvents ARREST: an agentless arrest is police work; an agentless curfew,
    ban or seizure is not an arrest by anyone."""
    from wardrums.evaluation.tasks import _police_act

    art = Article(id="a", text="x" * 100)
    arrest = replace(ev(art, "COERCE", at=5), source=(), mode="arrest")
    curfew = replace(ev(art, "COERCE", at=5), source=(), mode="restrict")
    by_police = replace(ev(art, "COERCE", at=5, sector="COP"), mode="restrict")
    assert _police_act(arrest) and not _police_act(curfew) and _police_act(by_police)
