"""Which date governs a clause: anchors, spans, and narrative continuation."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
import yaml

from timeline.events import dating, status
from timeline.events.dating import DatedClause, Narrative, clause_tense, continued, find_anchors, observe
from timeline.temporal import Timex, tag
from timeline.temporal.lexicon import context_words
from timeline.temporal.tense import tense_cues

PUB = dt.date(2022, 2, 10)


def _timex(text: str, words: str, value: str, type_: str = "DATE", basis: str = "explicit") -> Timex:
    at = text.index(words)
    return Timex(at, at + len(words), words, type_, value, "day", "", "test", basis)


def test_lexicon_is_well_formed():
    path = resources.files("timeline").joinpath("resources", "events", "dating.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in (
        "breaks",
        "links",
        "attributive_determiners",
        "irregular_participles",
        "range_connectors",
        "backward_duration",
        "not_length_before",
        "span_ends_before",
        "prepositions",
        "present_verbs",
        "auxiliaries",
        "list_connectors",
        "clause_breaks",
        "offset_after",
        "offset_before",
        "bound_before",
        "close_before",
        "time_of_day_joins",
        "day_of_time_joins",
    ):
        entries = data[key]
        assert all(isinstance(x, str) and x.strip() == x and x for x in entries), key
        assert len(entries) == len(set(entries)), f"duplicates in {key}"
    assert not set(data["breaks"]) & set(data["links"])


def test_single_dates_keep_their_precision():
    text = "Russia snatched Crimea in 2014 and protests began in August 2020."
    anchors = find_anchors(text, [_timex(text, "2014", "2014"), _timex(text, "August 2020", "2020-08")])
    assert [(a.first, a.last, a.precision) for a in anchors] == [
        (dt.date(2014, 1, 1), dt.date(2014, 12, 31), "year"),
        (dt.date(2020, 8, 1), dt.date(2020, 8, 31), "month"),
    ]


def test_early_mid_late_narrow_the_period_from_the_real_tagger():
    for text, first, last in [
        ("The pipeline will be finished early next year.", dt.date(2023, 1, 1), dt.date(2023, 4, 30)),
        ("The talks collapsed in late January.", dt.date(2022, 1, 21), dt.date(2022, 1, 31)),
        ("Imports stop by the end of the year.", dt.date(2022, 9, 1), dt.date(2022, 12, 31)),
    ]:
        (anchor,) = find_anchors(text, tag(text, PUB))
        assert (anchor.first, anchor.last) == (first, last), text


def test_date_plus_duration_is_a_span():
    text = "Russia and Belarus are set to begin 10 days of joint military drills on Thursday, 10 February."
    timexes = [_timex(text, "10 days", "P10D", "DURATION"), _timex(text, "Thursday, 10 February", "2022-02-10")]
    (anchor,) = find_anchors(text, timexes)
    assert (anchor.first, anchor.last, anchor.precision) == (dt.date(2022, 2, 10), dt.date(2022, 2, 19), "day")
    assert anchor.value == "2022-02-10/P10D"


def test_backward_duration_is_not_a_span():
    text = "Over the past three days of talks on Thursday, 10 February, nothing moved."
    timexes = [_timex(text, "three days", "P3D", "DURATION"), _timex(text, "Thursday, 10 February", "2022-02-10")]
    (anchor,) = find_anchors(text, timexes)
    assert anchor.first == anchor.last


def test_a_duration_opening_with_a_backward_word_is_not_a_span():
    text = "Legend at Valor, Thursday, 10 February: Valor has won two of the last three years."
    (anchor,) = find_anchors(text, tag(text, PUB), PUB)
    assert anchor.first == anchor.last == dt.date(2022, 2, 10)


def test_ranges_from_the_real_tagger():
    for text, first, last, precision in [
        ("Drills run from 10 to 20 February.", dt.date(2022, 2, 10), dt.date(2022, 2, 20), "day"),
        ("Drills run on 10-20 February.", dt.date(2022, 2, 10), dt.date(2022, 2, 20), "day"),
        ("Talks were held between March and May 2021.", dt.date(2021, 3, 1), dt.date(2021, 5, 31), "month"),
        ("Talks will be held between March and May.", dt.date(2022, 3, 1), dt.date(2022, 5, 31), "month"),
        ("It froze from December to February 2021.", dt.date(2020, 12, 1), dt.date(2021, 2, 28), "month"),
    ]:
        anchors = find_anchors(text, tag(text, PUB))
        assert [(a.first, a.last, a.precision) for a in anchors] == [(first, last, precision)], text


def test_listed_dates_are_not_a_span_and_the_first_governs():
    text = "He appeared in March and June to unveil the iPad."
    anchors = find_anchors(text, [_timex(text, "March", "2011-03"), _timex(text, "June", "2011-06")])
    assert [a.value for a in anchors] == ["2011-03"]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("The BJP won 303 seats in the 2019 election.", dt.date(2019, 1, 1)),
        ("In his 2018 inauguration speech, Putin promised growth.", dt.date(2018, 1, 1)),
        ("Last year's floods caused damage of $30bn.", dt.date(2021, 1, 1)),
    ],
)
def test_a_date_naming_an_occasion_dates_a_sentence_with_no_other_date(text, first):
    (anchor,) = find_anchors(text, tag(text, PUB), PUB)
    assert (anchor.first, anchor.precision) == (first, "year")
    told = "Ahead of the 2024 election, Biden will campaign in Ohio on Monday."
    assert [a.timex.text for a in find_anchors(told, tag(told, PUB), PUB)] == ["Monday"]


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("Gas stopped flowing on Tuesday, after the five-year transit contract expired.", dt.date(2022, 2, 8)),
        ("He was handed a 15-year prison sentence on Tuesday.", dt.date(2022, 2, 8)),
        ("The army began a three-day exercise on Tuesday.", dt.date(2022, 2, 10)),  # the event's own length
    ],
)
def test_a_length_as_an_adjective_belongs_to_its_noun(text, last):
    (anchor,) = find_anchors(text, tag(text, PUB), PUB)
    assert (anchor.first, anchor.last) == (dt.date(2022, 2, 8), last)


def test_a_year_after_a_range_of_days_is_the_year_they_are_in():
    text = "Russia will hold the election from March 15 to 17 next year."
    (anchor,) = find_anchors(text, tag(text, PUB), PUB)
    assert (anchor.first, anchor.last, anchor.precision) == (dt.date(2023, 3, 15), dt.date(2023, 3, 17), "day")


def test_the_same_day_restated_is_one_anchor():
    text = "The EU adopted its first package on 23 February 2022, the day before the invasion."
    (anchor,) = find_anchors(text, tag(text, PUB), PUB)
    assert (anchor.first, anchor.basis) == (dt.date(2022, 2, 23), "explicit")


def test_attributive_dates_do_not_govern():
    text = "Apple breached the 1991 agreement in this year's report and Monday's memo."
    timexes = [
        _timex(text, "1991", "1991"),
        _timex(text, "this year", "2022", basis="relative_publication"),
        _timex(text, "Monday", "2022-02-07", basis="relative_publication"),
    ]
    assert find_anchors(text, timexes) == []
    text = "The treaty was signed in 1991 in Minsk."
    assert len(find_anchors(text, [_timex(text, "1991", "1991")])) == 1


def test_vague_references_and_sets_do_not_govern():
    text = "It currently works every week."
    timexes = [_timex(text, "currently", "PRESENT_REF"), _timex(text, "every week", "P1W", "SET")]
    assert find_anchors(text, timexes) == []


def test_clause_tense_reads_past_descriptive_participles():
    assert clause_tense("Belarus, led by Alexander Lukashenko, is Russia's closest ally.") == "present"
    assert clause_tense("Gerasimov arrived in Belarus.") == "past"
    assert clause_tense("The UK has ordered 1,000 troops to be on standby.") == "perfect"
    text = "Jobs announced a new laptop, on sale now."
    assert clause_tense(text, [text.index("now")]) == "past"
    text = "Putin currently holds the leverage he gained."
    assert clause_tense(text, [text.index("currently")]) == "present"


def _day(day: dt.date) -> dating.Anchor:
    text = "x" * 20
    timex = Timex(0, 5, "today", "DATE", day.isoformat(), "day", "", "test", "relative_publication")
    return dating.Anchor(0, 5, text[:5], timex, day, day, "day", day.isoformat(), "relative_publication")


def _year(year: int) -> DatedClause:
    return DatedClause(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "explicit")


def test_news_time_is_the_recent_day_named_most_often_and_returns_for_the_same_people():
    days = [_day(dt.date(2022, 2, 9)), _day(dt.date(2022, 2, 8)), _day(dt.date(2022, 2, 9)), _day(dt.date(2021, 1, 1))]
    sentences = ["Putin visited Minsk on Wednesday.", "Talks ended on Tuesday.", "Putin left on Wednesday.", "x"]
    narrative = dating.start_narrative(days, PUB, sentences)
    assert narrative.news.first == dt.date(2022, 2, 9) and "Putin" in narrative.news_names
    august = DatedClause(dt.date(2020, 8, 1), dt.date(2020, 8, 31), "month", "explicit")
    narrative = observe(narrative, august, 1, PUB, "past", "Protests erupted in Belarus in August 2020.")
    back = continued(narrative, "While visiting, Putin praised the drills.", "past", 2, PUB)
    assert back is not None and back.first == dt.date(2022, 2, 9)
    for same_story in ("Then the opposition leader fled abroad.", "As countries imposed sanctions, Belarus held on."):
        assert continued(narrative, same_story, "past", 2, PUB) == august, same_story


def test_a_dateless_past_clause_about_others_is_not_given_the_news_time():
    narrative = dating.start_narrative([_day(dt.date(2022, 2, 9))], PUB, ["Gerasimov arrived in Belarus on Wednesday."])
    assert continued(narrative, "An advisor to President Zelensky said so.", "past", 5, PUB) is None
    assert continued(narrative, "Gerasimov inspected the troops.", "past", 5, PUB).first == dt.date(2022, 2, 9)
    assert continued(narrative, "Gerasimov has inspected the troops.", "perfect", 5, PUB) is None


def test_an_adjacent_recent_day_is_continued_and_a_gap_ends_it():
    today = DatedClause(PUB, PUB, "day", "relative_publication")
    narrative = observe(Narrative(), today, 3, PUB, "past")
    assert continued(narrative, "He said so.", "past", 4, PUB).first == PUB
    assert continued(narrative, "He said so.", "past", 6, PUB) is None
    assert continued(narrative, "He has said so.", "perfect", 4, PUB) is None


def test_old_dates_continue_only_the_next_sentence_and_only_from_past_narration():
    narrative = observe(Narrative(), _year(1986), 0, PUB, "past")
    assert continued(narrative, "He sold it.", "past", 1, PUB).first == dt.date(1986, 1, 1)
    assert continued(narrative, "He sold it.", "past", 3, PUB) is None
    assert continued(narrative, "He has sold it.", "perfect", 1, PUB) is None
    now = observe(Narrative(), _year(2021), 0, PUB, "present", "The share is up from 2021.")
    assert continued(now, "Jobs then moved on.", "past", 1, PUB) is None


def test_present_tense_breaks_and_paragraphs_do_not_continue():
    narrative = observe(Narrative(), _year(2021), 0, PUB)
    assert continued(narrative, "Belarus is Russia's ally.", "present", 1, PUB) is None
    assert continued(narrative, "Meanwhile, troops moved.", "past", 1, PUB) is None
    assert continued(dating.paragraph_break(narrative), "Troops moved.", "past", 1, PUB) is None
    assert continued(dating.paragraph_break(narrative), "Later, troops moved.", "past", 1, PUB) == _year(2021)


def test_news_time_is_known_from_the_start():
    text = "Jobs unveiled it. In his keynote on Wednesday, Jobs spoke. In 1976 he founded Apple."
    timexes = [
        _timex(text, "Wednesday", "2022-02-09", basis="relative_publication"),
        _timex(text, "1976", "1976"),
    ]
    anchors = find_anchors(text, timexes)
    narrative = dating.start_narrative(anchors, PUB, [text] * len(anchors))
    assert continued(narrative, "Jobs unveiled it.", "past", 0, PUB).first == dt.date(2022, 2, 9)
    assert continued(narrative, "Senators wrote a letter.", "past", 0, PUB) is None


def test_present_verbs_and_quotes_in_clause_tense():
    assert clause_tense("Some analysts say he appeared tired.") == "present"
    assert clause_tense("He will say more.") == "future"
    assert clause_tense('"We think it is over," said Jobs.') == "past"
    assert clause_tense('"We think it is over."') == "present"
    for word in _lexicon()["present_verbs"]:
        assert clause_tense(f"Officials {word} it.") == "present", word
    for word in _lexicon()["auxiliaries"]:
        assert clause_tense(f"Officials {word} appear.") != "present" or word in ("do", "does"), word


def test_future_narration_continues_an_adjacent_future_date():
    later = DatedClause(dt.date(2022, 2, 20), dt.date(2022, 2, 20), "day", "relative_publication")
    narrative = observe(Narrative(), later, 0, PUB)
    assert continued(narrative, "Troops will take part.", "future", 1, PUB).first == dt.date(2022, 2, 20)
    assert continued(narrative, "Troops moved.", "past", 1, PUB) is None


def _lexicon() -> dict:
    path = resources.files("timeline").joinpath("resources", "events", "dating.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_every_break_link_and_participle_entry_is_live():
    data = _lexicon()
    for word in data["breaks"]:
        assert dating.breaks_narrative(f"{word.capitalize()}, troops moved."), word
        assert not dating.links_back(f"{word.capitalize()}, troops moved."), word
    for word in data["links"]:
        assert dating.links_back(f"{word.capitalize()} troops moved."), word
    for word in data["irregular_participles"]:
        assert clause_tense(f"The army, {word} by the general, is ready.") == "present", word


def test_not_names_and_tense_adverbs_are_live():
    data = _lexicon()
    assert len(set(data["not_names"])) == len(data["not_names"])
    for word in data["not_names"]:
        assert dating.names(f"{word} Jobs left.") == {"Jobs"}, word
    for word in data["tense_adverbs"]:
        text = f"{word.capitalize()}, troops left."
        assert any(text[s:e] == word.capitalize() for s, e, _k in tense_cues(text)), word
        assert status.main_part_end(text) == len(text), word


def test_every_range_connector_joins_two_dates():
    for word in _lexicon()["range_connectors"]:
        lead = "between " if word == "and" else "from "
        text = f"Talks ran {lead}March {word} May 2021."
        timexes = [_timex(text, "March", "2021-03"), _timex(text, "May 2021", "2021-05")]
        (anchor,) = find_anchors(text, timexes)
        assert (anchor.first, anchor.last) == (dt.date(2021, 3, 1), dt.date(2021, 5, 31)), word


def test_every_backward_word_and_preposition_is_live():
    data = _lexicon()
    for word in data["backward_duration"]:
        text = f"Talks went on {word} 3 days until Thursday, 10 February."
        timexes = [_timex(text, "3 days", "P3D", "DURATION"), _timex(text, "Thursday, 10 February", "2022-02-10")]
        (anchor,) = find_anchors(text, timexes)
        assert anchor.first == anchor.last, word
    for word in data["prepositions"]:
        text = f"It was the 1991 {word} everything else."
        assert len(find_anchors(text, [_timex(text, "1991", "1991")])) == 1, word


def test_every_list_connector_and_clause_break_is_live():
    data = _lexicon()
    for word in data["list_connectors"]:
        text = f"He appeared in March, May {word} June."
        march, may, june = (_timex(text, m, f"2011-{n:02d}") for m, n in (("March", 3), ("May", 5), ("June", 6)))
        (anchor,) = find_anchors(text, [march, may, june])
        assert (anchor.value, [a.value for a in anchor.listed]) == ("2011-03", ["2011-05", "2011-06"]), word
    for marker in data["clause_breaks"]:
        text = f"Drills lasted 3 days{marker} Thursday, 10 February was calm."
        timexes = [_timex(text, "3 days", "P3D", "DURATION"), _timex(text, "Thursday, 10 February", "2022-02-10")]
        (anchor,) = find_anchors(text, timexes)
        assert anchor.first == anchor.last, marker


def test_a_reduced_passive_is_not_a_tense_but_a_verb_before_by_and_a_gerund_is():
    assert clause_tense("followed by a session of the NATO-Russia Council") is None
    assert clause_tense("Jobs started by hinting at the incident") == "past"
    assert clause_tense("The talks were followed by a dinner") == "past"


def test_a_saying_is_not_continued_back_to_old_background():
    narrative = observe(Narrative(), _year(2014), 0, PUB, "past", "Blinken warned Moscow against what it did in 2014.")
    assert continued(narrative, "He said the US had no clear picture.", "past", 1, PUB) is None
    assert continued(narrative, "Russia annexed Crimea.", "past", 1, PUB) == _year(2014)
    # a saying put after its content is a saying too
    said_after = "Talks could take place in Minsk, the Kremlin said."
    assert continued(narrative, said_after, "past", 1, PUB) is None
    assert continued(narrative, "Troops, tanks and artillery crossed the border.", "past", 1, PUB) == _year(2014)


def test_a_future_date_after_until_in_a_past_clause_ends_a_state():
    text = "NATO extended his term until 30 September 2023."
    (anchor,) = find_anchors(text, [_timex(text, "30 September 2023", "2023-09-30")], PUB)
    assert dating.ends_a_state(text, anchor, "past", PUB)
    assert not dating.ends_a_state(text, anchor, "present", PUB)
    for word in _lexicon()["state_ends"]:
        other = text.replace("until", word)
        (anchor,) = find_anchors(other, [_timex(other, "30 September 2023", "2023-09-30")], PUB)
        assert dating.ends_a_state(other, anchor, "past", PUB), word


def _anchor_of(text: str, words: str) -> dating.Anchor:
    (anchor,) = [a for a in find_anchors(text, tag(text, PUB), PUB) if words in a.text]
    return anchor


def test_a_counted_duration_after_or_before_an_event_moves_its_date():
    for text, first, last in [
        ("Two days after the summit on 5 January, Russia moved tanks.", dt.date(2022, 1, 7), dt.date(2022, 1, 7)),
        ("Three weeks before the vote on 1 March, the party split.", dt.date(2022, 2, 8), dt.date(2022, 2, 8)),
        ("Five years after its launch in 2010, the project collapsed.", dt.date(2015, 1, 1), dt.date(2015, 12, 31)),
        ("The day after the summit on 5 January, Russia moved tanks.", dt.date(2022, 1, 6), dt.date(2022, 1, 6)),
        ("The day before the vote on 1 March, the party split.", dt.date(2022, 2, 28), dt.date(2022, 2, 28)),
    ]:
        anchor = _anchor_of(text, text.split(",")[0].split()[-1])
        assert (anchor.first, anchor.last, anchor.text) == (first, last, text.split(",")[0]), text


def test_the_day_before_an_event_keeps_no_guess_of_its_own_once_the_event_is_dated():
    text = "Kyiv was calm on 3 January. The day after the summit on 5 January, Russia moved tanks."
    anchors = find_anchors(text, tag(text, PUB), PUB)
    assert [(a.text, a.value) for a in anchors] == [
        ("3 January", "2022-01-03"), ("The day after the summit on 5 January", "2022-01-06")
    ]


def test_every_offset_word_moves_the_date_its_way():
    data = _lexicon()
    for key, day in (("offset_after", 12), ("offset_before", 8)):
        for word in data[key]:
            text = f"Two days {word} the talks on 10 February, troops moved."
            timexes = [_timex(text, "Two days", "P2D", "DURATION"), _timex(text, "10 February", "2022-02-10")]
            (anchor,) = find_anchors(text, timexes)
            assert anchor.first == anchor.last == dt.date(2022, 2, day), word


def test_an_offset_finer_than_its_date_or_without_a_date_changes_nothing():
    text = "Two days after March 2021 ended, talks began."
    assert _anchor_of(text, "March").value == "2021-03"
    text = "Ten days after the talks, on Thursday 10 February, troops moved."
    timexes = [_timex(text, "Ten days", "P10D", "DURATION"), _timex(text, "Thursday 10 February", "2022-02-10")]
    (anchor,) = find_anchors(text, timexes)
    assert anchor.first == anchor.last == dt.date(2022, 2, 10)  # neither moved nor made a span


def test_a_date_a_past_event_came_before_does_not_date_it():
    def bound(text: str, tense: str | None = "past") -> bool:
        (anchor,) = find_anchors(text, tag(text, PUB), PUB)
        return dating.bounds_only(text, 0, len(text), anchor, tense)

    assert bound("Before the invasion on 24 February, Russia massed troops.")
    assert bound("In the run-up to the vote on 1 February, the party split.")
    assert bound("Troops massed before 1 February.")
    assert not bound("Shortly before the attack on 3 February, Putin spoke.")
    assert not bound("They will leave before 20 February.", "future")
    assert not bound("After talks in Geneva on 10 January, the US warned Moscow.")
    assert not bound("Blinken met Lavrov before the summit, on 3 February.")  # the date is the main clause's
    eves = context_words()["day_before_phrases"]  # "on the eve of the vote on 1 February": the tagger dates the eve
    for word in _lexicon()["bound_before"]:
        text = f"{word.capitalize()} the vote on 1 February, the party split."
        if any(word.endswith(eve) for eve in eves):
            (anchor,) = find_anchors(text, tag(text, PUB), PUB)
            assert (anchor.first, anchor.last) == (dt.date(2022, 1, 31), dt.date(2022, 1, 31)), word
            assert not dating.bounds_only(text, 0, len(text), anchor, "past"), word
        else:
            assert bound(text), word
    for word in _lexicon()["close_before"]:
        assert not bound(f"{word.capitalize()} before the vote on 1 February, the party split."), word


def test_an_event_going_on_until_a_later_day_is_one_span():
    text = "The conference opened on 8 February and runs until 12 February."
    (anchor,) = find_anchors(text, tag(text, PUB), PUB)
    assert (anchor.first, anchor.last, anchor.text) == (
        dt.date(2022, 2, 8), dt.date(2022, 2, 12), "8 February and runs until 12 February"
    )
    for word in _lexicon()["state_ends"]:
        other = text.replace("until", word)
        assert len(find_anchors(other, tag(other, PUB), PUB)) == 1, word


def test_until_an_earlier_day_or_a_far_weekday_is_no_span():
    text = "Talks opened on 20 February and lasted until 18 February."  # both 2021: the tagger places them
    assert len(find_anchors(text, tag(text, PUB), PUB)) == 2
    text = "The fair opened on Monday and runs until Wednesday."  # 7 Feb, then 16 Feb: not the same week's
    assert len(find_anchors(text, tag(text, PUB), PUB)) == 2


def test_a_perfect_clause_since_a_date_runs_to_publication():
    published = dt.date(2022, 3, 16)
    text = "More than three million people have fled Ukraine since 24 February."
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert dating.to_publication(text, anchor, "perfect", published).last == published
    # a past clause too ("launched 500 drones since Monday"), but not the past perfect: "had fled since" ended
    # on some past day the text does not give
    assert dating.to_publication(text, anchor, "past", published).last == published
    text = "By then 300,000 people had fled Ukraine since 24 February. Most went to Poland."
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert dating.to_publication(text, anchor, "past", published).last == dt.date(2022, 2, 24)
    text = "He had left. More than three million people fled Ukraine since 24 February."  # "had" of another sentence
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert dating.to_publication(text, anchor, "past", published).last == published
    text = "Troops massed on 24 February."
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert dating.to_publication(text, anchor, "perfect", published) == anchor  # no "since"
    text = "More than three million people have fled Ukraine since the invasion began on 24 February."
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert dating.to_publication(text, anchor, "perfect", published).last == published
    text = "Ukraine's ports have been blockaded since Russia invaded in February."  # any past verb of the since-clause
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert dating.to_publication(text, anchor, "perfect", published).last == published


def test_a_present_or_future_state_until_a_date_runs_from_publication():
    published = dt.date(2022, 3, 16)
    text = "The curfew will stay in force until Friday."
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert dating.to_publication(text, anchor, "future", published).first == published
    assert dating.to_publication(text, anchor, "future", published).last == dt.date(2022, 3, 18)
    text = "The bridge will not reopen until Friday."  # reopens on Friday: no stretch
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert dating.to_publication(text, anchor, "future", published) == anchor


def test_a_hyphened_verb_word_is_no_present_cue():
    assert dating.clause_tense("An editor at the state-run channel ran onto the set.") == "past"
    assert dating.clause_tense("The drills run until Feb. 20.") == "present"


@pytest.mark.parametrize(
    "text",
    [
        "The contract rose 12% to 200 euros, nearly ten times its level a year ago.",
        "The toll rose to 20, up from 12 on Sunday.",
        "It was the tightest race since the country's return to democracy in 1985.",
        "Earnings more than tripled from a year earlier.",
        "Sales rose 5% on a year ago.",
    ],
)
def test_a_comparison_baseline_or_a_superlative_since_dates_no_event(text):
    assert find_anchors(text, tag(text, PUB), PUB) == []


def test_a_duration_after_in_or_within_is_no_length_of_the_event():
    text = "Britain's biggest rail strike in more than 30 years will go ahead on Tuesday."
    (anchor,) = find_anchors(text, tag(text, PUB), PUB)
    assert anchor.first == anchor.last


@pytest.mark.parametrize(
    "text",
    [
        "A court on Tuesday sentenced 45 activists to prison terms of up to 10 years.",  # a penalty
        "A court on Tuesday sentenced the reporter Evan Gershkovich to 16 years in a penal colony.",
        "UEFA on Tuesday banned the club from European competitions for two years.",
        "Waters began to recede on Tuesday after a week of record rain.",  # what came before
        "The floods began on Tuesday, when a year's worth of rain fell.",  # a quantity
    ],
)
def test_a_penalty_a_stretch_before_or_a_quantity_is_no_length_of_the_event(text):
    (anchor,) = find_anchors(text, tag(text, PUB), PUB)
    assert anchor.first == anchor.last == dt.date(2022, 2, 8)


def test_a_duration_ended_on_a_day_runs_up_to_it():
    text = "Ministers ended two days of talks in Geneva on Tuesday."
    (anchor,) = find_anchors(text, tag(text, PUB), PUB)
    assert (anchor.first, anchor.last) == (dt.date(2022, 2, 7), dt.date(2022, 2, 8))
    text = "Ministers began two days of talks in Geneva on Tuesday."
    (anchor,) = find_anchors(text, tag(text, PUB), PUB)
    assert (anchor.first, anchor.last) == (dt.date(2022, 2, 8), dt.date(2022, 2, 9))


def test_the_week_or_year_to_a_day_runs_up_to_it():
    for text, first, last in [
        ("In the week to 6 February, 1,940 cases were recorded.", dt.date(2022, 1, 31), dt.date(2022, 2, 6)),
        ("Claims rose in the week ended Feb. 5.", dt.date(2022, 1, 30), dt.date(2022, 2, 5)),
        ("Profit for the year ended March 31, 2021 rose 10%.", dt.date(2020, 4, 1), dt.date(2021, 3, 31)),
    ]:
        (anchor,) = find_anchors(text, tag(text, PUB), PUB)
        assert (anchor.first, anchor.last) == (first, last), text


def test_a_comparison_baseline_holding_a_number_is_no_anchor():
    text = "Cases fell to 1,940 on Sunday, down from more than 4,000 a week in mid-December."
    (anchor,) = find_anchors(text, tag(text, PUB), PUB)
    assert anchor.text == "Sunday"


def test_a_past_form_before_by_and_a_means_is_a_tense():
    assert dating.clause_tense("The two leaders spoke by phone on Monday.") == "past"
    assert dating.clause_tense("The two leaders talked by phone on Monday.") == "past"
    assert dating.clause_tense("followed by a session on 12 January") is None


def test_two_days_offered_as_alternatives_are_a_span_and_listed_days_are_kept():
    text = "The coup was meant to take place on December 1 or 2."
    (anchor,) = find_anchors(text, tag(text, "2021-11-27"), dt.date(2021, 11, 27))
    assert (anchor.first, anchor.last, anchor.listed) == (dt.date(2021, 12, 1), dt.date(2021, 12, 2), ())
    text = "Members will strike on 21, 23 and 25 June."
    (anchor,) = find_anchors(text, tag(text, PUB), PUB)
    assert [anchor.first, *(a.first for a in anchor.listed)] == [dt.date(2022, 6, d) for d in (21, 23, 25)]


def test_a_promise_of_a_later_date_does_not_date_the_promise():
    published = dt.date(2022, 10, 31)
    text = "Lula promised to end deforestation in the Amazon by 2030."
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert dating.ends_a_state(text, anchor, "past", published)
    text = "Lula ended the programme in 2030."  # no promise: the date is the event's
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert not dating.ends_a_state(text, anchor, "past", published)


def test_a_year_after_a_noun_and_of_names_the_noun_but_after_a_time_word_dates_the_clause():
    published = dt.date(2021, 12, 3)
    text = "He urged both sides to return to the Minsk agreements of 2014 and 2015."
    assert find_anchors(text, tag(text, published), published) == []
    for text in ("The protests began in the spring of 2014.", "Russia seized Crimea in March of 2014."):
        assert len(find_anchors(text, tag(text, published), published)) == 1, text


def test_the_date_of_what_is_talked_about_does_not_date_the_talk():
    published = dt.date(2021, 11, 11)
    text = "Blinken cautioned Moscow against repeating what it did in 2014."
    assert find_anchors(text, tag(text, published), published) == []


@pytest.mark.parametrize(
    ("text", "count", "unit", "phrase"),
    [
        ("The day after the Pahalgam attack, India acted.", 1, "D", "the Pahalgam attack"),
        ("Two weeks before the vote, the party split.", -2, "W", "the vote"),
        ("Three months after the invasion, grain stalled.", 3, "M", "the invasion"),
    ],
)
def test_event_offset_reads_the_distance_and_the_event_phrase(text, count, unit, phrase):
    offset = dating.offset_from_undated_event(text, 0, len(text), tag(text, "2022-06-01"))
    found = dating.event_offset(text, offset, len(text))
    assert (found.count, found.unit, found.phrase) == (count, unit, phrase)
    assert text[found.end - len(phrase) : found.end] == phrase


def test_shifted_by_keeps_days_and_widens_months_and_years():
    day = dt.date(2022, 2, 24)
    shift = dating.EventOffset
    assert dating.shifted_by(day, shift(1, "D", "", 0)) == (dt.date(2022, 2, 25), dt.date(2022, 2, 25), "day")
    assert dating.shifted_by(day, shift(-1, "W", "", 0)) == (dt.date(2022, 2, 17), dt.date(2022, 2, 17), "day")
    assert dating.shifted_by(day, shift(3, "M", "", 0)) == (dt.date(2022, 5, 1), dt.date(2022, 5, 31), "month")
    assert dating.shifted_by(day, shift(2, "Y", "", 0)) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year")


def test_a_date_restated_more_precisely_is_one_anchor():
    text = "Alexei Navalny died in an Arctic prison a week ago, on 16 February."
    (anchor,) = find_anchors(text, tag(text, "2024-02-24"), dt.date(2024, 2, 24))
    assert (anchor.text, anchor.first, anchor.last, anchor.precision) == (
        "a week ago, on 16 February", dt.date(2024, 2, 16), dt.date(2024, 2, 16), "day"
    )
    text = "Russia annexed Crimea in 2014, in 2015 it armed the Donbas."  # two dates, neither restates the other
    assert len(find_anchors(text, tag(text, "2024-02-24"), dt.date(2024, 2, 24))) == 2


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("In the past 24 hours, 100,000 people crossed into Poland.", dt.date(2022, 3, 9)),
        ("More than 2 million have fled in the past two weeks.", dt.date(2022, 2, 24)),
        ("Over the past three days, Russia has fired 300 missiles.", dt.date(2022, 3, 7)),
    ],
)
def test_a_counted_stretch_back_from_now_runs_up_to_publication(text, first):
    published = dt.date(2022, 3, 10)
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert (anchor.first, anchor.last, anchor.precision) == (first, published, "day")


@pytest.mark.parametrize(
    "text",
    [
        "He spent the last three years of his life in exile.",
        "It was the biggest protest in the past decade.",
        "It marked the third time in the past decade that Jobs took leave.",
        "Valor has won two of the last three years.",
    ],
)
def test_a_stretch_back_that_frames_a_count_or_a_noun_is_no_date(text):
    published = dt.date(2022, 3, 10)
    assert find_anchors(text, tag(text, published), published) == []


def test_a_hedged_finer_date_joins_the_coarser_one_it_restates():
    text = "The Assembly will vote later this week, possibly Wednesday."
    published = dt.date(2022, 3, 1)
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert (anchor.first, anchor.last, anchor.precision) == (published, dt.date(2022, 3, 6), "week")
    assert anchor.text.endswith("possibly Wednesday")


def test_a_day_naming_its_noun_leaves_the_event_to_the_other_date():
    text = "President Joe Biden in April set an August 31 deadline for the withdrawal of U.S. troops."
    published = dt.date(2021, 8, 15)
    assert [a.text for a in find_anchors(text, tag(text, published), published)] == ["April"]
    alone = "A March 3 meeting between the ministers ended without agreement."  # the only date still dates it
    assert [a.text for a in find_anchors(alone, tag(alone, published), published)] == ["March 3"]


def test_a_comparison_stretch_is_no_length_and_so_far_ends_at_publication():
    published = dt.date(2022, 12, 28)
    text = "European gas storage was 83% full on Tuesday, well above the five-year average."
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert (anchor.first, anchor.last) == (dt.date(2022, 12, 27), dt.date(2022, 12, 27))
    text = "Agencies have delivered aid to 13 million people so far this year."
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert (anchor.first, anchor.last) == (dt.date(2022, 1, 1), published)


def test_a_date_after_the_one_a_superlative_since_took_dates_the_event():
    published = dt.date(2022, 12, 28)
    text = "Benchmark Dutch TTF prices fell to their lowest since February on Wednesday."
    assert [a.text for a in find_anchors(text, tag(text, published), published)] == ["Wednesday"]
    text = "It was the first session of the council since July 2019."
    assert find_anchors(text, tag(text, published), published) == []
    text = "Prices rose 5 percent - the most since 1990 - in May."  # before: a row for 1990
    assert [a.text for a in find_anchors(text, tag(text, published), published)] == ["May"]


@pytest.mark.parametrize(
    "text",
    [
        "The West has sent tanks since January.",  # before: no date, "West" read as a superlative in -est
        "The protest has continued daily since January.",
        "Most residents have fled since January.",  # "most" is a superlative only after "the"
    ],
)
def test_a_word_in_est_or_most_without_the_is_no_superlative(text):
    published = dt.date(2022, 12, 28)
    assert [a.text for a in find_anchors(text, tag(text, published), published)] == ["January"]


def test_in_a_counted_stretch_a_future_event_falls_at_its_end():
    published = dt.date(2022, 7, 30)
    text = "The next draw will take place in two weeks."
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert (anchor.first, anchor.last, anchor.precision) == (dt.date(2022, 8, 8), dt.date(2022, 8, 14), "week")
    text = "Talks will resume in three days."
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert (anchor.first, anchor.precision) == (dt.date(2022, 8, 2), "day")
    past = "The city fell in two weeks."  # how long it took, no date
    assert find_anchors(past, tag(past, published), published) == []


def test_a_present_perfect_for_a_counted_stretch_runs_up_to_publication():
    published = dt.date(2023, 1, 9)
    text = "For nine months, the city of Bakhmut has been under attack."
    (anchor,) = find_anchors(text, tag(text, published), published)
    assert (anchor.first, anchor.last) == (dt.date(2022, 4, 9), published)
    for untold in ("Mariupol was under siege for three weeks.",  # a past stretch the text does not place
                   "It had been out for 22 days and they could not have resolved it."):  # a modal's "have"
        assert find_anchors(untold, tag(untold, published), published) == []
