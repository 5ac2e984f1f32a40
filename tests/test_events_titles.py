"""Chart titles from actor, verb and object; readable fallbacks; never over 80 characters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.events.gazetteer import find_mentions
from timeline.events.titles import MAX_TITLE, make_title


def title(text: str, timex: str | None = None) -> str:
    span = None
    if timex:
        start = text.index(timex)
        span = (start, start + len(timex))
    return make_title(text, span, find_mentions(text))


@pytest.mark.parametrize(
    ("text", "timex", "expected"),
    [
        ("The Chief of the General Staff of the Russian Army , Valery Gerasimov, arrived in Belarus on Wednesday "
         "to supervise the joint exercises.", "Wednesday",
         "Gerasimov arrived in Belarus to supervise the joint exercises"),
        ("Russia and Belarus are set to begin 10 days of joint military drills on Thursday, 10 February, as the "
         "threat of a Kremlin invasion looms over Ukrainian borders.", "Thursday, 10 February",
         "Russia and Belarus to begin 10 days of joint military drills"),
        ("When in August 2020, protests erupted in Belarus after Lukashenko won what is widely considered as a "
         "fraudulent election.", "August 2020", "Protests erupted in Belarus"),
        ("Lukashenko, however, remained neutral when Russia snatched Crimea from Ukraine in 2014.", "2014",
         "Russia snatched Crimea from Ukraine"),
        ('"The UK remains unwavering in our commitment to European security," Boris Johnson said on Wednesday, '
         "as quoted in the BBC.", "Wednesday",
         "Johnson: “The UK remains unwavering in our commitment to European security”"),
        ("The move comes in the backdrop of Prime Minister Boris Johnson's trip to NATO headquarters and Poland "
         "on Thursday, 10 February.", "Thursday, 10 February", "Johnson's trip to NATO headquarters and Poland"),
        ("Senators from both the Democratic and the Republican Party wrote a joint letter to US President Joe Biden "
         "regarding the issue.", None, "Senators wrote a joint letter to Biden"),
    ],
)
def test_seed_titles(text, timex, expected):
    assert title(text, timex) == expected


def test_title_does_not_start_with_the_date_or_a_conjunction():
    got = title("On Tuesday, and despite warnings, Russian troops entered Donetsk.", "On Tuesday")
    assert not got.lower().startswith(("on ", "and", ","))
    assert "Russian troops entered Donetsk" in got


@pytest.mark.parametrize(
    ("text", "timex", "expected"),
    [
        # a clause cut off its main clause is titled by what it tells; a comma inside a number ends nothing
        ("after Hamas gunmen killed 1,300 people in southern Israel on Saturday.", "on Saturday",
         "Hamas gunmen killed 1,300 people in southern Israel"),
        ("as police arrested dozens on Monday.", "on Monday", "Police arrested dozens"),
        # the event told as a noun after "before"/"after"/"until"
        ("before a G7 meeting in Germany from June 26 to 28.", "from June 26 to 28", "A G7 meeting in Germany"),
        # with its main clause after the comma, the subordinate part goes
        ("After talks in Geneva, 1,200 troops left on Monday.", "on Monday", "1,200 troops left"),
    ],
)
def test_a_lone_subordinate_clause_is_titled_by_its_event(text, timex, expected):
    assert title(text, timex) == expected


@pytest.mark.parametrize(
    ("text", "timex", "expected"),
    [
        # a leading "when"/"as" clause holding the date dates its main clause too, which tells the event
        # (before: "Russia withdrew from the western bank")
        ("When Russia withdrew from the western bank in November, its forces blew up the bridge.", "November",
         "Its forces blew up the bridge"),
        ("As western countries imposed sanctions in March, Russia supported Belarus.", "March",
         "Russia supported Belarus"),
        # "after" orders the events: the date is the leading clause's
        ("After Russia shelled the plant on Monday, inspectors left.", "Monday", "Russia shelled the plant"),
    ],
)
def test_a_leading_clause_of_the_same_time_leaves_the_title_to_its_main_clause(text, timex, expected):
    assert title(text, timex) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO Secretary General Jens Stoltenberg spoke on Monday.", "Stoltenberg spoke"),
        ("Ukraine's Foreign Minister Dmytro Kuleba spoke on Monday.", "Kuleba spoke"),
        ("US President Joe Biden spoke on Monday.", "Biden spoke"),
    ],
)
def test_a_person_loses_the_office_and_whose_office_it_is(text, expected):
    assert title(text, "on Monday") == expected


def test_a_clause_opening_with_its_subject_and_verb_before_a_comma_keeps_them():
    text = "The last defenders surrendered on May 20, nearly three months after the invasion began."
    assert title(text, "on May 20") == "The last defenders surrendered"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Putin announced a "military operation" on Thursday.', 'Putin announced a "military operation"'),
        ("He ordered a “complete siege” of the enclave on Monday.", "He ordered a “complete siege” of the enclave"),
        ('He ordered a "complete siege of the enclave on Monday.', "He ordered"),  # a quote left open ends the object
    ],
)
def test_a_quoted_phrase_in_the_object_stays_in_the_title(text, expected):
    timex = "on Thursday" if "Thursday" in text else "on Monday"
    assert title(text, timex) == expected


def test_a_currency_sign_stays_on_its_amount():
    assert title("Brent crude rose $5.23 to $127.44 a barrel on Tuesday.", "on Tuesday") == (
        "Brent crude rose $5.23 to $127.44 a barrel"
    )


def test_long_clause_is_cut_at_a_word_with_an_ellipsis():
    text = ("In all likelihood, Putin is now using that leverage to get Lukashenko's support for whatever plans he "
            "has for Ukraine and for the wider region in the coming months.")
    got = title(text)
    assert len(got) <= MAX_TITLE
    assert got.endswith("…")
    assert got.startswith("Putin")


@given(st.text(max_size=400))
def test_any_text_gets_a_short_nonempty_title(text):
    got = make_title(text, None, find_mentions(text))
    assert got
    assert len(got) <= MAX_TITLE


def test_words_that_belong_to_the_date_leave_with_it():
    text = "NATO foreign ministers, meeting in Riga earlier this week, warned Russia of a high price."
    start = text.index("this week")
    assert "earlier" not in make_title(text, (start, start + len("this week")), find_mentions(text))
    text = "He urged both sides to return to the Minsk agreements of 2014 and 2015."
    start = text.index("2014")
    assert "2015" not in make_title(text, (start, start + 4), find_mentions(text))


def test_a_saying_title_does_not_end_on_that():
    text = "Ukrainian President Volodymyr Zelenskyy said on Friday that"
    start = text.index("Friday")
    title = make_title(text, (start, start + 6), find_mentions(text))
    assert title.startswith("Zelenskyy said") and not title.endswith("that")


def test_markdown_never_reaches_a_title():
    from timeline.events.titles import finish

    assert finish("Use it to measure **publication date**") == "Use it to measure publication date"
    assert finish("## The answer key") == "The answer key"
    assert finish("| field | meaning |") == "Field meaning"
    assert finish("snake_case names stay") == "Snake_case names stay"


@pytest.mark.parametrize(
    ("text", "timex", "expected"),
    [
        ("Ukraine's team, which included Defence Minister Oleksii Reznikov, demanded a ceasefire on Monday.",
         "on Monday", "Ukraine's team demanded a ceasefire"),
        ("Vladimir Medinsky, who led Moscow's delegation, said on Tuesday the sides had found common ground.",
         "on Tuesday", "Medinsky said the sides had found common ground"),
    ],
)
def test_a_description_between_commas_leaves_the_title(text, timex, expected):
    assert title(text, timex) == expected


def test_a_relative_clause_before_another_clause_stays():
    got = title("An air strike on Wednesday destroyed the theatre in Mariupol, where hundreds sheltered, the city "
                "council said.", "on Wednesday")  # fmt: skip
    assert got.startswith("An air strike destroyed the theatre in Mariupol") and "the city" not in got


def test_a_dated_relative_clause_after_a_name_takes_the_name_as_subject():
    text = "The army chief, Valery Gerasimov, who arrived in Belarus on Wednesday, inspected troops."
    assert title(text, "on Wednesday") == "Gerasimov arrived in Belarus"


def test_a_relative_clause_holding_the_date_stays():
    assert "2014" not in title("Russia, which annexed Crimea in 2014, deployed troops.", "2014")
    assert "annexed crimea" in title("Russia, which annexed Crimea in 2014, deployed troops.", "2014").lower()


@pytest.mark.parametrize(
    ("clause", "antecedent", "expected"),
    [
        ("which Russia annexed in 2014.", "Crimea", "Russia annexed Crimea"),
        ("who was elected in 2000.", "Putin", "Putin was elected"),
        ("which opened in 2011.", "the pipeline", "The pipeline opened"),
        ("which he said was meant to take place in December.", "a coup", "He said was meant to take place"),
    ],
)
def test_a_relative_clause_cut_off_its_sentence_names_its_noun(clause, antecedent, expected):
    start = clause.index("in ")
    year = clause[start + 3 :].rstrip(".")
    got = make_title(clause, (start + 3, start + 3 + len(year)), find_mentions(clause), antecedent)
    assert got == expected


@pytest.mark.parametrize(
    ("title_", "clause", "previous", "expected"),
    [
        ("Extended the term", "and extended the term until 2023.", "NATO leaders agreed to set up battlegroups",
         "NATO leaders extended the term"),
        ("Is set to meet Duda", "and is set to meet Duda on Saturday.", "Biden arrived in Poland",
         "Biden is set to meet Duda"),
        ("Had been killed", "had been killed that day.", "Zelenskyy said 137 people", "Had been killed"),  # no "and"
        ("Argued", "and argued that", "Zelenskyy: “warnings risked panic”", "Argued"),  # no subject to take
        ("Talks resumed", "and talks resumed on Monday.", "Russia agreed", "Talks resumed"),  # has its own subject
        # a gapped clause takes the subject and verb up to the shared preposition
        ("To Moscow in a last-ditch effort", "to Moscow on Tuesday in a last-ditch effort.",
         "Scholz to travel to Kyiv", "Scholz to travel to Moscow in a last-ditch effort"),
        ("To Vienna", "and to Vienna on Thursday.", "The diplomacy moves to Brussels",
         "The diplomacy moves to Vienna"),
        ("To Vienna", "to Vienna on Thursday.", "Russia: talks go to Brussels", "To Vienna"),  # not from a saying
    ],
)
def test_a_coordinated_clause_shares_the_subject_of_the_one_before(title_, clause, previous, expected):
    from timeline.events.titles import with_shared_subject

    assert with_shared_subject(title_, clause, previous) == expected


@pytest.mark.parametrize(
    ("title_", "content", "expected"),
    [
        ("Sullivan said", "Steps the West held back were on the table",
         "Sullivan: Steps the West held back were on the table"),
        ("Lukashenko announced", "The exercises would take place in February",
         "Lukashenko: The exercises would take place in February"),
        ("He said", "Talks failed", "He said"),  # a pronoun is named later, by the pipeline
        ("Sullivan said the talks failed", "Talks failed", "Sullivan said the talks failed"),  # not a bare saying
        ("Sullivan said", "", "Sullivan said"),
        ("Russia has said", "It will cut activity", "Russia: It will cut activity"),  # the speaker, not "Russia has"
        ("Theresa May said", "She would step down", "Theresa May: She would step down"),  # a name, not a modal
        ("The Kremlin has repeatedly denied", "It plans to invade",
         "The Kremlin has repeatedly denied it plans to invade"),
    ],
)
def test_a_bare_saying_tells_what_was_said(title_, content, expected):
    from timeline.events.titles import with_what_was_said

    assert with_what_was_said(title_, content) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow denied that it was responsible for the food crisis.",
         "Moscow denied it was responsible for the food crisis"),
        ("Russia's defence ministry denied that its missiles had hit Polish territory.",
         "Russia's defence ministry denied its missiles had hit Polish territory"),
        ("Lavrov said that talks would go on.", "Lavrov: talks would go on"),
    ],
)
def test_a_denial_keeps_its_verb_and_a_statement_reads_as_said(text, expected):
    assert title(text) == expected


def test_a_fronted_offset_goes_with_its_date():
    text = "The day after the invasion, Poland opened its border to all people fleeing the war."
    assert title(text, "The day") == "Poland opened its border to all people fleeing the war"


def test_a_negated_future_reads_not_to():
    assert title("Russia will not attend the talks on Friday.", "Friday") == "Russia not to attend the talks"


def test_a_dated_relative_clause_names_its_noun_even_when_no_name():
    text = "The trial, which began in October, lasted five weeks."
    assert title(text, "October") == "The trial began"


def test_compounds_and_percentages_keep_their_spelling_in_titles():
    for text, wanted in [
        ("Moscow-backed separatists shelled the town on Monday.", "Moscow-backed separatists shelled the town"),
        ("The central bank raised its key rate to 20% on Monday.", "The central bank raised its key rate to 20%"),
    ]:
        start = text.index("on Monday")
        assert make_title(text, (start, start + 9), find_mentions(text)) == wanted


def test_a_passive_without_object_keeps_its_verb():
    assert title("The bridge was destroyed in March.", "in March") == "The bridge was destroyed"
    assert title("Two soldiers were killed on Monday.", "on Monday") == "Two soldiers were killed"
    assert title("Russia has on Monday.", "on Monday") == "Russia has"  # an auxiliary alone says nothing


def test_a_saying_whose_content_is_cut_before_its_verb_stays_a_bare_saying():
    assert title("The army said on Tuesday that the bridge", "on Tuesday") == "The army said"


@pytest.mark.parametrize(
    ("text", "timex", "expected"),
    [
        ("Russian missiles struck Kyiv, Lviv and Odesa on Monday.", "Monday",
         "Russian missiles struck Kyiv, Lviv and Odesa"),
        ("Troops shelled Mariupol, Kharkiv, and Chernihiv on Tuesday.", "Tuesday",
         "Troops shelled Mariupol, Kharkiv, and Chernihiv"),
        ("Russia struck Kyiv, killing three, and the UN condemned it.", None, "Russia struck Kyiv"),  # no list
        ("Troops attacked Kharkiv, Ukraine's second city, on Monday.", "Monday", "Troops attacked Kharkiv"),
        ("NATO agreed to set up four new battlegroups in Bulgaria, Hungary, Romania and Slovakia, officials said.",
         None, "NATO agreed to set up four new battlegroups in Bulgaria…"),  # too long: the first item, marked cut
        ("Mariupol, a city of about 400,000 people before the invasion, has been encircled.", None,
         "Mariupol has been encircled"),
        ("The mayor of Melitopol, Ivan Fedorov, said 3,000 people had been evacuated.", None,
         "Fedorov said 3,000 people had been evacuated"),  # a person no gazetteer holds, in apposition
        ("Russia, Belarus, North Korea, Eritrea and Syria voted against.", None,
         "Russia, Belarus, North Korea, Eritrea and Syria voted against"),
    ],
)
def test_a_list_of_short_items_stays_whole_and_an_apposition_goes(text, timex, expected):
    assert title(text, timex) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the first weeks of the war, Russian troops reached the outskirts of Kyiv.",
         "Russian troops reached the outskirts of Kyiv"),
        ("During talks in Istanbul that lasted three hours, Russia promised to scale back.",
         "Russia promised to scale back"),
        ("In Kharkiv, where shelling killed 5, officials said the power was cut.", "Officials said the power was cut"),
        ("Congress has yet to approve a $60bn aid package.", "Congress has yet to approve a $60bn aid package"),
        ("Western leaders, including Italy's Giorgia Meloni and Canada's Justin Trudeau, arrived in Kyiv by train.",
         "Western leaders arrived in Kyiv by train"),
    ],
)
def test_a_scene_setting_phrase_or_an_including_aside_goes(text, expected):
    assert title(text) == expected


def test_a_date_closing_a_trailing_attribution_leaves_the_title_to_the_main_clause():
    text = "Bodies of civilians were found in Bucha after Russian troops left the town, AFP reported on Saturday."
    assert title(text, "Saturday") == "Bodies of civilians were found in Bucha"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks came two days after Blinken visited Kyiv.", "The talks came two days after Blinken visited Kyiv"),
        ("The explosion happened hours after Putin spoke.", "The explosion happened hours after Putin spoke"),
        ("Russia attacked after talks failed.", "Russia attacked"),  # a bare "after" opens a clause of its own
    ],
)
def test_a_counted_offset_keeps_the_event_it_counts_from(text, expected):
    assert title(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nestle, Unilever and Danone said they would stay.", "Nestle, Unilever and Danone said they would stay"),
        ("For now, Germany and France agree.", "Germany and France agree"),
    ],
)
def test_the_first_name_of_a_listed_subject_is_no_introductory_phrase(text, expected):
    assert title(text) == expected


def test_an_adverb_inside_a_verb_group_with_no_object_keeps_the_verb():
    text = "A 40-mile convoy of Russian military vehicles north of Kyiv has largely dispersed, satellite images showed."
    assert title(text) == "A 40-mile convoy has largely dispersed"


def test_a_day_range_leaves_the_title_whole():
    text = "EU leaders will meet in Brussels on March 24-25 to discuss a fifth package of sanctions."
    assert title(text, "March 24") == "EU leaders to meet in Brussels to discuss a fifth package of sanctions"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials say the corridor will reopen on Monday.", "Officials say the corridor will reopen"),
        ("Officials hope the corridor will reopen on Monday.", "Officials hope the corridor will reopen"),
        ("The corridor will reopen on Monday.", "The corridor to reopen"),
    ],
)
def test_a_saying_before_a_future_keeps_its_verb(text, expected):
    assert title(text, "on Monday") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denis Pushilin, head of the Moscow-backed Donetsk People's Republic, said the fighters would face a "
         "tribunal.", "Pushilin said the fighters would face a tribunal"),
        ("Jens Stoltenberg, NATO's secretary general, warned the alliance would not send troops.",
         "Stoltenberg warned the alliance would not send troops"),
        ("Russia, Belarus, and China agreed on a plan.", "Russia, Belarus, and China agreed on a plan"),  # a list
        ("Biden, who spoke in Warsaw, said troops would stay.", "Biden said troops would stay"),
    ],
)
def test_a_role_in_apposition_after_a_name_leaves_the_title(text, expected):
    assert title(text) == expected


@pytest.mark.parametrize(
    ("text", "timex", "expected"),
    [
        ("National Rally won 31% in Sunday's EU poll.", "Sunday", "National Rally won 31% in the EU poll"),
        ("Last year's floods caused damage of $30bn.", "Last year", "The floods caused damage of $30bn"),
    ],
)
def test_a_possessive_date_leaves_its_noun_a_determiner(text, timex, expected):
    assert title(text, timex) == expected


@pytest.mark.parametrize(
    ("text", "timex", "expected"),
    [
        # a relative clause's verb at the end is not the main clause's: before, "... hits the drama theatre were
        # sheltering"
        ("16 March 2022: A Russian air strike hits the drama theatre in Mariupol, where hundreds of civilians were "
         "sheltering.", "16 March 2022", "A Russian air strike hits the drama theatre in Mariupol"),
        # a subject before its apposition is no opening phrase (before: "Flagship of Russia's Black Sea Fleet, sinks")
        ("14 April 2022: The Moskva, flagship of Russia's Black Sea Fleet, sinks after Ukraine says it hit the "
         "cruiser.", "14 April 2022", "The Moskva sinks"),
        # (before: "Said Russian soldiers were in the streets")
        ("On Tuesday, the city's mayor, Igor Kolykhaev, said Russian soldiers were in the streets.", "Tuesday",
         "Kolykhaev said Russian soldiers were in the streets"),
        ("The talks, which lasted hours, ended on Monday.", "Monday", "The talks ended"),
    ],
)
def test_chronology_and_apposition_titles_keep_subject_and_verb(text, timex, expected):
    assert title(text, timex) == expected


@pytest.mark.parametrize(
    ("text", "timex", "expected"),
    [
        # before: "Tur, 38" (the age kept, the progressive verb group not taken for a verb)
        ("Tur, 38, has been fighting since 2014, when he joined a battalion.", "2014", "Tur has been fighting"),
        ("Smith, 45, was arrested on Monday.", "Monday", "Smith was arrested"),
    ],
)
def test_an_age_after_a_name_leaves_the_title_and_a_progressive_is_a_verb(text, timex, expected):
    assert title(text, timex) == expected


@pytest.mark.parametrize(
    ("text", "timex", "expected"),
    [
        # before: "Its flagship sank in the Black Sea" (the name in the apposition lost)
        ("Its flagship, the cruiser Moskva, sank in the Black Sea in April 2022.", "April 2022",
         "The cruiser Moskva sank in the Black Sea"),
        ("His wife, a doctor, left Kharkiv in March 2022.", "March 2022", "His wife left Kharkiv"),  # no name in it
    ],
)
def test_a_possessive_subject_gives_way_to_its_definite_apposition(text, timex, expected):
    assert title(text, timex) == expected


def test_a_fronted_counted_offset_sets_the_scene_for_the_main_clause():
    text = "One year after Russian tanks crossed into Ukraine, air raid sirens sounded at dawn on Friday."
    assert title(text, "on Friday") == "Air raid sirens sounded at dawn"  # before: "One year after Russian tanks ..."


def test_a_partitive_relative_clause_describes_the_noun_before_it():
    text = "Farmers in the south, many of whom depended on the canals, face years without irrigation."
    assert title(text) == "Farmers in the south face years without irrigation"  # before: "Many of"


def test_an_including_aside_between_dashes_leaves_the_title_even_with_a_verb():
    text = "Engineers — including a team from Norway that reviewed seismic data — said the dam was blown up."
    assert title(text) == "Engineers said the dam was blown up"  # before: "Engineers — including a team said ..."


def test_a_clause_with_its_own_verb_before_a_closing_relative_is_no_description():
    text = "Russia holds a presidential election on March 15-17, which Putin is all but certain to win."
    assert title(text, "March 15-17") == "Russia holds a presidential election"  # before: "Which Putin is ..."
    assert title("Twitter, which Musk bought in October, said so.", "October") == "Musk bought Twitter"
