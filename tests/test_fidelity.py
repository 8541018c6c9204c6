"""Issue 10: the rules the articles give that were partial, one scenario each.

Each test quotes the article it checks.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    Contact,
    Fallback,
    Interview,
    Interviewer,
    InterviewFormat,
    InvalidHistory,
    InvalidInterview,
    Outcome,
    OutOfOffice,
    Policy,
    Timeframe,
    Update,
    parse_timeframe,
    plan,
    render,
)

from .factories import ANA, BO, at, interview, of_kind
from .invariants import check_all
from .strategies import any_policy, interviews

CHECK_IN = ActionKind.CHECK_IN


class TestVagueTimeframes:
    """001: "they may give a concrete time frame such as 'by August 1st,' or they could be
    less exact. Use this as a basis for when to follow up." """

    @pytest.mark.parametrize(
        ("phrase", "start", "end"),
        [
            ("in a couple of weeks", date(2024, 7, 3), date(2024, 7, 16)),
            ("by the end of the month", date(2024, 7, 2), date(2024, 7, 31)),
            ("early next week", date(2024, 7, 8), date(2024, 7, 9)),
            ("next week", date(2024, 7, 8), date(2024, 7, 12)),
            ("by the end of the week", date(2024, 7, 2), date(2024, 7, 5)),
            ("within 10 days", date(2024, 7, 3), date(2024, 7, 12)),
            ("mid-August", date(2024, 8, 11), date(2024, 8, 20)),
        ],
    )
    def test_a_phrase_is_a_window_read_from_the_interview_day(
        self, phrase: str, start: date, end: date
    ) -> None:
        """The parser is deterministic from the interview's date (Tuesday 2 July 2024)."""
        iv = interview(decision_by=phrase)
        assert isinstance(iv.decision_by, Timeframe)
        assert (iv.decision_by.start, iv.decision_by.end) == (start, end)
        assert iv.decision_date == end

    @pytest.mark.parametrize(
        ("phrase", "day"),
        [
            ("by Friday", date(2024, 7, 5)),
            ("August 1st", date(2024, 8, 1)),
            ("tomorrow", date(2024, 7, 3)),
        ],
    )
    def test_a_phrase_naming_one_day_is_that_date(self, phrase: str, day: date) -> None:
        """001's own example, "by August 1st", is a date."""
        assert interview(decision_by=phrase).decision_by == day

    def test_check_ins_follow_the_end_of_the_window(self) -> None:
        """The first check-in comes wait_after_deadline business days after the window ends."""
        first = of_kind(plan(interview(decision_by="in a couple of weeks")), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 17)  # the window ends Tuesday 16 July
        assert first.rule == "check-in-after-deadline"

    def test_what_the_parser_cannot_read_is_refused(self) -> None:
        """A phrase it does not know is a clear error naming the field, never a guess."""
        with pytest.raises(InvalidInterview, match="cannot read this timeframe") as raised:
            interview(decision_by="when the stars align")
        assert raised.value.field == "Interview.decision_by"

    def test_a_new_window_can_come_with_an_update(self) -> None:
        """ "No decision yet, maybe in two weeks": read from the day of the update."""
        update = Update(at(2024, 7, 11, 9), Outcome.UNDECIDED, decision_by="in two weeks")
        assert isinstance(update.decision_by, Timeframe)
        assert update.decision_date == date(2024, 7, 25)
        with pytest.raises(InvalidHistory):
            Update(at(2024, 7, 11, 9), Outcome.UNDECIDED, decision_by="someday")

    def test_messages_word_the_window_without_inventing_a_date(self) -> None:
        """The check-in says "within a couple of weeks" of the day it was said, not a day
        nobody named (and not "within a couple of weeks" of the day it is read)."""
        ana = attrs.evolve(ANA, preferred_channel=Channel.EMAIL)
        from followup_rules import Candidate

        iv = interview(
            interviewers=[ana], decision_by="in a couple of weeks", candidate=Candidate("Sam Lee")
        )
        text = render(of_kind(plan(iv), CHECK_IN)[0], iv).text
        # the sentence names the interview's day, so the window is quoted as it was said
        assert (
            "At my interview on Tuesday, July 2, I understood that a decision was expected "
            "within a couple of weeks," in text
        )
        assert "July 16" not in text

    def test_the_parser_is_deterministic(self) -> None:
        """Same phrase, same day: same window."""
        assert parse_timeframe("next month", date(2024, 1, 31)) == parse_timeframe(
            "next month", date(2024, 1, 31)
        )


