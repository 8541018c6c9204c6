"""The events of a history as a user records them, pinned where the seventeenth mutation
pass found them loose: what each refuses and why, message and step ids, what an update
keeps of the phrase it was given."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import attrs
import pendulum
import pytest

from followup_rules import (
    Channel,
    Contact,
    InvalidHistory,
    Outcome,
    OutOfOffice,
    Recruiter,
    Reply,
    Skip,
    Snooze,
    Update,
)
from followup_rules.events import _evolve
from followup_rules.timeframe import Timeframe

from .factories import BO, at

T = at(2024, 7, 3, 9)


def refused(build: Callable[[], object]) -> InvalidHistory:
    with pytest.raises(InvalidHistory) as caught:
        build()
    return caught.value


class TestContacts:
    @pytest.mark.parametrize(
        ("build", "text"),
        [
            (
                lambda: Contact(T, Channel.EMAIL, answered=True),
                "Contact.answered = True: only a call is answered",
            ),
            (
                lambda: Contact(T, Channel.EMAIL, answered=False),
                "Contact.answered = False: only a call is answered",
            ),
            (
                lambda: Contact(T, Channel.PHONE, answered=True, voicemail=True),
                "Contact.answered = True: a call that reached voicemail was not answered",
            ),
            (
                lambda: Contact(T, Channel.EMAIL, voicemail=True),
                "Contact.voicemail = True: only a phone call reaches voicemail",
            ),
            (
                lambda: Contact(T, Channel.PHONE, message_id="<a@b>"),
                "Contact.message_id = '<a@b>': only an e-mail has a message id or a subject",
            ),
            (
                lambda: Contact(T, Channel.PHONE, message_id="<a@b>", subject="Hi"),
                "Contact.message_id = '<a@b>': only an e-mail has a message id or a subject",
            ),
            (
                lambda: Contact(T, Channel.PHONE, subject="Hi"),
                "Contact.subject = 'Hi': only an e-mail has a message id or a subject",
            ),
        ],
    )
    def test_a_contact_that_cannot_be_is_refused(
        self, build: Callable[[], object], text: str
    ) -> None:
        assert str(refused(build)) == text

    def test_what_a_call_or_an_email_may_carry_is_kept(self) -> None:
        call = Contact(T, Channel.PHONE, answered=False, voicemail=True)
        assert (call.answered, call.voicemail) == (False, True)
        assert Contact(T, Channel.PHONE, answered=True).answered is True
        mail = Contact(T, Channel.EMAIL, message_id="a@b", subject="S", recipient=BO)
        assert (mail.message_id, mail.subject, mail.recipient) == ("<a@b>", "S", "Bo Chen")
        assert Reply(T, Recruiter("Rita")).sender == "Rita"

    @pytest.mark.parametrize(
        ("typed", "kept"),
        [("<a@b>", "<a@b>"), ("a@b", "<a@b>"), ("<1.2@[10.0.0.1]>", "<1.2@[10.0.0.1]>")],
    )
    def test_a_message_id_is_kept_in_angle_brackets(self, typed: str, kept: str) -> None:
        assert Contact(T, Channel.EMAIL, message_id=typed).message_id == kept

    @pytest.mark.parametrize(
        "typed", ["a b@c", "<ab>", "<a@b", "a@b>", "<a@bc", "xa@b>", "<>", "<<a@b>>"]
    )
    def test_a_message_id_that_is_not_one_is_refused(self, typed: str) -> None:
        error = refused(lambda: Contact(T, Channel.EMAIL, message_id=typed))
        assert str(error) == (
            f"Contact.message_id = {typed!r}: is not a message id like "
            "<1234.5678@mail.example.com>"
        )

    def test_a_message_id_that_is_not_text_is_refused(self) -> None:
        error = refused(lambda: Contact(T, Channel.EMAIL, message_id=5))  # type: ignore[arg-type]
        assert str(error) == "Contact.message_id = 5: expected a string, got int"


class TestStepIds:
    def test_a_step_id_that_is_not_text_is_refused(self) -> None:
        error = refused(lambda: Skip(T, 5))  # type: ignore[arg-type]
        assert str(error) == "Skip.step = 5: expected a string, got int"

    def test_a_step_id_of_up_to_200_plain_characters_is_kept(self) -> None:
        assert Skip(T, "a" * 200).step == "a" * 200
        assert Snooze(T, "x-1@y", at(2024, 7, 4)).step == "x-1@y"

    @pytest.mark.parametrize("typed", ["a" * 201, "a b", "é", "a\u00a0b"])
    def test_a_step_id_that_is_not_one_is_refused(self, typed: str) -> None:
        error = refused(lambda: Skip(T, typed))
        assert error.field == "Skip.step"
        assert error.problem == "is not a step id: plain characters (ASCII) without spaces"


class TestDatesInEvents:
    def test_a_snooze_ends_after_it_was_made(self) -> None:
        assert Snooze(T, "x", at(2024, 7, 3, 9, 1)).until == at(2024, 7, 3, 9, 1)
        error = refused(lambda: Snooze(T, "x", T))
        assert str(error) == (
            "Snooze.until = 2024-07-03T09:00:00-04:00 (America/New_York): "
            "must be after the snooze itself (2024-07-03T09:00:00-04:00)"
        )
        error = refused(lambda: Snooze(T, "x", at(2024, 7, 3, 14, tz="Europe/Paris")))
        assert error.problem == "must be after the snooze itself (2024-07-03T15:00:00+02:00)"

    def test_someone_returns_on_the_day_of_their_auto_reply_or_later(self) -> None:
        assert OutOfOffice(T, date(2024, 7, 3)).returns_on == date(2024, 7, 3)
        error = refused(lambda: OutOfOffice(T, date(2024, 7, 2)))
        assert str(error) == (
            "OutOfOffice.returns_on = 2024-07-02: is before the auto-reply itself on 2024-07-03"
        )


class TestUpdates:
    @pytest.mark.parametrize(
        "outcome",
        [Outcome.OFFER, Outcome.REJECTED, Outcome.WITHDRAWN, Outcome.FEEDBACK_REQUESTED],
    )
    def test_only_an_undecided_or_next_round_update_has_a_date(self, outcome: Outcome) -> None:
        error = refused(lambda: Update(T, outcome, date(2024, 8, 1)))
        assert str(error) == (
            "Update.decision_by = 2024-08-01: only an undecided update (a new decision "
            "date) or a next-round one (the day of the next round) has a date"
        )
        assert Update(T, outcome).decision_by is None

    def test_a_date_before_the_update_is_refused_on_every_clock(self) -> None:
        assert Update(T, Outcome.NEXT_ROUND, date(2024, 8, 1)).decision_by == date(2024, 8, 1)
        error = refused(lambda: Update(T, Outcome.UNDECIDED, date(2024, 7, 2)))
        assert str(error) == (
            "Update.decision_by = 2024-07-02: is before the update itself on 2024-07-03"
        )
        # 01:00 on the 3rd in Kiritimati is still the 2nd west of it
        east = at(2024, 7, 3, 1, tz="Pacific/Kiritimati")
        assert Update(east, Outcome.UNDECIDED, date(2024, 7, 2)).decision_by == date(2024, 7, 2)

    def test_a_phrase_is_read_from_the_day_of_the_update_and_kept(self) -> None:
        update = Update(T, Outcome.UNDECIDED, "in two weeks")
        assert (update.decision_date, update.said) == (date(2024, 7, 17), "in two weeks")
        week = Update(T, Outcome.UNDECIDED, "next week")
        assert (week.decision_date, week.said) == (date(2024, 7, 12), "next week")
        assert Update(T, Outcome.UNDECIDED, date(2024, 7, 17)).said is None
        assert Update(T, Outcome.UNDECIDED).said is None

    def test_a_phrase_is_read_again_on_the_interviews_clock(self) -> None:
        late = Update(at(2024, 7, 3, 22), Outcome.UNDECIDED, "tomorrow")
        assert late.decision_by == date(2024, 7, 4)
        assert late.decision_in(pendulum.timezone("Asia/Tokyo")) == date(2024, 7, 5)
        assert late.decision_in(pendulum.timezone("America/New_York")) == date(2024, 7, 4)
        given = Update(at(2024, 7, 3, 22), Outcome.UNDECIDED, date(2024, 7, 10))
        assert given.decision_in(pendulum.timezone("Asia/Tokyo")) == date(2024, 7, 10)
        assert (
            Update(at(2024, 7, 3, 22), Outcome.UNDECIDED).decision_in(
                pendulum.timezone("Asia/Tokyo")
            )
            is None
        )

    def test_an_update_moved_in_time_no_longer_says_its_phrase(self) -> None:
        update = Update(T, Outcome.UNDECIDED, "tomorrow")
        assert _evolve(update, sender="Bo Chen").said == "tomorrow"
        assert _evolve(update, sender="Bo Chen").sender == "Bo Chen"
        moved = attrs.evolve(update, decision_by=date(2024, 7, 9))
        assert moved.said is None
        reply = _evolve(Reply(T), sender="Bo Chen")
        assert reply == Reply(T, "Bo Chen")

    def test_an_outcome_has_a_label_in_each_language(self) -> None:
        assert Outcome.NEXT_ROUND.label() == "next round"
        assert Outcome.NEXT_ROUND.label("de") == "nächste Runde"

    def test_a_phrase_that_cannot_be_read_is_a_history_error_naming_the_field(self) -> None:
        error = refused(lambda: Update(T, Outcome.UNDECIDED, "someday maybe"))
        assert type(error) is InvalidHistory
        assert str(error) == (
            "Update.decision_by = 'someday maybe': cannot read this timeframe; try a date "
            "(2026-08-01, 'August 1st'), 'by Friday', 'in two weeks', 'by the end of the "
            "month' or 'early next week'"
        )

    def test_a_phrase_read_again_past_the_last_date_is_a_history_error(self) -> None:
        # "in two weeks" said at 23:00 in New York on 17 December 9000 ends on the last
        # supported day; read from the next day, Tokyo's, it ends past it
        update = Update(at(9000, 12, 17, 23), Outcome.UNDECIDED, "in two weeks")
        with pytest.raises(InvalidHistory) as caught:
            update.decision_in(pendulum.timezone("Asia/Tokyo"))
        assert type(caught.value) is InvalidHistory
        assert str(caught.value) == (
            "Update.decision_by = 'in two weeks': is outside the supported dates, "
            "1900-01-01 to 9000-12-31"
        )

    def test_a_window_named_in_words_the_parser_does_not_read_is_no_phrase(self) -> None:
        window = Timeframe(
            date(2024, 7, 8), date(2024, 7, 12), "between the 8th and 12th", "between"
        )
        update = Update(T, Outcome.UNDECIDED, window)
        assert update.decision_by == window
        assert update.said is None
