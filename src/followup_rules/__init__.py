"""followup_rules: job-interview follow-up etiquette as code.

Tell a candidate what to send, to whom, when and through which channel after
an interview, and never let the schedule become pushy::

    from followup_rules import plan, Interview
    schedule = plan(Interview(starts_at, "Acme", "Engineer", ["Ana Ruiz"]))

Everything is pure: pass ``now`` where time matters; nothing reads the clock.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .action import Action, Plan
from .agenda import Agenda, AgendaItem, Reason, Standing, agenda
from .audit import Violation, audit
from .catalogue import RULES, Rule
from .errors import (
    FollowupError,
    FormatError,
    InvalidArgument,
    InvalidHistory,
    InvalidInterview,
    InvalidPolicy,
    StepIdError,
    TemplateError,
)
from .events import Contact, Event, Outcome, OutOfOffice, Reply, Skip, Snooze, Update
from .facts import CallBasis, Facts, Fallback, PreviousContact
from .identity import action_ids
from .loop import (
    AgendaMany,
    Application,
    Entry,
    FoundStep,
    Recorded,
    StepStatus,
    agenda_many,
    check_event,
    check_history,
    describe_event,
    end_of_day,
    find_event,
    find_step,
    new_violations,
    parse_when,
    record_event,
    start_of_day,
)
from .model import (
    ActionKind,
    Candidate,
    Channel,
    Interview,
    Interviewer,
    InterviewFormat,
    Recruiter,
    Salutation,
)
from .plan import plan, plan_many
from .policy import PRESETS, Policy, TimeWindow
from .sources import SOURCES, Source
from .state import FollowupState
from .timeframe import Timeframe, parse_timeframe

if TYPE_CHECKING:
    from .messages import Message, TemplatePack, render

# Loaded on first use, so that planning alone never pays for the template
# machinery.  (No lazy name may equal a submodule's name: importing the
# submodule would bind the module under that name first.)
_LAZY = {
    "Message": "messages",
    "TemplatePack": "messages",
    "render": "messages",
}


def __getattr__(name: str) -> Any:
    """Lazy names, and ``__version__`` read from the metadata only when asked (~80 ms)."""
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("followup-rules")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0.0.0"
    raise AttributeError(f"module 'followup_rules' has no attribute {name!r}")


__all__ = [
    "PRESETS",
    "RULES",
    "SOURCES",
    "Action",
    "ActionKind",
    "Agenda",
    "AgendaItem",
    "AgendaMany",
    "Application",
    "CallBasis",
    "Candidate",
    "Channel",
    "Contact",
    "Entry",
    "Event",
    "Facts",
    "Fallback",
    "FollowupError",
    "FollowupState",
    "FormatError",
    "FoundStep",
    "Interview",
    "InterviewFormat",
    "Interviewer",
    "InvalidArgument",
    "InvalidHistory",
    "InvalidInterview",
    "InvalidPolicy",
    "Message",
    "OutOfOffice",
    "Outcome",
    "Plan",
    "Policy",
    "PreviousContact",
    "Reason",
    "Recorded",
    "Recruiter",
    "Reply",
    "Rule",
    "Salutation",
    "Skip",
    "Snooze",
    "Source",
    "Standing",
    "StepIdError",
    "StepStatus",
    "TemplateError",
    "TemplatePack",
    "TimeWindow",
    "Timeframe",
    "Update",
    "Violation",
    "__version__",
    "action_ids",
    "agenda",
    "agenda_many",
    "audit",
    "check_event",
    "check_history",
    "describe_event",
    "end_of_day",
    "find_event",
    "find_step",
    "new_violations",
    "parse_timeframe",
    "parse_when",
    "plan",
    "plan_many",
    "record_event",
    "render",
    "start_of_day",
]
