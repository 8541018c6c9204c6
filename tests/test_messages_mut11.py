"""Messages, as a user reads them: the links an app opens, the company named as typed, the
debrief's list of what was asked, the pack's own helpers (mutation testing, eleventh pass)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import attrs
import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Interviewer,
    Message,
    Salutation,
    TemplateError,
    TemplatePack,
    plan,
    render,
)
from followup_rules.messages import template_context

from .factories import at
from .test_messages import full_interview

# RFC 6068: an hfvalue is made of qchar only: unreserved, percent-encoded, and
# "!$'()*+,;:@"; a "/", "?", "&", "=" or "#" inside the subject or body must be encoded.
QCHAR = re.compile(r"(?:[A-Za-z0-9\-._~!$'()*+,;:@]|%[0-9A-F]{2})*")


def email(**fields: object) -> Message:
    """An e-mail built by hand, as an app may build one from stored fields."""
    values: dict[str, object] = {
        "subject": "Thank you",
        "text": "Hello",
        "html": None,
        "to": "Ana Ruiz <ana@acme.example>",
        "channel": Channel.EMAIL,
        "template": "thank_you_email",
        "address": "ana@acme.example",
    }
    values.update(fields)
    return Message(**values)  # type: ignore[arg-type]


def query(link: str) -> dict[str, str]:
    """The raw (still encoded) fields of a mailto: link's query."""
    return dict(part.split("=", 1) for part in link.split("?", 1)[1].split("&"))


class TestMailtoLink:
    """The link an app's "Open in mail" button follows."""

    def test_a_slash_in_the_subject_or_body_is_encoded(self) -> None:
        """RFC 6068 allows no bare "/" in a subject or body: "Data/ML" is written %2F."""
        link = email(subject="Data/ML Engineer: 50/50", text="See a/b?c=d&e#f").mailto()
        fields = query(link)
        assert fields["subject"] == "Data%2FML%20Engineer%3A%2050%2F50"
        assert QCHAR.fullmatch(fields["subject"]) and QCHAR.fullmatch(fields["body"])
        assert unquote(fields["body"]) == "See a/b?c=d&e#f"

    def test_the_address_reads_as_written(self) -> None:
        """The "@" and the characters an address may hold stay as they are."""
        link = email(address="o'neil+jobs@acme.example").mailto()
        assert link.startswith("mailto:o'neil+jobs@acme.example?subject=")

    def test_each_line_break_is_one_crlf_whatever_the_text_holds(self) -> None:
        """A text stored with CRLF or LF line breaks gives the same link: CRLF once each."""
        unix = email(text="Hello Ana,\n\nThank you.\nSam").mailto()
        windows = email(text="Hello Ana,\r\n\r\nThank you.\r\nSam").mailto()
        assert unix == windows
        assert query(unix)["body"] == "Hello%20Ana%2C%0D%0A%0D%0AThank%20you.%0D%0ASam"

    def test_an_email_without_a_subject_links_with_an_empty_one(self, tmp_path: Path) -> None:
        """An own template with no subject block: the link's subject is empty, not made up."""
        (tmp_path / "thank_you_email.txt").write_text(
            "{% block body %}Thank you, {{ recipient_name }}.{% endblock %}", encoding="utf-8"
        )
        iv = full_interview()
        action = next(a for a in plan(iv) if a.template == "thank_you_email")
        message = TemplatePack(tmp_path).render(action, iv)
        assert message.subject is None
        assert message.mailto() == (
            "mailto:ana@acme.example?subject=&body=Thank%20you%2C%20Ana%20Ruiz."
        )


class TestLink:
    """`Message.link`: one button whatever the channel."""

    def test_an_email_a_call_and_the_rest(self) -> None:
        iv = full_interview()
        messages = {a.channel: render(a, iv) for a in plan(iv) if a.template}
        assert messages[Channel.EMAIL].link() == messages[Channel.EMAIL].mailto()
        call = messages[Channel.PHONE]
        assert call.link() == call.tel() is not None
        local = attrs.evolve(call, address="030 1234567")
        assert local.link() is None and local.link("+49") == "tel:0301234567;phone-context=+49"
        card = email(channel=Channel.POSTAL, subject=None, address=None)
        assert card.link() is None


