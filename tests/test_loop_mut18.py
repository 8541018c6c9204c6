"""mut18a: what the eighteenth mutation pass over `loop`'s record path found untested.

`check_event`, `record_event`, `new_violations` and the helpers they share
(`_check_people`, `_check_not_after`, `_named_event`, `_ordered`): see
benchmarks/README.md, "Eighteenth pass, `loop`".
"""

from __future__ import annotations

from datetime import date, timedelta

import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Application,
    Candidate,
    Channel,
    Contact,
    Event,
    Interviewer,
    InvalidPolicy,
    OutOfOffice,
    Policy,
    Recruiter,
    Reply,
    Skip,
    Snooze,
    Update,
    check_event,
    describe_event,
    find_event,
    new_violations,
    plan,
    record_event,
)
from followup_rules.errors import InvalidHistory
from followup_rules.events import Outcome
from followup_rules.loop import event_id
from followup_rules.state import STRANGER_ADVICE

from .factories import ANA, at, interview

# Bo Chen has left the panel since this history was stored: it now names someone the
# interview does not (an app that kept the old history and edited the interview).
GONE = Contact(at(2024, 7, 2, 17), Channel.EMAIL, recipient="Bo Chen")
PANEL = interview(interviewers=[ANA], recruiter=Recruiter("Kim Park", email="kim@acme.example"))


class TestTheNewEventIsCheckedFirst:
    """A name typed in the event being recorded is refused naming that event (``event.
    recipient``, ``event.sender``) with the name probably meant, before anything about the
    events stored already: the user fixes what they just typed (mutants of `_check_people`
    1 to 10, 12, 13, 21, 25, 28 to 34: the new event's name left to the planner, which
    reports the first stored event it cannot place)."""

    @pytest.mark.parametrize(
        ("event", "field", "name"),
        [
            (
                Contact(at(2024, 7, 3, 9), Channel.EMAIL, recipient="Ana Ruis"),
                "recipient",
                "Ana Ruis",
            ),
            (Reply(at(2024, 7, 3, 9), "Ana Ruis"), "sender", "Ana Ruis"),
            (
                Update(at(2024, 7, 3, 9), Outcome.UNDECIDED, sender="Ana Ruis"),
                "sender",
                "Ana Ruis",
            ),
        ],
    )
    def test_a_typo_in_the_new_event(self, event: object, field: str, name: str) -> None:
        with pytest.raises(InvalidHistory) as raised:
            check_event(PANEL, [GONE], event)  # type: ignore[arg-type]
        error = raised.value
        assert (error.field, error.value) == (f"event.{field}", name)
        assert error.problem == (
            "is not an interviewer or the recruiter of this interview (they are 'Ana Ruiz', "
            "'Kim Park'); if the person was renamed in the interview, write the new name here "
            "too, or rename them everywhere at once: did you mean 'Ana Ruiz'?"
        )

    @pytest.mark.parametrize("news", [True, False])
    def test_a_stranger_in_the_new_event(self, news: bool) -> None:
        """Word from a stranger is told how to record it; a contact to one is not."""
        moment = at(2024, 7, 3, 9)
        event = (
            Reply(moment, "Javiera Núñez")
            if news
            else Contact(moment, Channel.EMAIL, recipient="Javiera Núñez")
        )
        with pytest.raises(InvalidHistory) as raised:
            check_event(PANEL, [GONE], event)
        error = raised.value
        field = "event.sender" if news else "event.recipient"
        assert (error.field, error.value) == (field, "Javiera Núñez")
        assert (STRANGER_ADVICE in error.problem) is news

    def test_the_recruiter_and_the_interviewers_pass(self) -> None:
        """The recruiter (not an interviewer) and Ana, typed in another case, are on the
        interview: the refusal is the stored event's, by its place."""
        for event in (
            Contact(at(2024, 7, 3, 9), Channel.EMAIL, recipient="kim park"),
            Reply(at(2024, 7, 3, 9), "ANA RUIZ"),
        ):
            with pytest.raises(InvalidHistory) as raised:
                check_event(PANEL, [GONE], event)
            assert (raised.value.field, raised.value.value) == ("history[0].recipient", "Bo Chen")


