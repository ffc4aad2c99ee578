"""Regression tests for answers: golden files, the runner, reports, cassettes and the pytest plugin."""
