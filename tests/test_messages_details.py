"""Messages in detail: subject lines, HTML bodies, recipients, missing details, broken packs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
import pytest

from followup_rules import (
    Action,
    ActionKind,
    Candidate,
    Interview,
    Interviewer,
    Policy,
    TemplateError,
    TemplatePack,
    plan,
    render,
)
from followup_rules.messages import thank_you_turn

from .factories import at
from .test_messages import full_interview, user_pack
from .test_words13 import COMPANIES


def planned(interview: Interview, template: str, policy: Policy | None = None) -> Action:
    """The first action of *interview*'s plan written from *template*."""
    return next(a for a in plan(interview, policy) if a.template == template)


def subject_pack(folder: Path) -> TemplatePack:
    """A pack whose thank-you e-mail has the caller's ``note`` as its subject."""
    return user_pack(
        folder,
        thank_you_email="{% block subject %}{{ note }}{% endblock %}"
        "{% block body %}Hi{% endblock %}",
    )


def write(folder: Path, **files: str | bytes) -> TemplatePack:
    """A pack over *folder* holding the given files (``name__txt`` is ``name.txt``)."""
    for key, content in files.items():
        path = folder / key.replace("__", ".")
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return TemplatePack(folder)


class TestSubjectLine:
    """Messages, form: a subject is one line under 80 characters, cut at a word."""

    def test_a_subject_of_78_characters_is_kept_whole(self, tmp_path: Path) -> None:
        """The longest subject that is never cut: 78 characters."""
        iv = full_interview()
        note = "Following up on the Data Engineer interview at Acme Analytics, July 7, 2026!!"
        note += "!" * (78 - len(note))
        message = subject_pack(tmp_path).render(planned(iv, "thank_you_email"), iv, note=note)
        assert note == message.subject

    def test_a_long_subject_is_cut_after_the_last_whole_word(self, tmp_path: Path) -> None:
        """Cut before the word that crosses the limit; the comma before the cut goes too."""
        iv = full_interview()
        note = (
            "Following up on my application for the Senior Launch Engineer job at "
            "SpaceX, a new role in Hawthorne"
        )
        message = subject_pack(tmp_path).render(planned(iv, "thank_you_email"), iv, note=note)
        expected = "Following up on my application for the Senior Launch Engineer job at SpaceX…"
        assert expected == message.subject

    def test_a_no_break_space_holds_its_words_together_at_the_cut(self, tmp_path: Path) -> None:
        """French "80 000 euros" (narrow no-break space): the cut never splits the number."""
        iv = full_interview()
        note = (
            "Relance\u00a0: candidature au poste de responsable des achats, "
            "budget annuel 80\u202f000\u00a0euros"
        )
        message = subject_pack(tmp_path).render(planned(iv, "thank_you_email"), iv, note=note)
        expected = "Relance\u00a0: candidature au poste de responsable des achats, budget annuel…"
        assert expected == message.subject

    def test_tabs_and_runs_of_spaces_become_one_space(self, tmp_path: Path) -> None:
        """A subject is one clean header line, whatever spacing a value brings."""
        iv = full_interview()
        note = "  Thank you,\tAna:   the   Data Engineer role  "
        message = subject_pack(tmp_path).render(planned(iv, "thank_you_email"), iv, note=note)
        assert message.subject == "Thank you, Ana: the Data Engineer role"

    def test_a_company_name_ending_in_x_is_kept_whole(self) -> None:
        """Only spaces are trimmed from a subject, never letters of a name."""
        iv = full_interview(company="SpaceX")
        message = render(planned(iv, "thank_you_email"), iv)
        assert message.subject == "Thank you: Data Engineer interview at SpaceX"


