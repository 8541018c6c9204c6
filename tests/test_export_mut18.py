"""What the eighteenth mutation pass found untested in `export` (issue 20).

Each test reads what a user relies on: a calendar item's lines and
properties as icalendar reads them back, after the history changed between
two exports.
"""

from __future__ import annotations

from datetime import time, timedelta

import attrs
import pytest

from followup_rules import (
    Action,
    ActionKind,
    Application,
    Interviewer,
    Plan,
    Skip,
    action_ids,
    describe_event,
    plan,
)
from followup_rules import _calendar as cal
from followup_rules.export import to_ics
from followup_rules.messages import default_pack

from .test_export_content import ANA, BERLIN_BO, NOW, by_uid, rings, signed

CHECK = ActionKind.CHECK_IN
DONE = {"en": "Done: ", "de": "Erledigt: ", "fr": "Fait\N{NO-BREAK SPACE}: ", "es": "Hecho: "}


def _thank_you(schedule: Plan) -> tuple[Action, str]:
    """The plan's first thank-you note and its calendar id."""
    return next(
        (action, uid)
        for action, uid in zip(schedule.actions, schedule.ids, strict=True)
        if action.kind is ActionKind.THANK_YOU
    )


class TestACorrectedContactInEveryLanguage:
    """A step done, then undone and logged again with another contact: its item says
    the new contact alone, in the calendar's language, above the message it had."""

    @pytest.mark.parametrize("locale", sorted(DONE))
    def test_the_old_done_line_goes_in_any_language(self, locale: str) -> None:
        iv = signed()
        pack = default_pack(locale)
        schedule = plan(iv)
        note, uid = _thank_you(schedule)
        logged = note.done(note.earliest + timedelta(minutes=10))
        fixed = note.done(note.earliest + timedelta(minutes=40))
        now = note.earliest + timedelta(hours=2)
        exported = to_ics(Application(iv), now=note.earliest, pack=pack)
        synced = to_ics(Application(iv, [logged]), now=now, previous=exported, pack=pack)
        again = to_ics(Application(iv, [fixed]), now=now, previous=synced, pack=pack)
        first, old, new = by_uid(exported)[uid], by_uid(synced)[uid], by_uid(again)[uid]
        said = DONE[locale] + describe_event(fixed, iv, locale=locale)
        assert str(old["DESCRIPTION"]).startswith(DONE[locale])
        assert str(new["DESCRIPTION"]) == f"{said}\n\n{first['DESCRIPTION']}"
        assert str(new["DESCRIPTION"]).count(DONE[locale]) == 1
        assert int(new["SEQUENCE"]) == int(old["SEQUENCE"]) + 1


class TestACancelledItemDoneAllTheSame:
    """A thank-you exported, skipped (the next export cancels it), then sent all the
    same: its item says how it was done, above the whole text it had, its first
    paragraph included (only an earlier done line is ever replaced)."""

    @pytest.mark.parametrize(
        ("locale", "role"),
        [
            *((locale, "Data Engineer") for locale in sorted(DONE)),
            # a role that starts as the done line's first word: still the item's own text
            ("fr", "Faits divers"),
            ("de", "Erledigt-Team"),
            ("en", "Done:Deal analyst"),
        ],
    )
    def test_the_done_line_goes_above_the_whole_old_text(self, locale: str, role: str) -> None:
        iv = signed(role=role)
        pack = default_pack(locale)
        schedule = plan(iv)
        note, uid = _thank_you(schedule)
        start, now = note.earliest, note.earliest + timedelta(hours=2)
        skip = Skip(start + timedelta(minutes=5), uid)
        sent = note.done(start + timedelta(minutes=30))
        exported = to_ics(Application(iv), now=start, pack=pack)
        cancelled = to_ics(Application(iv, [skip]), now=now, previous=exported, pack=pack)
        done = to_ics(Application(iv, [skip, sent]), now=now, previous=cancelled, pack=pack)
        old, new = by_uid(cancelled)[uid], by_uid(done)[uid]
        assert str(old["STATUS"]) == "CANCELLED"
        assert "\n\n" in str(old["DESCRIPTION"])  # several paragraphs, the first kept
        said = DONE[locale] + describe_event(sent, iv, locale=locale)
        assert str(new["DESCRIPTION"]) == f"{said}\n\n{old['DESCRIPTION']}"
        assert str(new["STATUS"]) == "COMPLETED"
        assert int(new["SEQUENCE"]) == int(old["SEQUENCE"]) + 1


