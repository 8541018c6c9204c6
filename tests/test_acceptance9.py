"""The independent acceptance tester's findings (spec8), each mended as a class.

1. a call retried to one person repeats no long line of its script or voicemail, and
   names the contact before it (`test_no_call_script_line_reaches_one_person_twice`);
2. a sentence naming a previous contact names its true channel, in every language;
3. the user's company and role are never changed in a message, and no ".." is written;
4. a bare number for a duration is refused in the Python API (hours or seconds?);
5. an out-of-office auto-reply is not an answer: it neither counts a contact nor
   restarts the run of unanswered check-ins.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from followup_rules import (
    Candidate,
    Channel,
    Contact,
    Interview,
    Interviewer,
    InvalidInterview,
    InvalidPolicy,
    OutOfOffice,
    Policy,
    Recruiter,
    Reply,
    Update,
    plan,
    render,
)
from followup_rules._languages import language
from followup_rules.serialize import policy_from

from .strategies import converse

LANGUAGES = (None, "de", "fr", "es")
NEW_YORK = "America/New_York"


# -- 4: durations have a unit ---------------------------------------------------------------


@pytest.mark.parametrize("value", [24, 24.0, 3600, 0, -1, 1e300, float("nan")])
@pytest.mark.parametrize("field", ["thank_you_within", "recruiter_debrief_within"])
def test_a_bare_number_for_a_policy_duration_is_refused(field: str, value: float) -> None:
    """`Policy(thank_you_within=24)` was 24 seconds, silently: every duration refuses a
    bare number, naming the field, the value and what to pass."""
    with pytest.raises(InvalidPolicy) as caught:
        Policy(**{field: value})
    assert caught.value.field == f"Policy.{field}"
    assert "timedelta(hours=24)" in str(caught.value)


@pytest.mark.parametrize("value", [60, 90.0, 5400])
def test_a_bare_number_for_the_interview_duration_is_refused(value: float) -> None:
    """`Interview(duration=60)` was one minute, silently."""
    with pytest.raises(InvalidInterview) as caught:
        Interview(
            pendulum.datetime(2026, 3, 6, 10, tz=NEW_YORK), "Acme", "Engineer", ["Ana"],
            duration=value,
        )  # fmt: skip
    assert caught.value.field == "Interview.duration"
    assert "timedelta" in str(caught.value)


def test_every_duration_field_is_checked() -> None:
    """Every field typed as a timedelta, in Policy and Interview, refuses a bare number."""
    start = pendulum.datetime(2026, 3, 6, 10, tz=NEW_YORK)
    makers = {
        Policy: lambda **kw: Policy(**kw),
        Interview: lambda **kw: Interview(start, "Acme", "Engineer", ["Ana"], **kw),
    }
    checked = []
    for cls, make in makers.items():
        for field in attrs.fields(cls):
            if field.type in (timedelta, "timedelta"):
                with pytest.raises((InvalidPolicy, InvalidInterview), match="timedelta"):
                    make(**{field.name.lstrip("_"): 24})
                checked.append(field.name)
    assert {"thank_you_within", "recruiter_debrief_within", "duration"} <= set(checked)


def test_a_file_still_reads_a_number_as_seconds() -> None:
    """docs/files.md: a file's number is seconds; the file converts it before construction."""
    assert policy_from({"thank_you_within": 3600}).thank_you_within == timedelta(hours=1)
    assert policy_from({"thank_you_within": "24h"}).thank_you_within == timedelta(hours=24)


# -- 3: the user's company and role, letter for letter ---------------------------------------

ODD = st.sampled_from([
    "Inc.", "Co.", "Ltd.", "Jr.", "Eng.", "S.A.", "S.L.", "GmbH", "e.V.", "Corp.", "Senior",
    "Data", "Inc", "AI", "Ops", "Dr.", "St.", "U.S.", "No.",
])  # fmt: skip


@st.composite
def odd_interviews(draw: st.DrawFn) -> Interview:
    """A company and a role full of abbreviations with dots (and the one in the other):
    a marker word ("Quuxco", "Zorblax") finds each where the message names it."""
    company_words = draw(st.lists(ODD, min_size=1, max_size=4))
    role_words = draw(st.lists(ODD | st.just("Quuxco"), min_size=0, max_size=4))
    company = " ".join(["Quuxco", *company_words])
    role = " ".join([*role_words, *draw(st.sampled_from([(), (company,)])), "Zorblax"])
    return Interview(
        pendulum.datetime(2026, 7, 7, 14, tz=NEW_YORK),
        company,
        role,
        [Interviewer("Ana Ruiz", email="ana@acme.example", phone="+1 212 555 0142")],
        decision_by=draw(st.sampled_from([None, date(2026, 7, 15)])),
        invited_to_call=draw(st.booleans()),
        recruiter=draw(st.sampled_from([None, Recruiter("Rita Cole", agency="Sel. Co.")])),
        candidate=Candidate(
            "Sam Lee", phone="+1 917 555 0100", language=draw(st.sampled_from(LANGUAGES))
        ),
    )  # fmt: skip


