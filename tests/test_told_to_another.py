"""r18 (the one untrue sentence of the eighteenth blind read): an interviewer's `part` is
typed to be said to that interviewer ("Thank you in particular for the walk through your
on-call dashboards"), and the recruiter debrief told the recruiter "The interview also
included the walk through your on-call dashboards", as if the dashboards were hers.

Said to someone else, "your" is the panelist's ("their"), in every language; a part that
speaks to its panelist in another way ("the demo you gave") cannot be turned without a
guess, so the debrief leaves it out and the note to the panelist keeps it as typed."""

from __future__ import annotations

import pytest

from followup_rules import Interviewer, Recruiter, plan
from followup_rules._languages import language
from followup_rules.messages import default_pack, template_context

from .test_messages import by_template, full_interview

RITA = Recruiter("Rita Cole", email="rita@agency.example", phone="+1 212 555 0100")


def _debriefs(part: str, locale: str = "en") -> list[str]:
    jamie = Interviewer("Jamie Fox", email="jamie@example.com", part=part)
    iv = full_interview(interviewers=[jamie, Interviewer("Bo Chen")], recruiter=RITA)
    texts = []
    for template in ("recruiter_debrief_email", "recruiter_debrief_call"):
        action = next((a for a in plan(iv) if a.template == template), None)
        if action is None:
            action = by_template(template, iv)
        texts.append(default_pack(locale).render(action, iv).text)
    return texts


@pytest.mark.parametrize(
    ("locale", "part", "told"),
    [
        ("en", "the walk through your on-call dashboards", "their on-call dashboards"),
        ("en", "Your tour of the lab", "Their tour of the lab"),
        ("de", "die Führung durch Ihr Labor", "die Führung durch ihr Labor"),
        ("fr", "la visite de votre laboratoire", "la visite de leur laboratoire"),
        ("fr", "la présentation de vos outils", "la présentation de leurs outils"),
    ],
)
def test_your_is_theirs_in_the_debrief(locale: str, part: str, told: str) -> None:
    for text in _debriefs(part, locale):
        assert told in text
        assert part not in text


@pytest.mark.parametrize(
    ("locale", "part"),
    [
        ("en", "the demo you gave of the pipeline"),
        ("de", "die Demo, die Sie gezeigt haben"),
        ("fr", "la démo que vous avez faite"),
        ("es", "la demo que usted preparó"),
    ],
)
def test_a_part_that_addresses_its_panelist_is_left_out(locale: str, part: str) -> None:
    for text in _debriefs(part, locale):
        assert part not in text
    jamie = Interviewer("Jamie Fox", email="jamie@example.com", part=part)
    iv = full_interview(interviewers=[jamie, Interviewer("Bo Chen")], recruiter=RITA)
    values = template_context(by_template("recruiter_debrief_email", iv), iv, locale)
    assert values["debrief_parts"] == []
    assert all(person[2] is None for person in values["debrief_people"])  # type: ignore[attr-defined]


def test_a_part_said_to_no_one_is_unchanged() -> None:
    english = language("en")
    for part in ("the tour of the lab", "the whiteboard exercise", "a yourt-building demo"):
        assert english.told_to_another(part) == part
