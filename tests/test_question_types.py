"""Question typing, typed spans and the directness judgment behind `verification.answers_question`."""

from __future__ import annotations

import pytest

from qa.answer_check import answers, fit
from qa.first_sentence import first_sentence_answers, lead_sentence
from qa.question_types import classify
from qa.typed_spans import analyse


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Who chairs the planning board?", "who"),
        ("Which commissioner dissented?", "person"),
        ("Which two subsidiaries did the regulator charge?", "org"),
        ("How many flights were cancelled at Hollin airport?", "number"),
        ("What did the utility agree to pay customers?", "number"),
        ("What yearly yield was advertised?", "number"),
        ("When does the ferry service resume?", "date"),
        ("In which year was the bridge built?", "date"),
        ("Where did the storm make landfall?", "place"),
        ("Did the jury convict the driver?", "yesno"),
        ("Why was the match postponed?", "reason"),
        ("What did the court rule about the lease?", "other"),
        # The noun after "was/is" is the thing asked for; the last noun of its phrase is its head.
        ("What was the coldest January reading ever taken in Dunmore?", "number"),
        ("What is the ferry fare now?", "number"),
        ("What was the court's ruling?", "other"),
        ("What is the capital of Valdoria?", "place"),
        # "Where did ... end up / stand / close" asks for a level when it names a quantity.
        ("Where did the bank's lending rate end up after the rise?", "number"),
        ("Where did the storm's remnants end up?", "place"),
        ("What headcount does the agency plan for next year?", "number"),
        ("How effective was the vaccine against severe illness?", "number"),
        ("What record did the team set?", "other"),
        # The noun phrase after "was" ends at a clause word: its head is "tally", not "when".
        ("What was the tally when councillors backed the new route?", "number"),
        # A quantity modifying a noun of no kind asks for a number; a vendor is an organisation.
        ("What is the price tag on the takeover?", "number"),
        ("Through which vendor did the attackers get in?", "org"),
    ],
)
def test_questions_are_typed_by_what_they_ask_for(question, kind):
    assert classify(question).kind == kind


def test_role_words_make_the_following_name_a_person_and_institution_words_an_organisation():
    spans = {s.text: s.kind for s in analyse("Harbour Council Chair Imelda Ruiz said Kestrel Labs would open a plant in Dunmore.").spans}
    assert spans["Imelda Ruiz"] == "person"
    assert spans["Harbour Council"] == "org" and spans["Kestrel Labs"] == "org"
    assert spans["Dunmore"] == "place"


def test_a_bare_year_is_a_date_not_a_quantity():
    kinds = {s.text: s.kind for s in analyse("The bridge, built in 1931, carries 42,000 cars a day.").spans}
    assert kinds["1931"] == "date" and kinds["42,000"] == "number"


def test_a_sentence_must_add_something_of_the_asked_kind_that_the_question_lacks():
    question = classify("Who is the chair of the Harbour Council?")
    assert fit(question, "Harbour Council Chair Imelda Ruiz opened the session.") > 0
    # Only the question's own name: talk about the council is not an answer to who chairs it.
    assert fit(question, "The Harbour Council met on Tuesday to discuss the chair's budget.") == 0


def test_the_number_beside_the_asked_word_fits_better_than_another_number():
    question = classify("How many goals did Ilse Moreau score last season?")
    beside = fit(question, "Ilse Moreau scored 23 goals last season for the club, which finished 4th.")
    elsewhere = fit(question, "Ilse Moreau joined the club 4 years ago after a season of goals abroad and 3 cups.")
    assert beside > elsewhere > 0


def test_a_sentence_about_something_else_does_not_answer_even_with_a_new_name():
    question = classify("Who coaches the Dunmore women's team?")
    assert not answers(question, "Dunmore signed striker Paula Greer from Castlebay on Monday.")


def test_a_sentence_that_says_the_answer_is_missing_does_not_answer():
    question = classify("Who coaches the Dunmore women's team?")
    assert not answers(question, "The articles do not say who coaches the Dunmore women's team.")