class TestBodies:
    """Messages, form: the text as written, and the HTML made from it."""

    def test_the_html_has_a_paragraph_per_paragraph_and_a_break_per_line(self) -> None:
        """The signature's lines stay lines in the HTML, each paragraph its own <p>."""
        iv = full_interview()
        html = render(planned(iv, "thank_you_email"), iv).html
        assert html is not None
        expected = (
            "<p>I look forward to hearing about the next steps.</p>\n"
            "<p>Kind regards,<br>\nSam Lee<br>\nsam@example.com<br>\n+1 917 555 0100</p>\n"
            "</body>\n</html>\n"
        )
        assert expected == html[-len(expected) :]

    def test_the_html_is_tagged_with_the_packs_language_and_region(self) -> None:
        """A British pack writes <html lang="en-GB"> (a language tag, not a locale name)."""
        iv = full_interview()
        html = TemplatePack(locale="en_GB").render(planned(iv, "thank_you_email"), iv).html
        assert html is not None
        assert html.splitlines()[1] == '<html lang="en-GB">'

    def test_an_own_html_template_sees_the_paragraphs_line_by_line(self, tmp_path: Path) -> None:
        """A pack's <name>.html gets `paragraphs`, each a list of lines; one newline ends it."""
        pack = write(
            tmp_path,
            thank_you_email__txt="{% block body %}Dear Ana,\n\nThanks.\nSam{% endblock %}",
            thank_you_email__html="{% for lines in paragraphs %}"
            "[{{ lines|join('|') }}]{% endfor %}",
        )
        iv = full_interview()
        assert pack.render(planned(iv, "thank_you_email"), iv).html == "[Dear Ana,][Thanks.|Sam]\n"

    def test_indentation_is_kept_and_trailing_spaces_go(self, tmp_path: Path) -> None:
        """A pack's indented list stays indented; spaces at line ends are dropped."""
        pack = user_pack(
            tmp_path,
            thank_you_card="{% block body %}Points:\n    - one   \n    - two{% endblock %}",
        )
        iv = full_interview()
        card = planned(iv, "thank_you_card", Policy.traditional())
        assert pack.render(card, iv).text == "Points:\n    - one\n    - two"

    def test_text_outside_the_blocks_is_not_written(self, tmp_path: Path) -> None:
        """A note for the pack's authors above the blocks stays out of the message."""
        pack = user_pack(
            tmp_path,
            thank_you_email="Written for the sales team.\n"
            "{% block subject %}Thanks{% endblock %}{% block body %}Hi{% endblock %}",
        )
        iv = full_interview()
        message = pack.render(planned(iv, "thank_you_email"), iv)
        assert (message.subject, message.text) == ("Thanks", "Hi")

    def test_an_email_template_without_a_subject_block_writes_no_subject(
        self, tmp_path: Path
    ) -> None:
        """No subject block: the message has no subject (the app supplies one)."""
        pack = user_pack(tmp_path, thank_you_email="{% block body %}Hi{% endblock %}")
        iv = full_interview()
        assert pack.render(planned(iv, "thank_you_email"), iv).subject is None

    def test_first_name_takes_a_person_or_a_name(self, tmp_path: Path) -> None:
        """The first_name filter reads a person's name; a blank value stays blank."""
        pack = user_pack(
            tmp_path,
            thank_you_email="{% block body %}Hi {{ recipient|first_name }}."
            "{{ nickname|first_name }}{% endblock %}",
        )
        iv = full_interview()
        message = pack.render(planned(iv, "thank_you_email"), iv, nickname=" ")
        assert message.text == "Hi Ana."


class TestDetailsGiven:
    """render()'s details: the article of the role."""

    def test_the_article_a_can_be_asked_for(self) -> None:
        """ "an SQL Developer" by the rule; a candidate who says "sequel" asks for "a"."""
        # the wording takes no turn of the application's (`thank_you_turn`, words14)
        iv = next(
            iv
            for iv in (full_interview(role="SQL Developer", company=c) for c in COMPANIES)
            if thank_you_turn(iv) == 0
        )
        cards = plan(iv, Policy.traditional())
        card = next(a for a in cards if a.template == "thank_you_card" and a.facts.variant == 1)
        assert card.facts.variant == 1  # the wording "I would be glad to join you as a/an ..."
        assert "as an SQL Developer" in render(card, iv).text
        assert "as a SQL Developer" in render(card, iv, role_article="a").text

    def test_another_article_is_refused_by_name(self) -> None:
        """Only "a" or "an": anything else is a TemplateError naming the detail."""
        iv = full_interview()
        with pytest.raises(TemplateError) as raised:
            render(planned(iv, "thank_you_email"), iv, role_article="the")
        assert str(raised.value) == "detail 'role_article' must be 'a' or 'an'"


