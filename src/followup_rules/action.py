"""`Action` (one step of the follow-up) and `Plan` (the ordered steps)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, tzinfo
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, overload

import attrs
import pendulum

from . import _validate as v
from ._calendar import local_window, to_local, utc
from ._step_words import Words, language_named, step_words
from .catalogue import RULES
from .errors import FollowupError, InvalidArgument, InvalidInterview
from .events import Contact
from .facts import NO_FACTS, Facts, LazyFacts
from .model import ActionKind, Channel, Interviewer, Recruiter

__all__ = ["Action", "Plan", "Window"]


class Window(NamedTuple):
    """A planned step's window as UTC instants: when it opens, closes, and the best moment.

    ``earliest <= suggested <= latest``.  `Action.earliest`, `Action.latest`
    and `Action.suggested` are these instants on the recipient's wall clock.
    The planner itself holds them as a plain tuple of the same three
    (`Instants`); this class stays for code, and plans pickled by earlier
    versions, that name it.
    """

    earliest: datetime
    latest: datetime
    suggested: datetime


Instants = tuple[datetime, datetime, datetime]
"""A planned step's window as the planner holds it: (earliest, latest, suggested) in UTC.

A plain tuple, not a `Window`: the garbage collector stops tracking an
exact tuple of datetimes at its first pass (a named tuple stays tracked,
one more object a step for every collection to walk), and a tuple display
costs a fraction of a named tuple's constructor (issue 20, sixth pass).
"""


KIND_ORDER = {kind: position for position, kind in enumerate(ActionKind)}
_ORDER_OF_VALUE = {kind.value: position for kind, position in KIND_ORDER.items()}
"""`KIND_ORDER` by the kind's value: a string hashes in C, an Enum member in Python."""

_set = object.__setattr__
"""How the planner fills the slots of the frozen `Action` and `Plan` it makes."""


def _language_of(locale: str | None) -> Words:
    """The `Words` of the locale *locale* names (English for None), or InvalidArgument."""
    return language_named(locale)


def _catalogue_rule(value: Any, fail: v.Fail) -> str:
    """The id of a rule of the catalogue (`followup_rules.catalogue.RULES`)."""
    name = v.clean_text(value, fail)
    if name not in RULES:
        raise fail("is not a rule id of the catalogue (see followup_rules.RULES)")
    return name


if TYPE_CHECKING:

    def _kind(value: ActionKind | str) -> ActionKind: ...
    def _channel(value: Channel | str) -> Channel: ...
    def _recipient(value: Interviewer | Recruiter | None) -> Interviewer | Recruiter | None: ...
    def _facts(value: Facts) -> Facts: ...
    def _late_since(value: datetime | None) -> pendulum.DateTime | None: ...
    def _rule_id(value: str) -> str: ...

else:
    _kind = v.converter(v.member_of(ActionKind))
    _channel = v.converter(v.member_of(Channel))
    _recipient = v.converter(v.instance_of(Interviewer, Recruiter, optional=True))
    _late_since = v.converter(v.optional(lambda value, fail: v.aware(value, fail, v.LATEST_EVENT)))
    _facts = v.converter(v.instance_of(Facts))
    _rule_id = v.converter(_catalogue_rule)