def test_yes_no_questions_are_answered_by_a_sentence_about_their_names():
    question = classify("Did Kestrel Labs move to Dunmore?")
    assert answers(question, "Kestrel Labs confirmed the move to Dunmore on Friday.")
    assert not answers(question, "The weather was mild on Friday.")


def test_the_lead_of_an_answer_skips_lead_ins_but_not_a_near_miss():
    quoted = "Extractive answer (quoted):\n\u201cIlse Moreau scored 23 goals.\u201d [1]"
    assert lead_sentence(quoted) == "Ilse Moreau scored 23 goals."
    near = "The articles describe \u201cX\u201d but do not say who coaches the team; this is what they do say:\n\u201cA.\u201d [1]"
    assert "do not say" in lead_sentence(near)
    assert not first_sentence_answers("Who coaches the team?", near)


def test_a_far_but_similar_sentence_counts_as_about_the_question():
    question = classify("How many people did Kestrel Labs lay off?")
    sentence = "The company said it would cut 2,300 jobs."
    assert not answers(question, sentence)
    assert answers(question, sentence, similarity=0.8)


def test_a_sentence_may_name_the_asked_measure_in_other_words():
    # "paid" is answered by "the fee ... 9 million pounds", "headcount" by "5,139 full-time staff".
    paid = classify("How much was reportedly paid for Paula Greer?")
    assert fit(paid, "Neither club disclosed the fee, but people familiar with the talks put it at about 9 million pounds.") > 0
    headcount = classify("What headcount would the agency reach under its budget request?")
    assert fit(headcount, "The request would bring the agency to around 5,139 full-time staff.") > 0
    # A worth is not a payment: "worth" questions keep their own head.
    assert "pay" not in classify("What is the takeover worth?").head


def test_a_race_time_is_one_number_not_three():
    spans = [(s.text, s.kind) for s in analyse("The men's race was won by Daniel Korir in 2:07:55.").spans]
    assert ("2:07:55", "number") in spans and ("07", "number") not in spans



@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("How much money was the treasurer convicted of stealing?", "money"),
        ("How much is Fairway paying for Greenleaf?", "money"),
        ("What was the fine?", "money"),
        ("What share of the pilots backed a strike?", "percent"),
        ("How long a prison term did she receive?", "duration"),
        ("How many years did prosecutors seek?", "duration"),
        ("How many stores must the grocers sell?", ""),
        ("How effective was the RSV shot against severe illness?", "percent"),
    ],
)
def test_number_questions_say_what_the_number_measures(question, measure):
    assert classify(question).measure == measure


def test_numbers_say_what_they_measure_and_the_asked_measure_fits_best():
    measures = [(s.text, s.measure) for s in analyse("She took $412,000, got five years, and 97 percent agreed on 14 counts.").spans
                if s.kind == "number"]
    assert measures == [("$412,000", "money"), ("five", "duration"), ("97 percent", "percent"), ("14", "")]
    money = classify("How much money did the treasurer steal from the town?")
    stolen = "The treasurer stole $412,000 from the town."
    counts = "The treasurer was convicted on 14 counts of stealing from the town."
    assert fit(money, stolen) > fit(money, counts) > 0


def test_a_vote_or_score_is_one_number_and_answers_a_tally_question():
    spans = [(s.text, s.kind) for s in analyse("The council voted 9-2 to adopt the route.").spans]
    assert ("9-2", "number") in spans and ("9", "number") not in spans
    assert fit(classify("What was the tally when the council backed the route?"), "The council voted 9-2 to adopt the route.") > 0


def test_the_numbers_of_a_time_or_a_date_are_not_quantities():
    spans = [(s.text, s.kind) for s in analyse("Customers were asked to save power between 4 p.m. and 9 p.m. on Feb. 3.").spans]
    assert ("4 p.m.", "date") in spans and ("Feb. 3", "date") in spans
    assert not [text for text, kind in spans if kind == "number"]
    assert fit(classify("How many customers lost power?"), "Customers were asked to save power between 4 p.m. and 9 p.m.") == 0


