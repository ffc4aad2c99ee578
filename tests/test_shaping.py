"""Shaping retrieved chunks into passages: a share per article, adjacent chunks joined, wire copies collapsed."""

from __future__ import annotations

import re

import pytest

from index import Article
from qa import SearchOptions
from tests.test_retrieval import article, empty, publish  # noqa: F401 (empty is a fixture)


def long_article(n_paragraphs: int, *, url: str, topic: str = "harbour dredging") -> Article:
    body = "\n\n".join(
        f"Paragraph {i} on the {topic} contract: the port board met again and discussed the {topic} schedule, "
        f"the cost of the {topic} work and the complaints from residents about noise during the night shifts."
        for i in range(n_paragraphs)
    )
    return article(f"Port board and the {topic}", body, url=url)


def test_no_article_gets_more_than_its_share_of_passages(empty):
    big = long_article(30, url="https://x.example/big")
    other = article(
        "Dredging delayed", "Harbour dredging was put off until the schedule for spring is agreed.", url="https://x.example/other"
    )
    publish(empty, big, other)
    passages = empty.retriever.retrieve("harbour dredging schedule", top_k=5).passages
    of_big = [p for p in passages if p.article_id == big.id]
    assert len(of_big) <= empty.settings.max_per_article
    assert all(len(p.chunk_ids) <= 3 for p in of_big), "a joined passage holds at most three chunks"
    assert any(p.article_id == other.id for p in passages)


def test_adjacent_chunks_become_one_passage_whose_offsets_match_the_article(empty):
    story = long_article(6, url="https://x.example/adjacent")
    publish(empty, story)
    passages = empty.retriever.retrieve("harbour dredging schedule", top_k=5).passages
    merged = [p for p in passages if len(p.chunk_ids) > 1]
    assert merged, [p.chunk_ids for p in passages]
    for p in passages:
        assert p.text == story.body[p.start : p.end]


def test_a_wire_story_run_by_two_outlets_is_one_passage_that_keeps_both(empty):
    body = (
        "The harbour authority approved a dredging contract worth 40 million dollars on Tuesday. "
        "Work on the eastern channel starts in June and should take two years, the authority said."
    )
    wire = article("Harbour dredging approved", body, url="https://wire.example/dredge", source="Meridian Wire")
    reprint = article(
        "Dredging contract approved for harbour", "By wire staff. " + body, url="https://gazette.example/dredge",
        source="Port Avalon Gazette",
    )
    publish(empty, wire, reprint)
    passages = empty.retriever.retrieve("harbour dredging contract", top_k=5).passages
    assert len(passages) == 1
    sources = {passages[0].source} | {a["source"] for a in passages[0].also_in}
    assert sources == {"Meridian Wire", "Port Avalon Gazette"}


_TOLL = "The toll bridge fare for cars is {} dollars from Monday, the bridge company said in a statement on its website."


@pytest.mark.parametrize(
    ("body", "old", "new"),
    [
        (_TOLL, "four", "six"),
        # A corrected figure in a longer story: the older copy adds no sentence of its own, so it is no fuller copy.
        ("BULLETIN The utility said about {} customers were without power.", "120,000", "140,000"),
    ],
)
def test_of_two_copies_of_a_story_the_newer_supplies_the_text(empty, body, old, new):
    body = body.replace("BULLETIN", _BULLETIN_SHARED)
    first = article("Toll bridge fare", body.format(old), url="https://wire.example/toll", day="2023-01-05",
                    source="Meridian Wire")
    corrected = article("Toll bridge fare", body.format(new), url="https://gazette.example/toll", day="2023-01-06",
                        source="Port Avalon Gazette")
    publish(empty, first, corrected)
    for question in (f"toll bridge fare {old}", f"toll bridge fare {new}"):
        passages = empty.retriever.retrieve(question, top_k=3, options=SearchOptions(recency=False)).passages
        assert len(passages) == 1 and new in passages[0].text
        assert [a["source"] for a in passages[0].also_in] == ["Meridian Wire"]


def test_a_newer_trimmed_wire_copy_never_replaces_the_fuller_copy_that_holds_the_answer(empty):
    shared = ("Tropical Storm Delia came ashore near Port Severn early Tuesday, knocking out power across three counties. "
              "Forecasters said Delia would weaken as it moved inland but could drop heavy rain on the hills. ")
    full = article("Storm Delia lands", shared + "The storm surge at Port Severn peaked at 4.2 feet above normal tide levels.",
                   url="https://weather.example/delia", day="2024-08-27", source="Coastal Weather")
    trimmed = article("Storm Delia lands", shared, url="https://wire.example/delia", day="2024-08-28", source="Meridian Wire")
    publish(empty, full, trimmed)
    passages = empty.retriever.retrieve("How high was the storm surge at Port Severn?", top_k=3,
                                        options=SearchOptions(recency=False)).passages
    assert "4.2 feet" in passages[0].text
    assert [a["source"] for a in passages[0].also_in] == ["Meridian Wire"]


def test_the_citation_keeps_the_duplicate_outlet(empty):
    body = "The ferry operator cut the Sunday timetable to two sailings because of a crew shortage, the operator said."
    publish(
        empty,
        article("Ferry timetable cut", body, url="https://wire.example/ferry", source="Meridian Wire"),
        article("Ferry timetable cut", body, url="https://gazette.example/ferry", source="Port Avalon Gazette"),
    )
    from qa import answer_question

    answer = answer_question("Why was the ferry timetable cut?", services=empty)
    assert answer.citations and answer.citations[0].also_in
    assert answer.to_dict()["citations"][0]["also_in"][0]["source"] in {"Meridian Wire", "Port Avalon Gazette"}




