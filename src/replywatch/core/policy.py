"""The follow-up cadence's settings: pure data, read from the config's ``[policy]``."""

from __future__ import annotations

from typing import NamedTuple


class Policy(NamedTuple):
    """The follow-up cadence; defaults are those of DESIGN.md."""

    follow_up_after_days: int = 7
    follow_up_after_interview_days: int = 5
    thank_you_after_hours: float = 2
    thank_you_overdue_hours: float = 24
    max_follow_ups: int = 3
    follow_up_window_days: int = 14
    follow_up_spacing_days: int = 4
    ghosted_after_days: int = 7
    business_days: bool = False
    timezone: str = ""  # IANA name; "" means the system's zone