def test_a_figure_answers_how_many_better_than_a_vague_count():
    question = classify("How many homes and businesses lost power when Delia came ashore?")
    vague = "Delia came ashore early Tuesday, knocking out power to thousands of homes and businesses."
    figure = "Delia came ashore early Tuesday, knocking out power to about 140,000 homes and businesses."
    assert 0 < fit(question, vague) < fit(question, figure)


def test_a_name_set_off_as_a_contractor_or_vendor_is_an_organisation():
    kinds = {s.text: s.kind for s in analyse("They used a login of Strandline Cloud, an outside contractor, to get in.").spans}
    assert kinds["Strandline Cloud"] == "org"


def test_a_name_ending_as_firms_names_end_is_an_organisation_even_after_at():
    kinds = {s.text: s.kind for s in analyse("said Lauren Petrakis, an analyst at Tidewater Research, and Ines Barreto of Calloway Consulting.").spans}
    assert kinds["Tidewater Research"] == "org" and kinds["Calloway Consulting"] == "org"
    question = classify("What firm is the analyst Lauren Petrakis with?")
    assert fit(question, "\"Risk is priced in,\" said Lauren Petrakis, a digital asset analyst at Tidewater Research.") > 0


def test_a_bare_measure_asks_about_the_noun_it_measures():
    assert {"rais", "size"} <= classify("What size raise is the pilots union holding out for?").head
    assert "peopl" in classify("What number of people were evacuated?").head
    assert classify("What amount did Fairway pay?").head == frozenset({"amount"})


def test_a_person_of_a_place_is_a_person_but_an_institution_of_a_place_is_one_name():
    kinds = {s.text: s.kind for s in analyse("Faith Chebet of Kenya beat the Bank of America team at the Port of Calder.").spans}
    assert kinds["Faith Chebet"] == "person" and "Kenya" in kinds
    assert kinds["Bank of America"] == "org" and "Port of Calder" in kinds


def test_a_sentence_naming_the_question_s_names_and_sharing_a_word_is_about_it():
    question = classify("What share of Skylark's pilots backed a walkout?")
    sentence = "Pilots at Skylark Air voted overwhelmingly on Thursday to authorize a strike, with 97 percent of members in favor."
    assert fit(question, sentence) > 0
    assert fit(question, "Trading volume ended about 35 percent below average.") == 0


def test_a_yes_no_question_is_settled_by_its_subject_and_verb_without_every_name():
    from qa.answer_check import stance_fit

    question = classify("Did the SEC comment on the Journal's report about Binance?")
    assert stance_fit(question, "The SEC did not comment on the report.") > 0
    assert answers(question, "The SEC did not comment on the report.")
    assert stance_fit(question, "Binance made overtures to the SEC in 2018.") == 0
    # Every name, from the sentence and its headline, but neither the subject first nor the verb: less.
    assert 0 < stance_fit(question, "Binance declined, the Journal said.", "SEC") < stance_fit(
        question, "The SEC did not comment on the report."
    )


def test_a_why_question_is_answered_by_a_sentence_that_gives_a_reason():
    from qa.answer_check import reason_fit

    question = classify("Why did the judge throw out the group's challenge?")
    assert reason_fit(question, "The judge ruled that the group lacked standing because none of its members was harmed.") > 0
    assert reason_fit(question, "The suit, filed by the group, argued that the land sold too cheaply.") == 0


def test_a_time_of_day_answers_what_time_and_another_question_word_beside_it_counts():
    question = classify("At what time did trading restart on the exchange?")
    resumed = "Trading resumed at 12:48 p.m. after technicians rolled back the update."
    halted = "The exchange halted all trading on Wednesday for about two hours after a fault."
    assert [s.measure for s in analyse(resumed).spans if s.kind == "date"] == ["clock"]
    assert fit(question, resumed) > fit(question, halted) > 0