class TestAnEventAfterNow:
    """With *now*, an event dated after it is refused, word for word, *now* shown in the
    event's own zone to the second; an event at *now* itself is recorded (mutants of
    `_check_not_after` 1, 5, 7 to 25)."""

    def test_the_refusal_word_for_word(self) -> None:
        now = pendulum.datetime(2024, 7, 3, 13, 0, 0, 123456, tz="UTC")
        later = Reply(at(2024, 7, 3, 9, 30), "Ana Ruiz")  # New York, 13:30 UTC
        for record in (
            lambda: check_event(PANEL, [], later, now=now),
            lambda: record_event(PANEL, [], later, now=now),
        ):
            with pytest.raises(InvalidHistory) as raised:
                record()
            error = raised.value
            assert (error.field, error.value) == ("event.at", later.at)
            assert error.problem == (
                "is after now (2024-07-03T09:00:00-04:00): an event is recorded once it has "
                "happened (a typo in the date?)"
            )

    def test_an_event_at_now_is_recorded(self) -> None:
        moment = at(2024, 7, 3, 9)
        reply = Reply(moment, "Ana Ruiz")
        assert check_event(PANEL, [], reply, now=moment.in_timezone("Asia/Tokyo")) == (reply,)
        assert record_event(PANEL, [], reply, now=moment).number == 1
        assert check_event(PANEL, [], reply, now=None) == (reply,)


class TestWhatCheckEventRefuses:
    """Word for word, naming ``event`` or the stored event's place (mutants of
    `check_event` 2 to 12, 44, 47 to 52, `_named_event`, `_ordered` 5 to 13)."""

    @pytest.mark.parametrize("value", ["reply", None, 42])
    def test_not_an_event(self, value: object) -> None:
        for refuse in (check_event, record_event, new_violations):
            with pytest.raises(InvalidHistory) as raised:
                refuse(PANEL, [], value)  # type: ignore[arg-type]
            error = raised.value
            assert (error.field, error.value, error.problem) == (
                "event",
                value,
                "expected Contact, Reply, Update, OutOfOffice, Skip or Snooze",
            )

    def test_a_stray_value_in_the_history(self) -> None:
        reply = Reply(at(2024, 7, 3, 9), "Ana Ruiz")
        for refuse in (check_event, record_event, new_violations):
            with pytest.raises(InvalidHistory) as raised:
                refuse(PANEL, [reply, "x"], reply)  # type: ignore[list-item]
            error = raised.value
            assert (error.field, error.value, error.problem) == (
                "history[1]",
                "x",
                "expected Contact, Reply, Update, OutOfOffice, Skip or Snooze",
            )

    def test_the_new_event_refused_by_the_planner_is_named_event(self) -> None:
        """A skip of no step, recorded after a stored note: ``event.step``, not
        ``history[1].step``, with the planner's value and problem."""
        note = Contact(at(2024, 7, 2, 16), Channel.EMAIL, recipient="Ana Ruiz")
        skip = Skip(at(2024, 7, 3, 9), "no-such-step")
        with pytest.raises(InvalidHistory) as raised:
            check_event(PANEL, [note], skip)
        error = raised.value
        assert (error.field, error.value) == ("event.step", "no-such-step")
        with pytest.raises(InvalidHistory) as planned:
            plan(PANEL, history=[note, skip])
        assert planned.value.field == "history[1].step"
        assert error.problem == planned.value.problem

    def test_another_event_refused_by_the_planner_keeps_its_place(self) -> None:
        """The stored event the planner refuses is named by its place in the ordered
        history, the new event (placed before it) counted."""
        skip = Skip(at(2024, 7, 3, 9), "no-such-step")
        note = Contact(at(2024, 7, 2, 16), Channel.EMAIL, recipient="Ana Ruiz")
        with pytest.raises(InvalidHistory) as raised:
            check_event(PANEL, [skip], note)
        assert (raised.value.field, raised.value.value) == ("history[1].step", "no-such-step")

    def test_a_bad_policy_is_refused(self) -> None:
        """*policy* is checked as `plan` checks it."""
        reply = Reply(at(2024, 7, 3, 9), "Ana Ruiz")
        for refuse in (check_event, record_event, new_violations):
            with pytest.raises(InvalidPolicy):
                refuse(PANEL, [], reply, "strict")  # type: ignore[arg-type]