class TestPhonePreference:
    """004: "ask if you can follow up and whether they prefer to be contacted via phone or
    email"; "make sure to use the interviewer's preferred medium of communication"."""

    def test_a_stated_phone_preference_is_permission_to_call(self) -> None:
        """No invitation, no timeframe: a phone preference still earns the one call."""
        fond = attrs.evolve(ANA, preferred_channel=Channel.PHONE)
        first = of_kind(plan(interview(interviewers=[fond])), CHECK_IN)[0]
        assert first.channel is Channel.PHONE
        assert first.facts.call_basis is not None and first.facts.call_basis.name == "PREFERRED"

    def test_never_a_call_to_an_unknown_number(self) -> None:
        """Without a number the check-in is an e-mail, and the action says why."""
        fond = Interviewer("Ana Ruiz", preferred_channel=Channel.PHONE, email="ana@acme.example")
        first = of_kind(plan(interview(interviewers=[fond], invited_to_call=True)), CHECK_IN)[0]
        assert first.channel is Channel.EMAIL
        assert first.facts.fallback is Fallback.NO_PHONE
        assert first.describe().endswith("(no phone number is known)")

    def test_never_a_call_in_the_candidates_night(self) -> None:
        """Tokyo's mid-morning is 02:00 in Zurich: the one call becomes an e-mail, saying why."""
        tokyo = attrs.evolve(ANA, timezone="Asia/Tokyo")
        zurich = Candidate("Alex Berger", email="alex@example.com", timezone="Europe/Zurich")
        first = of_kind(
            plan(interview(interviewers=[tokyo], candidate=zurich, invited_to_call=True)),
            CHECK_IN,
        )[0]
        assert first.channel is Channel.EMAIL
        assert first.facts.fallback is Fallback.NIGHT
        assert first.describe().endswith("(their call window reaches into your night)")

    def test_the_night_is_judged_on_the_whole_window_whenever_the_plan_is_made(self) -> None:
        """Dubai's 10:00-11:30 is 06:00-07:30 in London: an e-mail, seen from any *now*.

        The fourth trial: planned at 07:10 on the day, what was left of the
        window (07:10-07:30) no longer reached the night, and the e-mail
        became a call, turning one calendar UID from a to-do into an event.
        """
        dubai = attrs.evolve(ANA, timezone="Asia/Dubai")
        london = Candidate("Sam Lee", email="sam@example.com", timezone="Europe/London")
        winter = pendulum.datetime(2024, 11, 4, 10, tz="Asia/Dubai")  # London on GMT
        iv = interview(
            starts_at=winter, interviewers=[dubai], candidate=london, invited_to_call=True
        )
        first = of_kind(plan(iv), CHECK_IN)[0]
        assert first.channel is Channel.EMAIL and first.facts.fallback is Fallback.NIGHT
        day = first.earliest.in_timezone("Asia/Dubai").date()
        for hour, minute in ((9, 0), (10, 40), (11, 10)):  # 05:00, 06:40, 07:10 in London
            now = pendulum.datetime(day.year, day.month, day.day, hour, minute, tz="Asia/Dubai")
            seen = of_kind(plan(iv, now=now), CHECK_IN)[0]
            assert seen.channel is Channel.EMAIL, (now, seen)
            assert seen.facts.fallback is Fallback.NIGHT

    def test_a_call_in_the_candidates_evening_stays_a_call(self) -> None:
        """A Chicago recipient's mid-morning is 11:00-12:30 in New York: the call stays."""
        home = Candidate("Alex Morgan", email="alex@example.com", timezone="America/New_York")
        chicago = attrs.evolve(ANA, timezone="America/Chicago")
        first = of_kind(
            plan(interview(interviewers=[chicago], candidate=home, invited_to_call=True)),
            CHECK_IN,
        )[0]
        assert first.channel is Channel.PHONE
        assert first.facts.fallback is None

    @given(interview=interviews(), policy=any_policy)
    def test_no_call_falls_in_the_candidates_night(
        self, interview: Interview, policy: Policy
    ) -> None:
        """Property: every check-in call lies within 07:00-22:00 where the candidate lives."""
        home = interview.zone_of(interview.candidate)
        for action in plan(interview, policy):
            if action.channel is Channel.PHONE and action.kind is CHECK_IN:
                start = action.earliest.in_timezone(home)
                end = action.latest.in_timezone(home)
                assert start.date() == end.date()
                assert (start.hour, start.minute) >= (7, 0)
                assert (end.hour, end.minute) <= (22, 0)

    @given(interview=interviews(), policy=any_policy)
    def test_no_plan_calls_an_unknown_number(self, interview: Interview, policy: Policy) -> None:
        """Property: every planned call goes to someone whose number is known."""
        for action in plan(interview, policy):
            if action.channel is Channel.PHONE:
                assert action.recipient is not None and action.recipient.phone