@settings(max_examples=60)
@given(
    iv=odd_interviews(),
    policy=st.sampled_from([
        Policy(), Policy(max_calls=2, max_check_ins=3), Policy(thank_you_channel="postal"),
        Policy(calls_need_invitation=False, max_calls=3, max_check_ins=4),
    ]),
)  # fmt: skip
def test_the_company_and_the_role_are_never_changed(iv: Interview, policy: Policy) -> None:
    """Company "Inc. Inc." and role "Inc. Inc. Senior" gave "the Inc.. Senior position":
    shortening the company's legal form reached into the role.  In every message, in
    every language, the role reads as typed wherever it is named, the company as typed
    or without its trailing legal form, and no ".." is written."""
    assert iv.candidate is not None
    words = language(iv.candidate.language or "en")
    company_forms = sorted({iv.company, words.company_in_text(iv.company)}, key=len)[::-1]
    for action in plan(iv, policy):
        if action.template is None:
            continue
        message = render(action, iv)
        for text in (message.text, message.subject or ""):
            note(text)
            assert ".." not in text.replace("...", "…")
            roles = [(m.start(), m.end()) for m in re.finditer(re.escape(iv.role), text)]
            for found in re.finditer("Zorblax", text):
                assert any(end == found.end() for _, end in roles), text
            for found in re.finditer("Quuxco", text):
                start = found.start()
                if any(left <= start < right for left, right in roles):
                    continue  # the role's own words, checked whole above
                assert any(text.startswith(form, start) for form in company_forms), text[start:]


def test_the_reported_company_and_role() -> None:
    """The tester's case, as reported."""
    iv = Interview(
        pendulum.datetime(2026, 3, 6, 10, tz=NEW_YORK), "Inc. Inc.", "Inc. Inc. Senior",
        [Interviewer("Ana Ruiz", phone="+1 212 555 0142", email="a@b.example")],
        invited_to_call=True, candidate=Candidate("Sam Lee"),
    )  # fmt: skip
    texts = [render(a, iv).text for a in plan(iv) if a.template]
    assert any("Inc. Inc. Senior position" in text for text in texts)
    assert not any(
        ".." in text or "Inc. Senior" in text.replace("Inc. Inc. Senior", "") for text in texts
    )


# -- 1: a retried call says nothing long twice, and names the contact before it --------------

SENTENCE = re.compile(r"(?<=[.!?])(?<!\b\d\.)(?<!\b\d\d\.)\s+|\n+")
"""Sentence ends, not the full stop of a German day number ("Dienstag, 10. März")."""


def _long_sentences(text: str) -> list[str]:
    """Every sentence (or line) of more than seven words, as the acceptance tester split
    them: a call's script and voicemail included, the bullets' dash counted; but for the
    candidate's number, said twice in every voicemail, a signature (as `prose.sentences`)."""
    found = [part.strip() for part in SENTENCE.split(text)]
    return [p for p in found if len(p.split()) > 7 and "917 555 0100" not in p]


@st.composite
def call_conversations(draw: st.DrawFn) -> tuple[Interview, list[tuple[Any, Any]], list[Any]]:
    """An interview whose policy allows one to three calls, and what the candidate
    sends step by step, each message written from the plan of its day, with the
    employer's replies, out-of-office answers and new dates between."""
    code = draw(st.sampled_from(LANGUAGES))
    zone = draw(st.sampled_from([NEW_YORK, "Europe/Berlin"]))
    iv = Interview(
        pendulum.datetime(2026, 3, 3, 10, tz=NEW_YORK),
        "Acme",
        "Data Engineer",
        [Interviewer("Ana Ruiz", email="ana@acme.example", phone="+1 212 555 0142",
                     preferred_channel=draw(st.sampled_from([None, Channel.PHONE])))],
        decision_by=draw(st.sampled_from([None, date(2026, 3, 10)])),
        invited_to_call=draw(st.booleans()),
        candidate=Candidate("Sam Lee", phone="+1 917 555 0100", language=code, timezone=zone),
    )  # fmt: skip
    policy = Policy(
        max_calls=draw(st.integers(1, 3)),
        max_check_ins=draw(st.integers(2, 5)),
        calls_need_invitation=draw(st.booleans()),
    )
    calls = st.sampled_from([{}, {"voicemail": True}, {"answered": False}])
    sent, history = converse(
        draw,
        iv,
        policy,
        turns=12,
        moves=("act", "act", "act", "act", "reply", "away", "undecided"),
        new_dates=st.just(7),
        calls=calls,
    )
    return iv, sent, history


