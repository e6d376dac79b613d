"""The SDK speed-ups keep the SDK's answers: same datetimes, validation still on."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from dateutil.parser import parse as dateutil_parse
from hubspot.crm.objects import SimplePublicObjectId

from integrations.hubspot.fast_sdk import VALIDATING, iso_datetime


@pytest.mark.parametrize("text", ["2026-12-01T18:14:46.908Z", "2026-12-01T18:14:46Z", "2026-12-01T18:14:46.908+01:00",
                                  "2026-12-01T18:14:46.123456Z", "2026-12-01"])
def test_hubspot_datetimes_parse_to_the_same_instant_as_dateutil_gives(text):
    assert iso_datetime(dateutil_parse)(text) == dateutil_parse(text)


def test_a_datetime_fromisoformat_refuses_goes_to_the_sdk_parser():
    seen = []
    parse = iso_datetime(lambda s: seen.append(s) or datetime(2026, 1, 1, tzinfo=UTC))
    assert parse("Dec 1 2026 6pm") == datetime(2026, 1, 1, tzinfo=UTC)
    assert seen == ["Dec 1 2026 6pm"]


def test_request_models_built_on_the_shared_configuration_still_validate():
    assert VALIDATING.client_side_validation
    with pytest.raises(ValueError):
        SimplePublicObjectId(id=None, local_vars_configuration=VALIDATING)