class TestUndecidedWithinAHardLimit:
    """003: "If they do not know, continue to follow-up with them at a later date."
    004: "it is not uncommon for the timetable to be extended"."""

    def test_a_new_date_earns_a_check_in_after_the_run_is_used_up(self) -> None:
        """Three unanswered check-ins, then a new date: one more after that date."""
        iv = interview(decision_by=date(2024, 7, 10))
        done = [a.done() for a in plan(iv)]
        assert len([c for c in done if c.kind is CHECK_IN]) == 3
        assert of_kind(plan(iv, history=done), CHECK_IN) == []
        news = Update(done[-1].at.add(days=1), Outcome.UNDECIDED, date(2024, 8, 2))
        after = of_kind(plan(iv, history=[*done, news]), CHECK_IN)
        assert after and after[0].earliest.date() == date(2024, 8, 5)
        assert after[0].rule == "undecided"

    def test_postponements_never_pass_the_lifetime_limit(self) -> None:
        """However often the date moves, at most max_contacts_ever check-ins in all."""
        iv = interview(decision_by=date(2024, 7, 10))
        policy = Policy(max_contacts_ever=4)
        history: list[object] = []
        for _ in range(6):
            step = plan(iv, policy, history=history).next(
                history[-1].at if history else iv.starts_at  # type: ignore[attr-defined]
            )
            while step is not None and step.kind is not CHECK_IN:
                history.append(step.done())
                step = plan(iv, policy, history=history).next(step.suggested)
            if step is None:
                break
            history.append(step.done())
            history.append(
                Update(
                    step.suggested.add(hours=2),
                    Outcome.UNDECIDED,
                    step.suggested.date() + timedelta(days=10),
                )
            )
        made = [e for e in history if isinstance(e, Contact) and e.kind is CHECK_IN]
        assert len(made) == 4
        assert of_kind(plan(iv, policy, history=history), CHECK_IN) == []

    @given(
        interview=interviews(),
        policy=any_policy,
        delays=st.lists(st.integers(1, 20), min_size=1, max_size=8),
    )
    def test_property_repeated_postponements_respect_the_hard_limit(
        self, interview: Interview, policy: Policy, delays: list[int]
    ) -> None:
        """Property: follow the plan, answer every check-in with a new date; the limits hold."""
        history: list[object] = []
        now = interview.starts_at
        for delay in delays:
            step = plan(interview, policy, history=history).next(now)
            while step is not None and step.kind is not CHECK_IN:
                history.append(step.done(max(now, step.earliest)))
                now = max(now, step.earliest)
                step = plan(interview, policy, history=history).next(now)
            if step is None:
                break
            moment = max(now, step.earliest)
            history.append(step.done(moment))
            now = moment.add(hours=1)
            history.append(Update(now, Outcome.UNDECIDED, now.date() + timedelta(days=delay)))
            check_all(interview, policy, history, plan(interview, policy, history=history))
        made = sum(isinstance(e, Contact) and e.kind is CHECK_IN for e in history)
        assert made <= policy.max_contacts_ever


