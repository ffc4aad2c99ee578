"""The extractive answer leads with the sentence that states what was asked, or says plainly that none does."""

from __future__ import annotations

from qa.answering import answer_question
from qa.chat.extractive import ExtractiveAnswerer
from qa.citations import parse_marks
from qa.models import Passage

TITLE = "Dunmore Rovers Sign Forward Paula Greer"


def passage(n: int, text: str, title: str = TITLE) -> Passage:
    return Passage(n=n, chunk_id=f"c{n}", article_id=f"a{n}", title=title, url=None, source="Test Wire",
                   published_at=None, text=text, start=0, end=len(text), score=0.9)


PASSAGES = [
    passage(1, "Dunmore Rovers completed the signing of forward Paula Greer from Castlebay United on Monday. "
               "Greer said she wanted to score goals for Dunmore Rovers and push the club up the table."),
    passage(2, "Head coach Imelda Ruiz said Dunmore Rovers had followed Greer for two seasons. "
               "Greer scored 23 goals for Castlebay United last season, the most in the league."),
]


def lead(text: str) -> str:
    return next(line for line in text.splitlines() if parse_marks(line))


def test_the_sentence_naming_the_asked_person_leads_not_one_sharing_more_words(embedder):
    draft = ExtractiveAnswerer(embedder, min_relevance=0.05).draft("Who coaches Dunmore Rovers?", PASSAGES)
    assert "Imelda Ruiz" in lead(draft.text)


def test_the_asked_number_leads(embedder):
    draft = ExtractiveAnswerer(embedder, min_relevance=0.05).draft("How many goals did Greer score last season?", PASSAGES)
    assert "23 goals" in lead(draft.text)


def test_when_no_sentence_states_the_asked_thing_the_answer_says_so_and_quotes_what_is_there(embedder):
    draft = ExtractiveAnswerer(embedder, min_relevance=0.05).draft("When was Greer born?", PASSAGES)
    first = draft.text.splitlines()[0]
    assert first.startswith(f"The articles describe \u201c{TITLE}\u201d but do not say when was Greer born")
    assert parse_marks(draft.text)


def test_every_answer_says_whether_it_answers_the_question(services):
    direct = answer_question("How much did Kraken agree to pay the SEC?", services=services)
    assert direct.verification["answers_question"] is True
    refused = answer_question("What is the capital of Australia?", services=services)
    assert refused.refused and refused.verification["answers_question"] is False


def test_an_llm_answer_is_judged_by_its_first_sentence(llm_services, chat):
    chat.enqueue("Kraken agreed to pay $30 million [1].", "Kraken settled with the agency over staking [1].")
    first = answer_question("How much did Kraken agree to pay the SEC?", services=llm_services)
    second = answer_question("How much did Kraken agree to pay the SEC?", services=llm_services)
    assert first.verification["answers_question"] is True
    assert second.verification["answers_question"] is False


def test_a_yes_no_question_is_led_by_the_sentence_that_says_yes_or_no(embedder):
    passages = [
        passage(1, "Westmere Athletic made repeated offers in 2022 and 2023 to sign Paula Greer as a forward while she "
                   "played for Castlebay United, a report said on Sunday.", title="Westmere Courted Greer"),
        passage(2, "Greer turned down the offer from Westmere Athletic and stayed with Castlebay United, the report said.",
                title="Westmere Courted Greer"),
    ]
    draft = ExtractiveAnswerer(embedder, min_relevance=0.05).draft("Did Greer join Westmere Athletic?", passages)
    assert "turned down" in lead(draft.text)


def test_stance_fit_needs_a_word_that_says_yes_or_no_and_every_name():
    from qa.answer_check import STANCE_FIT, stance_fit
    from qa.question_types import classify

    asked = classify("Did Gensler advise Binance?")
    assert stance_fit(asked, "Gensler declined the invitation to serve as an adviser to Binance.") == STANCE_FIT
    assert 0 < stance_fit(asked, "Binance said it was never advised by Gensler.") < STANCE_FIT
    assert stance_fit(asked, "Binance made overtures to sign up Gensler as an adviser.") == 0
    assert stance_fit(asked, "Gensler declined to comment.") == 0  # Binance is not named
    assert stance_fit(classify("Who advised Binance?"), "Gensler declined to advise Binance.") == 0


def test_the_question_s_qualifier_decides_between_two_sentences_of_the_asked_kind(embedder):
    # "women's" is carried by one sentence, "race" and "Calder" by all: the qualifier decides.
    passages = [passage(1, "The men's race at the Calder Marathon was won by Daniel Korir in a course record. "
                           "Faith Chebet won the women's race at the Calder Marathon in 2 hours 19 minutes. "
                           "The Calder Marathon race drew a record field of runners this year.", title="Calder Marathon")]
    draft = ExtractiveAnswerer(embedder, min_relevance=0.05).draft("Who won the women's race at the Calder Marathon?", passages)
    assert "Faith Chebet" in lead(draft.text)


