"""Mutation pass 21 (mut21c): `TemplatePack.render`, `__init__` and the smaller
functions of `messages` no pass had reached on current code.

What their tests left open, pinned as a user sees it.
"""

from __future__ import annotations

import html

import pytest

from followup_rules import ActionKind, Interviewer, InterviewFormat, TemplatePack, plan, render

from .test_messages import by_template, full_interview

ANA = "Ana Ruiz"
BO = "Bo Chen"


class TestHtmlPage:
    def test_the_page_title_is_the_subject(self) -> None:
        """A mail client showing the HTML alone titles its window with the subject."""
        iv = full_interview()
        message = render(by_template("thank_you_email", iv), iv)
        assert message.subject
        assert message.html is not None
        assert f"<title>{html.escape(message.subject, quote=False)}</title>" in message.html


class TestDetailsPartlyKnown:
    """A remote panel's closing step asks only whoever lacks a detail when some gave it."""

    @staticmethod
    def partly_known(*people: Interviewer) -> bool:
        iv = full_interview(interviewers=list(people))
        values = TemplatePack().context(by_template("thank_you_email", iv), iv)
        return bool(values["details_partly_known"])

    @pytest.mark.parametrize(
        "given",
        [{"email": "ana@acme.example"}, {"phone": "+1 212 555 0142"}, {"title": "CTO"}],
        ids=["email", "phone", "title"],
    )
    def test_one_detail_given_by_one_interviewer_of_two(self, given: dict[str, str]) -> None:
        assert self.partly_known(Interviewer(ANA, **given), Interviewer(BO))

    def test_no_gap_when_everyone_gave_the_same(self) -> None:
        everything = {"email": "ana@acme.example", "phone": "+1 212 555 0142", "title": "CTO"}
        assert not self.partly_known(Interviewer(ANA))
        assert not self.partly_known(Interviewer(ANA, **everything))
        assert not self.partly_known(
            Interviewer(ANA, email="ana@acme.example"), Interviewer(BO, email="bo@acme.example")
        )

    def test_the_closing_step_asks_whoever_lacks_it(self) -> None:
        def step(*people: Interviewer) -> list[str]:
            iv = full_interview(interviewers=list(people), format=InterviewFormat.VIDEO)
            text = render(by_template("closing_statement", iv), iv).text
            return [line for line in text.splitlines() if "Before the call ends" in line]

        (partly,) = step(Interviewer(ANA, email="ana@acme.example"), Interviewer(BO))
        assert "ask any interviewer whose details you do not have for" in partly
        (none,) = step(Interviewer(ANA), Interviewer(BO))
        assert "ask each interviewer for" in none


class TestBriefingQuotesWhatNoWordTurns:
    def test_the_candidates_first_person_words_are_quoted_as_typed(self) -> None:
        """ "the demo I gave" cannot become "you" word for word: the script quotes it."""
        iv = full_interview(missed=("the demo I gave",))
        text = render(by_template("recruiter_debrief_call", iv), iv).text
        assert '- that you did not get to mention "the demo I gave";' in text.splitlines()
        assert "None" not in text


class TestWarningsInThePacksLanguage:
    def test_a_german_pack_warns_in_german(self) -> None:
        """The note about the agency's recruiter reads in the pack's language, not English."""
        iv = full_interview()
        check_in = next(a for a in plan(iv) if a.kind is ActionKind.CHECK_IN and a.template)
        (warning,) = TemplatePack(locale="de").render(check_in, iv).warnings
        assert warning.startswith("SelecSource, die Agentur, die Sie vermittelt hat,")


class TestDebriefDiscussed:
    def test_only_the_interviewers_own_topics_start_the_line(self) -> None:
        """No topic of the interview's own: the line begins with the first person's, no
        empty group before it."""
        iv = full_interview(topics=())
        text = render(by_template("recruiter_debrief_call", iv), iv).text
        assert (
            "- what you discussed: with Ana Ruiz, the move to streaming pipelines; "
            "with Bo Chen, the on-call rota;"
        ) in text.splitlines()


class TestPanelCloses:
    def test_a_panel_of_eight_ends_its_notes_on_eight_different_lines(self) -> None:
        """Colleagues compare notes: the eighth takes the spare close, not the first's
        (the follow-up contact, here the second, closes on the decision instead)."""
        names = ["Ana Ruiz", "Bo Chen", "Cy Dunn", "Di Evans", "Ed Ford", "Flo Grant"]
        people = [Interviewer(name) for name in [*names, "Gus Hale", "Hal Irwin"]]
        iv = full_interview(interviewers=people, topics=(), contact="Bo Chen")
        notes = [
            render(action, iv).text for action in plan(iv) if action.template == "thank_you_email"
        ]
        closes = [text.split("\n\n")[-2] for text in notes]
        assert len(closes) == 8
        assert len(set(closes)) == 8, closes

    def test_a_panel_of_fifteen_repeats_a_close_only_seven_notes_apart(self) -> None:
        """Notes 9 to 14 take the close of the note seven before them (parallel lines
        that share nothing else); the fifteenth only thanks again."""
        people = [Interviewer(f"Person{letter} Name") for letter in "ABCDEFGHIJKLMNO"]
        iv = full_interview(interviewers=people, topics=(), contact="PersonB Name")
        notes = [action for action in plan(iv) if action.template == "thank_you_email"]
        pack = TemplatePack()
        closes = [pack.context(action, iv)["close_wording"] for action in notes]
        assert len(closes) == 15
        assert len(set(closes[:8])) == 8
        assert closes[8:14] == closes[1:7]
        assert closes[14] is None
        assert pack.render(notes[14], iv).text.split("\n\n")[-2] == "Thank you again."