def test_a_hyphenated_period_is_a_duration():
    spans = [(s.text, s.measure) for s in analyse("He agreed to a four-year contract.").spans if s.kind == "number"]
    assert spans == [("four", "duration")]


def test_a_yes_no_answer_may_call_the_subject_otherwise_if_it_repeats_the_question_s_words():
    from qa.answer_check import stance_fit

    question = classify("Did the ECB keep its earlier guidance that more rate rises were likely?")
    assert stance_fit(question, "The bank dropped its earlier guidance that more increases were likely.") > 0
    assert stance_fit(question, "The bank raised its deposit rate to 3 percent.") == 0


def test_a_contract_is_a_deal():
    question = classify("How long is the deal Kerrigan signed with Port Avalon?")
    assert fit(question, "The 24-year-old agreed to a four-year contract after passing a medical.") > 0


def test_to_realize_is_to_discover():
    question = classify("When did Paylantic realize it had been hacked?")
    found = "Paylantic's security team discovered the intrusion on Aug. 17, after unusual traffic."
    told = "Paylantic said on Thursday that hackers had gained access to the data of 1.2 million users."
    assert fit(question, found) > fit(question, told)


def test_to_apologize_is_to_say_sorry():
    question = classify("Who apologized to customers on Paylantic's behalf?")
    sorry = "\"We let our users down, and I am deeply sorry,\" said Kofi Adjei-Mensah, Paylantic's chief executive."
    other = "The company said the attackers used credentials stolen from an employee of Strandline Cloud, a contractor."
    assert fit(question, sorry) > fit(question, other)


def test_irregular_past_forms_stem_as_their_verb():
    from qa.question_types import stem

    assert stem("won") == stem("winning") == stem("wins") and stem("spent") == stem("spend")
    question = classify("What was the men's winning time in Calder?")
    assert fit(question, "The men's race was won by Daniel Korir in 2:07:55.") > 0


def test_a_compound_noun_takes_the_kind_of_its_last_word_when_the_kinds_differ():
    assert classify("Which council member opposed the budget?").kind == "person"
    inflation = classify("What inflation rate do staff project for 2024?")
    assert inflation.kind == "number" and "inflat" in inflation.head


def test_a_lawyer_is_who_represents():
    question = classify("Who represented Gail Ostrander at trial?")
    assert fit(question, "Her lawyer, Victor Amsel, said she would appeal.") > 0


def test_a_country_does_not_answer_which_city_as_well_as_a_city_does():
    question = classify("In which city's court did the regulator file its lawsuit?")
    country = "The lawsuit adds to pressure on the exchange in the United States."
    city = "The complaint was filed in federal court in Chicago."
    assert [(s.text, s.kind, s.measure) for s in analyse(country).spans] == [("United States", "place", "country")]
    assert fit(question, city) > fit(question, country)
    assert classify("Over what period were the messages written?").kind == "date"


@pytest.mark.parametrize(
    ("question", "kind", "head"),
    [
        # Typed as people type into a chat box: contractions, openers, context before the asking clause.
        ("who's coaching the team now?", "who", "coach"),
        ("whats the name of the retired teacher who found the comet?", "person", "teacher"),
        ("ok so regulators cleared it - when does the deal close?", "date", "close"),
        ("Castlebay fired Marcus Bell, so who's coaching the team now?", "who", "coach"),
        ("I read about the Harlow trial \u2014 how many counts was she convicted on?", "number", "count"),
        ("According to CoinMarketCap, roughly how much did Binance handle each day?", "number", "handl"),
        ("Can you tell me who chairs the CFTC?", "who", "chair"),
        ("do you know if Gensler advised Binance?", "yesno", "advis"),
        ("Which neurologist led the research?", "person", "neurolog"),
        ("Did Derek Sandoval end up backing the deal?", "yesno", "back"),
        ("I saw MIT built a sodium battery. Who led that research?", "who", "lead"),
        ("Where will the temporary branch operate during the renovation?", "place", "oper"),
        ("When does the lab hope to fire up the reactor?", "date", "hope"),
        ("The bridge shut in May \u2014 in which year will it reopen?", "date", "reopen"),
    ],
)
def test_the_asking_clause_is_typed_whatever_comes_before_it(question, kind, head):
    asked = classify(question)
    assert asked.kind == kind
    assert head in asked.head


