"""Progress off a terminal is a few plain lines; on a terminal it is a live bar."""

from __future__ import annotations

import io

from app.progress import PlainBar, Progress


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_off_a_terminal_a_bar_prints_a_line_per_quarter_and_the_final_count() -> None:
    lines: list[str] = []
    clock = Clock()
    bar = PlainBar(lines.append, "enriched", 40, "deal", clock=clock)
    for done in range(41):
        clock.t += 5.0
        bar.update(done)
    bar.close()
    assert lines == ["enriched: 10/40 deals", "enriched: 20/40 deals", "enriched: 30/40 deals",
                     "enriched: 40/40 deals"]


def test_off_a_terminal_a_fast_bar_prints_no_more_than_its_final_count() -> None:
    lines: list[str] = []
    bar = PlainBar(lines.append, "enriched", 15, "deal", clock=Clock())
    for done in range(16):
        bar.update(done)  # polled many times within the same second
    bar.close()
    assert lines == ["enriched: 15/15 deals"]


def test_a_redirected_stream_gets_no_carriage_returns_or_escape_codes() -> None:
    stream = io.StringIO()
    progress = Progress(stream)
    assert not progress.tty
    progress.say("Installed.")
    with progress.bar("scoring", total=200, unit="deal") as bar:
        for done in range(0, 201):
            bar.update(done)
    out = stream.getvalue()
    assert "\r" not in out and "\x1b" not in out
    assert out.splitlines() == ["Installed.", "scoring: 200/200 deals"]


def test_on_a_terminal_the_bar_redraws_in_place() -> None:
    stream = io.StringIO()
    progress = Progress(stream, tty=True)
    with progress.bar("scoring", total=3, unit="deal") as bar:
        for done in range(4):
            bar.update(done)
    assert "\r" in stream.getvalue()


def test_the_demo_names_what_it_backfilled_by_kind_deals_and_leads():
    # Wave 22: "scoring the open deals: 77/77 deals" for 40 Opportunities and 37 Leads.
    from app.demo import Demo

    run = Demo.__new__(Demo)
    run.deal_words = lambda: ("deal", "deals")  # a HubSpot account's (the connector's deal_words)
    run.backfilled, run.backfilled_by_type = 77, {"deal": 40, "lead": 37}
    assert run.backfilled_kinds() == "40 open deals and 37 open leads"
    run.backfilled, run.backfilled_by_type = 1, {"deal": 1, "lead": 0}
    assert run.backfilled_kinds() == "1 open deal"


def test_a_salesforce_demo_backfills_opportunities_and_leads():
    # Wave 28's walk: "Scoring the 20 open deals and 37 open leads already in the org."
    from app.demo import Demo

    run = Demo.__new__(Demo)
    run.deal_words = lambda: ("opportunity", "opportunities")  # Salesforce's connector's deal_words
    run.backfilled, run.backfilled_by_type = 57, {"deal": 20, "lead": 37}
    assert run.backfilled_kinds() == "20 open opportunities and 37 open leads"
    run.backfilled, run.backfilled_by_type = 1, {"deal": 1}
    assert run.backfilled_kinds() == "1 open opportunity"
    run.backfilled, run.backfilled_by_type = 0, {"deal": 0}
    assert run.backfilled_kinds() == "0 open opportunities"
