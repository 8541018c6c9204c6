"""The declarative policy: every etiquette number in one frozen object.

`Policy()` is the consensus of the five seed articles.  Variants are made
with `attrs.evolve` (or a preset), and house rules by subclassing: a subclass
may change defaults, add fields (all fields are keyword-only) and override the
documented hook methods `check_in_channel`, `check_in_day` and
`thank_you_channel_for`.  Whatever a hook returns, the planner still enforces
the hard limits (gap, cap, calls, windows), so a subclass keeps every
politeness guarantee.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from datetime import date, time, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from . import _validate as v
from ._calendar import NO_HOLIDAYS, BusinessCalendar, country_calendar
from ._members import (
    BASIS_INVITED,
    BASIS_POLICY,
    BASIS_PREFERRED,
    BASIS_TIMEFRAME,
    CHANNEL_EMAIL,
    CHANNEL_PHONE,
)
from .errors import InvalidPolicy, _did_you_mean
from .facts import CallBasis
from .model import Channel, Interviewer, Salutation

if TYPE_CHECKING:
    from .state import FollowupState


__all__ = [
    "PRESETS",
    "Policy",
    "TimeWindow",
    "call_basis",
    "calls_allowed",
    "default_check_in_channel",
]

P = TypeVar("P", bound="Policy")


if TYPE_CHECKING:

    def _wall_time(value: time | str) -> time: ...

else:
    _wall_time = v.converter(v.wall_time)


@attrs.frozen
class TimeWindow(v.Checked):
    """A daily window of local wall-clock time, ``start`` to ``end`` on the same day.

    The times are a `datetime.time` or ``"HH:MM"``: ``TimeWindow("10:00", "11:30")``.
    """

    _error = InvalidPolicy

    start: time = attrs.field(converter=_wall_time)
    end: time = attrs.field(converter=_wall_time)

    def __attrs_post_init__(self) -> None:
        if not self.start < self.end:
            raise InvalidPolicy(
                "TimeWindow", f"{self.start:%H:%M}-{self.end:%H:%M}", "start must be before end"
            )

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def _window(value: Any, fail: Callable[[str], Exception]) -> TimeWindow:
    if isinstance(value, TimeWindow):
        return value
    if isinstance(value, str) and value.count("-") == 1:
        value = tuple(value.split("-"))
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise fail("expected a (start, end) pair like ('10:00', '11:30')")
    try:
        return TimeWindow(*value)
    except InvalidPolicy as error:
        raise fail(error.problem) from None


def _holidays(value: Any, fail: Callable[[str], Exception]) -> tuple[str, str | None] | None:
    if value is None:
        return None
    if isinstance(value, str):
        code, _, region = value.partition("-")
        value = (code, region or None)
    if (
        not isinstance(value, (tuple, list))
        or len(value) != 2
        or not isinstance(value[0], str)
        or not (value[1] is None or isinstance(value[1], str))
    ):
        raise fail("expected a country code like 'US' or ('US', 'CA')")
    country: str = str.strip(value[0]).upper()
    subdivision: str | None = str.strip(value[1]).upper() if value[1] else None
    # Only plausible codes reach the holidays package (it looks names up).
    if not (country.isascii() and country.isalpha() and 2 <= len(country) <= 3):
        raise fail("expected a country code like 'US' or ('US', 'CA')")
    if subdivision is not None and not (len(subdivision) <= 40 and subdivision.isprintable()):
        raise fail("expected a subdivision code like 'CA'")
    try:
        holiday_calendar(country, subdivision)
    except ImportError:
        raise fail(
            "needs the optional 'holidays' package: pip install 'followup-rules[holidays]'"
        ) from None
    except Exception as error:  # the holidays package raises NotImplementedError
        raise fail(f"unknown country or subdivision ({error})") from None
    return (country, subdivision)


def holiday_calendar(country: str, subdivision: str | None) -> BusinessCalendar:
    """The business days of *country* (and *subdivision*): its weekend and public holidays.

    From the ``holidays`` package, cached (`_calendar.country_calendar`).
    """
    return country_calendar(country, subdivision)


_HOURS = timedelta(hours=1)


def _duration_up_to(limit: timedelta) -> Callable[[Any, v.Fail], timedelta]:
    """A positive duration of at most *limit* (a check of one field: a subclass keeps it)."""

    def check(value: Any, fail: v.Fail) -> timedelta:
        result = v.duration_of(value, fail)
        if result > limit:
            raise fail(f"must be at most {limit.days} days")
        return result

    return check


if TYPE_CHECKING:
    _Times = tuple[time | str, time | str] | list[time | str]

    def _window_field(value: TimeWindow | str | _Times) -> TimeWindow: ...
    def _thanks_within(value: timedelta) -> timedelta: ...
    def _debrief_within(value: timedelta) -> timedelta: ...
    def _thanks_channel(value: Channel | str) -> Channel: ...
    def _count_to_20(value: int) -> int: ...
    def _count_to_40(value: int) -> int: ...
    def _holidays_field(
        value: str | tuple[str, str | None] | None,
    ) -> tuple[str, str | None] | None: ...
    def _salutation(value: Salutation | str) -> Salutation: ...

else:
    _window_field = v.converter(_window)
    _thanks_within = v.converter(_duration_up_to(timedelta(days=14)))
    _debrief_within = v.converter(_duration_up_to(timedelta(days=2)))
    _thanks_channel = v.converter(v.member_of(Channel, allowed=(Channel.EMAIL, Channel.POSTAL)))
    _count_to_20 = v.converter(v.count_between(0, 20))
    _count_to_40 = v.converter(v.count_between(0, 40))
    _holidays_field = v.converter(_holidays)
    _salutation = v.converter(v.member_of(Salutation))


@attrs.frozen(kw_only=True)
class Policy(v.Checked):
    """Every follow-up etiquette knob; the defaults are the seeds' consensus.

    Durations are timedeltas (a bare number is refused: hours or seconds?);
    waits and gaps are counted in business days of the recipient's zone.
    See ``docs/rules.md`` for the seed behind each default.

    Raises:
        InvalidPolicy: a knob of the wrong type or out of range, naming it.
    """

    _error = InvalidPolicy

    thank_you_within: timedelta = attrs.field(default=24 * _HOURS, converter=_thanks_within)
    """E-mailed thank-you notes are due within this long after the interview ends."""
    thank_you_channel: Channel = attrs.field(default=Channel.EMAIL, converter=_thanks_channel)
    """EMAIL (seeds 000, 001, 002 prefer it), or POSTAL for a mailed card or
    letter (seeds 003, 004); when it is mailed is `mail_card_immediately`."""
    mail_card_immediately: bool = attrs.field(default=False, converter=v.flag)
    """A mailed card goes in the post the day of the interview (seed 004:
    "immediately"), not on the next business day (seed 003, the default)."""
    thank_you_each_interviewer: bool = attrs.field(default=True, converter=v.flag)
    """A separate note to every interviewer, not just the follow-up contact."""
    recruiter_debrief_within: timedelta = attrs.field(
        default=4 * _HOURS, converter=_debrief_within
    )
    """Call the agency recruiter within this long after the interview ends."""
    wait_after_deadline: int = attrs.field(default=1, converter=v.business_days)
    """Business days after the decision date before the first check-in."""
    wait_without_deadline: int = attrs.field(default=5, converter=v.business_days)
    """Business days after the interview before the first check-in when no date was given."""
    min_gap: int = attrs.field(default=3, converter=v.business_days)
    """Business days between any two follow-up contacts to the employer."""
    max_check_ins: int = attrs.field(default=3, converter=_count_to_20)
    """Check-ins in a row that nobody answers, all channels together; an
    answer from the employer starts the count again (rule ``cap``).  No
    article gives a number: three is the library's own choice between the
    persistence seed 003 asks for and the restraint of seeds 001 and 004."""
    max_contacts_ever: int = attrs.field(default=6, converter=_count_to_40)
    """The hard limit: follow-up contacts the candidate starts, ever (check-ins
    and the feedback request), answered, postponed or not.  New decision dates
    earn more check-ins, never past this (the library's own choice: twice the
    default `max_check_ins`)."""
    max_calls: int = attrs.field(default=1, converter=_count_to_20)
    """Phone calls to the employer, ever (the recruiter debrief does not count)."""
    calls_need_invitation: bool = attrs.field(default=True, converter=v.flag)
    """Call only if invited to, or if a timeframe was given; otherwise e-mail."""
    call_window: TimeWindow = attrs.field(
        default=TimeWindow(time(10), time(11, 30)), converter=_window_field
    )
    """Recipient-local time for calls: mid-morning, before lunch (seed 001)."""
    send_window: TimeWindow = attrs.field(
        default=TimeWindow(time(8), time(17)), converter=_window_field
    )
    """Recipient-local time when e-mails should land."""
    respect_preferred_channel: bool = attrs.field(default=True, converter=v.flag)
    """Check in through the interviewer's preferred medium (seed 004)."""
    ask_feedback_on_rejection: bool = attrs.field(default=True, converter=v.flag)
    """After a rejection, ask for feedback (seed 004); once only, the library's choice."""
    feedback_response_within: int = attrs.field(default=2, converter=v.business_days)
    """Business days to answer an employer's request for feedback (seed 002)."""
    thank_you_late_within: int = attrs.field(default=2, converter=v.business_days_from_zero)
    """A thank-you (or the items asked for) not sent in its window is still
    worth sending late until the end of the send window this many business
    days after the window closed, but never after the decision date, the
    employer's news or reply, or a check-in; after that it is missed.  The
    library's own choice: the articles want it "immediately" (003, 004), and
    seed 002 warns that a note arriving after the decision is wasted; 0 never
    offers a late note."""
    recruiter_debrief_late_within: int = attrs.field(
        default=1, converter=v.business_days_from_zero
    )
    """A recruiter debrief not made in its window is still worth making until
    the end of the recruiter's business hours this many business days later,
    but never after the employer's news or reply (seed 000 wants it "as soon
    as possible", ahead of the employer's own call; the number is the
    library's own choice)."""
    follow_up_late_within: int = attrs.field(default=20, converter=v.business_days_from_zero)
    """A check-in or a feedback request whose window closed is offered again
    in its next window for this many business days; after that it is missed,
    and nothing more is planned until a new event (the library's own choice:
    four weeks of silence on the candidate's side ends the follow-up)."""
    holidays: tuple[str, str | None] | None = attrs.field(default=None, converter=_holidays_field)
    """A country (and subdivision), e.g. ``"US"`` or ``("US", "CA")``, whose
    calendar business days follow: its own weekend and its public holidays
    are off (Friday and Saturday in Israel, Friday in Iran, Sunday in Hong
    Kong; a subdivision may differ, as Kelantan, ``"MY-03"``, does in
    Malaysia), and a weekend day it works to make up for a bridge day counts.
    None counts Monday to Friday only."""
    salutation: Salutation = attrs.field(default=Salutation.HONORIFIC, converter=_salutation)
    """How letters greet: ``HONORIFIC`` ("Dear Dr. Ruiz,", the full name when
    no honorific is known: seed 000 wants the correct titles), ``FIRST_NAME``
    ("Dear Ana,") or ``FULL_NAME`` ("Dear Ana Ruiz,")."""

    # -- derived -------------------------------------------------------------

    @property
    def business_holidays(self) -> Container[date]:
        """The public holidays, for the `_calendar` functions.

        With a country, its `_calendar.BusinessCalendar`: a container of its
        holidays that also brings its weekend, so that every count follows it.
        """
        if self.holidays is None:
            return NO_HOLIDAYS
        return holiday_calendar(*self.holidays)

    # -- hooks: override in a subclass ----------------------------------------

    def check_in_channel(self, state: FollowupState) -> Channel:
        """Choose the channel of the next check-in.

        The default follows rules ``preferred-channel`` (seed 004) and
        ``one-call`` (seeds 000, 001): the interviewer's preferred medium when
        known, else the single phone call while it is allowed, else e-mail.
        The planner turns PHONE into EMAIL when no call is allowed, and any
        other channel into EMAIL.  See `default_check_in_channel` and
        `call_basis`.
        """
        return default_check_in_channel(state)

    def check_in_day(self, state: FollowupState, earliest: date) -> date:
        """Choose the day (recipient-local) of the next check-in.

        *earliest* is the first day the rules allow: the latest over the
        limits of `followup_rules.limits.CHECK_IN` (the deadline's wait, the
        waits after news, the retry gap, a skip, an out-of-office hold,
        patience).  Return it, or a later day within a year of it; an earlier
        day is raised to *earliest* by the planner, and one more than a year
        later is an `InvalidPolicy`.
        """
        return earliest

    def thank_you_channel_for(self, interviewer: Interviewer) -> Channel:
        """The channel of the thank-you note to *interviewer* (EMAIL or POSTAL)."""
        return self.thank_you_channel

    # -- presets ---------------------------------------------------------------

    @classmethod
    def preset(cls: type[P], name: str) -> P:
        """The preset called *name*: one of the keys of `PRESETS`."""
        try:
            factory = PRESETS.get(name)
        except Exception:  # unhashable, or a key whose own __hash__ raises
            factory = None
        if factory is None:
            close = _did_you_mean(name, list(PRESETS)) if type(name) is str else None
            hint = f"did you mean {close!r}? " if close else ""
            raise InvalidPolicy("preset", name, f"{hint}expected one of {', '.join(PRESETS)}")
        return factory(cls)  # type: ignore[return-value]

    @classmethod
    def consensus(cls: type[P]) -> P:
        """The defaults: the consensus of the five seeds (a subclass's own defaults)."""
        return cls()

    @classmethod
    def cautious(cls: type[P]) -> P:
        """E-mail only, fewer and wider-spaced check-ins.

        Seed 000 asks to avoid calls and to be patient; seed 002 prefers e-mail
        because busy managers read it directly; seed 001 warns against
        contacting continuously.  So: no calls, two check-ins, a week apart,
        and a few days' grace after the decision date (000: "wait a few days").

        On a subclass it starts from the subclass's own defaults and keeps any
        that are more cautious still (fewer check-ins, wider gaps, longer
        waits): a cautious preset is never pushier than the house policy.
        """
        house = cls()
        return attrs.evolve(
            house,
            max_calls=0,
            max_check_ins=min(2, house.max_check_ins),
            min_gap=max(5, house.min_gap),
            wait_after_deadline=max(3, house.wait_after_deadline),
            wait_without_deadline=max(5, house.wait_without_deadline),
        )

    @classmethod
    def persistent(cls: type[P]) -> P:
        """The most contact the seeds tolerate: one call without an invitation.

        Seed 001 calls once after about a week whatever was said, and seed 003
        calls on the decision date's following day and keeps following up
        while undecided; seed 004 still wants a few days between tries, so
        the gap and the cap stay the defaults.  On a subclass only the
        invitation changes: the house's own gap and cap stay.
        """
        return cls(calls_need_invitation=False)

    @classmethod
    def traditional(cls: type[P]) -> P:
        """A mailed thank-you card, sent the next business day (seed 003; 004 mails it too)."""
        return cls(thank_you_channel=Channel.POSTAL)