def test_a_search_snippet_cut_mid_sentence_is_quoted_from_where_it_starts(embedder):
    # Search engines print snippets cut mid-sentence; the cut piece may be the only one that answers.
    passages = [
        passage(1, "Lab director Priya Raman said the team hoped to switch on the ...", title="Lab director Priya Raman said"),
        passage(2, "... device in 2027, two years later than first planned, because of supply delays.", title="device in 2027"),
    ]
    draft = ExtractiveAnswerer(embedder, min_relevance=0.05).draft("When does the lab hope to switch on its device?", passages)
    assert "\u201cdevice in 2027, two years later than first planned, because of supply delays.\u201d [2]" in draft.text


def test_an_acronym_the_passages_spell_out_is_not_a_missing_name():
    from qa.mentions import missing_names

    passages = [passage(1, "An experimental vaccine against respiratory syncytial virus prevented 82 percent of severe illness.")]
    assert missing_names("How effective was the RSV shot?", passages) == []
    assert missing_names("How effective was the HPV shot?", passages) == ["HPV"]


def test_a_question_word_few_sentences_hold_weighs_more_than_one_all_hold():
    from qa.lead import _distinctiveness
    from qa.words import content_words

    sentences = [content_words(t) for t in ("The men's race in Calder.", "The women's race in Calder.", "Calder race day.")]
    weights = _distinctiveness(content_words("Who won the women's race in Calder?"), sentences)
    assert weights["women"] > weights["race"] == weights["calde"] >= 0 and "won" not in weights
    assert abs(sum(weights.values()) - 1.0) < 1e-9


def two_heat_stories(spain: str) -> list[Passage]:
    """Two stories with the same airport sentence: only the Spanish one names Cordoba."""
    return [
        passage(1, "The temperature at the airport reached 109 degrees on Thursday, officials said.", title="Calder heat"),
        passage(2, spain + " The temperature at the airport reached 38.8 degrees on Thursday, officials said.",
                title="Spain heat"),
    ]


def test_a_sentence_from_a_story_about_the_question_s_names_leads_over_one_from_another_story(embedder):
    passages = two_heat_stories("Spain recorded its hottest April day in Cordoba.")
    draft = ExtractiveAnswerer(embedder, min_relevance=0.05).draft("How hot did it get at Cordoba's airport?", passages)
    assert "38.8 degrees" in lead(draft.text)


def test_a_lead_beside_the_asked_word_is_given_even_when_no_sentence_is_close_in_meaning(embedder):
    passages = [passage(1, "The heat was unusual, said Elena Carvalho, who works at the University of Seville.",
                        title="Spain heat")]
    draft = ExtractiveAnswerer(embedder, min_relevance=0.99).draft("Where does Elena Carvalho work?", passages)
    assert "University of Seville" in lead(draft.text)


def test_the_sentence_naming_the_question_s_time_leads(embedder):
    # The issue's own example: Kerrigan's 19 goals "last season", not the club's 38 "last term".
    passages = [passage(1, "The forward netted 19 league goals last season at Westmere. "
                           "Kerrigan said he would score goals for an attack that scored only 38 goals last term.",
                        title="Port Avalon signs Kerrigan")]
    draft = ExtractiveAnswerer(embedder, min_relevance=0.05).draft("How many goals did Kerrigan score last season?", passages)
    assert "19 league goals" in lead(draft.text)


def test_a_question_naming_nothing_may_be_led_from_afar_only_by_the_passage_holding_the_closest_sentence(embedder):
    # "Who led the sea otter survey?" names nothing, so "about the question" is the passage that
    # holds the closest sentence; another story's "who led" sentence does not lead.
    passages = [
        passage(1, "The number of sea otters on the coast rose to 3,870 this spring, the highest since the otter "
                   "survey began in 1998. Biologist Nadia Ferrante, who led the count, said kelp forests had recovered.",
                title="Sea otter count rises"),
        passage(2, "Councillor Tom Reed, who led the budget talks, said the vote would come in June.", title="Budget vote"),
    ]
    draft = ExtractiveAnswerer(embedder, min_relevance=0.5).draft("Who led the sea otter survey?", passages)
    assert "Nadia Ferrante" in lead(draft.text)
    assert "Tom Reed" not in draft.text


def test_a_name_said_otherwise_in_the_passages_is_not_missing():
    from qa.mentions import missing_names

    passages = [passage(1, "A jury convicted Gordon Brennick. Brennick's lawyer said Northbridge chief executive "
                           "Miriam Ostrander, a venture capital investor, and Changpeng Zhao would testify.")]
    later = [passage(2, "Judge Mbeki set sentencing for Brennick on July 22.")]
    assert missing_names("When will Gordon Brennick be sentenced?", later) == []
    assert missing_names("When will Gordon Tully be sentenced?", later) == ["Gordon", "Tully"]
    assert missing_names("Who is the CEO of Northbridge?", passages) == []
    assert missing_names("Which VC firm testified besides CZ?", passages) == []
    assert missing_names("Did the EU fine Northbridge?", passages) == ["EU"]


