"""The interview and the people around it: frozen, validated at construction."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from enum import Enum
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs
import pendulum

from . import _calendar
from . import _validate as v
from ._locale import LOCALES, canonical_locale, locale_for
from .errors import InvalidInterview, _did_you_mean
from .timeframe import Timeframe, decision, read_decision

__all__ = [
    "ActionKind",
    "Candidate",
    "Channel",
    "Interview",
    "InterviewFormat",
    "Interviewer",
    "Recruiter",
    "Salutation",
    "Zone",
    "person_key",
]

Zone: TypeAlias = pendulum.Timezone | pendulum.FixedTimezone
"""A time zone as pendulum takes it (``DateTime.in_timezone``): what `Interview.zone_of` gives."""


class Channel(Enum):
    """How a message reaches its recipient."""

    IN_PERSON = "in_person"
    EMAIL = "email"
    PHONE = "phone"
    POSTAL = "postal"

    def label(self, locale: str | None = None) -> str:
        """What an app labels this choice with: ``"e-mail"`` in English, or in *locale*
        (``"de"``, ``"fr_CA"``: any translated locale): ``"E-Mail"`` in German.

        Raises:
            InvalidArgument: *locale* is not a translated locale.
        """
        from ._step_words import label_words, language_named  # the catalogs, when asked

        return label_words(language_named(locale))[f"channel {self.value}"]

    # Hashed in C, by identity (a member is its only equal): Enum's own __hash__ is
    # Python code, and the planner hashes its kinds, channels and outcomes in sets
    # and keys dozens of times a plan (issue 20, ninth pass).
    __hash__ = object.__hash__


class ActionKind(Enum):
    """What an action does; one kind per step of the follow-up."""

    ASK_FOR_CARDS = "ask_for_cards"
    ASK_TIMELINE = "ask_timeline"
    ASK_PERMISSION = "ask_permission"
    CLOSING_STATEMENT = "closing_statement"
    THANK_YOU = "thank_you"
    RECRUITER_DEBRIEF = "recruiter_debrief"
    CHECK_IN = "check_in"
    FEEDBACK_REQUEST = "feedback_request"
    FEEDBACK_RESPONSE = "feedback_response"
    SEND_REQUESTED = "send_requested"
    """E-mail what an interviewer asked for when their thank-you goes by post."""

    # Hashed in C, by identity (a member is its only equal): Enum's own __hash__ is
    # Python code, and the planner hashes its kinds, channels and outcomes in sets
    # and keys dozens of times a plan (issue 20, ninth pass).
    __hash__ = object.__hash__


class InterviewFormat(Enum):
    """How the interview was held: it decides what can be collected in the room."""

    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"


class Salutation(Enum):
    """How a letter greets its recipient (`Policy.salutation`).

    ``HONORIFIC``: the honorific and surname ("Dear Dr. Ruiz,"), or the full
    name when no honorific is known; ``FIRST_NAME``: "Dear Ana,";
    ``FULL_NAME``: "Dear Ana Ruiz,".
    """

    HONORIFIC = "honorific"
    FIRST_NAME = "first_name"
    FULL_NAME = "full_name"


@lru_cache(maxsize=4096)
def person_key(name: str) -> str:
    """The identity of a person's name: NFC-normalised, case-blind, NFC again.

    Two roles held by one person (an in-house recruiter who also interviewed)
    and two spellings of one name ("Zoë" typed two ways, "José" with a
    combining accent, or in capitals) give the same key; "Josè", "Ana-Ruiz"
    or "韩梅梅" are other people with other keys.  Case folding can undo a
    composition (U+01F0 "ǰ" folds to "j" and a combining caron), so the key
    is normalised again after it, as Unicode's canonical caseless matching
    does: the one key that the planner, the audit, the step ids and the
    history files all compare.
    """
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A readable ASCII slug: ``"Zoë Brun"`` (typed any way) gives ``"zoe-brun"``."""
    letters = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(char for char in letters if not unicodedata.combining(char))
    return _SLUG.sub("-", ascii_only).strip("-") or "x"