def test_a_fuller_copy_ranked_below_a_trimmed_one_is_kept_for_what_only_it_says(empty):
    shared = ("Tropical Storm Delia came ashore near Port Severn early Tuesday, knocking out power across three counties. "
              "Forecasters said Delia would weaken as it moved inland but could drop heavy rain on the hills. ")
    more = ("The storm surge at Port Severn peaked at 4.2 feet above normal tide levels. Emergency crews moved "
            "about 300 residents of the harbor district to a shelter at the high school before dawn.")
    full = article("Storm Delia lands", shared + more, url="https://weather.example/delia", day="2024-08-27",
                   source="Coastal Weather")
    trimmed = article("Storm Delia lands", shared, url="https://wire.example/delia", day="2024-08-28", source="Meridian Wire")
    publish(empty, full, trimmed)
    # The full copy says half as much again as the trimmed one: not a repeat of it.
    passages = empty.retriever.retrieve("Did Delia come ashore near Port Severn, knocking out power across three counties?",
                                        top_k=3, options=SearchOptions(recency=False)).passages
    assert "4.2 feet" not in passages[0].text  # the trimmed copy is the closer match ...
    assert any("4.2 feet" in p.text for p in passages)  # ... and the full one is not collapsed into it


_BULLETIN_SHARED = (
    "Tropical Storm Delia came ashore near Port Severn early Tuesday, knocking out power to homes and businesses "
    "across three counties. Forecasters said Delia would weaken as it moved inland but could drop heavy rain on the "
    "Tolland Hills through Wednesday, raising the risk of flash flooding. Governor Alicia Brandt declared a state of "
    "emergency for Severn, Tolland and Marsh counties on Monday night, and schools in all three counties were closed."
)


def _mostly_repeats(longer: str, shorter: str, threshold: float) -> bool:
    """Whether most of the longer text's word 3-grams are in the shorter one (what makes a near-duplicate)."""

    def triples(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return set(zip(words, words[1:], words[2:]))

    mine, theirs = triples(longer), triples(shorter)
    return len(mine & theirs) / len(mine) >= threshold


def _wire_copy_and_one_that_adds(empty, added: str, *, title: str) -> list:
    """The bulletin plus `added` (older) and the wire copy without it (newer); the passages a search for the wire headline finds."""
    full = article(title, _BULLETIN_SHARED + added, url="https://weather.example/delia", day="2024-08-27",
                   source="Coastal Weather")
    trimmed = article("Storm Delia hits coast", _BULLETIN_SHARED, url="https://wire.example/delia", day="2024-08-28",
                      source="Meridian Wire")
    publish(empty, full, trimmed)
    assert _mostly_repeats(full.body, trimmed.body, empty.settings.duplicate_threshold), "the case the rule is for"
    return empty.retriever.retrieve("Storm Delia hits coast", top_k=3, options=SearchOptions(recency=False)).passages


def test_a_fuller_copy_that_mostly_repeats_a_trimmed_one_is_kept_for_the_figure_only_it_gives(empty):
    passages = _wire_copy_and_one_that_adds(empty, " The utility said about 140,000 customers were without power.",
                                           title="Delia lands")
    assert passages[0].source == "Meridian Wire"  # the trimmed copy is the closer match ...
    assert any("140,000" in p.text for p in passages)  # ... and the fuller one is not collapsed into it


def test_a_copy_adding_a_sentence_with_no_figure_or_name_is_still_one_passage(empty):
    added = " Officials said the storm would weaken quickly once it moved over the cooler hills inland."
    passages = _wire_copy_and_one_that_adds(empty, added, title="Storm Delia hits coast")
    assert len(passages) == 1, "a sentence's capitalised first word is no name"


def test_a_reprint_that_adds_only_a_byline_is_still_one_passage(empty):
    wire = article("Storm Delia hits coast", _BULLETIN_SHARED, url="https://wire.example/delia", source="Meridian Wire")
    reprint = article("Storm Delia hits coast", "By Jane Okafor. PORT SEVERN (Gazette) - " + _BULLETIN_SHARED,
                      url="https://gazette.example/delia", source="Port Avalon Gazette")
    publish(empty, wire, reprint)
    passages = empty.retriever.retrieve("Storm Delia hits coast", top_k=3, options=SearchOptions(recency=False)).passages
    assert len(passages) == 1
    assert {passages[0].source} | {a["source"] for a in passages[0].also_in} == {"Meridian Wire", "Port Avalon Gazette"}


def test_each_method_s_first_hit_keeps_a_place_in_the_fused_top_k():
    from types import SimpleNamespace

    from qa.retrieval import keep_each_methods_first

    both = [SimpleNamespace(name=f"both{i}", dense_rank=i + 2, lexical_rank=i + 2) for i in range(6)]
    dense_first = SimpleNamespace(name="dense", dense_rank=1, lexical_rank=None)
    lexical_first = SimpleNamespace(name="lexical", dense_rank=None, lexical_rank=1)
    ranked = both + [dense_first, lexical_first]  # what RRF does to a hit only one method found
    kept = [c.name for c in keep_each_methods_first(ranked, 5)]
    assert kept[:5] == ["both0", "both1", "both2", "dense", "lexical"]
    assert sorted(kept) == sorted(c.name for c in ranked)
    assert keep_each_methods_first(ranked, 2) == ranked  # never at the cost of the fused first place