class TestTheCompanyAsTyped:
    """The company's legal form is dropped after its first mention, but never inside a
    value the user typed: a topic, an interviewer's own topic, a detail given to render."""

    def test_typed_values_holding_the_company_are_kept_whole(self) -> None:
        iv = full_interview(company="Acme Inc.", topics=("the Acme Inc. data platform",))
        ana = attrs.evolve(iv.interviewers[0], topics=("the Acme Inc. data platform",))
        iv = attrs.evolve(iv, interviewers=[ana])
        action = next(a for a in plan(iv) if a.template == "thank_you_email")
        text = render(action, iv).text
        assert "the Acme Inc. data platform" in text
        assert "the Acme data platform" not in text

    def test_a_detail_holding_the_company_is_kept_whole(self) -> None:
        iv = full_interview(company="Acme Inc.")
        iv = attrs.evolve(iv, interviewers=[iv.interviewers[0]])
        action = next(a for a in plan(iv) if a.template == "thank_you_email")
        fit = "three years as a contractor for Acme Inc. teams"
        text = render(action, iv, fit=fit, missed=["my Acme Inc. badge project"]).text
        assert "contractor for Acme Inc. teams" in text
        assert "my Acme Inc. badge project" in text

    def test_the_companys_own_later_mentions_are_still_shortened(self) -> None:
        """The control: outside the typed values, the second mention drops "Inc."."""
        iv = full_interview(company="Acme Inc.", topics=("the Acme Inc. data platform",))
        iv = attrs.evolve(iv, interviewers=[iv.interviewers[0]])
        for action in plan(iv):
            if action.template:
                text = render(action, iv).text
                plain = text.replace("the Acme Inc. data platform", "")
                assert plain.count("Acme Inc.") <= 1, text


class TestDebriefAsked:
    """The debrief tells the recruiter what the candidate was asked to send, and by whom."""

    def debrief(self, **changes: object) -> str:
        iv = full_interview(**changes)
        action = next(a for a in plan(iv) if a.kind is ActionKind.RECRUITER_DEBRIEF)
        return render(action, iv).text

    def test_what_was_asked_at_the_interview(self) -> None:
        text = self.debrief(requested=("two code samples", "a reference"))
        assert "two code samples and a reference" in text

    def test_an_item_someone_asked_for_is_said_once_with_whom(self) -> None:
        iv = full_interview(requested=("two code samples", "a reference"))
        ana = attrs.evolve(iv.interviewers[0], requested=("a reference",))
        text = self.debrief(
            requested=("two code samples", "a reference"), interviewers=[ana, iv.interviewers[1]]
        )
        assert text.count("a reference") == 1
        assert "two code samples" in text

    def test_the_call_names_each_topic_and_item_once_with_whom(self) -> None:
        """The interview's topics and items, then each interviewer's own, with whom; a
        topic an interviewer shares with the interview is said once, without a name."""
        iv = full_interview()
        ana = attrs.evolve(iv.interviewers[0], requested=("a reference",))
        iv = attrs.evolve(iv, interviewers=[ana, iv.interviewers[1]])
        call = next(a for a in plan(iv) if a.kind is ActionKind.RECRUITER_DEBRIEF)
        assert call.channel is Channel.PHONE
        lines = render(call, iv).text.splitlines()
        assert "- who you met: Ana Ruiz and Bo Chen;" in lines
        assert (
            "- what you discussed: the move to streaming pipelines; with Bo Chen, the on-call "
            "rota;"
        ) in lines
        assert (
            "- what you were asked to send: two code samples; for Ana Ruiz, a reference;"
        ) in lines

    def test_only_an_interviewers_own_item(self) -> None:
        iv = full_interview(requested=())
        ana = attrs.evolve(iv.interviewers[0], requested=("a reference",))
        iv = attrs.evolve(iv, interviewers=[ana, iv.interviewers[1]])
        call = next(a for a in plan(iv) if a.kind is ActionKind.RECRUITER_DEBRIEF)
        lines = render(call, iv).text.splitlines()
        assert "- what you were asked to send: for Ana Ruiz, a reference;" in lines

    def test_no_topics_no_line(self) -> None:
        iv = full_interview(topics=())
        people = [attrs.evolve(p, topics=()) for p in iv.interviewers]
        iv = attrs.evolve(iv, interviewers=people)
        call = next(a for a in plan(iv) if a.kind is ActionKind.RECRUITER_DEBRIEF)
        assert "what you discussed" not in render(call, iv).text

    def test_nothing_asked_says_nothing(self) -> None:
        text = self.debrief(requested=())
        assert "asked to send" not in text


