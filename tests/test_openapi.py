"""The OpenAPI document is the code's: every route and field in it, and schemathesis finds no 5xx or mismatch."""

from __future__ import annotations

import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from core import errors
from index.filters import FILTER_FIELDS
from qa import build_services
from web import create_app
from web.openai_messages import NEWSDESK_FIELDS
from web.openapi import ERROR_STATUSES
from web.requests import ASK_FIELDS, SEARCH_ARGS

DOC = "/api/v1/openapi.json"
EXAMPLES = 12  # per operation: bounded so the whole run stays well under a minute
# What the document promises about responses. (Whether every schema-valid request is accepted is
# not among them: a date range given backwards, for one, is valid JSON Schema and still a 400.)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]


@pytest.fixture
def doc(client):
    return client.get(DOC).get_json()


# The reader's HTML pages (docs/web.md) are not an API: the document lists only "/", the page a
# link can open, and every JSON, OpenAI, MCP and operator endpoint.
PAGE_BLUEPRINTS = ("form.", "pages.", "adding.", "session.")


def test_every_api_route_of_the_app_is_documented_and_nothing_else(app, doc):
    routes = {
        (re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static" and not rule.endpoint.startswith(PAGE_BLUEPRINTS)
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(path, method) for path, item in doc["paths"].items() for method in item if method != "parameters"}
    assert routes == documented - {("/", "get")}


def test_request_schemas_accept_exactly_the_fields_the_parsers_accept(doc):
    schemas = doc["components"]["schemas"]
    assert set(schemas["AskRequest"]["properties"]) == set(ASK_FIELDS)
    assert set(schemas["Filters"]["properties"]) == set(FILTER_FIELDS)
    assert set(schemas["ChatCompletionRequest"]["properties"]["newsdesk"]["properties"]) == set(NEWSDESK_FIELDS)
    search = doc["paths"]["/api/v1/search"]["get"]["parameters"]
    assert {p["name"] for p in search} == set(SEARCH_ARGS)


def test_every_error_status_the_code_can_raise_is_described(doc):
    raised = {cls.status for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.NewsdeskError)}
    assert {str(s) for s in raised} <= set(ERROR_STATUSES)


def test_the_document_carries_this_servers_limits(doc, settings):
    question = doc["components"]["schemas"]["AskRequest"]["properties"]["question"]
    assert question["maxLength"] == settings.max_question_chars


@pytest.fixture
def api_schema(services):
    # No rate limit: schemathesis sends far more than 60 requests a minute.
    unlimited = build_services(services.settings.replace(rate_limit=""), embedder=services.index.embedder, store=services.index.store)
    return schemathesis.openapi.from_wsgi(DOC, create_app(services=unlimited))


def test_the_api_keeps_to_its_openapi_document(api_schema):
    """schemathesis over every operation: no 5xx, every status, header and body as documented."""
    # Driven through Hypothesis directly: schemathesis's pytest plugin does not run under pytest 9.
    failures = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
        def check(case) -> None:
            case.call_and_validate(checks=CHECKS)

        try:
            check()
        except Exception as exc:  # collect every operation's failure, not just the first
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)