class TestInterviewFormat:
    """000: "Ask for business cards from each person you interacted with"; a video or phone
    interview hands none out."""

    def test_in_person_collects_cards(self) -> None:
        assert len(of_kind(plan(interview()), ActionKind.ASK_FOR_CARDS)) == 2

    @pytest.mark.parametrize("kind", [InterviewFormat.VIDEO, InterviewFormat.PHONE])
    def test_remote_interviews_plan_no_cards_and_the_close_asks_for_details(
        self, kind: InterviewFormat
    ) -> None:
        """No cards; the close asks for each e-mail address, phone number and exact title that
        is not known yet, and checks they have your résumé and contact details (001), so that
        a call can be planned."""
        from followup_rules import Candidate, Interviewer

        people = [Interviewer("Ana Ruiz"), Interviewer("Bo Chen")]
        iv = interview(format=kind, candidate=Candidate("Sam Lee"), interviewers=people)
        whole = plan(iv)
        assert of_kind(whole, ActionKind.ASK_FOR_CARDS) == []
        (close,) = of_kind(whole, ActionKind.CLOSING_STATEMENT)
        text = render(close, iv).text
        assert (
            "ask each interviewer for their email address, their phone number and their exact"
            in text
        )
        assert "check that they have your résumé and contact details" in text
        assert "000_67204a6882031429.txt" in close.sources

    def test_a_mailed_card_needs_an_address_after_a_remote_interview(self) -> None:
        """After a video call, a card goes by post only to a known address; else by e-mail."""
        iv = interview(format=InterviewFormat.VIDEO)
        notes = of_kind(plan(iv, Policy.traditional()), ActionKind.THANK_YOU)
        assert {n.channel for n in notes} == {Channel.EMAIL}
        assert {n.facts.fallback for n in notes} == {Fallback.NO_ADDRESS}
        addressed = interview(format=InterviewFormat.VIDEO, address="1 Main St, Springfield")
        notes = of_kind(plan(addressed, Policy.traditional()), ActionKind.THANK_YOU)
        assert {n.channel for n in notes} == {Channel.POSTAL}


class TestInRoomSteps:
    def _text(self, kind: ActionKind, **changes: object) -> str:
        from followup_rules import Candidate

        iv = interview(candidate=Candidate("Sam Lee"), **changes)
        step = of_kind(plan(iv), kind)[0]
        return render(step, iv).text

    def test_cards_also_check_they_have_your_resume(self) -> None:
        """001: "verify that they have your resume and contact information as well"."""
        assert "Check that each interviewer has your résumé and your contact details." in (
            self._text(ActionKind.ASK_FOR_CARDS)
        )

    def test_permission_expresses_interest_as_you_ask(self) -> None:
        """004: "express your interest in working with the company, ask if you can follow up"."""
        text = self._text(ActionKind.ASK_PERMISSION)
        assert "Tell Ana Ruiz that you are interested in working at Acme Analytics." in text
        # words22 class 4: never "they" beside the company; words32c class 4 rewrote this
        # line, which pinned the name said twice (r26 en x.3): the channel is asked of the
        # person the first step named
        assert "and whether a call or an email would be better." in text
        assert text.count("Ana Ruiz") == 1, text

    def test_the_close_draws_on_topics_and_fit(self) -> None:
        """004: "summarize why you think you're the ideal candidate, referencing points from the
        earlier conversation"."""
        text = self._text(
            ActionKind.CLOSING_STATEMENT, topics=("the data platform",), fit="ten years of SQL"
        )
        # words32c class 3 rewrote this line, which pinned the quoted form field (r26 en x.1)
        assert "Use the point you noted: ten years of SQL." in text
        assert "If it helps, connect it to what you discussed: the data platform." in text
        assert "would make them hesitate" in text