@attrs.frozen
class Action(v.Checked):
    """One thing to do, with its window and where the rule comes from.

    Attributes:
        kind: what to do.
        channel: how.
        recipient: who receives it (None for nobody in particular).
        earliest: the window opens (aware; in the recipient's zone).
        latest: the window closes; ``earliest <= suggested <= latest`` as
            instants.  (In the hour a DST change repeats, compare them in
            UTC, ``.in_timezone("UTC")``: Python compares two times of one
            zone by their wall clocks, PEP 495's fold aside.)
        suggested: the best moment inside the window.
        rule: the id of the catalogue rule that produced it.
        sources: the seed articles behind it (file names): its rule's, and
            those of the rules that shaped it (a call adds ``one-call``'s, a
            question about next steps ``next-steps``'s; see "An action's
            sources" in ``docs/rules.md``).
        template: the message template to render (for in-room steps, the
            talking points), or None.
        facts: what the planner knew that the message may state: the
            attempt, the previous contact, the decision date in force, why a
            call is allowed, the employer's news (see `Facts`).
        late_since: for a step whose first window closed before the plan's
            *now* (or the latest event) and that is still worth doing, when
            that window closed; the window here is then its next one, at or
            after *now*.  None for a step on time.

    An action built by hand is checked field by field: kind and channel
    (members or their names), recipient (Interviewer, Recruiter or None),
    aware times (stdlib ones become pendulum DateTimes) with ``earliest <=
    suggested <= latest``, a rule id of the catalogue, sources (strings) and
    template (a string or None), else `InvalidInterview` naming the field.
    An action from the planner holds its times as UTC instants (`Instants`)
    and builds each pendulum DateTime the first time it is read; it makes
    its facts the first time they are read (`facts.LazyFacts`); either way
    the values and equality are the same.
    """

    _error = InvalidInterview

    kind: ActionKind = attrs.field(converter=_kind)
    channel: Channel = attrs.field(converter=_channel)
    recipient: Interviewer | Recruiter | None = attrs.field(converter=_recipient)
    earliest: pendulum.DateTime = attrs.field(converter=v.event_datetime)
    latest: pendulum.DateTime = attrs.field(converter=v.event_datetime)
    suggested: pendulum.DateTime = attrs.field(converter=v.event_datetime)
    rule: str = attrs.field(converter=_rule_id)
    sources: tuple[str, ...] = attrs.field(converter=v.texts)
    template: str | None = attrs.field(default=None, converter=v.optional_text)
    facts: Facts = attrs.field(default=NO_FACTS, converter=_facts)
    late_since: pendulum.DateTime | None = attrs.field(
        default=None, kw_only=True, converter=_late_since
    )
    # The window as stdlib UTC instants: what the planner sorts, filters and
    # folds by, computed once.
    _utc: Instants = attrs.field(init=False, repr=False, eq=False, order=False)
    # The zone of the public times while they are still to be built (see
    # `_planned`), else None: once built, they carry it.
    _tz: tzinfo | None = attrs.field(init=False, repr=False, eq=False, order=False)

    def __attrs_post_init__(self) -> None:
        _set(self, "_tz", None)  # the times are built: __init__ set them
        window = (utc(self.earliest), utc(self.latest), utc(self.suggested))
        if not window[0] <= window[2] <= window[1]:
            raise InvalidInterview(
                "Action.suggested",
                self.suggested,
                f"must lie between earliest ({self.earliest}) and latest ({self.latest})",
            )
        _set(self, "_utc", window)

    @classmethod
    def _planned(
        cls,
        *,
        kind: ActionKind,
        channel: Channel,
        recipient: Interviewer | Recruiter | None,
        window: Instants,
        tz: tzinfo,
        rule: str,
        sources: tuple[str, ...],
        template: str | None,
        facts: Facts | LazyFacts = NO_FACTS,
        late_since: pendulum.DateTime | None = None,
    ) -> Action:
        """An action from the planner's own *window* of UTC instants, in the zone *tz*.

        The public times are the window as a wall clock in *tz* shows it,
        built as pendulum DateTimes on first access (see `_TimesOnRead`).
        *facts* are made, or, for a follow-up, `LazyFacts` that `facts` makes
        when first read.  The values are the planner's, already valid, so
        nothing is checked again: this is the planner's hottest constructor.  Always an
        `Action`, whatever *cls* (the planner makes no other kind of step).
        """
        # Built as the unfrozen twin, whose slots take plain assignment, then made an
        # Action: no call a slot (issue 20, eleventh pass; see `_validate.unfrozen_twin`).
        action: Any = _NEW(_Building)
        action.kind = kind
        action.channel = channel
        action.recipient = recipient
        action.rule = rule
        action.sources = sources
        action.template = template
        action.facts = facts  # the slot itself: `_Building` has no `_FactsOnRead`
        action._utc = window
        action._tz = tz
        action.late_since = late_since
        action.__class__ = Action
        return action  # type: ignore[no-any-return]

    def _moved(
        self, window: Instants, late_since: datetime | None, facts: Facts | None = None
    ) -> Action:
        """This step in another *window*: re-planned late, snoozed, or cut at *now*.

        *late_since* (UTC) is when its first window closed, for a late step.
        The facts stay the same unless *facts* is given.
        """
        tz = self._tz
        if tz is None:  # times built (by hand, or read): they carry their zone
            tz = self.earliest.tzinfo
            assert tz is not None  # checked aware at construction
        return Action._planned(
            kind=self.kind,
            channel=self.channel,
            recipient=self.recipient,
            window=window,
            tz=tz,
            rule=self.rule,
            sources=self.sources,
            template=self.template,
            facts=_FACTS_SLOT.__get__(self, Action) if facts is None else facts,
            late_since=None if late_since is None else to_local(late_since, tz),
        )

    def _with_facts(self, facts: Facts) -> Action:
        """This action with other facts: the same window, unchecked (the planner's own)."""
        tz = self._tz
        if tz is None:  # times built (by hand, or read): they carry their zone
            tz = self.earliest.tzinfo
            assert tz is not None  # checked aware at construction
        return Action._planned(
            kind=self.kind,
            channel=self.channel,
            recipient=self.recipient,
            window=self._utc,
            tz=tz,
            rule=self.rule,
            sources=self.sources,
            template=self.template,
            facts=facts,
            late_since=self.late_since,
        )

    def describe(self, locale: str | None = None) -> str:
        """One line for people, e.g. ``"Check in with Ana Ruiz by phone"``.

        A step that had to change channel says why: "Check in with Ana Ruiz
        by e-mail (no phone number is known)".  *locale* (``"de"``,
        ``"fr_CA"``, any locale `followup_rules.LOCALES` has) writes it in
        that language, as a message to the same person would be; None and
        ``"en"`` write English.

        Raises:
            InvalidArgument: *locale* is not a translated locale.
        """
        said = step_words(_language_of(locale))
        who = self.recipient.name if self.recipient is not None else said["nobody"]
        key = self.kind.value
        if key not in said:
            key = f"{key} {self.channel.value}"
        line = said[key] % {"who": who}
        facts = self.facts
        fallback = facts.fallback
        if fallback is not None:
            line = said["note"] % {"line": line, "note": said[fallback.value]}
        if facts.arrives_after_decision:
            line = said["note"] % {"line": line, "note": said["arrives_late"]}
        return line

    def done(
        self,
        at: datetime | None = None,
        *,
        voicemail: bool = False,
        message_id: str | None = None,
        subject: str | None = None,
        answered: bool | None = None,
        note: str | None = None,
    ) -> Contact:
        """The history event saying this action was done (at *at*, else as suggested).

        *voicemail*, *message_id*, *subject* and, for a call, *answered*
        record how it went, so that the next message to the same person can
        refer to it; *note* is the candidate's own (see `Contact`).

        Raises:
            InvalidHistory: as `Contact` (a voicemail or an answer on an
                e-mail, a message id on a call, ...).
        """
        return Contact(
            at=self.suggested if at is None else at,
            channel=self.channel,
            kind=self.kind,
            recipient=None if self.recipient is None else self.recipient.name,
            voicemail=voicemail,
            message_id=message_id,
            subject=subject,
            answered=answered,
            note=note,
        )

    def sort_key(self) -> tuple[datetime, datetime, int, str]:
        """Plans are ordered by suggested time, then window, kind and recipient.

        Times are compared in UTC: across zones, Python calls an ambiguous
        wall time (a DST fall-back hour) unequal to the same instant elsewhere,
        which would leave equal keys unordered.
        """
        name = "" if self.recipient is None else self.recipient.name
        earliest, _, suggested = self._utc
        return (suggested, earliest, _ORDER_OF_VALUE[self.kind._value_], name)