def test_context_before_the_asking_clause_keeps_its_names():
    asked = classify("Castlebay fired Marcus Bell, so who's coaching the team now?")
    assert set(asked.names) == {"castlebay", "marcus", "bell"}
    assert classify("Who is the CEO of Northbridge?").names == ("northbridge",)  # a common acronym is a word
    assert {"chief", "execut"} <= classify("Who is the CEO of Northbridge?").head


def test_a_person_s_last_name_stands_for_the_full_name():
    from qa.answer_check import name_coverage

    asked = classify("On what date will Gordon Brennick be sentenced?")
    assert asked.persons == (("gordon", "brennick"),)
    assert name_coverage(asked, "Judge Mbeki set sentencing for Brennick on July 22.") == 1.0
    assert name_coverage(asked, "Judge Mbeki set sentencing for Gordon Tully on July 22.") == 0.5


def test_a_phrase_set_off_after_a_name_says_what_it_names():
    spans = {s.text: s.kind for s in analyse("Velatrin was developed by Caldera Therapeutics, a biotechnology company. "
                                              "Miriam Ostrander, the exchange's chief executive, spoke.").spans}
    assert spans["Caldera Therapeutics"] == "org"
    assert spans["Miriam Ostrander"] == "person"
    assert {s.text: s.kind for s in analyse("His team, Ridgeline Pro Cycling, suspended him.").spans} == {
        "Ridgeline Pro Cycling": "org"}  # set off after the noun, too


def test_the_day_a_story_was_told_does_not_answer_when_it_happened():
    asked = classify("When did Paylantic find the intrusion?")
    told = "Paylantic said on Thursday that it found the intrusion."
    happened = "Paylantic found the intrusion on Aug. 17, the company said."
    assert fit(asked, happened) > fit(asked, told)
    assert fit(classify("When did Paylantic announce the breach?"), "Paylantic announced on Thursday that it was breached.") > 0.9


def test_a_sentence_naming_the_question_s_names_is_about_it_at_a_lower_closeness():
    from qa.answer_check import close_in_meaning

    asked = classify("When did Paylantic realize it had been hacked?")
    assert close_in_meaning(asked, "Paylantic's team discovered the intrusion on Aug. 17.", 0.6)
    assert not close_in_meaning(asked, "The team discovered the intrusion on Aug. 17.", 0.6)
    assert close_in_meaning(asked, "The team discovered the intrusion on Aug. 17.", 0.6, context="Paylantic breach")
    assert not close_in_meaning(asked, "Paylantic's team discovered the intrusion on Aug. 17.", 0.5)


def test_a_name_plus_a_word_like_county_is_not_new():
    asked = classify("Where have investigators traced most of the Larkspur infections?")
    assert fit(asked, "Health officials in Larkspur County have confirmed 27 cases.") == 0
    assert fit(asked, "Investigators linked most of the infections to Crestwood Elementary School.") > 0


def test_the_first_sentence_is_read_with_the_headlines_it_cites():
    question = "What was the name of the class Gensler taught in fall 2018?"
    answer = "\u201cThat fall he taught \"Blockchain and Money,\" a course on ledgers.\u201d [1]"
    assert not first_sentence_answers(question, answer, lambda s: 0.5)
    assert first_sentence_answers(question, answer, lambda s: 0.5, titles={1: "Before the SEC, Gensler Taught Crypto"})