class TestWhenTheCardIsMailed:
    """004: "Immediately after the interview ... drop them in the mail"; 003: "Send the card
    to them in the mail the next day." """

    def test_the_default_mails_it_the_next_business_day(self) -> None:
        iv = interview(starts_at=at(2024, 7, 5, 14))  # a Friday
        card = of_kind(plan(iv, Policy.traditional()), ActionKind.THANK_YOU)[0]
        assert card.suggested == at(2024, 7, 8, 8)  # Monday morning

    def test_immediately_mails_it_on_the_way_home(self) -> None:
        iv = interview(starts_at=at(2024, 7, 5, 14))
        policy = attrs.evolve(Policy.traditional(), mail_card_immediately=True)
        card = of_kind(plan(iv, policy), ActionKind.THANK_YOU)[0]
        assert card.suggested == at(2024, 7, 5, 16)  # an hour after the end, the same day


class TestFeedbackRequest:
    """004: "reach back out and try to get some feedback from the interviewer"."""

    def test_it_answers_the_rejection_the_next_business_day(self) -> None:
        """The rejection is their answer: the request is a reply, not held by min_gap from it."""
        iv = interview()
        (ask,) = plan(iv, history=[Update(at(2024, 7, 19, 15), Outcome.REJECTED)])
        assert ask.kind is ActionKind.FEEDBACK_REQUEST
        assert ask.earliest == at(2024, 7, 22, 8)

    def test_it_waits_for_an_out_of_office_to_end(self) -> None:
        """Never to someone who is out of office: after the return date, a business day on."""
        history = [
            Update(at(2024, 7, 19, 15), Outcome.REJECTED),
            OutOfOffice(at(2024, 7, 19, 16), returns_on=date(2024, 7, 29)),
        ]
        (ask,) = plan(interview(), history=history)
        assert ask.earliest.date() == date(2024, 7, 30)

    def test_rejection_before_the_thank_you_cancels_the_notes(self) -> None:
        """No note that looks forward to next steps after a "no": the request thanks them."""
        iv = interview()
        whole = plan(iv, history=[Update(at(2024, 7, 2, 15, 30), Outcome.REJECTED)])
        assert [a.kind for a in whole] == [ActionKind.FEEDBACK_REQUEST]


@pytest.mark.parametrize("person", [ANA, BO])
def test_an_in_house_recruiter_who_interviewed_counts_as_the_employer(person: Interviewer) -> None:
    """Issue 10.8: recruiter "Pat Moss" who also interviewed: max_calls=1 means one call."""
    from followup_rules import Recruiter

    pat = Interviewer("Pat Moss", phone="+1 212 555 0100")
    iv = interview(
        interviewers=[pat, person],
        recruiter=Recruiter("Pat Moss", phone="+1 212 555 0100"),
        decision_by=date(2024, 7, 10),
        invited_to_call=True,
    )
    whole = plan(iv, Policy(max_calls=1))
    assert len([a for a in whole if a.channel is Channel.PHONE]) == 1
    from followup_rules import audit

    calls = [
        Contact(
            pendulum.datetime(2024, 7, 11 + i, 10, 30, tz="America/New_York"),
            Channel.PHONE,
            recipient="Pat Moss",
        )
        for i in range(2)
    ]
    found = audit(iv, calls)
    assert [v.message for v in found if v.rule == "one-call"] == [
        "call number 2 to the employer; the policy allows 1"
    ]
