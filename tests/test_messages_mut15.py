"""Messages, as a user reads them (mutation testing, fifteenth pass): what to ask each
interviewer for after a remote interview, the links asked for, the check-in and close
wordings turned by application, whom a message is to and what blocks it, a number from
another country, the late card, the candidate's locale, an own template's translations,
and a detail refused without a near name."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import attrs
import pendulum
import pytest

from followup_rules import (
    Channel,
    Interview,
    Interviewer,
    Message,
    Policy,
    Recruiter,
    TemplateError,
    TemplatePack,
    plan,
    render,
)
from followup_rules.messages import (
    DETAILS,
    SPREAD_ATTEMPTS,
    candidate_locale,
    default_pack,
    said_attempt,
    template_context,
)

from .factories import at
from .test_messages import SAM, by_template, full_interview


def context(template: str, iv: Interview) -> dict[str, object]:
    return template_context(by_template(template, iv), iv)


class TestWhatToAskForAfterARemoteInterview:
    """The closing statement's list of what no business card will give: only what is not
    known, with one possessive for the one person or the many."""

    def test_a_lone_interviewer_by_her_own_possessive(self) -> None:
        ana = Interviewer(
            "Ana Ruiz", email="a@x.example", phone="+1 212 555 0142", honorific="Ms."
        )
        iv = full_interview(interviewers=[ana])
        assert context("closing_statement", iv)["unknown_details"] == "her exact title"

    def test_a_panel_by_their_whatever_the_first_ones_pronoun(self) -> None:
        ana = Interviewer("Ana Ruiz", email="a@x.example", title="CTO", honorific="Ms.")
        bo = Interviewer("Bo Chen", phone="+1 212 555 0143", title="VP")
        iv = full_interview(interviewers=[ana, bo])
        assert context("closing_statement", iv)["unknown_details"] == (
            "their email address and their phone number"
        )

    def test_every_detail_missing(self) -> None:
        ana = Interviewer("Ana Ruiz")
        iv = full_interview(interviewers=[ana, Interviewer("Bo Chen")])
        assert context("closing_statement", iv)["unknown_details"] == (
            "their email address, their phone number and their exact title"
        )

    def test_a_title_known_for_everyone_is_not_asked(self) -> None:
        ana = Interviewer("Ana Ruiz", title="CTO")
        iv = full_interview(interviewers=[ana, Interviewer("Bo Chen", title="VP")])
        assert context("closing_statement", iv)["unknown_details"] == (
            "their email address and their phone number"
        )


class TestTheLinksAskedFor:
    """A link asked for is sent as an address the user pastes in: each with the mark to
    replace, unless the user typed the address already."""

    def links(self, *requested: str) -> object:
        iv = full_interview(requested=requested)
        return context("thank_you_email", iv)["links"]

    def test_one_link_with_its_mark(self) -> None:
        assert self.links("my portfolio link", "two code samples") == (
            "the link to my portfolio: [link]"
        )

    def test_several_links_each_with_its_mark_unless_typed(self) -> None:
        assert self.links(
            "my portfolio link",
            "a link to my conference talk",
            "my blog link https://blog.example",
        ) == (
            "the link to my portfolio ([link]), a link to my conference talk ([link]) and "
            "my blog link https://blog.example"
        )

    def test_one_link_typed_with_its_address(self) -> None:
        assert self.links("my blog link https://blog.example") == (
            "my blog link https://blog.example"
        )

    def test_no_link(self) -> None:
        assert self.links("two code samples") == ""


class TestWordingsTurnedByApplication:
    def test_the_second_to_sixth_check_in_turn_one_to_one(self) -> None:
        low, high = SPREAD_ATTEMPTS
        for thread in range(3):
            said = [said_attempt(attempt, thread) for attempt in range(low, high + 1)]
            assert sorted(said) == list(range(low, high + 1)), thread
            assert all(isinstance(number, int) for number in said)
            assert said[0] == low + thread
        assert said_attempt(high, 1) == low
        assert said_attempt(high, 2) == low + 1

    def test_the_first_and_late_check_ins_keep_their_own(self) -> None:
        for thread in range(3):
            assert [said_attempt(attempt, thread) for attempt in (1, 7, 8)] == [1, 7, 8]

    def test_the_close_takes_one_of_three_wordings_each_taken(self) -> None:
        seen = set()
        for company in ("Acme Analytics", "Northwind", "Globex", "Initech", "Umbrella"):
            for role in ("Data Engineer", "Designer", "Analyst"):
                iv = full_interview(company=company, role=role)
                values = context("check_in_email", iv)
                wording = values["thread_wording"]
                assert wording == context("check_in_email", iv)["thread_wording"]
                assert isinstance(wording, int)
                seen.add(wording)
        assert seen == {0, 1, 2}


class TestToWhomAndWhatBlocks:
    def test_a_message_for_nobody_in_particular_has_no_address(self, tmp_path: Path) -> None:
        (tmp_path / "thank_you_email.txt").write_text(
            "{% block subject %}Thanks{% endblock %}{% block body %}Thank you.{% endblock %}",
            encoding="utf-8",
        )
        iv = full_interview()
        action = attrs.evolve(by_template("thank_you_email", iv), recipient=None)
        message = TemplatePack(tmp_path).render(action, iv)
        assert (message.to, message.address, message.blocking) == ("", None, ())

    def test_a_call_to_someone_without_a_number_is_blocked(self) -> None:
        iv = full_interview()
        call = by_template("check_in_call", iv)
        message = render(
            attrs.evolve(call, recipient=attrs.evolve(call.recipient, phone=None)), iv
        )
        assert message.blocking == ("phone",)
        assert render(call, iv).blocking == ()


def _call(ana: Interviewer, candidate_zone: str | None = None) -> tuple[Message, Message]:
    """Ana's check-in call and thank-you e-mail, the candidate in *candidate_zone*."""
    changes: dict[str, object] = {"interviewers": [ana]}
    if candidate_zone is not None:
        changes["candidate"] = attrs.evolve(SAM, timezone=candidate_zone)
        changes["starts_at"] = pendulum.datetime(2026, 7, 7, 14, tz=candidate_zone)
    iv = full_interview(**changes)
    call = by_template("check_in_call", iv)
    assert call.recipient is not None and call.recipient.name == ana.name
    return render(call, iv), render(by_template("thank_you_email", iv), iv)