def digest(text: str, length: int) -> str:
    """The first *length* hex digits of the SHA-256 of *text*."""
    # surrogatepass: a hash never fails, whatever text the model let through.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def name_part(name: str) -> str:
    """The part of a step id that names a person without an id: a slug and a hash of the
    name (``"dev-patel-660988bd4cb4"``); see `identity.person_part`."""
    return f"{slug(name)}-{digest(person_key(name), 12)}"


# Courtesy titles, then academic ones; the key is how a user may type it.
_COURTESY = {"ms": "Ms.", "mrs": "Mrs.", "miss": "Miss", "mr": "Mr.", "mx": "Mx."}
_ACADEMIC = {"dr": "Dr.", "doctor": "Dr.", "prof": "Prof.", "professor": "Prof."}


def _honorific(value: Any, fail: Callable[[str], Exception]) -> str | None:
    """One courtesy title (Ms., Mrs., Miss, Mr., Mx.) and/or one academic title (Dr., Prof.)."""
    if value is None:
        return None
    text = v.clean_text(value, fail)
    courtesy: list[str] = []
    academic: list[str] = []
    for word in text.replace(".", ". ").split():
        key = word.rstrip(".").casefold()
        if key in _COURTESY:
            courtesy.append(_COURTESY[key])
        elif key in _ACADEMIC:
            academic.append(_ACADEMIC[key])
        else:
            raise fail(
                "expected a courtesy title (Ms., Mrs., Miss, Mr., Mx.), an academic one "
                "(Dr., Prof.) or both, e.g. 'Dr.' or 'Ms. Dr.'"
            )
    if len(courtesy) > 1 or len(academic) > 1:
        raise fail("give at most one courtesy title and one academic title")
    return " ".join(courtesy + academic)


def honorific_parts(honorific: str | None) -> tuple[str | None, str | None]:
    """The courtesy title and the academic title of a checked honorific ("Ms. Dr.")."""
    if not honorific:
        return None, None
    courtesy = academic = None
    for word in honorific.split():
        if word in _COURTESY.values():
            courtesy = word
        else:
            academic = word
    return courtesy, academic


_INTERVIEW_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_PERSON_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,1023}")


def _an_id(
    value: Any, fail: Callable[[str], Exception], pattern: re.Pattern[str], size: str
) -> str | None:
    """*value* as an id matching *pattern* (None stays None); *size* says how long in words."""
    if value is None:
        return None
    text = v.clean_text(value, fail)
    if not pattern.fullmatch(text):
        raise fail(f"is not an id: {size}letters, digits, '.', '_' or '-', starting with one")
    return text


def _interview_id(value: Any, fail: Callable[[str], Exception]) -> str | None:
    return _an_id(value, fail, _INTERVIEW_ID, "1 to 64 ")


def _person_id(value: Any, fail: Callable[[str], Exception]) -> str | None:
    """A person's stable id: what their step ids hold instead of their name (`identity`)."""
    return _an_id(value, fail, _PERSON_ID, "")


if TYPE_CHECKING:

    def _honorific_field(value: str | None) -> str | None: ...
    def _preferred_channel(value: Channel | str | None) -> Channel | None: ...
    def _person_id_field(value: str | None) -> str | None: ...

else:
    _honorific_field = v.converter(_honorific)
    _preferred_channel = v.converter(
        v.optional(v.member_of(Channel, allowed=(Channel.EMAIL, Channel.PHONE)))
    )
    _person_id_field = v.converter(_person_id)