@settings(max_examples=80)
@given(case=call_conversations())
def test_no_call_script_line_reaches_one_person_twice(
    case: tuple[Interview, list[tuple[Any, Any]], list[Any]],
) -> None:
    """With `Policy(max_calls=2)` the second call's script repeated seven long lines of
    the first, word for word.  Whatever the history, in every language, no sentence of
    more than seven words (script, voicemail, e-mail) reaches one person twice."""
    _, sent, history = case
    note(f"history: {history}")
    said: dict[str, str] = {}
    for action, message in sent:
        if action.channel is Channel.IN_PERSON or action.recipient is None:
            continue
        who = action.recipient.name
        for sentence in _long_sentences(message.text):
            key = f"{who}|{sentence}"
            assert key not in said, (sentence, said[key], message.text)
            said[key] = message.text


@settings(max_examples=60)
@given(case=call_conversations())
def test_a_retried_call_names_the_contact_before_it(
    case: tuple[Interview, list[tuple[Any, Any]], list[Any]],
) -> None:
    """SPEC Messages 2: a call after a check-in names it, with its day, in the script."""
    iv, sent, _ = case
    assert iv.candidate is not None
    words = language(iv.candidate.language or "en")
    for action, message in sent:
        previous = action.facts.previous
        if action.channel is not Channel.PHONE:
            continue
        # the voicemail is a paragraph of its own, in quotes (what `prose.sentences` reads)
        assert any(part[:1] in '"„«' for part in message.text.split("\n\n")), message.text
        if previous is None:
            continue
        if (
            previous.kind.name == "CHECK_IN"
            and action.facts.news
            and previous.channel.name != "PHONE"
        ):
            # news since the e-mail answered it: the call follows the news (words17 class 2)
            assert action.facts.news_on is not None
            assert words.day(action.facts.news_on) in message.text, message.text
        elif previous.kind.name == "CHECK_IN" and action.facts.replied_on is None:
            assert words.day(previous.day) in message.text, message.text


def test_the_reported_second_call() -> None:
    """The tester's case: two calls to Ana share no long line, and the second names the first."""
    iv = Interview(
        pendulum.datetime(2026, 3, 6, 10, tz=NEW_YORK), "Acme", "Data Engineer",
        [Interviewer("Ana Ruiz", phone="+1 212 555 0142")],
        decision_by=date(2026, 3, 10), candidate=Candidate("Sam Lee"),
    )  # fmt: skip
    first, second = [a for a in plan(iv, Policy(max_calls=2)) if a.channel is Channel.PHONE]
    one, two = render(first, iv).text, render(second, iv).text
    assert not set(_long_sentences(one)) & set(_long_sentences(two))
    assert "Wednesday, March 11" in two


# -- 2: the previous contact by its true channel -----------------------------------------------

