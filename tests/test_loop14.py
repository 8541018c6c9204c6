"""loop14 in the library (/work/trials/loop14/FINDINGS.md).

F1. The employer's news that the process goes on (no decision yet, a next round), after an
    offer, a rejection or a withdrawal, reopens nothing (SPEC invariant 7, rule ``stop``):
    `followup log` warns and says to follow the reopened process up in a file of its own.
F3. A skip or snooze whose step id names no step of the interview (a typo made by hand) is
    refused by `check_history`, so a file reader names the file, the entry and the mend.
F4. News from someone not on the interview: the refusal says how to record it without
    inventing who said it (an update without a sender), and that way says nobody's name.
F6. Speech drops every legal form `employer_key` drops (but "company"), compounds included:
    "Himal Tech Pvt Ltd" is "Himal Tech", never "Himal Tech Pvt".
"""

from __future__ import annotations

import gettext
from datetime import date
from pathlib import Path

import attrs
import pytest

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    Contact,
    InvalidHistory,
    Outcome,
    Reply,
    Skip,
    Snooze,
    Update,
    action_ids,
    audit,
    check_event,
    plan,
    render,
    serialize,
    state,
)
from followup_rules._languages._base import Language
from followup_rules.identity import _LEGAL_FORMS, employer_key
from followup_rules.state import check_history

from .factories import at, interview

STRANGER_ADVICE = getattr(state, "STRANGER_ADVICE", "an update without a sender")

DECIDED = date(2024, 7, 10)
IV = interview(decision_by=DECIDED, id="acme-14")
NOTES = [action.done() for action in plan(IV) if action.kind is ActionKind.THANK_YOU]


def check_ins(history: list[object]) -> list[object]:
    schedule = plan(IV, history=history)  # type: ignore[arg-type]
    return [action for action in schedule if action.kind is ActionKind.CHECK_IN]


class TestTheEmployerComesBack:
    """F1: a withdrawal (an offer, a rejection), then the employer's news that it goes on.

    SPEC invariant 7 holds whatever comes later: no check-in after the end (the command
    line warns when such news is recorded: tests/test_cli_loop14.py)."""

    ENDS = (Outcome.WITHDRAWN, Outcome.REJECTED, Outcome.OFFER)
    GOES_ON = (
        Update(at(2024, 7, 15, 10), Outcome.UNDECIDED, date(2024, 7, 19)),
        Update(at(2024, 7, 15, 10), Outcome.NEXT_ROUND),
    )

    @pytest.mark.parametrize("end", ENDS)
    @pytest.mark.parametrize("news", GOES_ON)
    def test_later_news_plans_no_check_in(self, end: Outcome, news: Update) -> None:
        history = [*NOTES, Update(at(2024, 7, 12, 10), end), news]
        assert check_ins(history) == []

    @pytest.mark.parametrize("end", ENDS)
    def test_the_end_alone_still_stops_them(self, end: Outcome) -> None:
        """Without later news, the end is the end (rule ``stop``)."""
        assert check_ins([*NOTES, Update(at(2024, 7, 12, 10), end)]) == []

    def test_a_check_in_after_the_end_is_reported(self) -> None:
        """A check-in sent after the withdrawal oversteps rule ``stop``, later news or not."""
        early = Contact(at(2024, 7, 13, 10), Channel.EMAIL)
        history = [
            *NOTES,
            Update(at(2024, 7, 12, 10), Outcome.WITHDRAWN),
            early,
            Update(at(2024, 7, 15, 10), Outcome.UNDECIDED, date(2024, 7, 19)),
        ]
        assert [v.rule for v in audit(IV, history) if early in v.events] == ["stop"]