class TestRecipientsAndMissingDetails:
    """Message.to and Message.missing_details: what an app shows and asks for."""

    def test_an_email_to_someone_without_an_address_is_to_their_name(self) -> None:
        """Bo has no e-mail address: the note is to "Bo Chen", and the address is asked for."""
        iv = full_interview()
        note = next(
            a for a in plan(iv) if a.template == "thank_you_email" and a.facts.variant == 1
        )
        message = render(note, iv, fit="five years of Kafka")
        assert (message.to, message.missing_details) == ("Bo Chen", ("honorific", "email"))

    def test_a_card_without_an_address_asks_for_one(self) -> None:
        """A mailed card to an interviewer whose office address is unknown."""
        iv = full_interview()
        card = planned(iv, "thank_you_card", Policy.traditional())
        message = render(card, iv, fit="five years of Kafka")
        assert (
            message.to,
            message.missing_details,
        ) == ("Ana Ruiz, Acme Analytics", ("honorific", "address"))

    def test_a_card_with_the_offices_address_asks_for_nothing_more(self) -> None:
        """The interview's address serves for the envelope: the address is not asked for."""
        iv = full_interview(address="1 Main St, New York, NY 10001")
        card = planned(iv, "thank_you_card", Policy.traditional())
        message = render(card, iv, fit="five years of Kafka")
        assert (
            message.to,
            message.missing_details,
        ) == ("Ana Ruiz, Acme Analytics, 1 Main St, New York, NY 10001", ("honorific",))

    def test_the_closing_statement_asks_for_topics_and_fit(self) -> None:
        """Rule closing: the summary of fit needs the topics and the case for fit."""
        iv = full_interview(topics=())
        iv = attrs.evolve(iv, interviewers=[attrs.evolve(p, topics=()) for p in iv.interviewers])
        message = render(planned(iv, "closing_statement"), iv)
        assert message.missing_details == ("topics", "fit")

    def test_a_call_window_is_also_given_in_the_candidates_zone(self) -> None:
        """Messages, form: a call's times in both zones; the same day is not repeated."""
        iv = full_interview(candidate=Candidate("Sam Lee", timezone="America/Chicago"))
        call = planned(iv, "check_in_call")
        text = render(call, iv).text
        expected = (
            "Call Ana Ruiz at +1 212 555 0142 on Thursday, July 16, between 10:00 AM and "
            "11:30 AM New York time (EDT). For you, that is between 9:00 AM and 10:30 AM "
            "Chicago time (CDT)."
        )
        assert expected in text


class TestBrokenPacks:
    """TemplateError: a broken pack's error names the file and says what is wrong."""

    def test_an_unknown_template_is_named(self) -> None:
        """The error names the file looked for, as `TemplateError.template` too."""
        with pytest.raises(TemplateError) as raised:
            TemplatePack().get("nope")
        assert (
            str(raised.value),
            raised.value.template,
        ) == ("nope.txt: no such template", "nope.txt")

    def test_a_template_that_is_not_utf8_is_named(self, tmp_path: Path) -> None:
        """A Latin-1 file in a pack: the file and the decoding problem, not a crash."""
        pack = write(tmp_path, thank_you_email__txt=b"{% block body %}caf\xe9{% endblock %}")
        with pytest.raises(TemplateError) as raised:
            pack.get("thank_you_email")
        expected = (
            "thank_you_email.txt: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 "
            "in position 19: invalid continuation byte"
        )
        assert (expected, "thank_you_email.txt") == (str(raised.value), raised.value.template)

    def test_an_html_template_that_is_not_utf8_is_named(self, tmp_path: Path) -> None:
        """The same for a pack's own HTML version of a message."""
        pack = write(
            tmp_path,
            thank_you_email__txt="{% block body %}Hi{% endblock %}",
            thank_you_email__html=b"caf\xe9",
        )
        iv = full_interview()
        with pytest.raises(TemplateError) as raised:
            pack.render(planned(iv, "thank_you_email"), iv)
        expected = (
            "thank_you_email.html: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 "
            "in position 3: unexpected end of data"
        )
        assert (expected, "thank_you_email.html") == (str(raised.value), raised.value.template)

    @pytest.mark.parametrize(
        ("txt", "html", "expected"),
        [
            (
                "{% block body %}{{ 1 // 0 }}{% endblock %}",
                None,
                "thank_you_email.txt: ZeroDivisionError: integer division or modulo by zero",
            ),
            (
                "{% block body %}{{ ''.__class__ }}{% endblock %}",
                None,
                "thank_you_email.txt: access to attribute '__class__' of 'str' object is unsafe.",
            ),
            (
                "{% block body %}Hi{% endblock %}",
                "{{ 1 // 0 }}",
                "thank_you_email.html: ZeroDivisionError: integer division or modulo by zero",
            ),
            (
                "{% block body %}Hi{% endblock %}",
                "{{ ''.__class__ }}",
                "thank_you_email.html: access to attribute '__class__' of 'str' object is unsafe.",
            ),
            (
                "{% block subject %}Hello{% endblock %}",
                None,
                "thank_you_email.txt: the body block is empty",
            ),
        ],
    )
    def test_a_template_that_fails_while_writing_is_named(
        self, tmp_path: Path, txt: str, html: str | None, expected: str
    ) -> None:
        """Template code that raises, a sandbox refusal, no body: the file and the problem."""
        files: dict[str, str | bytes] = {"thank_you_email__txt": txt}
        if html is not None:
            files["thank_you_email__html"] = html
        pack = write(tmp_path, **files)
        iv = full_interview()
        with pytest.raises(TemplateError) as raised:
            pack.render(planned(iv, "thank_you_email"), iv)
        assert (expected, expected.split(": ", 1)[0]) == (
            str(raised.value),
            raised.value.template,
        )

    def test_an_html_file_alone_is_no_message_template(self, tmp_path: Path) -> None:
        """names() lists the messages a pack can write: a .txt each."""
        pack = write(tmp_path, linkedin_note__html="<p>Hi</p>")
        assert "linkedin_note" not in pack.names()

    def test_a_pack_sees_an_html_template_added_after_its_first_message(
        self, tmp_path: Path
    ) -> None:
        """A user pack reloads: an .html written later is used by the next render."""
        pack = user_pack(tmp_path, thank_you_email="{% block body %}Hi{% endblock %}")
        iv = full_interview()
        note = planned(iv, "thank_you_email")
        assert pack.render(note, iv).html != "<p>Own</p>\n"
        (tmp_path / "thank_you_email.html").write_text("<p>Own</p>", encoding="utf-8")
        assert pack.render(note, iv).html == "<p>Own</p>\n"