@attrs.frozen
class Interviewer(v.Checked):
    """Someone who interviewed the candidate.

    Attributes:
        name: the name as printed on their card (it is matched, case-blind,
            against names in the history).
        title: their job title, for the salutation and the thank-you.
        email: their address, from the card.
        phone: their number, from the card.
        preferred_channel: ``EMAIL`` or ``PHONE`` when they said how they like
            to be contacted (seed 004); check-ins then use it, and a stated
            phone preference is permission to call.
        timezone: an IANA name; defaults to the interview's own zone.
        honorific: how a formal letter addresses them: a courtesy title
            (``"Ms."``, ``"Mrs."``, ``"Miss"``, ``"Mr."``, ``"Mx."``), an
            academic one (``"Dr."``, ``"Prof."``) or both (``"Ms. Dr."``, which
            languages such as German need for "Frau Dr."); the dot is optional.
        surname: the family name for "Dear Dr. Ruiz"; by default the last word
            of `name`.
        part: their part in the interview, completing "Thank you in particular
            for ...", e.g. ``"the tour of the lab"`` (used in their note).
        topics: what you discussed with them; their note recalls these
            instead of the interview's `Interview.topics`.
        fit: your case for fit as it suits them, instead of `Interview.fit`.
        missed: what you forgot to tell them, instead of `Interview.missed`.
        requested: what they asked you to send; it goes to them alone.
        address: their postal address, for a mailed card after a video or
            phone interview.
        id: an optional stable id of this person (letters, digits, ``.``,
            ``_`` and ``-``, starting with a letter or digit), unique on the
            interview.  When given, the ids of the steps to them hold it
            instead of their name, so fixing their name keeps every id an
            app stored.  `Application.rename` and ``followup rename`` give a
            person renamed the id their steps had (`identity.person_part`).
    """

    _error = InvalidInterview

    name: str = attrs.field(converter=v.text)
    title: str | None = attrs.field(default=None, converter=v.optional_text)
    email: str | None = attrs.field(default=None, converter=v.email)
    phone: str | None = attrs.field(default=None, converter=v.optional_text)
    preferred_channel: Channel | None = attrs.field(default=None, converter=_preferred_channel)
    timezone: str | None = attrs.field(default=None, converter=v.zone_name)
    honorific: str | None = attrs.field(default=None, kw_only=True, converter=_honorific_field)
    surname: str | None = attrs.field(default=None, kw_only=True, converter=v.optional_text)
    part: str | None = attrs.field(default=None, kw_only=True, converter=v.optional_text)
    topics: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=v.texts)
    fit: str | None = attrs.field(default=None, kw_only=True, converter=v.optional_text)
    missed: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=v.texts)
    requested: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=v.texts)
    address: str | None = attrs.field(default=None, kw_only=True, converter=v.optional_text)
    id: str | None = attrs.field(default=None, kw_only=True, converter=_person_id_field)

    @property
    def family_name(self) -> str:
        """`surname`, or else the last word of `name`."""
        return self.surname or self.name.split()[-1]

    @property
    def given_name(self) -> str:
        """The first word of `name` (the whole name when it is one word)."""
        return self.name.split()[0]


@attrs.frozen
class Recruiter(v.Checked):
    """An employment-agency recruiter who placed the candidate (seed 000).

    The recruiter is called, not the employer, so the debrief call never counts
    against the employer's call limit.

    Attributes:
        name: their name.
        agency: the agency they work for.
        phone: their number, for the debrief call.
        email: their address, for the debrief by e-mail.
        honorific: a courtesy title (``"Ms."``, ``"Mr."``, ...) and/or an
            academic one, as for `Interviewer.honorific`; a letter then greets
            them with it ("Dear Ms. Cole,", "Sehr geehrte Frau Lang,").
            Without one, an English letter greets one's own recruiter by first
            name ("Hi Rita,").
        timezone: an IANA name: the zone of the recruiter's business hours,
            in which the debrief is timed; defaults to the candidate's (an
            agency near the candidate), else the interview's.
        id: an optional stable id, as `Interviewer.id`: the ids of the
            steps to them hold it instead of their name.
    """

    _error = InvalidInterview

    name: str = attrs.field(converter=v.text)
    agency: str | None = attrs.field(default=None, converter=v.optional_text)
    phone: str | None = attrs.field(default=None, converter=v.optional_text)
    email: str | None = attrs.field(default=None, converter=v.email)
    honorific: str | None = attrs.field(default=None, kw_only=True, converter=_honorific_field)
    timezone: str | None = attrs.field(default=None, kw_only=True, converter=v.zone_name)
    id: str | None = attrs.field(default=None, kw_only=True, converter=_person_id_field)