class TestAStepIdThatNamesNoStep:
    """F3: a step id typed wrong is refused where the names are checked, at its entry."""

    def bo_note(self) -> str:
        return next(uid for uid in action_ids(plan(IV), IV) if uid.startswith("thank_you-bo"))

    @pytest.mark.parametrize(
        "typo",
        [
            lambda uid: uid.replace("thank_you-bo-chen", "thank_you-bo-chan"),  # the name
            lambda uid: uid.replace("acme-14@", "acme-1@"),  # the interview's id cut short
            lambda uid: uid.replace("thank_you-", "thankyou-"),  # the kind
        ],
    )
    @pytest.mark.parametrize("kind", [Skip, Snooze])
    def test_check_history_refuses_it(self, typo: object, kind: type) -> None:
        """`check_history` (what a file reader runs) refuses it at its position."""
        step = typo(self.bo_note())  # type: ignore[operator]
        event = (
            Skip(at(2024, 7, 2, 16), step)
            if kind is Skip
            else Snooze(at(2024, 7, 2, 16), step, at(2024, 7, 20))
        )
        with pytest.raises(InvalidHistory) as raised:
            check_history(IV, [*NOTES[:1], event])
        assert (raised.value.field, raised.value.value) == ("history[1].step", step)

    def test_a_file_names_the_history_file_the_entry_and_the_mend(self, tmp_path: Path) -> None:
        """Read from files: the history file, `$.event[N].step`, and the event's number
        as `followup events` counts it, with `followup unlog`."""
        interview_file = tmp_path / "acme.toml"
        interview_file.write_text(
            'history = "acme.events.toml"\nid = "acme-14"\n'
            'starts_at = 2024-07-02T14:00:00\ntimezone = "America/New_York"\n'
            'company = "Acme Analytics"\nrole = "Data Engineer"\ndecision_by = 2024-07-10\n'
            'interviewers = ["Ana Ruiz", "Bo Chen"]\n'
        )
        read = serialize.load_interview_file(interview_file).interview
        schedule = plan(read)
        note = next(uid for uid in action_ids(schedule, read) if uid.startswith("thank_you-bo"))
        sent = next(a for a in schedule if a.kind is ActionKind.THANK_YOU).done()
        typo = note.replace("bo-chen", "bo-chan")
        serialize.save_history(
            tmp_path / "acme.events.toml", [sent, Skip(at(2024, 7, 2, 16), typo)]
        )
        with pytest.raises(serialize.FormatError) as raised:
            serialize.load_interview_file(interview_file)
        message = str(raised.value)
        assert message.startswith(f"{tmp_path / 'acme.events.toml'}: $.event[1].step: ")
        assert "event 2 of `followup events`" in message and "followup unlog" in message

    def test_a_right_id_is_still_read(self) -> None:
        """The check keeps what is right: the skip of Bo's note, spelled right, plans."""
        assert plan(IV, history=[*NOTES[:1], Skip(at(2024, 7, 2, 16), self.bo_note())])


class TestNewsFromSomeoneNotOnRecord:
    """F4: the coordinator who wrote is not on the interview."""

    @pytest.mark.parametrize(
        "event",
        [
            Reply(at(2024, 7, 12, 9), "Javiera Núñez"),
            Update(at(2024, 7, 12, 9), Outcome.UNDECIDED, sender="Javiera Núñez"),
        ],
    )
    def test_the_refusal_says_how_to_record_it(self, event: object) -> None:
        """Refused (issue 17 keeps senders to the interview's people), saying the way that
        invents nothing: an update without a sender."""
        for refuse in (
            lambda: check_event(IV, NOTES, event),  # type: ignore[arg-type]
            lambda: plan(IV, history=[*NOTES, event]),  # type: ignore[list-item]
        ):
            with pytest.raises(InvalidHistory) as raised:
                refuse()
            assert STRANGER_ADVICE in raised.value.problem
            assert str(raised.value).count(STRANGER_ADVICE) == 1  # whole, not cut short

    def test_a_near_name_is_a_typo_not_a_stranger(self) -> None:
        """ "Ana Ruis" is Ana misspelt: "did you mean", no advice about strangers."""
        with pytest.raises(InvalidHistory) as raised:
            check_event(IV, NOTES, Reply(at(2024, 7, 12, 9), "Ana Ruis"))
        assert STRANGER_ADVICE not in raised.value.problem
        assert raised.value.problem.endswith("did you mean 'Ana Ruiz'?")

    def test_a_recipient_gets_no_such_advice(self) -> None:
        """A contact goes to someone on the interview: no news to record."""
        with pytest.raises(InvalidHistory) as raised:
            check_event(IV, NOTES, Contact(at(2024, 7, 12, 9), Channel.EMAIL, recipient="Zed"))
        assert STRANGER_ADVICE not in raised.value.problem

    def test_the_way_advised_names_nobody(self) -> None:
        """An update without a sender: the next check-in thanks no one by name, and
        never the contact for a word they did not write."""
        history = [*NOTES, Update(at(2024, 7, 12, 9), Outcome.UNDECIDED)]
        first = next(a for a in check_ins(history) if a.channel is Channel.EMAIL)  # type: ignore[attr-defined]
        assert first.facts.news_by is None and first.facts.replied_by is None  # type: ignore[attr-defined]
        signed = attrs.evolve(IV, candidate=Candidate("Sam Lee"))
        text = render(first, signed).text  # type: ignore[arg-type]
        # words32b rewrote this list to the lead's round-32 rule: news from no sender on
        # record is said in the organisation's voice, "Thank you for letting me know on
        # ..." (a "you" that may be the company: r26 and r27 en 08.7, 08.9), never as a
        # message or reply of the contact's
        for said in ("your reply", "your message", "your update", "you told me"):
            assert said not in text, text


