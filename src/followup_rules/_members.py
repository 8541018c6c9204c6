"""The enum members the planner reads on its hot paths, once, as module constants.

On CPython 3.11 every read of a member through its class (``Channel.PHONE``) goes through
``EnumType.__getattr__``'s hook (about 150 ns), where a global is read in a few; a plan
read about 68 (issue 20, twelfth pass). The planning modules import these, so each member
is named in this one place: ``KIND_`` for `ActionKind`, ``CHANNEL_`` for `Channel`, and the
enum's own word for the others.
"""

from __future__ import annotations

from typing import Final

from .events import Outcome
from .facts import CallBasis, Fallback
from .model import ActionKind, Channel, InterviewFormat

KIND_ASK_FOR_CARDS: Final = ActionKind.ASK_FOR_CARDS
KIND_CHECK_IN: Final = ActionKind.CHECK_IN
KIND_FEEDBACK_REQUEST: Final = ActionKind.FEEDBACK_REQUEST
KIND_FEEDBACK_RESPONSE: Final = ActionKind.FEEDBACK_RESPONSE
KIND_RECRUITER_DEBRIEF: Final = ActionKind.RECRUITER_DEBRIEF
KIND_THANK_YOU: Final = ActionKind.THANK_YOU

BASIS_INVITED: Final = CallBasis.INVITED
BASIS_POLICY: Final = CallBasis.POLICY
BASIS_PREFERRED: Final = CallBasis.PREFERRED
BASIS_TIMEFRAME: Final = CallBasis.TIMEFRAME

CHANNEL_EMAIL: Final = Channel.EMAIL
CHANNEL_IN_PERSON: Final = Channel.IN_PERSON
CHANNEL_PHONE: Final = Channel.PHONE
CHANNEL_POSTAL: Final = Channel.POSTAL

FALLBACK_AFTER_HOURS: Final = Fallback.AFTER_HOURS
FALLBACK_NIGHT: Final = Fallback.NIGHT
FALLBACK_NO_ADDRESS: Final = Fallback.NO_ADDRESS
FALLBACK_NO_PHONE: Final = Fallback.NO_PHONE

FORMAT_IN_PERSON: Final = InterviewFormat.IN_PERSON

OUTCOME_FEEDBACK_REQUESTED: Final = Outcome.FEEDBACK_REQUESTED
OUTCOME_NEXT_ROUND: Final = Outcome.NEXT_ROUND
OUTCOME_REJECTED: Final = Outcome.REJECTED
OUTCOME_UNDECIDED: Final = Outcome.UNDECIDED
