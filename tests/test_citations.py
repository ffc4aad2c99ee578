from hypothesis import given, settings as hsettings, strategies as st

from qa.citations import check_citations, parse_marks
from qa.models import Passage
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


def test_parse_marks_reads_every_form():
    text = "a [1] b [2, 3] c [4][5] d [6-8] e [9; 10] f [ 11 ]"
    assert [numbers for _, _, numbers in parse_marks(text)] == [[1], [2, 3], [4], [5], [6, 7, 8], [9, 10], [11]]


def test_valid_citations_get_the_best_supporting_sentence_as_quote():
    checked = check_citations("Gensler declined to advise Binance [1]. Kraken paid $30 million [2].", PASSAGES, FakeEmbedder())
    assert [c.n for c in checked.citations] == [1, 2]
    first = checked.citations[0]
    assert first.quote == "Gensler declined the offer to advise the exchange."
    offset = PASSAGES[0].text.index(first.quote)
    assert (first.quote_start, first.quote_end) == (BODY_OFFSET + offset, BODY_OFFSET + offset + len(first.quote))
    assert checked.warnings == ()


def test_a_number_that_was_not_given_is_dropped_and_reported():
    checked = check_citations("Gensler declined [1][7]. He also flew to Mars [9].", PASSAGES, FakeEmbedder())
    assert [c.n for c in checked.citations] == [1]
    assert "[7]" not in checked.text and "[9]" not in checked.text
    assert "[1]" in checked.text
    assert "dropped citation(s) [7], [9]" in checked.warnings[0]
    assert "passages given: 1-2" in checked.warnings[0]


def test_an_answer_without_citations_is_flagged():
    checked = check_citations("Gensler declined.", PASSAGES, FakeEmbedder())
    assert checked.citations == ()
    assert any("cites no retrieved passage" in w for w in checked.warnings)


def test_a_mark_after_the_full_stop_stays_with_its_sentence():
    checked = check_citations("Kraken paid a fine. [2] Gensler declined. [1]", PASSAGES, FakeEmbedder())
    assert checked.text == "Kraken paid a fine [2]. Gensler declined [1]."
    assert checked.citations[1].quote.startswith("Kraken agreed")


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]0123456789,;- –abc.\n")), max_size=80))
def test_the_checker_never_raises_and_never_cites_outside_the_passages(text):
    checked = check_citations(text, PASSAGES, FakeEmbedder())
    assert {c.n for c in checked.citations} <= {1, 2}
    for _, _, numbers in parse_marks(checked.text):
        assert set(numbers) <= {1, 2}


@given(st.lists(st.integers(min_value=1, max_value=9999), min_size=1, max_size=5))
def test_well_formed_marks_round_trip(numbers):
    text = "Claim " + "".join(f"[{n}]" for n in numbers) + "."
    assert [n for _, _, ns in parse_marks(text) for n in ns] == numbers