class TestPackHelpers:
    """The pack's wording helpers a custom app calls."""

    def test_a_decision_date_without_a_window(self) -> None:
        pack = TemplatePack()
        assert pack.decision_words(date(2026, 7, 15), None) == "by Wednesday, July 15"

    def test_a_titled_name_said_aloud(self) -> None:
        pack = TemplatePack()
        ana = Interviewer("Ana Ruiz", honorific="Dr.")
        assert pack.spoken_name(ana, Salutation.HONORIFIC) == "Dr. Ruiz"
        assert pack.spoken_name(ana, Salutation.FULL_NAME) == "Ana"

    def test_names_keep_every_dot_but_the_extension(self, tmp_path: Path) -> None:
        (tmp_path / "thanks.v2.txt").write_text(
            "{% block body %}Thanks{% endblock %}", encoding="utf-8"
        )
        pack = TemplatePack(tmp_path)
        assert "thanks.v2" in pack.names()
        assert "thanks" not in pack.names()
        assert pack.get("thanks.v2.txt") is not None


class TestLocaleRefused:
    """`template_context` names a locale it cannot write in, whatever was given."""

    @pytest.mark.parametrize("locale", ["xx!", "", "en__GB", "it"])
    def test_a_name_with_no_translation(self, locale: str) -> None:
        iv = full_interview()
        with pytest.raises(TemplateError) as refused:
            template_context(plan(iv)[0], iv, locale)
        assert str(refused.value) == (
            f"no translation for locale {locale!r}: the built-in messages are written in "
            "en, en_US, en_GB, en_AU, en_NZ, de, de_DE, de_AT, de_CH, fr, fr_FR, fr_BE, fr_CA, "
            "fr_CH, es, es_ES, es_MX, es_AR, es_CO, es_CL"
        )

    @pytest.mark.parametrize("locale", [42, None, b"en", ["de"]])
    def test_not_a_name(self, locale: object) -> None:
        """Neither a locale name nor a language: a TemplateError naming the value, not an
        AttributeError from deep inside (it was: `language.day` of an int)."""
        iv = full_interview()
        with pytest.raises(TemplateError) as refused:
            template_context(plan(iv)[0], iv, locale)  # type: ignore[arg-type]
        assert str(refused.value).startswith(f"no translation for locale {locale!r}: ")


