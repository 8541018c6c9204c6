"""Who answered (issue 17): `Reply.sender` and `OutOfOffice.sender`, and calls answered."""

from __future__ import annotations

from datetime import date

import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    InvalidHistory,
    OutOfOffice,
    Recruiter,
    Reply,
    plan,
)

from .factories import at, interview, of_kind

DECIDED = date(2024, 7, 10)
IV = interview(decision_by=DECIDED)
NOTES = [a.done() for a in plan(IV) if a.kind is ActionKind.THANK_YOU]
CALL = Contact(at(2024, 7, 11, 10, 15), Channel.PHONE)


def check_ins(history: list[object]) -> list[object]:
    return of_kind(plan(IV, history=history), ActionKind.CHECK_IN)  # type: ignore[arg-type]


class TestSenderNamesSomeoneKnown:
    """A sender must be an interviewer or the recruiter, as `Contact.recipient` must."""

    @pytest.mark.parametrize(
        "event", [Reply(at(2024, 7, 12), "Zed"), OutOfOffice(at(2024, 7, 12), sender="Zed")]
    )
    def test_an_unknown_sender_is_refused(self, event: object) -> None:
        """Refused naming history[i].sender, the value, and the names the interview knows."""
        with pytest.raises(InvalidHistory) as raised:
            plan(IV, history=[*NOTES, event])  # type: ignore[list-item]
        error = raised.value
        assert (error.field, error.value) == ("history[2].sender", "Zed")
        assert "'Ana Ruiz', 'Bo Chen'" in error.problem

    def test_the_recruiter_may_send(self) -> None:
        """The agency recruiter's reply is a reply from someone the interview knows."""
        iv = interview(decision_by=DECIDED, recruiter=Recruiter("Rita Cole", phone="+1 555"))
        assert plan(iv, history=[Reply(at(2024, 7, 12), "rita cole")])


class TestOutOfOfficeHoldsItsSenderOnly:
    """An out-of-office reply holds only the steps to the person who sent it."""

    def test_a_colleagues_absence_does_not_hold_the_contacts_check_ins(self) -> None:
        """Bo is away until the 26th: Ana's e-mail check-in still comes on the 16th."""
        away = OutOfOffice(at(2024, 7, 11, 11), date(2024, 7, 26), sender="Bo Chen")
        assert check_ins([*NOTES, CALL, away])[0].earliest.date() == date(2024, 7, 16)

    def test_the_contacts_absence_holds_them(self) -> None:
        """Ana is away until the 26th: her next check-in waits until she is back."""
        away = OutOfOffice(at(2024, 7, 11, 11), date(2024, 7, 26), sender="Ana Ruiz")
        assert check_ins([*NOTES, CALL, away])[0].earliest.date() == date(2024, 7, 29)

    def test_no_auto_reply_gives_the_check_in_back(self) -> None:
        """Rule cap: an auto-reply is no answer, whoever sends it (spec8 finding 5)."""
        email = Contact(at(2024, 7, 11, 10, 15), Channel.EMAIL)
        from_bo = OutOfOffice(at(2024, 7, 11, 11), sender="Bo Chen")
        from_ana = OutOfOffice(at(2024, 7, 11, 11))
        assert len(check_ins([*NOTES, email, from_bo])) == 2
        assert len(check_ins([*NOTES, email, from_ana])) == 2


class TestRepliedBy:
    """Facts.replied_by: no message thanks one person for another's reply."""

    def test_a_reply_from_another_interviewer_is_named(self) -> None:
        """Bo wrote back: Ana's next check-in knows it was Bo."""
        facts = check_ins([*NOTES, CALL, Reply(at(2024, 7, 12, 9), "bo chen")])[0].facts
        assert (facts.replied_on, facts.replied_by) == (date(2024, 7, 12), "Bo Chen")

    def test_a_reply_from_the_recipient_names_nobody(self) -> None:
        """Ana wrote back (sender None, or her name): replied_by is None."""
        for sender in (None, "Ana Ruiz"):
            facts = check_ins([*NOTES, CALL, Reply(at(2024, 7, 12, 9), sender)])[0].facts
            assert (facts.replied_on, facts.replied_by) == (date(2024, 7, 12), None)


class TestAnswered:
    """PreviousContact.answered comes from Contact.answered."""

    @pytest.mark.parametrize("answered", [True, False, None])
    def test_the_next_message_knows_whether_the_call_was_answered(
        self, answered: bool | None
    ) -> None:
        """ "I called you" needs a call that was answered."""
        call = Contact(at(2024, 7, 11, 10, 15), Channel.PHONE, answered=answered)
        previous = check_ins([*NOTES, call])[0].facts.previous
        assert previous is not None and previous.answered is answered