# -- the default choices of the hooks -------------------------------------------
#
# What `Policy.check_in_channel` returns unless a subclass overrides it: plain
# functions of the state, so that the policy never imports the planner.


def call_basis(state: FollowupState) -> CallBasis | None:
    """Rule ``one-call``: why a call is allowed now, or None when it is not.

    Seed 000: call only when told to, or when given a timeframe; then once.
    Seed 004: a stated phone preference is an answer to "how may I follow
    up?", so it is permission too, while the policy respects preferences
    (`Policy.respect_preferred_channel`: turned off, rule ``preferred-channel``
    is off, permission included).  Whether the number is known is the
    planner's concern (`followup_rules.rules.check_in`), not the permission's.
    """
    policy = state.policy
    if state.calls >= policy.max_calls:
        return None
    if state.interview.invited_to_call:
        return BASIS_INVITED
    contact = state.interview.follow_up_contact  # `state.contact`, read without a call
    if policy.respect_preferred_channel and contact.preferred_channel is CHANNEL_PHONE:
        return BASIS_PREFERRED
    if state.decision_by is not None:
        return BASIS_TIMEFRAME
    return None if policy.calls_need_invitation else BASIS_POLICY


def calls_allowed(state: FollowupState) -> bool:
    """Rule ``one-call``: a call is left and it is allowed (see `call_basis`)."""
    return call_basis(state) is not None


