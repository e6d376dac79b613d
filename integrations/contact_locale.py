"""A contact's own time zone and language as the CRMs hold them → the canonical `Contact.timezone`
(an IANA zone) and `Contact.language` (a lower-case language code, e.g. ``es`` or ``es-mx``).

The agents propose meeting times in the contact's zone and write in the contact's language before
they fall back to the company's country (agents/zones.py, agents/phrases.py), so a value that is
not what it claims must not reach them: an unknown zone ("Mars/Olympus") or language is dropped
here, with a log line naming the contact, the CRM field and why, and the record is read as if the
field were empty. Never raises: a bad value in one contact must not stop a batch.

Accepted forms:
- zone: an IANA name in any case ("America/Los_Angeles", "europe/berlin"), or HubSpot's encoding
  of one ("america_slash_los_angeles", "america_slash_port_hyphen_au_hyphen_prince");
- language: an ISO 639-1 code with an optional region, in BCP 47 or Salesforce's spelling
  ("es", "es-MX", "es_MX"), or the name of one of the draft languages in English or in itself
  ("Spanish", "Español").
"""

from __future__ import annotations

import logging
import re
import zoneinfo
from functools import lru_cache

log = logging.getLogger(__name__)

ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el "
    "en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu "
    "ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na "
    "nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so "
    "sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
    .split())
"""The two-letter language codes of ISO 639-1 (what HubSpot's hs_language and Salesforce's locale keys start with)."""

LANGUAGE_NAMES = {
    "english": "en", "german": "de", "deutsch": "de", "french": "fr", "français": "fr", "francais": "fr",
    "spanish": "es", "español": "es", "espanol": "es", "castellano": "es",
}
"""Names an admin's own picklist may use for the draft languages (agents/phrases.LANGUAGES): English and native."""

_CODE = re.compile(r"^([a-z]{2})(?:[-_]([a-z0-9]{2,8}))*$")


@lru_cache(maxsize=1)
def _zones_by_lower() -> dict[str, str]:
    """Every IANA zone this machine knows, by its lower-case name (HubSpot's encoding loses the case)."""
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def decode_hubspot_zone(value: str) -> str:
    """HubSpot's spelling of an IANA zone → the IANA spelling, lower-case ("europe_slash_berlin" →
    "europe/berlin"). HubSpot writes "/" as "_slash_" and "-" as "_hyphen_" and keeps "_"; a value
    that already has a "/" is returned as it is."""
    if "/" in value:
        return value
    return value.replace("_slash_", "/").replace("_hyphen_", "-")


def canonical_zone(value: object, *, field: str, contact_id: str, crm: str) -> str | None:
    """The IANA zone a CRM value names, or None (logged) when it names none.

    Args:
        value: the field's value as the CRM sent it (None and "" are simply empty).
        field: the CRM field read, for the log line ("hs_timezone", "Time_Zone__c").
        contact_id: the person's id, for the log line.
        crm: the CRM's name, for the log line.
    """
    text = str(value or "").strip()
    if not text:
        return None
    name = _zones_by_lower().get(decode_hubspot_zone(text).lower())
    if name is None:
        log.warning("%s contact %s: %s %r is not an IANA time zone (e.g. America/Los_Angeles); ignored, so the "
                    "company country's zone is used", crm, contact_id, field, text[:80])
    return name


def canonical_language(value: object, *, field: str, contact_id: str, crm: str) -> str | None:
    """The language code a CRM value names (lower case, "-" before a region), or None (logged).

    Args:
        value: the field's value as the CRM sent it (None and "" are simply empty).
        field: the CRM field read, for the log line ("hs_language", "Preferred_Language__c").
        contact_id: the person's id, for the log line.
        crm: the CRM's name, for the log line.
    """
    text = str(value or "").strip()
    if not text:
        return None
    low = text.lower()
    if low in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[low]
    match = _CODE.match(low)
    if match and match.group(1) in ISO_639_1:
        return low.replace("_", "-")
    log.warning("%s contact %s: %s %r is not a language code (e.g. es, es-MX) or a draft language's name; "
                "ignored, so the company country's language is used", crm, contact_id, field, text[:80])
    return None