class TestThePolicyJudgesTheViolations:
    """What an event oversteps is judged under the policy given, before and after it: a
    check-in three business days after the last, under a policy asking for five, is new;
    a reply after it adds nothing (mutants of `new_violations` 13, 17, `_new_violations`
    4, 7, 10, 13, `record_event` 59, 62: the default policy on one side)."""

    def test_under_a_policy_asking_for_five_days(self) -> None:
        made = interview(decision_by=date(2024, 7, 8))
        first = Contact(at(2024, 7, 10, 10), Channel.EMAIL)
        second = Contact(at(2024, 7, 15, 10), Channel.EMAIL)
        reply = Reply(at(2024, 7, 16, 10))
        strict = Policy(min_gap=5)
        assert new_violations(made, [first], second) == []
        assert record_event(made, [first], second).violations == ()
        for found in (
            new_violations(made, [first], second, strict),
            list(record_event(made, [first], second, strict).violations),
        ):
            assert [(v.rule, v.events) for v in found] == [("retry-gap", (second,))]
            assert found[0].message.endswith("the policy asks for 5")
        assert new_violations(made, [first, second], reply, strict) == []
        assert record_event(made, [first, second], reply, strict).violations == ()
        assert record_event(made, [second, first], reply, strict).number == 3
        assert timedelta(0) < reply.at - second.at


def _every_kind() -> dict[str, Event]:
    """One event of each kind, every field that makes it this event set."""
    moment = at(2024, 7, 3, 9)
    step = plan(interview()).ids[0]
    return {
        "ev-cb666c7b28c01010": Contact(
            moment, Channel.PHONE, ActionKind.CHECK_IN, "Ana Ruiz", voicemail=True, answered=False
        ),
        "ev-46de0ca15f24f6ed": Contact(
            moment,
            Channel.EMAIL,
            ActionKind.THANK_YOU,
            "Bo Chen",
            subject="Merci, Zoë",
            message_id="<a@b.example>",
        ),
        "ev-aa54d3bc64a590d3": Contact(moment, Channel.EMAIL),
        "ev-4e92b2903d6ed22f": Reply(moment, "Bo Chen"),
        "ev-ef3e50123d56decf": Update(moment, Outcome.UNDECIDED, date(2024, 7, 12)),
        "ev-a3a8b5a03ebbad3c": Update(moment, Outcome.UNDECIDED, "next week"),
        "ev-f73192b0467add52": OutOfOffice(moment, date(2024, 7, 8)),
        "ev-d6ae1a842ebf5659": Snooze(moment, step, moment + timedelta(days=2)),
    }


