"""The calendar and the step lines in the candidate's language (integrator trial app5).

A German, French or Spanish candidate's calendar says what each step is, when,
why and what was done in the language its message is written in: no English
word is left in an item's SUMMARY or DESCRIPTION but the user's own input
(names, company, role).  `Action.describe` and `describe_event` take a locale;
without one they write English, as before.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import attrs
import icalendar
import pendulum
import pytest

from followup_rules import (
    Action,
    ActionKind,
    Application,
    Candidate,
    Channel,
    Contact,
    Interview,
    Interviewer,
    InvalidArgument,
    Outcome,
    OutOfOffice,
    Plan,
    Recruiter,
    Reply,
    Skip,
    Snooze,
    Update,
    action_ids,
    describe_event,
    plan,
)
from followup_rules._step_words import rule_summaries, step_words
from followup_rules._step_words import words as language
from followup_rules.catalogue import RULES
from followup_rules.export import describe, to_ics_many
from followup_rules.facts import Fallback

NY = "America/New_York"
LOCALES = ("de", "fr", "es", "de_CH", "fr_CA", "es_MX")

ANA = Interviewer(
    "Ana Ruiz", title="Leiterin Technik", email="ana@acme.example", phone="+1 212 555 0142"
)
BO = Interviewer("Bo Chen", title="Architekt", email="bo@acme.example")
ZOE = Interviewer("Zoe Lind", title="Architektin", email="zoe@acme.example")  # no phone
JO = Recruiter("Jo Park", agency="Zenit", phone="+1 212 555 0100", email="jo@zenit.example")


def at(*moment: int, tz: str = NY) -> Any:
    return pendulum.datetime(*moment, tz=tz)


def interviews(locale: str) -> dict[str, Interview]:
    """Interviews whose plans hold every kind of step, for a candidate writing *locale*."""
    sam = Candidate("Sam Lee", email="sam@example.com", timezone=NY, language=locale)
    common: dict[str, Any] = {"company": "Acme Zenit", "role": "Datenwelt", "candidate": sam}
    return {
        # in-room steps, thank-you e-mails, a debrief call, check-ins by phone and e-mail
        "room": Interview(
            starts_at=at(2024, 7, 2, 14),
            interviewers=[ANA, BO],
            decision_by=date(2024, 7, 10),
            recruiter=JO,
            invited_to_call=True,
            id="room",
            **common,
        ),
        # a call allowed, no number known: an e-mail with a note saying why
        "no-phone": Interview(
            starts_at=at(2024, 7, 2, 10),
            interviewers=[ZOE],
            invited_to_call=True,
            id="nophone",
            **common,
        ),
        # too late in the recruiter's day for a call: the debrief goes by e-mail
        "late": Interview(
            starts_at=at(2024, 7, 2, 17, 30),
            interviewers=[BO],
            recruiter=JO,
            format="video",
            id="late",
            **common,
        ),
    }


def histories(interview: dict[str, Interview]) -> dict[str, tuple[Any, ...]]:
    """A done thank-you and a skipped one; a feedback request to answer."""
    room = interview["room"]
    ids = dict(zip(action_ids(plan(room), room), plan(room), strict=True))
    bo_thanks = next(
        uid
        for uid, action in ids.items()
        if action.kind is ActionKind.THANK_YOU and action.recipient == BO
    )
    return {
        "room": (
            Contact(at(2024, 7, 2, 18), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz"),
            Skip(at(2024, 7, 2, 18, 5), bo_thanks, note="Bo ist im Urlaub"),
        ),
        "no-phone": (Update(at(2024, 7, 3, 9), Outcome.FEEDBACK_REQUESTED, sender="Zoe Lind"),),
        "late": (),
    }


def calendar(locale: str) -> list[Any]:
    """The items of a calendar synced over the one exported before the history was."""
    found = interviews(locale)
    stories = histories(found)
    first = to_ics_many(
        [Application(iv, name=key) for key, iv in found.items()], now=at(2024, 7, 2, 9)
    )
    again = to_ics_many(
        [Application(iv, history=stories[key], name=key) for key, iv in found.items()],
        now=at(2024, 7, 3, 10),
        previous=first,
    )
    parsed = icalendar.Calendar.from_ical(again)
    return [item for item in parsed.subcomponents if item.name in ("VTODO", "VEVENT")], parsed


ENGLISH = re.compile(
    r"\b(?:the|and|with|after|before|your|Your|their|when|When|Why|Done|Call|Send|Ask|"
    r"Answer|Close|Check in|check-in|thank-you|debrief|business days?|best at|Subject|To|"
    r"Post to|Follow-up|follow-ups|by phone|by post|in person|first|window|last|yet|answer|"
    r"known|number|night|late|card|reply|voicemail|office|skipped|snoozed|undecided|offer|"
    r"rejected|withdrawn|next|round|may|arrive|prefers|career|advice|find|is|are|or|of|for|"
    r"from|new|decision|interview|interviewer|request|time|day|days|to|at|by)\b"
    r"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    r"Sep|Oct|Nov|Dec) \d"
)
"""English words and dates the calendar's own lines used to hold (case as written), none of
them a word of German, French or Spanish."""


def user_input(interviews: dict[str, Interview]) -> list[str]:
    """What the user typed: names, titles, company, role, addresses, numbers, zones."""
    typed = {"Acme Zenit", "Datenwelt", "Sam Lee", NY, "Bo ist im Urlaub"}
    for iv in interviews.values():
        for person in (*iv.interviewers, iv.recruiter):
            if person is not None:
                typed |= {value for value in attrs.astuple(person) if isinstance(value, str)}
    return sorted(typed, key=len, reverse=True)


def english_left(text: str, typed: list[str]) -> list[str]:
    for value in typed:
        text = text.replace(value, " ")
    return ENGLISH.findall(text)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_english_word_is_left_in_the_calendar(locale: str) -> None:
    items, parsed = calendar(locale)
    typed = user_input(interviews(locale))
    descriptions = [str(item.get("DESCRIPTION", "")) for item in items]
    summaries = [str(item["SUMMARY"]) for item in items]
    # the calendar holds every kind of step the brief lists
    kinds = {(str(item["CATEGORIES"].cats[0]), str(item["STATUS"])) for item in items}
    assert {kind for kind, _ in kinds} >= {
        "ask_for_cards",
        "ask_timeline",
        "ask_permission",
        "closing_statement",
        "thank_you",
        "recruiter_debrief",
        "check_in",
        "feedback_response",
    }
    assert ("thank_you", "CANCELLED") in kinds  # the skipped one
    assert ("thank_you", "COMPLETED") in kinds  # the done one
    channels = {str(item["SUMMARY"]) for item in items if "Jo Park" in str(item["SUMMARY"])}
    assert len(channels) >= 2  # the debrief by phone and by e-mail
    words = step_words(language(locale))
    assert any(words["no_phone"] in line for line in summaries)  # a fallback note
    assert any(words["after_hours"] in line for line in summaries)
    done = [
        text
        for text in descriptions
        if text.split("\n", 1)[0].startswith(("Erledigt", "Fait", "Hecho"))
    ]
    assert done, descriptions
    for text in [*summaries, *descriptions, str(parsed["X-WR-CALNAME"])]:
        assert english_left(text, typed) == [], text


@pytest.mark.parametrize("locale", LOCALES)
def test_the_calendar_name_is_in_the_language(locale: str) -> None:
    found = interviews(locale)
    one = icalendar.Calendar.from_ical(
        to_ics_many([Application(found["room"])], now=at(2024, 7, 2, 9))
    )
    many = icalendar.Calendar.from_ical(
        to_ics_many([Application(iv) for iv in found.values()], now=at(2024, 7, 2, 9))
    )
    for name in (str(one["X-WR-CALNAME"]), str(many["X-WR-CALNAME"])):
        assert english_left(name, user_input(found)) == [], name
        assert "follow-up" not in name.casefold()


def test_english_calendar_lines_are_unchanged() -> None:
    """English keeps its lines word for word (the rest of the suite pins them too)."""
    items, parsed = calendar("en")
    assert str(parsed["X-WR-CALNAME"]) == "Interview follow-ups"
    text = "\n".join(str(item.get("DESCRIPTION", "")) for item in items)
    assert "Done: thank-you to Ana Ruiz, by e-mail, Tue 2 Jul 18:00" in text
    assert (
        "Why: The first check-in, one business day after the decision date (Wed 10 Jul 2024)."
        in text
    )
    summaries = {str(item["SUMMARY"]) for item in items}
    assert "Acme Zenit: Check in with Zoe Lind by e-mail (no phone number is known)" in summaries


def all_steps() -> list[Action]:
    """One step of each (kind, channel) pair, with and without a recipient and a note."""
    base = plan(interviews("de")["room"])[0]
    return [
        attrs.evolve(base, kind=kind, channel=channel)
        for kind in ActionKind
        for channel in Channel
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_describe_is_in_the_language_for_every_kind_and_channel(locale: str) -> None:
    typed = user_input(interviews(locale))
    seen, english_lines = set(), set()
    for step in all_steps():
        line = step.describe(locale)
        english = step.describe()
        assert line != english, (step.kind, step.channel)
        assert english_left(line, typed) == [], line
        assert "Ana Ruiz" in line
        assert line == step.describe(locale.replace("_", "-").lower())
        nobody = attrs.evolve(step, recipient=None)
        assert english_left(nobody.describe(locale), typed) == [], nobody.describe(locale)
        seen.add(line)
        english_lines.add(english)
    assert len(seen) == len(english_lines)  # no two steps told apart in English read the same


@pytest.mark.parametrize("locale", LOCALES)
def test_every_note_is_in_the_language(locale: str) -> None:
    lang = language(locale)
    words = step_words(lang)
    for fallback in Fallback:
        assert english_left(words[fallback.value], []) == [], words[fallback.value]
    assert english_left(words["arrives_late"], []) == []
    ana_without_phone = Interviewer("Ana Ruiz", email="ana@acme.example")
    base = plan(interviews("de")["room"])[0]
    call = attrs.evolve(
        base, kind=ActionKind.CHECK_IN, channel=Channel.PHONE, recipient=ana_without_phone
    )
    assert english_left(describe(call, locale), ["Ana Ruiz"]) == [], describe(call, locale)
    assert (
        describe(call) == "Check in with Ana Ruiz by phone (no phone number known: find it first)"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_describe_event_is_in_the_language_for_every_event(locale: str) -> None:
    iv = interviews(locale)["room"]
    step = action_ids(plan(iv), iv)[-1]
    events = [
        Contact(at(2024, 7, 2, 18), Channel.PHONE, ActionKind.CHECK_IN, "Ana Ruiz", answered=True),
        Contact(
            at(2024, 7, 2, 18), Channel.PHONE, ActionKind.CHECK_IN, "Ana Ruiz", voicemail=True
        ),
        Contact(at(2024, 7, 2, 18), Channel.PHONE, ActionKind.RECRUITER_DEBRIEF, answered=False),
        *(
            Contact(at(2024, 7, 2, 18), channel, kind, "Ana Ruiz")
            for kind in ActionKind
            for channel in (Channel.EMAIL, Channel.POSTAL, Channel.IN_PERSON)
        ),
        *(Update(at(2024, 7, 3, 9), outcome) for outcome in Outcome),
        Update(at(2024, 7, 3, 9), Outcome.UNDECIDED, date(2024, 7, 20), sender="Ana Ruiz"),
        OutOfOffice(at(2024, 7, 3, 9)),
        OutOfOffice(at(2024, 7, 3, 9), returns_on=date(2024, 7, 8), sender="Ana Ruiz"),
        Reply(at(2024, 7, 3, 9)),
        Reply(at(2024, 7, 3, 9), sender="Ana Ruiz"),
        Skip(at(2024, 7, 3, 9), step, note="Bo ist im Urlaub"),
        Snooze(at(2024, 7, 3, 9), step, at(2024, 7, 4, 9)),
    ]
    typed = user_input(interviews(locale))
    for event in events:
        line = describe_event(event, iv, locale=locale)
        assert line != describe_event(event, iv), line
        assert english_left(line, typed) == [], line


def test_describe_refuses_an_untranslated_locale() -> None:
    step = plan(interviews("de")["room"])[0]
    for wrong in ("it", "xx_YY", "", 3):
        with pytest.raises(InvalidArgument):
            step.describe(wrong)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        describe_event(Reply(at(2024, 7, 3, 9)), interviews("de")["room"], locale="it")


def test_english_is_the_default_and_en_the_same() -> None:
    for step in all_steps():
        assert step.describe() == step.describe("en") == step.describe(None)


def test_the_rule_summaries_are_the_catalogues() -> None:
    """The calendar's copy of each rule's summary is the catalogue's, word for word."""
    assert dict(rule_summaries(language("en"))) == {
        key: rule.summary for key, rule in RULES.items()
    }
    for locale in ("de", "fr", "es"):
        translated = rule_summaries(language(locale))
        for key, rule in RULES.items():
            for knob in rule.knobs:  # a setting named in the summary stays, for its value
                assert (knob in rule.summary) == (knob in translated[key]), (locale, key, knob)


