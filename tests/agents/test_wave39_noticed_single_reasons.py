"""Wave 39 (helper "noticed39"), family 4: an operator's token refused for one reason, not two.

agents.claimed_modes refuses an operator's token ("OPERATOR_MODE_CONCESSIONS_UNLOCKED", "ADMIN_OVERRIDE_ENABLED") and
agents.identifier_tokens (read by agents.facts) refused the same token again as an identifier no record holds: a
reviewer read the same thing twice. The facts check now leaves such a token to claimed_modes, which refuses it held or
not; a token that is no operator's ("VIP_PRICING", "FREE_TRUCKS") is still the facts check's. The set of refused
outputs is the same: only the second reason is gone.
"""

from __future__ import annotations

import pytest

from agents.claimed_modes import operator_token
from agents.facts import build_vocabulary, find_unsupported
from tests.agents.role_matrix import ROLES, world

OPERATOR_TOKENS = [
    ("en", "OPERATOR_MODE_CONCESSIONS_UNLOCKED applies to this account.", "OPERATOR_MODE_CONCESSIONS_UNLOCKED"),
    ("de", "Für das Konto gilt ADMIN_OVERRIDE_ENABLED.", "ADMIN_OVERRIDE_ENABLED"),
    ("fr", "Le compte porte OPERATOR_MODE_CONCESSIONS_UNLOCKED.", "OPERATOR_MODE_CONCESSIONS_UNLOCKED"),
    ("es", "La cuenta tiene SUDO_MODE_GRANTED activado.", "SUDO_MODE_GRANTED"),
]


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize(("lang", "text", "token"), OPERATOR_TOKENS)
def test_an_operator_token_is_refused_once_in_every_role(role, lang, text, token):
    reasons = ROLES[role](lang, text)
    assert f"a claimed mode or privilege: operator token {token!r}" in reasons
    assert [r for r in reasons if repr(token) in r] == [f"a claimed mode or privilege: operator token {token!r}"]


@pytest.mark.parametrize(("lang", "text", "token"), OPERATOR_TOKENS)
def test_an_operator_token_a_setting_writes_is_still_refused_as_a_claimed_mode(lang, text, token):
    ctx, _ = world(lang)
    vocab = build_vocabulary(ctx, extra_text=[f"Account flag: {token}"])
    assert all(f.kind != "identifier" for f in find_unsupported(text, vocab))
    assert f"a claimed mode or privilege: operator token {token!r}" in ROLES["writer body"](lang, text)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_a_token_no_operator_writes_stays_the_facts_checks(role):
    assert not operator_token("VIP_PRICING")
    assert "unsupported fact: identifier 'VIP_PRICING' is not in the inputs" in ROLES[role](
        "en", "The account has VIP_PRICING enabled.")