class TestAnEventsIdIsStable:
    """An id an app stored (beside the event, in an undo link) still names the event in
    the next run and the next version: the same text for the same event, every field
    of every kind in it (mutants of `event_id` 16, 21 to 23, 36, `_event_key` 3, 13 to
    32, `_id_part`: another text hashed)."""

    def test_the_ids_of_every_kind(self) -> None:
        for expected, event in _every_kind().items():
            assert event_id(event, interview()) == expected, event

    def test_what_does_not_change_it(self) -> None:
        """The note, who gave the news, a recipient or sender left out for the follow-up
        contact, the instant's zone, the case of a name."""
        made = interview()
        moment = at(2024, 7, 3, 9)
        same: list[tuple[Event, Event]] = [
            (Reply(moment, "Ana Ruiz"), Reply(moment.in_timezone("Asia/Tokyo"), note="later")),
            (
                Update(moment, Outcome.UNDECIDED, date(2024, 7, 12), sender="Bo Chen"),
                Update(moment, Outcome.UNDECIDED, date(2024, 7, 12), note="by phone"),
            ),
            (
                Contact(moment, Channel.EMAIL, recipient="ANA RUIZ"),
                Contact(moment, Channel.EMAIL, note="sent"),
            ),
        ]
        for one, other in same:
            assert event_id(one, made) == event_id(other, made)
            assert find_event(made, [Reply(moment, "Bo Chen"), one], other) == 1

    def test_what_changes_it(self) -> None:
        """Any field but the note: each kind's id differs from the others'."""
        made = interview()
        moment = at(2024, 7, 3, 9)
        ids = {
            event_id(event, made)
            for event in (
                Reply(moment, "Ana Ruiz"),
                Reply(moment, "Bo Chen"),
                Reply(moment + timedelta(microseconds=1), "Ana Ruiz"),
                OutOfOffice(moment, sender="Ana Ruiz"),
                OutOfOffice(moment, date(2024, 7, 8), sender="Ana Ruiz"),
                Contact(moment, Channel.EMAIL),
                Contact(moment, Channel.EMAIL, ActionKind.THANK_YOU),
                Contact(moment, Channel.PHONE),
                Contact(moment, Channel.PHONE, voicemail=True),
            )
        }
        assert len(ids) == 9


class TestThePolicyJudgesTheHistory:
    """A step the policy does not plan cannot be skipped: a skip of Bo's thank-you, under a
    policy that thanks the follow-up contact alone, is refused as the planner refuses it,
    naming the new event, by every road that records (mutants of `check_event` 44, 47,
    `new_violations` 5, 9, `record_event` 43, 48: the default policy's plan, where the
    step exists)."""

    def test_a_skip_of_a_step_not_planned(self) -> None:
        made = interview()
        alone = Policy(thank_you_each_interviewer=False)
        (bo,) = set(plan(made).ids) - set(plan(made, alone).ids)
        skip = Skip(at(2024, 7, 2, 16), bo)
        assert check_event(made, [], skip) == (skip,)
        for refuse in (check_event, record_event, new_violations):
            with pytest.raises(InvalidHistory) as raised:
                refuse(made, [], skip, alone)
            error = raised.value
            assert (error.field, error.value, error.problem) == (
                "event.step",
                bo,
                "is not a step planned for this interview",
            )


class TestRecordingWhatIsThereAlready:
    """The same event logged again adds nothing, and says so with what an app stores: the
    event recorded before, its place, its id and the whole history, ordered by instant
    (mutant of `record_event` 25: no history when already recorded)."""

    def test_the_history_comes_back_ordered(self) -> None:
        made = interview()
        note = Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
        reply = Reply(at(2024, 7, 3, 9), "Ana Ruiz")
        again = Reply(reply.at.in_timezone("UTC"), "ana ruiz", note="logged twice")
        done = record_event(made, [reply, note], again)
        assert (done.event, done.number, done.already) == (reply, 2, True)
        assert done.history == (note, reply)
        assert done.violations == ()
        assert done.event_id == event_id(again, made)