class TestOwnSubjectAtItsShortest:
    """An own template's subject at `brief` 2 names the role after a colon when that fits
    (docs/templates.md), but leaves alone a question, a subject with a colon of its own,
    and one that names the role already."""

    def subject(self, folder: Path, short: str, role: str = "Data Engineer") -> str | None:
        (folder / "thank_you_email.txt").write_text(
            "{% block subject %}{% if brief == 2 %}{{ note }}{% else %}"
            "A subject far too long for a phone, naming the {{ role }} role at {{ company }} "
            "and more{% endif %}{% endblock %}{% block body %}Thank you.{% endblock %}",
            encoding="utf-8",
        )
        iv = full_interview(role=role)
        action = next(a for a in plan(iv) if a.template == "thank_you_email")
        return TemplatePack(folder).render(action, iv, note=short).subject

    @pytest.mark.parametrize(
        ("short", "expected"),
        [
            ("Thank you", "Thank you: Data Engineer"),
            ("Greetings from Dallas TX", "Greetings from Dallas TX: Data Engineer"),
            ("Any news?", "Any news?"),
            ("Thank you!", "Thank you!"),
            ("After my interview: thank you", "After my interview: thank you"),
            ("About the data engineer role", "About the data engineer role"),
        ],
    )
    def test_the_role_after_a_colon(self, tmp_path: Path, short: str, expected: str) -> None:
        assert self.subject(tmp_path, short) == expected

    def test_not_past_what_a_phone_shows(self, tmp_path: Path) -> None:
        """70 characters with the role: named; 71: the shorter subject as it is."""
        role = "Principal Customer Success Operations Manager"  # 46 characters
        fits = "x" * (70 - len(role) - 2)
        assert self.subject(tmp_path, fits, role) == f"{fits}: {role}"
        assert self.subject(tmp_path, fits + "y", role) == fits + "y"


class TestDetailsChecked:
    """`render`'s details: each checked and named when wrong, trimmed when right."""

    @pytest.mark.parametrize(
        ("name", "value", "problem"),
        [
            ("topics", [5], "must be a list of non-empty strings"),
            ("topics", {"the roadmap"}, "must be a list of non-empty strings"),
            ("missed", ["x", "  "], "must be a list of non-empty strings"),
            ("missed", 7, "must be a list of non-empty strings"),
            ("fit", 5, "must be a non-empty string"),
            ("fit", " ", "must be a non-empty string"),
            ("part", ["the tour"], "must be a non-empty string"),
        ],
    )
    def test_a_wrong_detail_is_named(self, name: str, value: object, problem: str) -> None:
        iv = full_interview()
        note = next(a for a in plan(iv) if a.template == "thank_you_email")
        with pytest.raises(TemplateError) as refused:
            render(note, iv, **{name: value})
        assert str(refused.value) == f"detail {name!r} {problem}"

    def test_right_details_are_trimmed(self) -> None:
        iv = full_interview()
        note = next(a for a in plan(iv) if a.template == "thank_you_email")
        values = template_context(
            note, iv, "en", {"topics": ("  the roadmap ",), "fit": " Kafka ", "part": None}
        )
        assert (values["topics"], values["fit"], values["part"]) == (
            ["the roadmap"],
            "Kafka",
            None,
        )
        assert template_context(note, iv, "en", {"missed": "my talk"})["missed"] == ["my talk"]


class TestScriptDayAcrossMidnight:
    """`script_day` (the candidate's script, on their calendar) names the recipient's day
    and where it is, when the interview fell on another day there."""

    @pytest.mark.parametrize(
        ("zone", "code", "expected"),
        [
            ("Asia/Tokyo", "en", "Tuesday, July 7 (Wednesday, July 8, in Tokyo)"),
            ("Asia/Tokyo", "de", "Dienstag, dem 7. Juli (in Tokio: Mittwoch, dem 8. Juli)"),
            ("+09:00", "en", "Tuesday, July 7 (Wednesday, July 8, in UTC+09:00)"),
            # POSIX signs read backwards: Etc/GMT-9 is nine hours ahead of UTC
            ("Etc/GMT-9", "en", "Tuesday, July 7 (Wednesday, July 8, in UTC+9)"),
            ("Etc/GMT-9", "fr", "mardi 7 juillet (mercredi 8 juillet à UTC+9)"),
            ("America/Chicago", "en", "Tuesday, July 7"),
        ],
    )
    def test_the_recipients_day_and_city(self, zone: str, code: str, expected: str) -> None:
        iv = full_interview(starts_at=at(2026, 7, 7, 20))
        ana = attrs.evolve(iv.interviewers[0], timezone=zone)
        iv = attrs.evolve(iv, interviewers=[ana, iv.interviewers[1]])
        action = next(a for a in plan(iv) if a.recipient is ana and a.template)
        assert template_context(action, iv, code)["script_day"] == expected
