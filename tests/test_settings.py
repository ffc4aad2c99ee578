import pytest

from core.errors import ConfigError
from core.settings import Settings


def test_defaults_are_offline_and_extractive():
    settings = Settings.from_env({})
    assert settings.embedder == "minilm"
    assert settings.chroma_url is None
    assert str(settings.chroma_path) == "var/chroma"
    assert settings.collection == "articles"
    assert settings.openai_timeout == 30.0
    assert not settings.uses_llm


def test_environment_values_are_converted():
    settings = Settings.from_env(
        {"NEWSDESK_TOP_K": "7", "OPENAI_TIMEOUT": "2.5", "CHROMA_PATH": "/tmp/x", "OPENAI_API_KEY": "k", "PORT": "8080"}
    )
    assert settings.top_k == 7
    assert settings.openai_timeout == 2.5
    assert str(settings.chroma_path) == "/tmp/x"
    assert settings.port == 8080
    assert settings.uses_llm


def test_empty_variables_take_the_default():
    assert Settings.from_env({"NEWSDESK_TOP_K": "  ", "OPENAI_API_KEY": ""}) == Settings()


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"NEWSDESK_TOP_K": "five"}, "NEWSDESK_TOP_K"),
        ({"NEWSDESK_EMBEDDER": "word2vec"}, "NEWSDESK_EMBEDDER"),
        ({"NEWSDESK_ANSWER_MODE": "llm"}, "OPENAI_API_KEY"),
        ({"NEWSDESK_CHUNK_TOKENS": "400"}, "NEWSDESK_CHUNK_TOKENS"),
        ({"CHROMA_URL": "localhost:8000"}, "CHROMA_URL"),
        ({"OPENAI_TIMEOUT": "0"}, "OPENAI_TIMEOUT"),
        ({"NEWSDESK_COLLECTION": "x"}, "NEWSDESK_COLLECTION"),
        ({"OPENAI_TIMEOUT": "nan"}, "OPENAI_TIMEOUT"),
        ({"OPENAI_TIMEOUT": "inf"}, "OPENAI_TIMEOUT"),
        ({"NEWSDESK_MIN_SCORE": "nan"}, "NEWSDESK_MIN_SCORE"),
        ({"NEWSDESK_MAX_BODY_BYTES": "-1"}, "NEWSDESK_MAX_BODY_BYTES"),
        ({"NEWSDESK_MAX_QUESTION_CHARS": "0"}, "NEWSDESK_MAX_QUESTION_CHARS"),
        ({"NEWSDESK_CHUNK_TOKENS": "215"}, "NEWSDESK_CHUNK_TOKENS"),
    ],
)
def test_bad_values_name_the_variable(env, named):
    with pytest.raises(ConfigError, match=named):
        Settings.from_env(env)


def test_extractive_mode_can_be_forced_with_a_key():
    assert not Settings(openai_api_key="k", answer_mode="extractive").uses_llm


@pytest.mark.parametrize(("raw", "expected"), [("yes", True), ("true", True), ("1", True), ("no", False), ("off", False)])
def test_switches_are_real_booleans(raw, expected):
    assert Settings.from_env({"NEWSDESK_API_FETCH_PRIVATE": raw}).api_fetch_private is expected


def test_a_switch_that_is_neither_yes_nor_no_names_the_variable():
    with pytest.raises(ConfigError, match="NEWSDESK_API_FETCH_PRIVATE must be yes or no"):
        Settings.from_env({"NEWSDESK_API_FETCH_PRIVATE": "maybe"})


def test_tuned_constants_are_not_environment_variables():
    assert Settings.from_env({"NEWSDESK_RRF_K": "60", "NEWSDESK_DENSE_WEIGHT": "0.1"}) == Settings()