def test_a_date_of_the_wrong_grain_answers_less():
    from qa.answer_check import fit

    year = classify("In what year did Redmarsh last win a trophy?")
    assert fit(year, "Redmarsh last won a trophy in 1994.") > fit(year, "Redmarsh won a trophy on Saturday.")
    day = classify("On what date will Brennick learn his sentence?")
    assert fit(day, "Brennick will learn his sentence on July 22.") > fit(day, "Brennick will learn his sentence in 2026.")
    assert classify("When did Redmarsh last win a trophy?").measure == ""
    assert classify("In which years did Binance court Gensler?").measure == "year"


def test_a_question_about_what_is_yet_to_happen_is_answered_by_a_sentence_looking_ahead():
    from qa.answer_check import fit

    asked = classify("When should drivers be able to use the bridge again?")
    assert asked.ahead and not classify("When did drivers last use the bridge?").ahead
    ahead = "The bridge is expected to reopen to drivers in April 2027."
    behind = "The mayor, elected in 2021, made the bridge for drivers a priority."
    assert fit(asked, ahead) > fit(asked, behind)


def test_who_runs_something_is_answered_by_the_title_of_whoever_runs_it():
    from qa.answer_check import fit

    asked = classify("Who was running the water authority when the auditor raised her suspicions?")
    assert {"manag", "ceo"} <= asked.head
    manager = "The auditor raised the matter with the authority's then-general manager, Carl Dunphy."
    officer = "The auditor raised the matter with Gordon Brennick, the authority's finance officer."
    assert fit(asked, manager) > fit(asked, officer)


def test_a_question_giving_the_sum_asks_what_it_buys_and_how_old_asks_for_an_age():
    assert classify("What does the extra $2.6 million in the deal pay for?").kind == "other"
    assert classify("What did Kraken agree to pay the SEC?").kind == "number"
    assert classify("How old is the bridge?").measure == "duration"  # "the 88-year-old bridge"


def test_the_question_s_own_name_said_in_full_is_no_answer():
    # "Castlebay Comets" is the team the question calls "Castlebay"; "Gary Gensler" is its "Gensler".
    coaching = classify("Castlebay fired Marcus Bell, so who's coaching the team now?")
    assert fit(coaching, "The Castlebay Comets fired head coach Marcus Bell on Monday after two wins.") == 0.0
    assert fit(coaching, "Assistant coach Tanya Ibsen will take over on an interim basis.") > 0.0
    assert fit(classify("Who did Gensler meet in Paris?"), "Gary Gensler met reporters in Paris on Monday.") == 0.0
    # A name that qualifies what is asked is expected in the answer: a Fairway subsidiary is "Fairway ...".
    assert fit(classify("Which Fairway subsidiary runs the trucks?"),
               "The trucks are run by Fairway Logistics, a subsidiary.") > 0.0
    assert classify("Who is the Port Avalon manager?").qualifiers == {"port", "avalon"}
    assert not classify("Who did Gensler meet in Paris?").qualifiers  # the subject, not a qualifier
    # Another street is no alias of Elm Street, and a longer name holding the question's name is
    # another thing: the group that sued Averill County.
    assert fit(classify("Where will the Elm Street library branch operate?"),
               "A temporary branch will operate from the old post office on Canal Street.") > 0.0
    assert fit(classify("Who brought the Averill rental case?"),
               "The Averill rental case was brought by the Averill Property Owners Alliance, a group of homeowners.") > 0.0
    # A span holding one word of a longer name of the question is another thing, not that name in full.
    assert fit(classify("Which company operates the Kestrel Sound Ferries?"),
               "Forecasters said winds would ease, and the operator, Tidewater Ferries, said it would resume sailings.") > 0.0


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("Who is the new head coach of the Comets?", "coach"),
        ("Who was the only committee member to oppose the bridge deal?", "member"),
        ("Who is the transit director?", "director"),
        ("Who is the Port Avalon manager?", "manag"),
    ],
)
def test_a_who_is_the_question_asks_about_the_last_word_of_its_role(question, head):
    # English compounds end with the word they name: a "head coach" is a coach, not a head.
    asked = classify(question)
    assert head in asked.head
    assert not {"new", "committe", "transit", "port"} & asked.head