def _language(value: Any, fail: Callable[[str], Exception]) -> str | None:
    """A locale the messages are written in, spelt as `LOCALES` spells it ("de_AT")."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise fail(f"expected a locale name such as 'de' or 'fr_CA', got {type(value).__name__}")
    name = canonical_locale(value.strip())
    if name is None:
        raise fail(f"messages are written in {', '.join(LOCALES)}")
    return name


if TYPE_CHECKING:

    def _language_field(value: str | None) -> str | None: ...

else:
    _language_field = v.converter(_language)


@attrs.frozen
class Candidate(v.Checked):
    """The person following up; the messages are signed with these details.

    Attributes:
        name: the name the messages are signed with.
        email: their address, under the signature.
        phone: their number, under the signature and in a voicemail.
        timezone: an IANA name; defaults to the interview's zone.
        language: the locale `followup_rules.render` writes their messages
            in (``"de"``, ``"fr_CA"``, ``"es"``; see `LOCALES`); English
            when None.
    """

    _error = InvalidInterview

    name: str = attrs.field(converter=v.text)
    email: str | None = attrs.field(default=None, converter=v.email)
    phone: str | None = attrs.field(default=None, converter=v.optional_text)
    timezone: str | None = attrs.field(default=None, converter=v.zone_name)
    language: str | None = attrs.field(default=None, kw_only=True, converter=_language_field)


PANEL_LIMIT = 49
"""Most interviewers on one interview.

