"""The README's settings reference is the schema's, and every setting has its one documented default."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from app.settings import DEFAULTS, TenantSettingsModel, reference_table
from app.settings.schema import Task

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_settings_table_is_generated_from_the_schema():
    text = README.read_text()
    start, end = "<!-- settings-reference:start -->\n", "\n<!-- settings-reference:end -->"
    table = text[text.index(start) + len(start):text.index(end)]
    assert table == reference_table(), (
        "README's settings table differs from the schema; regenerate it with\n"
        "  .venv/bin/python -c 'from app.settings import reference_table; print(reference_table())'")


def test_every_setting_has_a_description_and_a_default_that_validates():
    for key, field in TenantSettingsModel.model_fields.items():
        assert field.description and len(field.description) > 20, key
        assert not field.is_required(), key
    assert TenantSettingsModel.model_validate(DEFAULTS.model_dump(mode="json")) == DEFAULTS


def test_the_defaults_are_the_ones_the_agents_and_learning_document():
    from agents.decision import Policy
    from agents.settings import LEARNED_SCREEN, MAX_DISCOUNT
    from learning.defaults import HOLDOUT_SHARE
    from scoring import TASKS
    from scoring.defaults import MIN_CLOSED_DEALS

    assert DEFAULTS.discount_cap == MAX_DISCOUNT == Policy().max_discount
    assert DEFAULTS.approval_threshold == Policy().approval_discount_over
    assert DEFAULTS.holdout_share == HOLDOUT_SHARE
    assert DEFAULTS.quiet_hours() == Policy().quiet_hours
    assert set(DEFAULTS.allowed_channels) == set(Policy().allowed_channels)
    assert DEFAULTS.min_closed_deals == MIN_CLOSED_DEALS
    assert DEFAULTS.learned_screen == LEARNED_SCREEN
    assert set(get_args(Task)) == set(TASKS)
