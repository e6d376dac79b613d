"""Quality checks that read the record the way a rep should before writing (issue 11): who to thank for what, what is
already done or already told, what the buyer decided, which terms the tenant defines, and a fair tone about rivals.

Each returns its reasons (empty when the draft is fine or the record cannot tell); `agents.quality` reports one Check
per rule."""

from __future__ import annotations

from datetime import date

from agents.agreed_dates import agreed_dates
from agents.asked_phasing import single_go_live_for_phases
from agents.buyer_event_days import undated_buyer_events
from agents.context import Context
from agents.decisions import invented_choices
from agents.disparaging import disparages_competitor
from agents.done_asks import asks_for_done_things
from agents.dropped_options import invented_drops
from agents.early_deadlines import early_deadlines
from agents.internal_notes import internal_notes
from agents.invented_scope import unrecorded_scope
from agents.known_record import asks_for_what_the_record_holds
from agents.moved_events import unvouched_reschedules
from agents.noted_hearsay import repeated_notes
from agents.offer_validity import undefined_validity
from agents.outcome_guarantees import guaranteed_ends
from agents.promised_work import promised_work
from agents.question_owner import questions_for_someone_else
from agents.still_interested import asks_if_still_interested
from agents.thanked_by_name import thanks_someone_else
from agents.thanked_events import unrecorded_occasions
from agents.thanks import thanks_problems


def record_reading_problems(body: str, ctx: Context, recipient_id: str | None,
                            send_day: date | None = None) -> list[tuple[str, list[str]]]:
    """(check name, reasons) for every rule that needs the record read, in a fixed order (`send_day`: the day the
    draft goes out, the run's day when None)."""
    return [("thanks_the_right_person", [*thanks_problems(body, ctx, recipient_id),
                                         *thanks_someone_else(body, ctx, recipient_id),  # wave 37 (set 47's en-b1)
                                         *unrecorded_occasions(body, ctx, send_day or ctx.now.date())]),
            # the record unread: asking for what is done, or for a figure or a topic the buyer already gave
            ("asks_only_for_what_is_open", [*asks_for_done_things(body, ctx),
                                            *asks_for_what_the_record_holds(body, ctx),
                                            *asks_if_still_interested(body, ctx)]),
            # the buyer's choices and plans: a choice of us, or their event moved to a day the record does not give
            ("states_only_decisions_on_record", [*invented_choices(body, ctx),
                                                 *unvouched_reschedules(body, ctx, send_day or ctx.now.date()),
                                                 # wave 27: a go-live the buyer never agreed (agents.agreed_dates)
                                                 *agreed_dates(body, ctx, send_day or ctx.now.date()),
                                                 # wave 28: one go-live where the buyer asked about waves
                                                 *single_go_live_for_phases(body, ctx),
                                                 *invented_drops(body, ctx),
                                                 # wave 29: the partners' meeting dated where the record says December
                                                 *undated_buyer_events(body, ctx, send_day or ctx.now.date())]),
            ("no_offer_validity_nobody_set", [*undefined_validity(body),
                                              *early_deadlines(body, send_day or ctx.now.date())]),
            # a problem of the buyer's promised gone: a commitment nobody approved
            ("no_guaranteed_end_to_a_problem", guaranteed_ends(body)),
            ("fair_to_competitors", disparages_competitor(body)),  # a tone no manager lets go
            # a note to a colleague about the buyer, left in the letter to the buyer
            # wave 36: our notes read out to the buyer ("Our notes say you hinted ...", agents.noted_hearsay)
            ("no_internal_note_about_the_buyer", [*internal_notes(body, ctx, recipient_id),
                                                  *repeated_notes(body, ctx, recipient_id)]),
            # wave 27: an integration or a system nobody mentioned, stated as the offer's scope or the buyer's wish
            ("states_only_scope_on_record", [*unrecorded_scope("", body, ctx),
                                             *promised_work(body, ctx)]),  # wave 29: "we will put an engineer on site"
            # wave 27: a question the recipient's role does not own, when the record names the colleague who does
            ("asks_the_person_who_owns_it", questions_for_someone_else(body, recipient_id, ctx))]