AGENCY = (
    "SelecSource, the agency that put you forward, may prefer you to follow up through your "
    "recruiter, Rita Cole: you may ask Rita Cole for news first, or instead of sending this"
)
"""A check-in's note when an agency recruiter placed the candidate (words26b class 6): the
interview of `full_interview` has one."""


def _wrong_code(phone: str, code: str, zone: str) -> str:
    return (
        f"the number {phone} has the country code +{code}, which does not fit Ana Ruiz's "
        f"time zone ({zone}): check the number, or give their own time zone "
        "(Interviewer.timezone), since the call window follows it"
    )


class TestANumberFromAnotherCountry:
    """The call's message warns of a number whose country code does not fit the
    recipient's zone (their own, not the interview's); an e-mail does not."""

    def test_a_three_digit_code(self) -> None:
        phone = "+351 21 000 0000"
        call, email = _call(Interviewer("Ana Ruiz", phone=phone, timezone="America/Chicago"))
        assert call.warnings == (_wrong_code(phone, "351", "America/Chicago"), AGENCY)
        assert email.warnings == ()

    def test_a_one_digit_code(self) -> None:
        phone = "+1 212 555 0142"
        ana = Interviewer("Ana Ruiz", email="a@x.example", phone=phone, timezone="Europe/Paris")
        call, email = _call(ana, "Europe/London")
        assert call.warnings == (_wrong_code(phone, "1", "Europe/Paris"), AGENCY)
        assert email.warnings == ()

    def test_a_code_that_fits_the_recipients_own_zone(self) -> None:
        """Bogotá's +57 in Bogotá: no warning, though the interview is New York's."""
        for phone, zone in (("+57 601 555 0142", "America/Bogota"), ("+1 312 555 0142", None)):
            call, _ = _call(Interviewer("Ana Ruiz", phone=phone, timezone=zone))
            assert call.warnings == (AGENCY,), phone


