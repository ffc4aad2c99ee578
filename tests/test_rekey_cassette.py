"""The cassette migration renumbers a canned reply's marks by passage identity and flags lost passages."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from rekey_cassette import passages_of, renumber  # noqa: E402


def test_marks_follow_their_passage_to_its_new_number():
    old = {1: "Kraken agreed to pay $30 million.", 2: "Paxos was told to stop minting BUSD."}
    new = {1: "Paxos was told to stop minting BUSD.", 2: "Coinbase got a Wells notice.", 3: "Kraken agreed to pay $30 million."}
    text, lost = renumber("Kraken paid [1]. Paxos stopped [2].", old, new)
    assert text == "Kraken paid [3]. Paxos stopped [1]." and lost == []


def test_a_passage_that_is_no_longer_given_is_flagged():
    text, lost = renumber("Kraken paid [1].", {1: "Kraken agreed to pay $30 million."}, {1: "Coinbase got a Wells notice."})
    assert lost == [1] and text == "Kraken paid [1]."


def test_a_joined_passage_that_contains_the_old_one_keeps_its_citation():
    old = {1: "Kraken agreed to pay $30 million."}
    new = {2: "Kraken agreed to pay $30 million. It also closed its staking service."}
    assert renumber("Paid [1].", old, new) == ("Paid [2].", [])


def test_passages_are_read_from_the_prompt_blocks():
    prompt = [{"role": "user", "content": '<passage n="2" title="T" source="S" published="2023-01-01">\nSome  text\n</passage>'}]
    assert passages_of(prompt) == {2: "Some text"}
