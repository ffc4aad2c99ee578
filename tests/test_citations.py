import pytest
from hypothesis import given, settings as hsettings, strategies as st

from qa.citations import check_citations, parse_marks
from qa.models import Passage
from qa.support import SupportJudge
from tests.fakes import FakeEmbedder

BODY_OFFSET = 100


def passage(n: int, text: str) -> Passage:
    return Passage(
        n=n, chunk_id=f"c{n}", article_id=f"a{n}", title=f"T{n}", url=f"https://x.example/{n}", source="S",
        published_at="2023-03-06T00:00:00Z", text=text, start=BODY_OFFSET, end=BODY_OFFSET + len(text), score=0.8,
    )


PASSAGES = [
    passage(1, "Binance approached Gensler in 2018. Gensler declined the offer to advise the exchange."),
    passage(2, "Kraken agreed to pay $30 million. It ended its staking program in the US."),
]


@pytest.fixture
def judge() -> SupportJudge:
    return SupportJudge(FakeEmbedder(), min_similarity=0.3, min_overlap=0.6)


def test_parse_marks_reads_every_form():
    text = "a [1] b [2, 3] c [4][5] d [6-8] e [9; 10] f [ 11 ]"
    assert [numbers for _, _, numbers in parse_marks(text)] == [[1], [2, 3], [4], [5], [6, 7, 8], [9, 10], [11]]


def test_valid_citations_get_the_best_supporting_sentence_as_quote(judge):
    checked = check_citations("Gensler declined the offer to advise Binance [1]. Kraken agreed to pay $30 million [2].", PASSAGES, judge)
    assert [c.n for c in checked.citations] == [1, 2]
    first = checked.citations[0]
    assert first.quote == "Gensler declined the offer to advise the exchange."
    offset = PASSAGES[0].text.index(first.quote)
    assert (first.quote_start, first.quote_end) == (BODY_OFFSET + offset, BODY_OFFSET + offset + len(first.quote))
    assert all(c.supported for c in checked.citations)
    assert [c.supported for c in checked.claims] == [True, True]
    assert checked.warnings == ()


def test_a_number_that_was_not_given_is_dropped_and_reported(judge):
    checked = check_citations("Gensler declined the offer [1][7]. He also flew to Mars [9].", PASSAGES, judge)
    assert [c.n for c in checked.citations] == [1]
    assert "[7]" not in checked.text and "[9]" not in checked.text
    assert "[1]" in checked.text
    assert "dropped citation(s) [7], [9]" in checked.warnings[0]
    assert "passages given: 1-2" in checked.warnings[0]


def test_an_answer_without_citations_is_flagged(judge):
    checked = check_citations("Gensler declined.", PASSAGES, judge)
    assert checked.citations == ()
    assert checked.claims[0].supported is False
    assert any("cites no retrieved passage" in w for w in checked.warnings)


def test_a_mark_after_the_full_stop_stays_with_its_sentence(judge):
    checked = check_citations("Kraken agreed to pay $30 million. [2] Gensler declined the offer. [1, 2]", PASSAGES, judge)
    assert checked.text == "Kraken agreed to pay $30 million [2]. Gensler declined the offer [1][2]."
    assert [c.citations for c in checked.claims] == [(2,), (1, 2)]


def test_a_wrong_figure_is_not_supported_even_when_the_topic_matches(judge):
    checked = check_citations("Kraken agreed to pay $45 million [2].", PASSAGES, judge)
    (claim,) = checked.claims
    assert claim.supported is False
    assert checked.citations[0].supported is False
    assert any("not supported" in w for w in checked.warnings)


def test_a_claim_citing_the_wrong_passage_is_unsupported(judge):
    checked = check_citations("Gensler declined the offer to advise the exchange [2].", PASSAGES, judge)
    assert checked.claims[0].supported is False


def test_an_irrelevant_extra_citation_is_imprecise_but_the_claim_is_recalled(judge):
    checked = check_citations("Gensler declined the offer to advise the exchange [1][2].", PASSAGES, judge)
    assert checked.claims[0].supported is True
    assert {c.n: c.supported for c in checked.citations} == {1: True, 2: False}
    assert checked.verification() == {"claims": 1, "supported": 1, "citations": 2, "precise": 1, "dropped": 0}


def test_a_lead_in_makes_no_claim(judge):
    checked = check_citations("The articles say:\n\u201cGensler declined the offer to advise the exchange.\u201d [1]", PASSAGES, judge)
    assert [c.supported for c in checked.claims] == [None, True]


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]0123456789,;- –abc.\n:")), max_size=80))
def test_the_checker_never_raises_and_never_cites_outside_the_passages(text):
    checked = check_citations(text, PASSAGES, SupportJudge(FakeEmbedder(), min_similarity=0.3, min_overlap=0.6))
    assert {c.n for c in checked.citations} <= {1, 2}
    for _, _, numbers in parse_marks(checked.text):
        assert set(numbers) <= {1, 2}
    for claim in checked.claims:
        assert set(claim.citations) <= {1, 2}


def test_a_mark_closed_by_dropping_another_is_dropped_too():
    # Hypothesis found it: without the inner mark, "[ [9] 0]" reads as the mark "[ 0]".
    checked = check_citations("Claim [ [9] 0].", PASSAGES, SupportJudge(FakeEmbedder(), min_similarity=0.3, min_overlap=0.6))
    assert parse_marks(checked.text) == [] and checked.dropped_marks == 2


@given(st.lists(st.integers(min_value=1, max_value=9999), min_size=1, max_size=5))
def test_well_formed_marks_round_trip(numbers):
    text = "Claim " + "".join(f"[{n}]" for n in numbers) + "."
    assert [n for _, _, ns in parse_marks(text) for n in ns] == numbers