class TestTheLateCard:
    def test_a_card_likely_to_arrive_after_the_decision_is_a_warning(self) -> None:
        ana = Interviewer("Ana Ruiz", address="1 Main St, 10001")
        iv = full_interview(interviewers=[ana], decision_by=date(2026, 7, 9))
        cards = [a for a in plan(iv, Policy.traditional()) if a.channel is Channel.POSTAL]
        assert cards and cards[0].facts.arrives_after_decision
        assert render(cards[0], iv).warnings == (
            "a card in the post is likely to arrive after the decision date (2026-07-09): "
            "career advice warns that a posted card may sit unopened until after the "
            "decision, so consider sending the thank-you by e-mail",
        )


class TestTheCandidatesLocale:
    def test_by_the_candidates_zone(self) -> None:
        assert candidate_locale(full_interview()) == "en"
        london = full_interview(candidate=attrs.evolve(SAM, timezone="Europe/London"))
        assert candidate_locale(london) == "en_GB"

    def test_not_an_interview(self) -> None:
        assert candidate_locale(object()) == "en"  # type: ignore[arg-type]

    def test_the_default_pack_is_the_english_one(self) -> None:
        assert default_pack() is default_pack("en")


class TestAnOwnTemplateTranslates:
    def pack(self, folder: Path, body: str, html: str | None = None) -> TemplatePack:
        (folder / "thank_you_email.txt").write_text(
            "{% block subject %}Thanks{% endblock %}{% block body %}" + body + "{% endblock %}",
            encoding="utf-8",
        )
        if html is not None:
            (folder / "thank_you_email.html").write_text(html, encoding="utf-8")
        return TemplatePack(folder)

    def test_a_plural_with_a_context(self, tmp_path: Path) -> None:
        iv = full_interview()
        body = "{{ npgettext('items', 'one sample', '%(num)s samples', 2) }}"
        message = self.pack(tmp_path, body).render(by_template("thank_you_email", iv), iv)
        assert message.text.strip() == "2 samples"

    def test_a_trans_block_with_a_value(self, tmp_path: Path) -> None:
        iv = full_interview()
        body = "{% trans who=company %}Thank you, {{ who }} team.{% endtrans %}"
        html = "<p>{% trans who='<b>' %}To {{ who }}, thanks.{% endtrans %}</p>"
        message = self.pack(tmp_path, body, html).render(by_template("thank_you_email", iv), iv)
        assert message.text.strip() == "Thank you, Acme Analytics team."
        assert message.html == "<p>To &lt;b&gt;, thanks.</p>\n"


class TestADetailRefused:
    def test_a_name_like_no_detail_gets_no_suggestion(self) -> None:
        iv = full_interview()
        with pytest.raises(TemplateError) as error:
            render(by_template("thank_you_email", iv), iv, qqqqzzzz="x")
        assert str(error.value) == (
            f"unknown detail 'qqqqzzzz': the built-in messages take {', '.join(DETAILS)} (a "
            "pack with templates of your own takes names of your own)"
        )


def test_an_own_template_edited_on_disk_is_read_again(tmp_path: Path) -> None:
    template = tmp_path / "thank_you_email.txt"
    template.write_text(
        "{% block subject %}Thanks{% endblock %}{% block body %}One.{% endblock %}",
        encoding="utf-8",
    )
    pack = TemplatePack(tmp_path)
    iv = full_interview()
    note = by_template("thank_you_email", iv)
    assert pack.render(note, iv).text.strip() == "One."
    template.write_text(
        "{% block subject %}Thanks{% endblock %}{% block body %}Two.{% endblock %}",
        encoding="utf-8",
    )
    later = os.stat(template).st_mtime + 10
    os.utime(template, (later, later))
    assert pack.render(note, iv).text.strip() == "Two."


class TestTheCompanyAsTypedEverywhere:
    """The company's legal form is dropped after its first mention, never inside what the
    user typed, wherever it was typed: in every message of the plan."""

    def test_every_message_keeps_the_typed_values_whole(self) -> None:
        typed = "the Acme Inc. data platform"
        iv = full_interview(company="Acme Inc.", topics=(typed,), fit="years at Acme Inc. labs")
        ana = attrs.evolve(iv.interviewers[0], topics=(typed,), fit="the Acme Inc. SDK")
        iv = attrs.evolve(iv, interviewers=[ana, iv.interviewers[1]])
        seen = 0
        for action in plan(iv):
            if action.template:
                text = render(action, iv, missed=["my Acme Inc. badge project"]).text
                for cut in ("the Acme data platform", "Acme labs", "the Acme SDK", "Acme badge"):
                    assert cut not in text, (action.template, text)
                seen += text.count("Acme Inc.") > 1
        assert seen


