"""Messages, as a user reads them: the debrief's missed points, fit and timeline mark,
and blank-line runs squeezed in an own template (mutation testing, fourteenth pass)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from followup_rules import Interview, Message, TemplateError, TemplatePack, render
from followup_rules.action import Action
from followup_rules.messages import template_context

from .test_messages import every_message_action, full_interview

MENTION = "I did not get to mention my AWS certification and my Kafka talk."
POINTED = "I see my ten years of Go as my main strength for the role."  # words26a class 2
CALL_MISSED = "- that you did not get to mention your AWS certification and your Kafka talk;"
CALL_FIT = "- why you fit the role: ten years of Go;"  # words26a class 2
TIMELINE = {
    "en": "[They expect to decide … / They did not say when they will decide.]",
    "de": "[Die Entscheidung soll … fallen. / Einen Zeitpunkt für die Entscheidung hat man "
    "nicht genannt.]",
    "fr": "[La décision est attendue … / Aucune date de décision n’a été donnée.]",
    "es": "[Prevén decidir … / No dijeron cuándo decidirán.]",
}


def debrief_interview(**changes: object) -> Interview:
    """The full interview, its fit given and a first interviewer who noted two missed
    points, one of them the interview's own."""
    iv = full_interview(fit="ten years of Go", **changes)
    ana = attrs.evolve(iv.interviewers[0], missed=("my Kafka talk", "my AWS certification"))
    return attrs.evolve(iv, interviewers=[ana, *iv.interviewers[1:]])


def debrief(template: str, iv: Interview, locale: str = "en") -> Message:
    action = next(a for a in every_message_action(iv) if a.template == template)
    return render(action, iv) if locale == "en" else TemplatePack(locale=locale).render(action, iv)


class TestTheDebrief:
    def test_the_email_says_every_missed_point_once_and_the_fit(self) -> None:
        text = debrief("recruiter_debrief_email", debrief_interview()).text
        assert text.count(MENTION) == 1
        assert POINTED in text

    def test_the_call_lists_every_missed_point_once_and_the_fit(self) -> None:
        lines = debrief("recruiter_debrief_call", debrief_interview()).text.splitlines()
        assert lines.count(CALL_MISSED) == 1
        assert lines.count(CALL_FIT) == 1

    @pytest.mark.parametrize("template", ["recruiter_debrief_email", "recruiter_debrief_call"])
    def test_nothing_missed_and_no_fit_say_neither(self, template: str) -> None:
        text = debrief(template, full_interview(missed=())).text
        assert "mention" not in text and "did not get to make" not in text
        assert "fit" not in text

    @pytest.mark.parametrize("locale", sorted(TIMELINE))
    def test_no_decision_date_leaves_the_timeline_to_fill_in(self, locale: str) -> None:
        message = debrief("recruiter_debrief_email", full_interview(decision_by=None), locale)
        assert message.placeholders[0] == TIMELINE[locale]
        assert TIMELINE[locale] in message.text

    def test_a_decision_date_needs_no_timeline_mark(self) -> None:
        message = debrief("recruiter_debrief_email", full_interview())
        assert TIMELINE["en"] not in message.placeholders
        assert "They expect to decide …" not in message.text


def test_an_own_template_keeps_one_blank_line_between_paragraphs(tmp_path: Path) -> None:
    (tmp_path / "thank_you_email.txt").write_text(
        "{% block subject %}Thanks{% endblock %}"
        "{% block body %}One.\n\n\n\nTwo.\n\n\nThree.\n\nFour.{% endblock %}",
        encoding="utf-8",
    )
    iv = full_interview()
    action = next(a for a in every_message_action(iv) if a.template == "thank_you_email")
    assert TemplatePack(tmp_path).render(action, iv).text == "One.\n\nTwo.\n\nThree.\n\nFour."


def test_an_own_template_reads_the_timeline_mark() -> None:
    iv = full_interview(decision_by=None)
    action = next(a for a in every_message_action(iv) if a.template == "recruiter_debrief_email")
    assert template_context(action, iv)["timeline_placeholder"] == TIMELINE["en"]


class TestADetailRefused:
    """The built-in templates refuse a detail none of them takes, after a good one too,
    with the whole list and where a person's field belongs."""

    def note(self) -> tuple[Action, Interview]:
        iv = full_interview()
        return next(a for a in every_message_action(iv) if a.template == "thank_you_email"), iv

    def test_a_misspelt_detail_after_a_good_one(self) -> None:
        note, iv = self.note()
        with pytest.raises(TemplateError) as raised:
            render(note, iv, fit="ten years of SQL", fitt="ten years of SQL")
        assert str(raised.value) == (
            "unknown detail 'fitt': the built-in messages take topics, missed, fit, part, "
            "feedback, role_article; did you mean 'fit'? (a pack with templates of your own "
            "takes names of your own)"
        )

    def test_a_persons_field_is_sent_back_to_the_person(self) -> None:
        note, iv = self.note()
        with pytest.raises(TemplateError) as raised:
            render(note, iv, honorific="Dr.")
        assert str(raised.value) == (
            "'honorific' is not a detail of render: it is the recipient's own field "
            "(Interviewer.honorific; an address may also be the Interview's): set it there "
            "and plan again"
        )
