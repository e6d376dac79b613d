"""Fixtures shared with the agents tests (record, scores, no-op sleeps)."""

from tests.agents.conftest import record, scores, sleeps  # noqa: F401 - pytest fixtures by name