class TestAnOwnPack:
    def test_a_locale_without_a_translation_names_those_there_are(self) -> None:
        with pytest.raises(TemplateError) as error:
            TemplatePack(locale="it")
        assert str(error.value) == (
            "no translation for locale 'it': the built-in messages are written in en, en_US, "
            "en_GB, en_AU, en_NZ, de, de_DE, de_AT, de_CH, fr, fr_FR, fr_BE, fr_CA, fr_CH, es, "
            "es_ES, es_MX, es_AR, es_CO, es_CL"
        )

    def test_the_filters_and_an_indented_block_tag(self, tmp_path: Path) -> None:
        """An own template reads the pack's filters (a day, a time, an article); a block
        tag indented on a line of its own leaves neither its indent nor its line."""
        (tmp_path / "thank_you_email.txt").write_text(
            "{% block subject %}Thanks{% endblock %}{% block body %}"
            "{{ interview.starts_at|day }} at {{ interview.starts_at|time }}; "
            "{{ 'engineer'|a_an }}\nOne.\n    {% if true %}\nTwo.\n    {% endif %}\nThree.\n"
            "{% endblock %}",
            encoding="utf-8",
        )
        (tmp_path / "thank_you_email.html").write_text("<p>{{ role }}</p>\n\n", encoding="utf-8")
        iv = full_interview()
        message = TemplatePack(tmp_path).render(by_template("thank_you_email", iv), iv)
        assert message.text == "Tuesday, July 7 at 2:00 PM; an\nOne.\nTwo.\nThree."
        assert message.html == "<p>Data Engineer</p>\n"


class TestTheLinksInTheNote:
    def test_one_link_or_two_each_marked_to_fill_in(self) -> None:
        for requested, said in (
            (("my portfolio link",), "is the link to my portfolio: [link]."),
            (
                ("my portfolio link", "my talk link"),
                "are the link to my portfolio ([link]) and the link to my talk ([link]).",
            ),
        ):
            iv = full_interview(requested=requested)
            message = render(by_template("thank_you_email", iv), iv)
            assert message.placeholders == ("[link]",)
            # plain order, no inversion (words29c class 6, r24 en 09.5, 11.8)
            assert f"As requested at the interview, here {said}" in message.text

    def test_no_link_no_mark(self) -> None:
        iv = full_interview()
        message = render(by_template("thank_you_email", iv), iv)
        assert "[link]" not in message.placeholders and "[link]" not in message.text


def test_what_the_thank_you_already_carried_to_each() -> None:
    """Ana asked for a reference, Bo for nothing: an own check-in reads it as
    ``items_sent`` once her thank-you carried it (planned before it), and no colleague's
    material went out.  (The thank-you itself reads nothing as sent before it: the
    history decides, tests/test_words30_lead.py; this test read the thank-you's context
    before the lead's round-30 fix.)"""
    iv = full_interview()
    ana = attrs.evolve(iv.interviewers[0], requested=("a reference",))
    iv = attrs.evolve(iv, interviewers=[ana, iv.interviewers[1]])
    sent = {
        (
            action.template,
            action.recipient.name,
            template_context(action, iv)["items_sent"],
            template_context(action, iv)["items_elsewhere"],
        )
        for action in plan(iv)
        if action.template in ("thank_you_email", "check_in_email")
        and action.recipient is not None
    }
    assert sent == {
        ("thank_you_email", "Ana Ruiz", False, 0),
        ("thank_you_email", "Bo Chen", False, 0),
        ("check_in_email", "Ana Ruiz", True, 0),
    }