_FACTS_SLOT = Action.__dict__["facts"]
_SET_TZ = Action.__dict__["_tz"].__set__  # for `_TimesOnRead`, which builds the times once
_NEW = object.__new__


class _FactsOnRead:
    """`Action.facts` as read: the slot's `Facts`, or what its `LazyFacts` (a planned
    step's) makes, once, the first time it is asked.  The action itself never
    changes.  Equality, hashing, ``repr`` and pickling read it like any field,
    so they see the facts themselves."""

    __slots__ = ()

    def __get__(self, action: Action | None, owner: type | None = None) -> Any:
        if action is None:
            return self
        facts = _FACTS_SLOT.__get__(action, owner)
        return facts.get() if type(facts) is LazyFacts else facts

    def __set__(self, action: Action, value: Facts | LazyFacts) -> None:
        _FACTS_SLOT.__set__(action, value)


class _TimesOnRead:
    """`Action.earliest`, `latest` and `suggested` as read: the slot's DateTime, or, for a
    planned action whose times are still to build, all three built at once from its UTC
    window and kept in their slots, then the one asked for.  A zone in
    `Action._tz` says they are still to build; building them clears it (a test, not a
    missing slot's AttributeError: raising one on every first read cost a tenth of
    reading every time of a plan, issue 20).

    A planned action keeps its times as UTC instants: most plans are filtered,
    sorted and stored without anyone reading most of their times, and a
    pendulum DateTime costs more to build than the rest of the action.  A
    descriptor rather than ``__getattr__``: a class with ``__getattr__`` reads
    every other attribute through a slower path too (CPython specialises no
    attribute read on it), and the planner reads its actions' slots often.
    """

    __slots__ = ("_get", "_index")

    def __init__(self, index: int) -> None:
        self._get = _TIME_SLOTS[index].__get__
        self._index = index

    def __get__(self, action: Action | None, owner: type | None = None) -> Any:
        if action is None:
            return self
        tz = action._tz
        if tz is None:  # built: by __init__, or on an earlier read
            return self._get(action, owner)
        first, last, best = times = local_window(action._utc, tz)
        _SET_EARLIEST(action, first)
        _SET_LATEST(action, last)
        _SET_SUGGESTED(action, best)
        _SET_TZ(action, None)
        return times[self._index]

    def __set__(self, action: Action, value: pendulum.DateTime) -> None:
        _TIME_SLOTS[self._index].__set__(action, value)