# Each legal form `employer_key` drops, as a company writes it.
SPELLED = {
    "ab": "AB", "ag": "AG", "as": "AS", "asa": "ASA", "bv": "B.V.", "co": "Co.",
    "corp": "Corp.", "corporation": "Corporation", "gmbh": "GmbH", "inc": "Inc.",
    "incorporated": "Incorporated", "kg": "KG", "kgaa": "KGaA", "limited": "Limited",
    "llc": "LLC", "llp": "LLP", "lp": "LP", "ltd": "Ltd", "nv": "N.V.", "oy": "Oy",
    "oyj": "Oyj", "plc": "PLC", "pty": "Pty Ltd", "sa": "S.A.", "sarl": "SARL", "sas": "SAS",
    "se": "SE", "spa": "SpA", "sl": "S.L.", "slu": "S.L.U.", "sau": "S.A.U.",
    "sadecv": "S.A. de C.V.", "sderl": "S. de R.L.", "sderldecv": "S. de R.L. de C.V.",
    "ltda": "Ltda.", "kk": "K.K.", "gk": "GK", "ug": "UG", "ohg": "OHG", "ulc": "ULC",
    "ltee": "Ltée", "srl": "S.R.L.", "pvt": "Pvt Ltd", "pte": "Pte. Ltd.",
    "private": "Private Limited", "sdn": "Sdn Bhd", "bhd": "Bhd",
}  # fmt: skip
SPOKEN_AS_NAMED = {"company"}  # "The Walt Disney Company" keeps its last word


class TestLegalForms:
    """F6: speech and `employer_key` drop the same legal forms."""

    LANGUAGE = Language("en", gettext.NullTranslations())

    def test_every_form_the_key_drops_is_spelled_here(self) -> None:
        """The table covers the key's list, so a form added there is added here."""
        assert set(SPELLED) | SPOKEN_AS_NAMED == set(_LEGAL_FORMS)

    @pytest.mark.parametrize("form", sorted(SPELLED.values()))
    def test_speech_drops_it(self, form: str) -> None:
        """ "Himal Tech Pvt Ltd" is said "Himal Tech", and is the same employer."""
        company = f"Himal Tech {form}"
        assert self.LANGUAGE.spoken_company(company) == "Himal Tech"
        assert employer_key(company) == employer_key("Himal Tech")

    @pytest.mark.parametrize(
        "company", ["Kumo Co., Ltd.", "Himal Tech Pvt. Ltd.", "Acme Private Limited"]
    )
    def test_a_form_of_two_words_goes_whole(self, company: str) -> None:
        assert self.LANGUAGE.spoken_company(company).split()[-1] not in {"Co.", "Pvt.", "Private"}

    @pytest.mark.parametrize("company", ["The Walt Disney Company", "AS", "Data As", "Ltd"])
    def test_a_name_keeps_what_is_its_own(self, company: str) -> None:
        assert self.LANGUAGE.spoken_company(company) == company

    def test_the_message_says_the_short_name(self) -> None:
        """A Spanish note to Himal Tech Pvt Ltd says "Himal Tech", as the trial's did not."""
        himal = attrs.evolve(
            IV, company="Himal Tech Pvt Ltd", candidate=Candidate("Aoife Byrne", language="es")
        )
        note = next(a for a in plan(himal) if a.kind is ActionKind.THANK_YOU)
        body = render(note, himal).text
        assert "Himal Tech" in body and "Pvt" not in body