_WRITTEN = {  # what calls a contact written; a voicemail ("mon message vocal") is not
    None: r"my note|my email|my e-mail|my message|wrote",
    "de": r"meine nachricht(?! auf)|meine e-mail|ihnen geschrieben",
    "fr": r"mon message(?! vocal)|mon courriel|mon e-mail|vous ai écrit",
    "es": r"mi mensaje(?! de voz)|mi correo|escribí",
}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize(
    "how",
    [
        {"channel": Channel.PHONE},
        {"channel": Channel.PHONE, "voicemail": True},
        {"channel": Channel.PHONE, "answered": False},
        {"channel": Channel.POSTAL},
        {"channel": Channel.IN_PERSON},
    ],
)
def test_a_previous_contact_is_named_by_its_channel(code: str | None, how: dict[str, Any]) -> None:
    """After a call (or a letter, or a visit) and an out-of-office, the next e-mail said
    "My note of Thursday, July 16 ... reached you while you were away": July 16 was a
    call.  No sentence naming a contact that was not written calls it written."""
    iv = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz=NEW_YORK), "Acme", "Data Engineer",
        [Interviewer("Ana Ruiz", email="ana@acme.example", phone="+1 212 555 0142")],
        decision_by=date(2026, 7, 15), invited_to_call=True,
        candidate=Candidate("Sam Lee", language=code),
    )  # fmt: skip
    steps = [a for a in plan(iv) if a.channel is not Channel.IN_PERSON]
    thanks, first = steps[0], steps[1]
    made = Contact(
        first.suggested, how["channel"], first.kind, first.recipient.name,
        voicemail=how.get("voicemail", False), answered=how.get("answered"),
    )  # fmt: skip
    for away in (True, False):
        history: list[Any] = [thanks.done(), made]
        if away:
            history.append(OutOfOffice(first.suggested.add(minutes=1), date(2026, 7, 27)))
        following = [a for a in plan(iv, history=history) if a.kind is first.kind]
        words = language(code or "en")
        day = words.day(made.at.date())
        for action in following[:1]:
            text = render(action, iv).text
            for sentence in SENTENCE.split(text):
                if day in sentence:
                    low = sentence.lower()
                    assert not re.search(_WRITTEN[code], low), sentence


# -- 5: an auto-reply is no answer -------------------------------------------------------------


def _longest_unanswered_run(events: list[Any]) -> int:
    """The most check-ins in a row with no human answer (a `Reply` or an `Update`) between:
    an out-of-office reply neither ends a run nor takes a check-in out of it."""
    run = worst = 0
    for event in events:
        if isinstance(event, Contact) and event.kind.name == "CHECK_IN":
            run += 1
            worst = max(worst, run)
        elif isinstance(event, (Reply, Update)):
            run = 0
    return worst


@settings(max_examples=60)
@given(
    max_check_ins=st.integers(1, 5),
    steps=st.lists(st.sampled_from(["act", "act", "away", "away_other", "reply"]), max_size=14),
    answered=st.booleans(),
)
def test_an_out_of_office_reply_is_no_answer(
    max_check_ins: int, steps: list[str], answered: bool
) -> None:
    """Six check-ins could be planned to someone away, `max_check_ins=3`: each auto-reply
    gave its check-in back.  Whatever the auto-replies (the contact's or a colleague's),
    the history and the plan never hold more than `max_check_ins` check-ins in a row
    without a human answer, and every step the plan offers, done, passes `audit`."""
    from followup_rules import audit

    iv = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz=NEW_YORK), "Acme", "Data Engineer",
        [Interviewer("Ana Ruiz", email="ana@acme.example"), Interviewer("Bo Chen")],
        decision_by=date(2026, 7, 15), candidate=Candidate("Sam Lee"),
    )  # fmt: skip
    policy = Policy(max_check_ins=max_check_ins, max_contacts_ever=12)
    history: list[Any] = []
    now = iv.starts_at
    for step in steps:
        if step == "act":
            action = plan(iv, policy, history=history).next(now)
            if action is None:
                break
            now = max(now, action.suggested)
            history.append(action.done(now))
            assert audit(iv, history, policy) == [], history
            continue
        now = now.add(minutes=5)
        if step == "reply" and answered:
            history.append(Reply(now))
        elif step != "reply":
            sender = None if step == "away" else "Bo Chen"
            history.append(OutOfOffice(now, now.date() + timedelta(days=2), sender=sender))
    planned = [Contact(a.suggested, a.channel, a.kind) for a in plan(iv, policy, history=history)]
    assert _longest_unanswered_run([*history, *planned]) <= max_check_ins


def test_the_reported_run_of_auto_replies() -> None:
    """The tester's case: a check-in met by an auto-reply each time, `max_check_ins=3`."""
    iv = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz=NEW_YORK), "Acme", "Data Engineer",
        [Interviewer("Ana Ruiz", email="ana@acme.example", phone="+1 212 555 0142")],
        decision_by=date(2026, 7, 15), invited_to_call=True, candidate=Candidate("Sam Lee"),
    )  # fmt: skip
    history: list[Any] = [a.done() for a in plan(iv) if a.kind.name == "THANK_YOU"]
    for _ in range(8):
        following = [a for a in plan(iv, history=history) if a.kind.name == "CHECK_IN"]
        if not following:
            break
        first = following[0]
        away = OutOfOffice(first.suggested.add(minutes=1), first.suggested.add(days=3).date())
        history += [first.done(), away]
    assert _longest_unanswered_run(history) == Policy().max_check_ins