# In place of the slots' own descriptors (kept here), after attrs made the class.
_TIME_SLOTS = tuple(Action.__dict__[name] for name in ("earliest", "latest", "suggested"))
_SET_EARLIEST, _SET_LATEST, _SET_SUGGESTED = (slot.__set__ for slot in _TIME_SLOTS)
type.__setattr__(Action, "facts", _FactsOnRead())

_Building = v.unfrozen_twin(Action)
"""An `Action` while `Action._planned` fills its slots (see `_validate.unfrozen_twin`)."""
type.__setattr__(_Building, "facts", _FACTS_SLOT)  # the slot itself, not `_FactsOnRead`
for _index, _name in enumerate(("earliest", "latest", "suggested")):
    type.__setattr__(Action, _name, _TimesOnRead(_index))


def _check_now(now: Any, name: str = "now") -> datetime:
    """The instant *now* names, in UTC (any zone; refused when naive).

    Raises:
        InvalidArgument: naming the argument *name*.
    """
    return v.instant(now, lambda problem: InvalidArgument(name, now, problem))


def _actions(value: Any, fail: v.Fail) -> tuple[Action, ...]:
    if type(value) is not tuple:
        value = v.bounded(value, fail, 100_000, "actions")
    for item in value:
        if not isinstance(item, Action):
            raise fail(f"expected Action items, got {type(item).__name__}")
    return value  # type: ignore[no-any-return]


if TYPE_CHECKING:

    def _action_list(value: Iterable[Action]) -> tuple[Action, ...]: ...

else:
    _action_list = v.converter(_actions)