def test_a_question_typed_in_lower_case_takes_its_names_from_the_passages(embedder):
    from qa.recase import recase

    texts = ["Mateo Kerrigan joined Port Avalon FC. Manager Ruth Callander said the SEC had no say. "
             "The club, Port Avalon FC, is owned by a fund; the SEC declined to comment. Lab work at the MIT Media Lab."]
    assert recase("who manages port avalon fc? did the sec object to the lab?", texts) == (
        "who manages Port Avalon FC? did the SEC object to the lab?"
    )
    # "FC" is written once, but right after a name the question also has.
    once = ["Kerrigan joined Port Avalon FC. Fans in Port Avalon cheered the signing."]
    assert recase("who manages port avalon fc?", once) == "who manages Port Avalon FC?"
    passages = two_heat_stories("The heat in Spain centred on Cordoba, and people in Cordoba stayed indoors.")
    draft = ExtractiveAnswerer(embedder, min_relevance=0.05).draft("how hot did it get at cordoba's airport?", passages)
    assert "38.8 degrees" in lead(draft.text)


def test_a_span_a_few_words_off_the_asked_word_may_lead_from_afar_in_a_story_about_the_question(embedder):
    passages = [passage(1, "The Castlebay Comets fired coach Marcus Bell on Monday. Assistant coach Tanya Ibsen will take "
                           "over on an interim basis, the club said.", title="Castlebay Comets fire coach")]
    draft = ExtractiveAnswerer(embedder, min_relevance=0.99).draft("Who is in charge of the Comets on an interim basis?", passages)
    assert "Tanya Ibsen" in lead(draft.text)


def quotes(text: str) -> list[str]:
    return [line for line in text.splitlines() if parse_marks(line)]


def test_after_the_lead_a_sentence_stating_the_asked_thing_is_quoted_before_one_that_only_repeats_the_question(embedder):
    # If the lead is the wrong figure, the reader still sees the other one the articles give.
    passages = [passage(1, "Greer scored 23 goals for Castlebay United last season, the most in the league. "
                           "Greer said last season that she wanted to score more goals for the club. "
                           "Her 11 goals in the cup came in a single run.", title="Greer goals")]
    draft = ExtractiveAnswerer(embedder, min_relevance=0.05, max_sentences=2).draft(
        "How many goals did Greer score last season?", passages)
    assert "23 goals" in quotes(draft.text)[0]
    assert "11 goals" in quotes(draft.text)[1]


def test_a_sentence_that_could_have_led_from_afar_is_quoted_after_the_lead(embedder):
    passages = [passage(1, "Port Avalon FC manager Ruth Callander signed a new contract with Port Avalon FC on Monday. "
                           "Assistant manager Tom Hale ran training while she was away.", title="Port Avalon FC manager")]
    draft = ExtractiveAnswerer(embedder, min_relevance=0.4).draft("Who manages Port Avalon FC?", passages)
    assert "Ruth Callander" in quotes(draft.text)[0]
    assert any("Tom Hale" in q for q in quotes(draft.text)[1:])


def test_a_sentence_restating_what_the_reader_said_before_asking_does_not_lead(embedder, monkeypatch):
    passages = [passage(1, "Faith Chebet of Kenya won the women's race at the Calder Marathon on Sunday, ahead of Ruth Mwangi. "
                           "The men's race was won by Daniel Korir in 2:07:55.", title="Calder Marathon")]
    question = "Chebet won the women's race at the Calder Marathon, but who took the men's race?"
    draft = ExtractiveAnswerer(embedder, min_relevance=0.05).draft(question, passages)
    assert "Daniel Korir" in lead(draft.text)
    monkeypatch.setattr("qa.lead.RESTATING_WEIGHT", 0.0)
    # The fake embedder's reading with the headline is noise, which here favours Korir's sentence: off too.
    monkeypatch.setattr("qa.lead.IN_CONTEXT_WEIGHT", 0.0)
    assert "Daniel Korir" not in lead(ExtractiveAnswerer(embedder, min_relevance=0.05).draft(question, passages).text)


def test_the_sentence_repeating_the_question_s_figure_leads(embedder):
    passages = [passage(1, "The council approved the bridge contract on Tuesday after extra debate about the deal. "
                           "The added $2.6 million covers overnight crews and a walkway.", title="Bridge deal approved")]
    draft = ExtractiveAnswerer(embedder, min_relevance=0.05).draft(
        "What does the extra $2.6 million in the approved deal pay for?", passages)
    assert "overnight crews" in lead(draft.text)


def test_a_sentence_restating_the_context_still_leads_when_it_also_states_the_asked_thing(embedder, monkeypatch):
    passages = [passage(1, "Port Avalon signed striker Kerrigan from Westmere on Wednesday; he scored 19 goals. "
                           "The club scored only 38 goals last season, said Callander.",
                        title="Port Avalon sign Kerrigan")]
    question = "Port Avalon signed striker Kerrigan from Westmere on Wednesday, so how many goals did he score last season?"
    assert "19 goals" in lead(ExtractiveAnswerer(embedder, min_relevance=0.05).draft(question, passages).text)
    monkeypatch.setattr("qa.lead.states_beside_head", lambda asked, text: False)
    assert "19 goals" not in lead(ExtractiveAnswerer(embedder, min_relevance=0.05).draft(question, passages).text)