class TestTheDebriefsPeopleAndTopics:
    """What the recruiter's debrief says of whom the candidate met (their titles) and
    what was discussed: the conversation's topics, then each person's own and part;
    a lone interviewer's own topics go with the conversation's."""

    ANA = Interviewer(
        "Ana Ruiz",
        title="CTO",
        honorific="Dr.",
        topics=("the on-call rota", "the move to streaming pipelines"),
        part="the system design",
    )

    def context(self, **changes: object) -> dict[str, object]:
        iv = full_interview(**changes)
        values = template_context(by_template("recruiter_debrief_email", iv), iv)
        names = ("people", "people_in_text", "debrief_topics", "debrief_people")
        return {name: values[name] for name in names}

    def test_a_panel(self) -> None:
        panel = [
            self.ANA,
            Interviewer("Bo Chen"),
            Interviewer("Cy Park", topics=("hiring",)),
            Interviewer("Dee Fox", part="the lab tour"),
        ]
        assert self.context(interviewers=panel) == {
            "people": "Dr. Ana Ruiz (CTO), Bo Chen, Cy Park and Dee Fox",
            "people_in_text": "Dr. Ana Ruiz (CTO), Bo Chen, Cy Park and Dee Fox",
            "debrief_topics": "the move to streaming pipelines",
            # named again, short (words29c class 3: never the full name and title twice)
            "debrief_people": [
                ("Dr. Ruiz", "the on-call rota", "the system design", 1),
                ("Cy Park", "hiring", None, 1),
                ("Dee Fox", None, "the lab tour", 1),
            ],
        }

    def test_a_lone_interviewer(self) -> None:
        assert self.context(interviewers=[self.ANA]) == {
            "people": "Dr. Ana Ruiz (CTO)",
            "people_in_text": "Dr. Ana Ruiz (CTO)",
            "debrief_topics": "the move to streaming pipelines and the on-call rota",
            "debrief_people": [],
        }

    def test_no_topic_of_the_conversations_own(self) -> None:
        values = self.context(interviewers=[self.ANA, Interviewer("Bo Chen")], topics=())
        assert values["debrief_topics"] is None
        assert values["debrief_people"] == [
            (
                "Dr. Ruiz",  # named again, short (words29c class 3)
                "the on-call rota and the move to streaming pipelines",
                "the system design",
                1,
            )
        ]


class TestTheThankYouNote:
    def test_the_interviews_fit_is_argued(self) -> None:
        iv = full_interview(fit="ten years of Go", interviewers=[Interviewer("Ana Ruiz")])
        text = render(by_template("thank_you_email", iv), iv).text
        assert "I can bring my ten years of Go to the role." in text

    def test_no_link_mark_for_an_own_template_either(self) -> None:
        iv = full_interview()
        assert context("thank_you_email", iv)["placeholders"] == []

    def test_applications_turn_their_wordings(self) -> None:
        """The first note of each single-interviewer application: not all one wording."""
        texts = set()
        for company in ("Acme Analytics", "Northwind", "Globex"):
            iv = full_interview(company=company, interviewers=[Interviewer("Ana Ruiz")])
            text = render(by_template("thank_you_email", iv), iv).text
            texts.add(text.replace(company, "COMPANY"))
        assert len(texts) == 3


class TestWhatAnOwnTemplateReads:
    def test_the_candidates_email_as_a_voicemail_spells_it(self) -> None:
        iv = full_interview()
        assert context("check_in_call", iv)["spoken_email"] == "sam at example dot com"
        quiet = full_interview(candidate=attrs.evolve(SAM, email=None))
        assert context("check_in_call", quiet)["spoken_email"] is None

    def test_a_feedback_request_names_the_others(self) -> None:
        iv = full_interview()
        request = by_template("feedback_request_email", iv)
        assert request.recipient is not None and request.recipient.name == "Ana Ruiz"
        assert template_context(request, iv)["others"] == ["Bo Chen"]

    def test_the_role_with_its_article_or_as_the_translation_takes_it(self) -> None:
        iv = full_interview()
        action = by_template("thank_you_email", iv)
        assert template_context(action, iv)["a_role"] == "a Data Engineer"
        assert template_context(action, iv, "de")["a_role"] == "Data Engineer"

    def test_a_value_of_the_message_cannot_be_passed(self, tmp_path: Path) -> None:
        (tmp_path / "thank_you_email.txt").write_text(
            "{% block subject %}T{% endblock %}{% block body %}x{% endblock %}", encoding="utf-8"
        )
        iv = full_interview()
        with pytest.raises(TemplateError) as error:
            TemplatePack(tmp_path).render(by_template("thank_you_email", iv), iv, facts=1)
        assert str(error.value) == (
            "'facts' comes from the action and the interview and cannot be overridden; the "
            "details you may pass are topics, missed, fit, part, feedback, role_article"
        )


