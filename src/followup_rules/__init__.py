"""followup_rules: job-interview follow-up etiquette as code.

Tell a candidate what to send, to whom, when and through which channel after
an interview, and never let the schedule become pushy::

    from followup_rules import plan, Interview
    schedule = plan(Interview(starts_at, "Acme", "Engineer", ["Ana Ruiz"]))

Everything is pure: pass ``now`` where time matters; nothing reads the clock.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from .identity import action_ids, pinned
    from .loop import (
        AgendaMany,
        Application,
        Changes,
        Entry,
        FoundStep,
        Recorded,
        StepChange,
        StepStatus,
        agenda_many,
        audit_many,
        check_event,
        check_history,
        describe_event,
        end_of_day,
        event_id,
        find_event,
        find_step,
        new_violations,
        parse_when,
        record_event,
        start_of_day,
    )
    from .messages import Message, TemplatePack, render
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

# Every public name is loaded on first use (PEP 562), so that importing one
# module (``followup_rules.model``, say) or planning alone never pays for the
# rest: the rules, the auditor, the template machinery.
_WHERE: dict[str, str] = {
    "Action": "action",
    "Plan": "action",
    "Agenda": "agenda",
    "AgendaItem": "agenda",
    "Reason": "agenda",
    "Standing": "agenda",
    "agenda": "agenda",
    "Violation": "audit",
    "audit": "audit",
    "audit_many": "loop",
    "RULES": "catalogue",
    "Rule": "catalogue",
    "FollowupError": "errors",
    "FormatError": "errors",
    "InvalidArgument": "errors",
    "InvalidHistory": "errors",
    "InvalidInterview": "errors",
    "InvalidPolicy": "errors",
    "StepIdError": "errors",
    "TemplateError": "errors",
    "Contact": "events",
    "Event": "events",
    "OutOfOffice": "events",
    "Outcome": "events",
    "Reply": "events",
    "Skip": "events",
    "Snooze": "events",
    "Update": "events",
    "CallBasis": "facts",
    "Facts": "facts",
    "Fallback": "facts",
    "PreviousContact": "facts",
    "action_ids": "identity",
    "pinned": "identity",
    "AgendaMany": "loop",
    "Application": "loop",
    "Changes": "loop",
    "Entry": "loop",
    "FoundStep": "loop",
    "Recorded": "loop",
    "StepChange": "loop",
    "StepStatus": "loop",
    "agenda_many": "loop",
    "check_event": "loop",
    "check_history": "loop",
    "describe_event": "loop",
    "end_of_day": "loop",
    "event_id": "loop",
    "find_event": "loop",
    "find_step": "loop",
    "new_violations": "loop",
    "parse_when": "loop",
    "record_event": "loop",
    "start_of_day": "loop",
    "Message": "messages",
    "TemplatePack": "messages",
    "render": "messages",
    "ActionKind": "model",
    "Candidate": "model",
    "Channel": "model",
    "Interview": "model",
    "InterviewFormat": "model",
    "Interviewer": "model",
    "Recruiter": "model",
    "Salutation": "model",
    "plan": "plan",
    "plan_many": "plan",
    "PRESETS": "policy",
    "Policy": "policy",
    "TimeWindow": "policy",
    "SOURCES": "sources",
    "Source": "sources",
    "FollowupState": "state",
    "Timeframe": "timeframe",
    "parse_timeframe": "timeframe",
}

# Three public functions share their module's name.  Importing such a
# module binds the module on the package under that name; the package keeps
# the function there instead (the module stays in ``sys.modules``), as it did
# when ``__init__`` imported everything eagerly.
_FUNCTIONS_NAMED_LIKE_THEIR_MODULE = frozenset({"agenda", "audit", "plan"})


class _Package(ModuleType):
    def __setattr__(self, name: str, value: object) -> None:
        if name in _FUNCTIONS_NAMED_LIKE_THEIR_MODULE and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    """A public name on first use; ``__version__`` from the metadata only when asked (~80 ms)."""
    module = _WHERE.get(name)
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


def __dir__() -> list[str]:
    """The public names and the module's dunders, not its own imports (``sys``, ``Any``, ...)."""
    return sorted({*(name for name in globals() if name.startswith("__")), *__all__})


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
    "Changes",
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
    "StepChange",
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
    "audit_many",
    "check_event",
    "check_history",
    "describe_event",
    "end_of_day",
    "event_id",
    "find_event",
    "find_step",
    "new_violations",
    "parse_timeframe",
    "parse_when",
    "pinned",
    "plan",
    "plan_many",
    "record_event",
    "render",
    "start_of_day",
]
