"""A phone number that fits its own country's zone is never questioned (mut15a's Bermuda).

The warning "country code +1 does not fit" is for a number that clearly rings elsewhere
(+1 for someone in Berlin).  It was given to a Bermuda number in Atlantic/Bermuda, a +7
number in Europe/Samara, a +44 one in Europe/Jersey: the table knew one zone a country.
Every zone tzdata's zone.tab gives each listed country must pass.
"""

from __future__ import annotations

from importlib.resources import files

import pytest

from followup_rules.messages import _misdialled

COUNTRIES = {
    "1": "US CA BM PR GU MP AS VI DO JM BS BB TT AG AI DM GD KN LC MS SX TC VC VG UM",
    "7": "RU KZ", "27": "ZA", "30": "GR", "31": "NL", "32": "BE", "33": "FR", "34": "ES",
    "39": "IT VA", "41": "CH", "43": "AT", "44": "GB GG JE IM", "45": "DK", "46": "SE",
    "47": "NO SJ", "48": "PL", "49": "DE", "52": "MX", "54": "AR", "55": "BR", "57": "CO",
    "61": "AU CX CC", "64": "NZ", "65": "SG", "81": "JP", "82": "KR", "86": "CN", "91": "IN",
    "351": "PT", "352": "LU", "353": "IE", "358": "FI AX", "971": "AE", "972": "IL",
}  # fmt: skip


def _zones_of(countries: str) -> list[str]:
    table = files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    wanted = set(countries.split())
    zones = []
    for line in table.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        country, _, zone = line.split("\t")[:3]
        if country in wanted:
            zones.append(zone)
    assert zones, countries
    return zones


@pytest.mark.parametrize("code", sorted(COUNTRIES))
def test_a_number_in_its_own_countrys_zones_is_not_questioned(code: str) -> None:
    phone = f"+{code} 555 0100"
    for zone in _zones_of(COUNTRIES[code]):
        assert _misdialled(phone, zone) is None, (code, zone)


@pytest.mark.parametrize(
    ("phone", "zone"),
    [
        ("+1 441 555 0100", "Atlantic/Bermuda"),
        ("+1 671 555 0100", "Pacific/Guam"),
        ("+7 846 555 0100", "Europe/Samara"),
        ("+44 1534 555 010", "Europe/Jersey"),
        ("+34 956 555 010", "Africa/Ceuta"),
        ("+1 212 555 0100", "US/Eastern"),
        ("+81 3 5555 0100", "Japan"),
    ],
)
def test_the_named_cases(phone: str, zone: str) -> None:
    assert _misdialled(phone, zone) is None


@pytest.mark.parametrize(
    ("phone", "zone", "code"),
    [
        ("+1 212 555 0100", "Europe/Berlin", "1"),
        ("+49 30 555 0100", "America/New_York", "49"),
        ("+44 20 5555 0100", "Atlantic/Bermuda", "44"),
        ("+7 495 555 0100", "Europe/Kyiv", "7"),
    ],
)
def test_a_number_of_another_country_is_still_questioned(phone: str, zone: str, code: str) -> None:
    assert _misdialled(phone, zone) == code
