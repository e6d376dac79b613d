"""An offline answer's safety verdict is the same verdict, found when it is read (agents.providers.gateway, wave 33)."""

from __future__ import annotations

from contextvars import ContextVar

import pytest
from pydantic import BaseModel

from agents import AgentSettings
from agents.providers.base import Usage
from agents.providers.gateway import Gateway
from tests.agents.conftest import NOW

MEASURED: ContextVar[str] = ContextVar("measured", default="outside")


class Note(BaseModel):
    text: str


class Template:
    """The offline provider as the gateway sees it: answers `text`, never fails."""

    name = "offline"
    model = "template-v1"

    def __init__(self, text: str) -> None:
        self.text = text

    def structured(self, messages, schema, *, role, timeout):
        return schema(text=self.text), Usage(provider=self.name, model=self.model, role=role)


class CountingCheck:
    """Refuses an answer that says "free"; counts its runs and remembers the context variable each run saw."""

    def __init__(self) -> None:
        self.runs: list[str] = []

    def __call__(self, answer: Note) -> list[str]:
        self.runs.append(MEASURED.get())
        return [f"says free: {answer.text!r}"] if "free" in answer.text else []


def _call(text: str, check) -> object:
    gateway = Gateway(AgentSettings(tenant_id="t1"), {"writer": [Template(text)]}, now=NOW)
    return gateway.call_checked([], Note, role="writer", prompt_version="v1", check=check)


def test_an_offline_answer_is_checked_when_its_violations_are_read_and_only_once():
    check = CountingCheck()
    result = _call("The licences are free this quarter.", check)
    assert check.runs == []  # nothing read the verdict: the suite did not run
    assert result.violations == ["says free: 'The licences are free this quarter.'"]
    assert result.violations == ["says free: 'The licences are free this quarter.'"]
    assert len(check.runs) == 1
    assert _call("Would Thursday at 10:00 suit you?", check).violations == []


def test_an_offline_answers_check_sees_the_context_variables_of_the_call_not_of_the_reader():
    check = CountingCheck()
    token = MEASURED.set("the measurement's model")
    try:
        result = _call("The licences are free.", check)
    finally:
        MEASURED.reset(token)
    assert MEASURED.get() == "outside"
    assert result.violations and check.runs == ["the measurement's model"]


def test_an_offline_answers_check_reads_the_answer_as_it_came_back():
    check = CountingCheck()
    result = _call("The licences are free.", check)
    result.instance.text = "Nothing to see."  # type: ignore[attr-defined]
    assert result.violations == ["says free: 'The licences are free.'"]


def test_a_check_that_fails_on_an_offline_answer_fails_whoever_reads_the_verdict():
    def broken(answer: Note) -> list[str]:
        raise ValueError("the rule cannot read this answer")

    result = _call("Hello.", broken)
    with pytest.raises(ValueError, match="cannot read"):
        _ = result.violations