@pytest.mark.parametrize("locale", ["de", "fr", "es"])
def test_an_english_done_line_goes_when_the_calendar_changes_language(locale: str) -> None:
    """Done and exported in English, then corrected with the calendar in another
    language: the new done line replaces the English one (a file from before the
    calendar spoke the candidate's language says "Done: " too)."""
    iv = signed()
    schedule = plan(iv)
    note, uid = _thank_you(schedule)
    logged = note.done(note.earliest + timedelta(minutes=10))
    fixed = note.done(note.earliest + timedelta(minutes=40))
    now = note.earliest + timedelta(hours=2)
    exported = to_ics(Application(iv), now=note.earliest)
    synced = to_ics(Application(iv, [logged]), now=now, previous=exported)
    again = to_ics(Application(iv, [fixed]), now=now, previous=synced, pack=default_pack(locale))
    new = str(by_uid(again)[uid]["DESCRIPTION"])
    said = DONE[locale] + describe_event(fixed, iv, locale=locale)
    assert new == f"{said}\n\n{by_uid(exported)[uid]['DESCRIPTION']}"
    assert "Done: " not in new


class TestARingAtTheLastWakingMinute:
    """Waking hours include their last minute, at the default hours (07:00 to 22:00,
    `rules.CANDIDATE_DAY` since `4cdae7a`) and at hours given: a reminder that falls on
    it rings then, not moved to the morning.  (The seventeenth pass's test of this
    rang at 21:00, the last minute of the old default, now within the hours.)"""

    @pytest.mark.parametrize(
        ("awake", "reminder", "local"),
        [
            (None, timedelta(hours=9), time(22)),
            ((time(8), time(21)), timedelta(hours=10), time(21)),
        ],
    )
    def test_it_stays(
        self, awake: tuple[time, time] | None, reminder: timedelta, local: time
    ) -> None:
        iv = signed(interviewers=[ANA, BERLIN_BO])
        note = next(
            a
            for a in plan(iv)
            if a.kind is ActionKind.THANK_YOU
            and a.recipient is not None
            and a.recipient.name == "Bo Chen"
        )
        ring = cal.utc(note.suggested) - reminder
        assert ring.astimezone(cal.zone("America/New_York")).time() == local
        hours = {} if awake is None else {"awake": awake}
        assert rings(to_ics(Plan([note]), iv, now=NOW, reminder=reminder, **hours)) == [ring]


@pytest.mark.parametrize(
    "person",
    [ANA, attrs.evolve(ANA, name="Alexandra Konstantinopoulou-Papadimitriou")],
    ids=["short name", "long name"],
)
def test_after_a_rename_only_the_step_done_is_completed(person: Interviewer) -> None:
    """The first check-in done, then the company renamed: its old item is done and the
    other check-ins' old items, to the same person, are cancelled, not done with it
    (each old item is matched by its whole step id, not by a prefix they share: a long
    name makes the three ids alike for longer)."""
    before = signed(company="Acme GmbH", interviewers=[person])
    schedule = plan(before)
    ids = action_ids(schedule, before)
    checks = [uid for action, uid in zip(schedule, ids, strict=True) if action.kind is CHECK]
    assert len(checks) >= 2
    done = next(a for a in schedule if a.kind is CHECK)
    first_export = to_ics(schedule, before, now=NOW, application_name="acme.toml")
    after = signed(company="Acme SE", interviewers=[person])
    history = [done.done()]
    second = by_uid(
        to_ics(
            plan(after, history=history),
            after,
            now=NOW,
            history=history,
            previous=first_export,
            application_name="acme.toml",
        )
    )
    statuses = [str(second[uid]["STATUS"]) for uid in checks]
    # done: a to-do COMPLETED, a call (an event) CONFIRMED
    assert statuses[0] in ("COMPLETED", "CONFIRMED")
    assert statuses[1:] == ["CANCELLED"] * (len(checks) - 1)