def _described() -> list[tuple[Event, str, str]]:
    """Each kind of event with each of its parts, as `followup log` prints it in English
    and in German (days in the language's form)."""
    moment = at(2024, 7, 3, 9)
    made = interview()
    check_in = next(step for step in plan(made).ids if step.startswith("check_in"))
    when_en, when_de = "Wed 3 Jul 09:00", "Mi., 3. Juli, 9:00 Uhr"
    return [
        (
            Contact(moment, Channel.PHONE, voicemail=True, note="left a message"),
            f"check-in to Ana Ruiz, a voicemail, {when_en} (left a message)",
            f"Nachfrage an Ana Ruiz, Nachricht auf der Mailbox, {when_de} (left a message)",
        ),
        (
            Contact(moment, Channel.PHONE, answered=True),
            f"check-in to Ana Ruiz, by phone, answered, {when_en}",
            f"Nachfrage an Ana Ruiz, telefonisch, erreicht, {when_de}",
        ),
        (
            Contact(moment, Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen"),
            f"thank-you to Bo Chen, by e-mail, {when_en}",
            f"Dank an Bo Chen, per E-Mail, {when_de}",
        ),
        (
            Update(moment, Outcome.UNDECIDED, sender="Bo Chen"),
            f"undecided from Bo Chen, {when_en}",
            f"noch keine Entscheidung von Bo Chen, {when_de}",
        ),
        (
            Update(moment, Outcome.NEXT_ROUND, date(2024, 7, 12), sender="Bo Chen"),
            f"next round from Bo Chen, the round on 2024-07-12, {when_en}",
            f"nächste Runde von Bo Chen, Runde am Fr., 12. Juli 2024, {when_de}",
        ),
        (
            Update(moment, Outcome.UNDECIDED, "next week"),
            f"undecided, new date 2024-07-12, {when_en}",
            f"noch keine Entscheidung, neuer Termin: Fr., 12. Juli 2024, {when_de}",
        ),
        (
            OutOfOffice(moment),
            f"out of office, {when_en}",
            f"Abwesenheitsnotiz, {when_de}",
        ),
        (
            OutOfOffice(moment, date(2024, 7, 8)),
            f"out of office, back 2024-07-08, {when_en}",
            f"Abwesenheitsnotiz, zurück am Mo., 8. Juli 2024, {when_de}",
        ),
        (
            OutOfOffice(moment, sender="Bo Chen"),
            f"out of office (Bo Chen), {when_en}",
            f"Abwesenheitsnotiz (Bo Chen), {when_de}",
        ),
        (
            OutOfOffice(moment, date(2024, 7, 8), sender="Bo Chen"),
            f"out of office (Bo Chen), back 2024-07-08, {when_en}",
            f"Abwesenheitsnotiz (Bo Chen), zurück am Mo., 8. Juli 2024, {when_de}",
        ),
        (Reply(moment), f"a reply, {when_en}", f"eine Antwort, {when_de}"),
        (
            Reply(moment, "Bo Chen", note="yes"),
            f"a reply from Bo Chen, {when_en} (yes)",
            f"eine Antwort von Bo Chen, {when_de} (yes)",
        ),
        (
            Skip(moment, check_in),
            f"skipped check-in 1 to Ana Ruiz, {when_en}",
            f"Nachfrage 1 an Ana Ruiz übersprungen, {when_de}",
        ),
        (
            Snooze(moment, check_in, moment + timedelta(days=2)),
            f"snoozed check-in 1 to Ana Ruiz until Fri 5 Jul 09:00, {when_en}",
            f"Nachfrage 1 an Ana Ruiz verschoben auf Fr., 5. Juli, 9:00 Uhr, {when_de}",
        ),
        (
            Skip(moment, "not-a-step"),
            f"skipped not-a-step, {when_en}",
            f"not-a-step übersprungen, {when_de}",
        ),
    ]


class TestAnEventInAFewWords:
    """`describe_event`, word for word, for every kind and part of an event, in English
    and in German (mutants of `describe_event`: a part dropped, another word, the day in
    the wrong form)."""

    def test_every_kind_and_part(self) -> None:
        made = interview()
        for event, english, german in _described():
            assert describe_event(event, made) == english
            assert describe_event(event, made, locale="de") == german

    def test_the_hour_the_clocks_go_back_says_which(self) -> None:
        """01:30 comes twice in New York on 3 November 2024: the zone tells them apart,
        and only then."""
        first = pendulum.datetime(2024, 11, 3, 5, 30, tz="UTC")
        made = interview()
        assert describe_event(Reply(first), made) == "a reply, Sun 3 Nov 01:30 EDT"
        assert describe_event(Reply(first.add(hours=1)), made) == "a reply, Sun 3 Nov 01:30 EST"
        assert describe_event(Reply(first.add(hours=2)), made) == "a reply, Sun 3 Nov 02:30"

    def test_a_decision_phrase_is_read_on_the_interviews_calendar(self) -> None:
        """ "By the end of next week", written at 09:00 on Monday in Tokyo, was said on Sunday
        in the New York interview: the week of 8 July, as the planner reads it, not the
        one after (`Update.decision_in`)."""
        said = Update(
            pendulum.datetime(2024, 7, 8, 9, tz="Asia/Tokyo"),
            Outcome.UNDECIDED,
            "by the end of next week",
        )
        made = interview()
        for policy in (None, Policy()):
            assert describe_event(said, made, policy) == (
                "undecided, new date 2024-07-12, Sun 7 Jul 20:00"
            )

    def test_a_week_on_the_countrys_week_from_the_interviews_day(self) -> None:
        """ "Next week", said at 20:00 on Saturday in New York (Sunday in Tokyo, where the
        candidate reads it, and in UTC), under a policy on Israel's week (Sunday to
        Thursday): the week after Saturday's, ending Thursday 11 July, not the week after
        Sunday's (mutants of `describe_event` 106, 110: the day said read in UTC or on the
        candidate's clock)."""
        said = Update(at(2024, 7, 6, 20), Outcome.UNDECIDED, "next week")
        abroad = interview(candidate=Candidate("Sam Lee", timezone="Asia/Tokyo"))
        assert describe_event(said, abroad, Policy(holidays="IL")) == (
            "undecided, new date 2024-07-11, Sun 7 Jul 09:00"
        )
        assert describe_event(said, abroad) == "undecided, new date 2024-07-12, Sun 7 Jul 09:00"

    def test_not_an_event(self) -> None:
        for value in ("reply", None):
            with pytest.raises(InvalidHistory) as raised:
                describe_event(value, interview())  # type: ignore[arg-type]
            error = raised.value
            assert (error.field, error.value, error.problem) == (
                "event",
                value,
                "expected Contact, Reply, Update, OutOfOffice, Skip or Snooze",
            )


def test_another_kind_with_the_same_fields_is_another_event() -> None:
    """A reply from Cher and a skip of a step typed "cher", at one instant, hold the same
    values: the kind tells them apart, for `find_event` and for the id (mutant of
    `_event_key` 3: the kind left out of the key)."""
    made = interview(interviewers=[Interviewer("Cher")])
    moment = at(2024, 7, 3, 9)
    reply, skip = Reply(moment, "Cher"), Skip(moment, "cher")
    assert find_event(made, [reply], skip) is None
    assert find_event(made, [skip], Reply(moment)) is None
    assert find_event(made, [skip, reply], Reply(moment)) == 1
    assert event_id(reply, made) != event_id(skip, made)


@pytest.mark.parametrize("value", ["reply", None, 42])
def test_the_id_of_what_is_not_an_event(value: object) -> None:
    """A typed error naming ``event``, its value and what an event is (mutants of
    `event_id` 2 to 9)."""
    made = interview()
    for refuse in (event_id, lambda event, _: Application(made).event_id(event)):
        with pytest.raises(InvalidHistory) as raised:
            refuse(value, made)  # type: ignore[arg-type]
        error = raised.value
        assert (error.field, error.value, error.problem) == (
            "event",
            value,
            "is not an event (Contact, Reply, Update, OutOfOffice, Skip or Snooze)",
        )