@attrs.frozen
class Plan(v.Checked, Sequence[Action]):
    """The whole schedule: an immutable sequence of `Action` in time order.

    Indexing, slicing (which gives a Plan), ``len`` and iteration work as on a
    tuple; `upcoming` and `next` filter by an explicit *now* (the library never
    reads the clock).

    Attributes:
        actions: the steps still allowed, ordered by suggested time.
        missed: one-time steps (a thank-you, an in-room question, a debrief)
            whose window closed before the latest event of the history
            without being done.  They are kept out of the sequence, which
            holds only what can still be done, so that nothing vanishes
            silently; `followup_rules.agenda` lists them as superseded.
            A slice of a plan has none.

    A plan from `plan()` (or read back by `serialize.structure`) also knows
    the stable id of each step: `ids` and `missed_ids`, worked out when first
    asked for.  So do the plans `upcoming` and slicing give.
    """

    _error = InvalidInterview

    actions: tuple[Action, ...] = attrs.field(converter=_action_list)
    missed: tuple[Action, ...] = attrs.field(default=(), converter=_action_list)
    # The ids of `actions` and `missed` once worked out, else None.
    _ids: tuple[tuple[str, ...], tuple[str, ...]] | None = attrs.field(
        init=False, default=None, repr=False, eq=False, order=False
    )
    # How to work them out, from this plan, when first asked for; None when
    # nobody can (a plan built by hand knows no interview).
    _ids_from: Callable[[Plan], tuple[tuple[str, ...], tuple[str, ...]]] | None = attrs.field(
        init=False, default=None, repr=False, eq=False, order=False
    )

    @classmethod
    def _made(
        cls,
        actions: tuple[Action, ...],
        missed: tuple[Action, ...] = (),
        ids_from: Callable[[Plan], tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
    ) -> Plan:
        """A plan of actions the library made or already checked: nothing is checked again.
        Always a `Plan`, whatever *cls*.

        *ids_from* works out the ids of the actions and of the missed steps,
        from the plan, when first asked for (see `ids`).
        """
        made: Any = _NEW(_BuildingPlan)  # its slots set by plain assignment, as an action's
        made.actions = actions
        made.missed = missed
        made._ids = None
        made._ids_from = ids_from
        made.__class__ = Plan
        return made  # type: ignore[no-any-return]

    @property
    def ids(self) -> tuple[str, ...]:
        """The stable id of each action, in order: `AgendaItem.id`, the calendar UID.

        An app stores it to record the step done, skipped or snoozed (see
        `followup_rules.identity`).

        Raises:
            FollowupError: the plan was built by hand, with no interview to
                number its steps from.
        """
        return self._id_lists()[0]

    @property
    def missed_ids(self) -> tuple[str, ...]:
        """The stable id of each step of `missed`, in order (as `ids`)."""
        return self._id_lists()[1]

    def _id_lists(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        known = self._ids
        if known is None:
            make = self._ids_from
            if make is None:
                raise FollowupError(
                    "this plan was built by hand: its step ids are unknown (a plan from "
                    "plan() or serialize.structure() knows them)"
                )
            known = make(self)
            _set(self, "_ids", known)
        return known

    def _known_ids(self) -> tuple[tuple[str | None, ...], tuple[str | None, ...]]:
        """The ids when the plan knows them, else None for each step."""
        if self._ids is None and self._ids_from is None:
            return (None,) * len(self.actions), (None,) * len(self.missed)
        return self._id_lists()

    def _set_ids(self, ids: tuple[str, ...], missed_ids: tuple[str, ...]) -> None:
        """Give a plan read back from data the ids it was written with."""
        if len(ids) != len(self.actions) or len(missed_ids) != len(self.missed):
            raise ValueError("one id per step")  # pragma: no cover - callers count them
        _set(self, "_ids", (ids, missed_ids))

    def _derived(
        self, actions: tuple[Action, ...], missed: tuple[Action, ...], kept: Sequence[int]
    ) -> Plan:
        """A plan of some of these actions (at positions *kept*), knowing their ids."""
        known = self._ids is not None or self._ids_from is not None
        return Plan._made(actions, missed, partial(_picked, self, tuple(kept)) if known else None)

    def __len__(self) -> int:
        return len(self.actions)

    def __iter__(self) -> Iterator[Action]:
        return iter(self.actions)

    @overload
    def __getitem__(self, index: int) -> Action: ...
    @overload
    def __getitem__(self, index: slice) -> Plan: ...
    def __getitem__(self, index: int | slice) -> Action | Plan:
        if isinstance(index, slice):
            positions = range(len(self.actions))[index]
            return self._derived(self.actions[index], (), positions)
        return self.actions[index]

    def upcoming(self, now: datetime) -> Plan:
        """The actions whose window has not closed at *now* (``latest >= now``).

        Raises:
            InvalidArgument: *now* is not an aware datetime.
        """
        now = _check_now(now)
        kept = [index for index, action in enumerate(self.actions) if action._utc[1] >= now]
        return self._derived(tuple(self.actions[index] for index in kept), self.missed, kept)

    def next(self, now: datetime) -> Action | None:
        """The first action still doable at *now*, or None when nothing is left."""
        now = _check_now(now)
        for action in self.actions:
            if action._utc[1] >= now:
                return action
        return None

    def __str__(self) -> str:
        lines = []
        for action in self.actions:
            when = action.suggested.format("ddd D MMM YYYY HH:mm zz")
            lines.append(f"{when:<28}  {action.describe():<62}  [{action.rule}]")
        return "\n".join(lines) if lines else "(nothing left to do)"


_BuildingPlan = v.unfrozen_twin(Plan)
"""A `Plan` while `Plan._made` fills its slots (see `_validate.unfrozen_twin`)."""


def _picked(
    parent: Plan, kept: tuple[int, ...], plan: Plan
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ids of a plan made of *parent*'s actions at positions *kept*."""
    ids, missed_ids = parent._id_lists()
    return tuple(ids[index] for index in kept), missed_ids if plan.missed else ()