def default_check_in_channel(state: FollowupState) -> Channel:
    """Rules ``preferred-channel`` then ``one-call``: preference, else the call, else e-mail."""
    preferred = state.interview.follow_up_contact.preferred_channel  # `state.contact`
    if state.policy.respect_preferred_channel and preferred is not None:
        return preferred
    return Channel.PHONE if calls_allowed(state) else Channel.EMAIL


def default_check_in_choice(state: FollowupState) -> tuple[Channel, CallBasis | None]:
    """`default_check_in_channel`, and `call_basis` of *state* beside it when it is PHONE
    (else None): what the planner asks of a policy whose hook is the default, so that
    rule ``one-call`` does not work the basis out a second time (issue 20, eleventh pass)."""
    preferred = state.interview.follow_up_contact.preferred_channel  # `state.contact`
    if state.policy.respect_preferred_channel and preferred is not None:
        return preferred, call_basis(state) if preferred is CHANNEL_PHONE else None
    basis = call_basis(state)
    return CHANNEL_PHONE if basis is not None else CHANNEL_EMAIL, basis


class _Preset:
    """A preset's factory: called with a Policy class, it gives that class's preset.

    It calls `Policy`'s own classmethod of that name with the class given (so a
    subclass gets its own type), and it pickles by its name: a task queue or a
    process pool sends it as it sends a `Policy` (the app11 trial: the bare
    functions did not pickle, named as methods they are not).
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, cls: type[Policy]) -> Policy:
        factory: Callable[[type[Policy]], Policy] = getattr(Policy, self.name).__func__
        return factory(cls)

    def __repr__(self) -> str:
        return f"<preset {self.name!r}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Preset) and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)

    def __reduce__(self) -> tuple[type[_Preset], tuple[str]]:
        return _Preset, (self.name,)


PRESETS: dict[str, Callable[[type[Policy]], Policy]] = {
    name: _Preset(name) for name in ("consensus", "cautious", "persistent", "traditional")
}
"""Preset name -> factory taking the Policy class (so subclasses get their own type)."""