def test_an_interviewer_without_a_title_is_named_alone_on_the_envelope() -> None:
    """Seed 000: the envelope carries the title from the card, when there is one."""
    ana = Interviewer("Ana Ruiz", title="Engineering Manager")
    iv = full_interview(interviewers=[ana], address="1 Main St")
    card = planned(iv, "thank_you_card", Policy.traditional())
    assert render(card, iv).to == "Ana Ruiz, Engineering Manager, Acme Analytics, 1 Main St"


class TestTheInterviewDayOnTheRecipientsCalendar:
    """Messages, truth: "when we spoke on <day>" names the day of the interview as the
    recipient lived it, in their zone, whatever the zone of the machine that renders; when
    the candidate lived it on another day, both days (words10 class 6: the candidate's
    Tuesday evening is the recipient's Wednesday morning, and neither day alone is the
    one both recognise)."""

    @staticmethod
    def first_check_in(zone: str | None) -> str:
        ana = Interviewer("Ana Ruiz", email="ana@acme.example", timezone=zone)
        iv = Interview(
            starts_at=at(2024, 7, 2, 20, 30),  # Tuesday evening in New York: Wednesday in UTC
            company="Acme Analytics",
            role="Data Engineer",
            interviewers=[ana],
            decision_by=date(2024, 7, 9),
            candidate=Candidate("Sam Lee", email="sam@example.com"),
        )
        step = next(a for a in plan(iv) if a.kind is ActionKind.CHECK_IN)
        return render(step, iv).text

    @pytest.mark.parametrize(
        ("zone", "day"),
        [
            (None, "Tuesday, July 2"),  # the interview's own zone, New York
            ("America/Los_Angeles", "Tuesday, July 2"),
            ("Asia/Tokyo", "Tuesday, July 2 (Wednesday, July 3, your time)"),
        ],
    )
    def test_the_day_is_the_recipients(self, zone: str | None, day: str) -> None:
        body = self.first_check_in(zone)
        assert f"At my interview on {day}," in body


class TestBadArgumentsAreNamed:
    """Messages, bad input: the error names the type that was given instead."""

    def test_an_action_that_is_not_one(self) -> None:
        with pytest.raises(TemplateError, match="expected an Action to write, got str"):
            render("thank you", full_interview())  # type: ignore[arg-type]

    def test_an_interview_that_is_not_one(self) -> None:
        iv = full_interview()
        with pytest.raises(TemplateError, match="expected the Interview, got dict"):
            render(plan(iv)[0], {})  # type: ignore[arg-type]