def test_a_fit_given_for_a_note_past_the_case_is_said_alone() -> None:
    """Dee's is the ninth note of ten, past the `FIT_NOTES` that quote the fit: it says
    the interview's fit briefly; given a fit of its own, it says that one alone, not the
    brief line as well."""
    names = ("Ana Ruiz", "Bo Chen", "Cy Park", "Di Ito", "Ed Ode", "Flo Gee", "Gus Ho")
    panel = [Interviewer(name) for name in (*names, "Hal Ivy", "Dee Fox", "Ed Moss")]
    iv = full_interview(fit="ten years of Go", interviewers=panel)
    note = next(
        a
        for a in plan(iv)
        if a.template == "thank_you_email"
        and a.recipient is not None
        and a.recipient.name == "Dee Fox"
    )
    assert template_context(note, iv)["fit_brief"] is True
    assert "I believe I have much to contribute, given my experience." in render(note, iv).text
    values = template_context(note, iv, details={"fit": "five years of Rust"})
    assert values["fit_brief"] is False
    text = render(note, iv, fit="five years of Rust").text
    assert "I can bring my five years of Rust to the role." in text
    assert "good match" not in text


@pytest.mark.parametrize(
    ("zone", "hour", "expected"),
    [
        ("Etc/GMT+0", 20, "Tuesday, July 7 (Wednesday, July 8, in UTC)"),
        # POSIX signs read backwards: Etc/GMT+2 is two hours behind UTC
        ("Etc/GMT+2", 23, "Tuesday, July 7 (Wednesday, July 8, in UTC-2)"),
        ("-02:00", 23, "Tuesday, July 7 (Wednesday, July 8, in UTC-02:00)"),
        ("UTC", 20, "Tuesday, July 7 (Wednesday, July 8, in UTC)"),
        ("Etc/UTC", 20, "Tuesday, July 7 (Wednesday, July 8, in UTC)"),
        ("GMT", 20, "Tuesday, July 7 (Wednesday, July 8, in UTC)"),
        ("Japan", 20, "Tuesday, July 7 (Wednesday, July 8, in Japan)"),
    ],
)
def test_a_zone_named_by_its_offset_or_without_a_city(zone: str, hour: int, expected: str) -> None:
    iv = full_interview(starts_at=at(2026, 7, 7, hour))
    ana = attrs.evolve(iv.interviewers[0], timezone=zone)
    iv = attrs.evolve(iv, interviewers=[ana, iv.interviewers[1]])
    action = next(a for a in plan(iv) if a.recipient is ana and a.template)
    assert template_context(action, iv)["script_day"] == expected


def test_an_invited_call_says_so() -> None:
    """The employer invited a call and gave no date: the script says why it calls."""
    iv = full_interview(invited_to_call=True, decision_by=None)
    call = next(a for a in plan(iv) if a.template == "check_in_call")
    assert call.facts.call_basis is not None and call.facts.call_basis.name == "INVITED"
    assert (
        # words32b (r27 en 13.6): the invitation is the interview's, never "they" beside "him"
        "- Say you are calling because you were invited to, and that you remain very "
        "interested." in render(call, iv).text.splitlines()
    )


def test_whom_a_german_voicemail_is_for_by_her_title() -> None:
    """The German script speaks of Dr. Keller by her title, and greets her otherwise:
    the voicemail is for "Dr. Keller"; in English, for her full name."""
    keller = Interviewer("Lena Keller", phone="+1 212 555 0142", honorific="Dr.")
    iv = full_interview(interviewers=[keller])
    call = next(a for a in plan(iv) if a.template == "check_in_call")
    assert template_context(call, iv, "de")["spoken_for"] == "Dr. Keller"
    assert template_context(call, iv)["spoken_for"] == "Lena Keller"


def test_ones_own_recruiter_greeted_by_first_name_gets_the_warmer_close() -> None:
    iv = full_interview(recruiter=Recruiter("Rita Cole", email="rita@agency.example"))
    debrief = next(a for a in plan(iv) if a.template == "recruiter_debrief_email")
    lines = render(debrief, iv).text.splitlines()
    assert lines[0] == "Hi Rita,"
    assert "Best regards," in lines and "Kind regards," not in lines