@pytest.mark.parametrize("locale", ["de", "fr", "es"])
def test_reasons_with_a_policy_value_are_worded_in_the_language(locale: str) -> None:
    items, _ = calendar(locale)
    why = [
        line
        for item in items
        for line in str(item.get("DESCRIPTION", "")).split("\n")
        if line.startswith(("Warum", "Pourquoi", "Por qué"))
    ]
    assert why
    for line in why:
        assert not re.search(r"[a-z]+_[a-z_]+", line), line  # no setting's name
    assert any(re.search(r"\b1 (?:Werktag|jour ouvré|día hábil)\b", line) for line in why), why


def test_a_week_of_history_reads_the_same_in_english() -> None:
    """`describe_event` without a locale is the English `followup log` prints."""
    iv = interviews("en")["room"]
    event = Contact(at(2024, 7, 2, 18), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
    assert describe_event(event, iv) == "thank-you to Ana Ruiz, by e-mail, Tue 2 Jul 18:00"
    ooo = OutOfOffice(at(2024, 7, 3, 9), returns_on=date(2024, 7, 8), sender="Ana Ruiz")
    assert describe_event(ooo, iv) == "out of office (Ana Ruiz), back 2024-07-08, Wed 3 Jul 09:00"


@pytest.mark.parametrize("locale", ["de", "fr_CA", "es"])
def test_the_command_lines_calendar_is_in_the_language(locale: str, tmp_path: Any) -> None:
    """`followup plan --format ics` writes the candidate's language, as the library does."""
    from pathlib import Path

    from click.testing import CliRunner

    from followup_rules.cli import main

    source = (Path(__file__).parent.parent / "examples" / "interview.toml").read_text("utf-8")
    assert '\nemail = "sam@example.com"\n' in source
    source = source.replace(
        '\nemail = "sam@example.com"\n', f'\nemail = "sam@example.com"\nlanguage = "{locale}"\n'
    )
    path = tmp_path / "interview.toml"
    path.write_text(source, encoding="utf-8")
    out = tmp_path / "plan.ics"
    result = CliRunner().invoke(
        main, ["plan", str(path), "--format", "ics", "--now", "2026-07-01T09:00Z", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    parsed = icalendar.Calendar.from_ical(out.read_bytes())
    typed = ["Data Engineer", "Acme Analytics", "Ana Ruiz", "Bo Chen", "Sam Lee", "America/"]
    items = [item for item in parsed.subcomponents if item.name in ("VTODO", "VEVENT")]
    assert items
    for item in items:
        assert english_left(str(item["SUMMARY"]), typed) == [], item["SUMMARY"]
        lines = str(item["DESCRIPTION"]).split("\n\n")[0]  # the item's own lines
        assert english_left(lines, typed) == [], lines
    assert english_left(str(parsed["X-WR-CALNAME"]), typed) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_a_drafts_warnings_are_in_the_language(locale: str) -> None:
    """A draft with no To: and no From: says so in its message's language."""
    from followup_rules.export import drafts

    nameless = Candidate("Sam Lee", timezone=NY, language=locale)  # no e-mail address
    iv = attrs.evolve(interviews(locale)["no-phone"], candidate=nameless)
    no_address = attrs.evolve(plan(iv)[-1], recipient=Interviewer("Zoe Lind", title="Architektin"))
    found = drafts([(Plan([no_address]), iv, ())])
    assert len(found) == 1
    assert len(found[0].warnings) == 2
    for warning in found[0].warnings:
        assert english_left(warning.replace("To:", "").replace("From:", ""), ["Zoe Lind"]) == [], (
            warning
        )
    english = drafts([(Plan([no_address]), attrs.evolve(iv, candidate=Candidate("Sam Lee")), ())])
    assert english[0].warnings == (
        "01-check_in-zoe-lind.eml: no To: line, no e-mail address is known for Zoe Lind",
        "01-check_in-zoe-lind.eml: no From: line, the candidate has no e-mail address "
        "(your mail client fills in your own)",
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_times_are_written_as_the_language_writes_them(locale: str) -> None:
    """French writes "8 h" and "11 h 30", German "10:00 Uhr", Spanish "a las 8:00": an
    item's own lines hold no English "08:00" (a leading zero) nor a French "08:00"."""
    items, _ = calendar(locale)
    heads = [str(item.get("DESCRIPTION", "")).split("\n\n")[0] for item in items]
    assert heads
    for head in heads:
        assert not re.search(r"\b0\d:\d\d\b", head), head
        if locale.startswith("fr"):
            assert not re.search(r"\d:\d", head), head
            assert re.search(r"\d\u00a0h\b", head), head
        if locale.startswith("de") and "Uhr" not in head:
            raise AssertionError(head)
