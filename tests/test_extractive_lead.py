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