Colleagues compare notes, so any two notes of a panel share at most one
sentence: each note takes one of 49 combinations of wordings, any two of
which agree in at most one sentence (see ``docs/templates.md``).  No real
panel is that large; a list of more is refused rather than written with
notes that read alike.
"""


def _interviewers(value: Any, fail: Callable[[str], Exception]) -> tuple[Interviewer, ...]:
    if isinstance(value, (Interviewer, str)):
        value = (value,)
    people = []
    for item in v.bounded(value, fail, v.MAX_PEOPLE, "interviewers"):
        if isinstance(item, str):
            item = Interviewer(item)
        if not isinstance(item, Interviewer):
            raise fail(f"expected an Interviewer or a name, got {type(item).__name__}")
        people.append(item)
    if not people:
        raise fail("at least one interviewer is needed")
    if len(people) > PANEL_LIMIT:
        raise fail(
            f"has {len(people)} interviewers; at most {PANEL_LIMIT} can each get a note of "
            "their own that reads unlike any other"
        )
    seen: set[str] = set()
    for person in people:
        key = person_key(person.name)
        if key in seen:
            raise fail(f"{person.name!r} is listed twice")
        seen.add(key)
    return tuple(people)


def _contact(value: Any, fail: Callable[[str], Exception]) -> str | None:
    if isinstance(value, Interviewer):
        return value.name
    return None if value is None else v.clean_text(value, fail)


def _names(names: list[str]) -> str:
    shown = ", ".join(repr(name) for name in names[:5])
    return f"the interviewers are {shown}{', ...' if len(names) > 5 else ''}"


if TYPE_CHECKING:

    def _interviewer_list(
        value: Iterable[Interviewer | str] | Interviewer | str,
    ) -> tuple[Interviewer, ...]: ...
    def _recruiter(value: Recruiter | None) -> Recruiter | None: ...
    def _candidate(value: Candidate | None) -> Candidate | None: ...
    def _contact_name(value: str | Interviewer | None) -> str | None: ...
    def _format(value: InterviewFormat | str) -> InterviewFormat: ...
    def _id(value: str | None) -> str | None: ...

else:
    _interviewer_list = v.converter(_interviewers)
    _recruiter = v.converter(v.instance_of(Recruiter, optional=True))
    _candidate = v.converter(v.instance_of(Candidate, optional=True))
    _contact_name = v.converter(_contact)
    _format = v.converter(v.member_of(InterviewFormat))
    _id = v.converter(_interview_id)


@attrs.frozen
class Interview(v.Checked):
    """One interview and what the candidate learnt in it.

    Attributes:
        starts_at: an aware datetime; its zone is the interview's zone.
        company: the employer's name.
        role: the position applied for.
        interviewers: everyone the candidate met (names are accepted too).
        duration: how long it lasts (a timedelta; one hour default; a bare
            number is refused, its unit unknown).
        decision_by: when the employer said it would decide: a date ("by
            August 1st"), a `Timeframe` window, or a phrase such as ``"in a
            couple of weeks"`` or ``"by the end of the month"`` read from the
            interview's date (see `followup_rules.timeframe`); a numeric date
            ("04/05/2026") is read day first unless the candidate writes US
            English; None when no timeframe was given.  Check-ins follow the
            end of a window.
        recruiter: the agency recruiter, if one placed the candidate.
        candidate: who follows up; the messages need it for the signature.
        contact: the name of the interviewer who receives check-ins
            (default: the first interviewer).
        topics: things discussed, recalled in the thank-you notes (an
            interviewer's own `Interviewer.topics` win for their note); each a
            noun phrase as you would say it after "our conversation about",
            e.g. ``"the move to streaming pipelines"``.
        fit: a brief case for fit, a noun phrase of experience, e.g. ``"six
            years of building data pipelines"`` or ``"a decade of incident
            response"``; the notes make it yours ("I would bring my six years of
            ..."): a span, a skill or a body of work takes "my" as typed, a
            gerund or a bare subject is "my experience of leading teams", "my
            experience with Python", and a phrase with its own "my" or "the"
            stays as typed.  Not a sentence ("I have run two warehouses").
        missed: things the candidate forgot to mention (noun phrases, as after
            "I also wanted to mention", e.g. ``"my AWS certification"``), added
            to the follow-up contact's note (said once, to whoever decides; an interviewer's
            own `Interviewer.missed` go to that interviewer).
        requested: things the employer asked to receive; they go to the
            follow-up contact (an interviewer's own `Interviewer.requested`
            go to that interviewer).
        invited_to_call: the employer invited a phone call (seed 000).
        format: in person (the default), by video or by phone; only an
            in-person interview hands out business cards.
        address: the employer's postal address, where a mailed card goes
            when an interviewer has none of their own.
        id: an optional short identifier of this application (letters,
            digits, ``.``, ``_`` and ``-``, up to 64).  When given, step ids
            and calendar UIDs derive from it rather than from the company,
            role and start time, so editing those keeps them.

    Raises:
        InvalidInterview: naive or unknown zones, no interviewers, duplicates,
            a contact who is not an interviewer, a decision date before the
            interview.
    """

    _error = InvalidInterview

    starts_at: pendulum.DateTime = attrs.field(converter=v.aware_datetime)
    company: str = attrs.field(converter=v.text)
    role: str = attrs.field(converter=v.text)
    interviewers: tuple[Interviewer, ...] = attrs.field(converter=_interviewer_list)
    duration: timedelta = attrs.field(default=timedelta(hours=1), converter=v.duration)
    decision_by: date | Timeframe | None = attrs.field(default=None, converter=decision)
    recruiter: Recruiter | None = attrs.field(default=None, converter=_recruiter)
    candidate: Candidate | None = attrs.field(default=None, converter=_candidate, kw_only=True)
    contact: str | None = attrs.field(default=None, converter=_contact_name, kw_only=True)
    topics: tuple[str, ...] = attrs.field(default=(), converter=v.texts, kw_only=True)
    missed: tuple[str, ...] = attrs.field(default=(), converter=v.texts, kw_only=True)
    requested: tuple[str, ...] = attrs.field(default=(), converter=v.texts, kw_only=True)
    invited_to_call: bool = attrs.field(default=False, converter=v.flag, kw_only=True)
    fit: str | None = attrs.field(default=None, converter=v.optional_text, kw_only=True)
    format: InterviewFormat = attrs.field(
        default=InterviewFormat.IN_PERSON, converter=_format, kw_only=True
    )
    address: str | None = attrs.field(default=None, converter=v.optional_text, kw_only=True)
    id: str | None = attrs.field(default=None, converter=_id, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if isinstance(self.decision_by, str):  # a phrase, read from the interview's day
            candidate = self.candidate
            zone = (candidate.timezone if candidate is not None else None) or self.timezone
            locale = locale_for(None if candidate is None else candidate.language, zone)
            read = read_decision(
                self.decision_by,
                self.starts_at.date(),
                "Interview.decision_by",
                day_first=locale not in ("en", "en_US"),  # 20/04/2026 in Britain and Europe
            )
            object.__setattr__(self, "decision_by", read)
        if self.contact is not None and self.person(self.contact) is None:
            names = [person.name for person in self.interviewers]
            close = _did_you_mean(self.contact, names)
            hint = f": did you mean {close!r}?" if close else f" ({_names(names)})"
            raise InvalidInterview(
                "Interview.contact", self.contact, f"is not one of the interviewers{hint}"
            )
        self._check_person_ids()
        if self.duration > timedelta(hours=24):
            raise InvalidInterview("Interview.duration", self.duration, "must be at most a day")
        decided = self.decision_date
        if decided is not None and decided < self.starts_at.date():
            raise InvalidInterview(
                "Interview.decision_by",
                self.decision_by,
                f"is before the interview on {self.starts_at.date().isoformat()}",
            )

    def _check_person_ids(self) -> None:
        """Each person's step ids are theirs alone: no two people share an id.

        One person in two roles (a recruiter who also interviewed) is one
        person: their two entries may give the same id, or one of them none.
        """
        people: list[Interviewer | Recruiter] = [*self.interviewers]
        if self.recruiter is not None:
            people.append(self.recruiter)
        if all(person.id is None for person in people):
            return  # parts of names: one per person_key, which the list keeps unique
        ids: dict[str, str] = {}
        for person in people:
            key = person_key(person.name)
            if person.id is not None and ids.setdefault(key, person.id) != person.id:
                raise InvalidInterview(
                    "Recruiter.id",
                    person.id,
                    f"differs from the id {ids[key]!r} of the interviewer {person.name!r}, "
                    "who is the same person",
                )
        owners: dict[str, Interviewer | Recruiter] = {}
        for person in people:
            key = person_key(person.name)
            part = ids.get(key) or name_part(person.name)
            other = owners.setdefault(part, person)
            if person_key(other.name) != key:
                culprit = person if person.id is not None else other
                field = "Recruiter.id" if culprit is self.recruiter else "Interviewer.id"
                raise InvalidInterview(
                    field,
                    culprit.id,
                    f"gives {culprit.name!r} the same step ids as "
                    f"{(other if culprit is person else person).name!r}: "
                    "give each person an id of their own",
                )

    @property
    def decision_date(self) -> date | None:
        """The day check-ins count from: `decision_by`, or the end of its window."""
        decided = self.decision_by
        return decided.end if isinstance(decided, Timeframe) else decided

    @cached_property
    def _contact_key(self) -> str:
        """`person_key` of the follow-up contact (the state fold compares it often)."""
        return person_key(self.follow_up_contact.name)

    @cached_property
    def recruiter_interviewed(self) -> bool:
        """The recruiter is also one of the interviewers: an employer contact, not an agent."""
        recruiter = self.recruiter
        if recruiter is None:
            return False
        return self.person(recruiter.name) is not None

    def details_for(
        self, person: Interviewer
    ) -> tuple[tuple[str, ...], str | None, tuple[str, ...]]:
        """The topics, fit and missed points for *person*: their own, else the interview's.

        The interview's `missed` points go to the follow-up contact alone: a
        point made once, to whoever decides, rather than to every panelist.
        """
        missed = person.missed
        if not missed and person_key(person.name) == self._contact_key:
            missed = self.missed
        return (person.topics or self.topics, person.fit or self.fit, missed)

    def requested_by(self, person: Interviewer) -> tuple[str, ...]:
        """What *person* asked to receive: their own items, and the interview's for the contact.

        An item of the interview's that another interviewer lists as their own is
        theirs: it goes to them alone, not a second time to the contact "as requested"
        (issue 19, ninth round, class 3).
        """
        if not self.requested or person_key(person.name) != self._contact_key:
            return person.requested
        others = {item for p in self.interviewers if p is not person for item in p.requested}
        return person.requested + tuple(
            item for item in self.requested if item not in person.requested and item not in others
        )

    @cached_property
    def timezone(self) -> str:
        """The interview's zone name (IANA or ``+HH:MM``), taken from `starts_at`."""
        return _calendar.zone_name(self.starts_at.tzinfo, self.starts_at)  # type: ignore[arg-type]

    @cached_property
    def ends_at(self) -> pendulum.DateTime:
        """When the interview ends: `starts_at` plus `duration`, in the interview's zone."""
        return _calendar.to_pendulum(self._utc_span[1].astimezone(self.starts_at.tzinfo))

    @cached_property
    def _utc_span(self) -> tuple[datetime, datetime]:
        """Start and end as plain stdlib UTC datetimes, for fast absolute arithmetic."""
        start = _calendar.utc(self.starts_at)
        return start, start + self.duration

    @cached_property
    def follow_up_contact(self) -> Interviewer:
        """The interviewer who receives check-ins: `contact`, or the first one."""
        if self.contact is None:
            return self.interviewers[0]
        person = self.person(self.contact)
        assert person is not None  # checked at construction
        return person

    def person(self, name: str) -> Interviewer | None:
        """The interviewer called *name* (case-blind, any Unicode normal form), or None."""
        if not isinstance(name, str):
            return None
        wanted = person_key(name)
        for person in self.interviewers:
            if person_key(person.name) == wanted:
                return person
        return None

    def zone_of(self, person: Interviewer | Recruiter | Candidate | None) -> Zone:
        """The time zone *person* lives by: their own, else the candidate's or the interview's.

        A pendulum zone, as ``DateTime.in_timezone`` takes it::

            local = now.in_timezone(interview.zone_of(interview.candidate))
        """
        name = getattr(person, "timezone", None)
        if name is None and isinstance(person, Recruiter) and self.candidate is not None:
            name = self.candidate.timezone
        return self._zone if name is None else _calendar.zone(name)  # type: ignore[return-value]

    @cached_property
    def _home_zone(self) -> Zone:
        """`zone_of` the candidate: the clock every e-mail's suggested moment is read on.

        Kept, like `_zone`: the planner asks it of every e-mail it plans (issue 20, tenth
        pass)."""
        return self.zone_of(self.candidate)

    @cached_property
    def _contact_zone(self) -> Zone:
        """`zone_of` the follow-up contact: the zone of every check-in, kept like `_zone`."""
        return self.zone_of(self.follow_up_contact)

    @cached_property
    def _zone(self) -> Zone:
        return _calendar.zone(self.timezone)  # type: ignore[return-value]
