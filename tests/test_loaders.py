import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from index.article_fields import LoadProblem, parse_date
from index.loaders import iter_articles, load_file
from index.models import Article

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"

GOOD_MD = """---
title: "Gensler Declines: A Report"
source: The Ledger Daily
url: https://ledgerdaily.example/a?utm_source=x
published_at: 2023-03-06T14:30:00Z
authors: [Dana Whitfield]
---
Gensler declined the offer. He taught at MIT.
"""


def load_one(path: Path) -> Article | LoadProblem:
    items = list(load_file(path))
    assert len(items) == 1
    return items[0]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_markdown_with_front_matter(tmp_path):
    article = load_one(write(tmp_path, "a.md", GOOD_MD))
    assert isinstance(article, Article)
    assert article.title == "Gensler Declines: A Report"
    assert article.source == "The Ledger Daily"
    assert article.published_at == datetime(2023, 3, 6, 14, 30, tzinfo=timezone.utc)
    assert article.authors == ("Dana Whitfield",)
    assert article.body.startswith("Gensler declined the offer.")


def test_text_without_front_matter_takes_its_first_line_as_title(tmp_path):
    article = load_one(write(tmp_path, "a.txt", "# Big News\n\nSomething happened today.\n"))
    assert article.title == "Big News"
    assert article.body == "Something happened today."
    assert article.source == "unknown"
    assert article.published_at is None


def test_json_object_and_list(tmp_path):
    one = {"title": "T", "body": "Body text.", "url": "https://x.example/1", "date": "March 6, 2023"}
    article = load_one(write(tmp_path, "a.json", json.dumps(one)))
    assert article.source == "x.example"
    assert article.published_at.date().isoformat() == "2023-03-06"
    items = list(load_file(write(tmp_path, "b.json", json.dumps([one, {"title": "no body"}]))))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], LoadProblem)
    assert items[1].location.endswith("b.json#2")
    assert "no body" in items[1].reason


def test_json_lines_name_the_bad_line_and_keep_the_rest(tmp_path):
    lines = [json.dumps({"title": "A", "body": "First."}), "{not json", "", json.dumps({"title": "C", "body": "Third."})]
    items = list(load_file(write(tmp_path, "feed.jsonl", "\n".join(lines))))
    assert [type(i).__name__ for i in items] == ["Article", "LoadProblem", "Article"]
    assert items[1].location.endswith("feed.jsonl:2")
    assert "invalid JSON" in items[1].reason


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bad.md", b"---\ntitle: x\n", "no closing '---'"),
        ("bad.md", b"---\ntitle: [unclosed\n---\nbody\n", "not valid YAML on line"),
        ("bad.md", b"---\n- a list\n---\nbody\n", "must be a mapping"),
        ("empty.md", b"---\ntitle: Nothing\n---\n\n", "no body"),
        ("latin1.txt", "Caf\u00e9 society\n".encode("latin-1"), "not UTF-8"),
        ("bad-date.md", b"---\ntitle: T\npublished_at: next tuesday\n---\nBody.\n", "published_at"),
        ("bad-url.md", b"---\ntitle: T\nurl: javascript:alert(1)\n---\nBody.\n", "http(s)"),
        ("bad-authors.json", b'{"title": "T", "body": "B", "authors": {"a": 1}}', "authors"),
        ("bad-title.json", b'{"title": ["T"], "body": "B"}', "title must be text"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type"),
        ("list.json", b"[1]", "must be an object"),
        ("early.json", b'{"title": "T", "body": "B", "published_at": "0001-01-01T00:00:00+01:00"}', "out of range"),
        ("hour25.md", b"---\ntitle: T\ndate: 2023-03-06 25:00:00\n---\nBody.\n", "impossible value"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "invalid JSON"),
        ("bignum.json", b'{"title": "T", "body": "B", "n": ' + b"9" * 5000 + b"}", "invalid JSON"),
    ],
)
def test_each_kind_of_bad_file_is_named_with_its_reason(tmp_path, name, content, reason):
    problem = load_one(write(tmp_path, name, content))
    assert isinstance(problem, LoadProblem)
    assert str(tmp_path / name) in problem.location
    assert reason in problem.reason


def test_json_lines_may_hold_unicode_line_separators(tmp_path):
    line = json.dumps({"title": "Sep", "body": "One\u2028two\u0085three."}, ensure_ascii=False)
    (article,) = load_file(write(tmp_path, "u.jsonl", line + "\n"))
    assert isinstance(article, Article) and "\u2028" in article.body


def test_missing_file_is_a_problem_not_a_crash(tmp_path):
    problem = load_one(tmp_path / "gone.md")
    assert problem.reason == "no such file"


def test_folders_are_walked_and_readmes_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path, "README.md", "# About these files\n\nNot an article.")
    write(tmp_path / "sub", "a.md", GOOD_MD)
    items = list(iter_articles([tmp_path]))
    assert [i.title for i in items] == ["Gensler Declines: A Report"]


def test_an_empty_folder_is_reported(tmp_path):
    (problem,) = list(iter_articles([tmp_path]))
    assert "no article files" in problem.reason


@pytest.mark.parametrize(
    "text",
    ["2023-03-06", "2023-03-06T14:30:00Z", "2023-03-06T09:30:00-05:00", "Mon, 06 Mar 2023 14:30:00 GMT", "6 March 2023"],
)
def test_dates_in_common_formats(text):
    assert parse_date(text).date().isoformat() == "2023-03-06"


def test_the_sample_corpus_loads_completely():
    items = list(iter_articles([SAMPLE]))
    problems = [i for i in items if isinstance(i, LoadProblem)]
    assert problems == []
    assert len(items) >= 15
    for article in items:
        assert article.title and article.source != "unknown" and article.url.startswith("https://")
        assert article.published_at is not None and article.authors
    assert len({a.id for a in items}) == len(items)


@hsettings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".md", ".txt", ".json", ".jsonl"]))
def test_random_bytes_never_raise(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"x{suffix}"
    path.write_bytes(data)
    for item in load_file(path):
        assert isinstance(item, (Article, LoadProblem))
