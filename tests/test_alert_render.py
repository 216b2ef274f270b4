"""The words of alerts (alerts/render.py), the one cleaner behind them (core/text.py)
and the terminal printer (alerts/console.py). Pure, but for one test that sends a
rendered hostile alert through a real notification server on a private bus.
"""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import UTC, datetime, timedelta

from replywatch.alerts.console import print_alert
from replywatch.alerts.desktop import DesktopNotifier
from replywatch.alerts.render import RenderedAlert, ReplyInfo, render
from replywatch.core.model import (
    Action,
    ActionKind,
    Application,
    Direction,
    Event,
    Interview,
    Stage,
)
from replywatch.core.text import clean_line, clean_text
from tests.servers.notify_server import NotifyServer

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # a Tuesday
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
EVIL_MARKUP = '<a href="http://evil">x</a>'
ESCAPES = "\x1b[31m\x1b]0;title\x07"
HOSTILE = f"Acme {EVIL_MARKUP} & Co{ESCAPES}\r\nBcc: evil@x\u2028\x00\x9b\x7f\udcff" + "A" * 10_240


def app_(company: str = "Acme", role: str = "Backend engineer", **kwargs: object) -> Application:
    fields: dict[str, object] = {
        "id": 7,
        "company": company,
        "role": role,
        "stage": Stage.APPLIED,
        "applied_at": NOW - 30 * DAY,
        "contacts": ("jane@acme.example",),
    }
    fields.update(kwargs)
    return Application(**fields)  # type: ignore[arg-type]


def reply_action() -> Action:
    return Action(7, ActionKind.REPLY, due=NOW - HOUR, since=NOW - HOUR)


def thank_you(*, overdue_at: datetime) -> Action:
    return Action(
        7, ActionKind.THANK_YOU_DUE, due=NOW - HOUR, since=NOW - 3 * HOUR, overdue_at=overdue_at
    )


def follow_up(n: int, max_n: int = 3) -> Action:
    return Action(7, ActionKind.FOLLOW_UP_DUE, due=NOW - DAY, since=NOW - 8 * DAY, n=n, max_n=max_n)


def ghosted() -> Action:
    return Action(7, ActionKind.GHOSTED, due=NOW - DAY, since=NOW - 20 * DAY)


def rendered(
    action: Action, app: Application | None = None, reply: ReplyInfo | None = None
) -> RenderedAlert:
    return render(app or app_(), action, now=NOW, tz=UTC, reply=reply)


def controls(text: str, *, allowed: str = "") -> list[str]:
    """Return the control and format characters in ``text`` other than ``allowed``."""
    return [
        c for c in text if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") and c not in allowed
    ]


def hostile_reply_alert() -> RenderedAlert:
    reply = ReplyInfo(sender=f"Jane {HOSTILE}", subject=f"Re: {HOSTILE}", at=NOW - HOUR)
    return rendered(reply_action(), app_(company=HOSTILE, role=HOSTILE), reply)


# --- titles ------------------------------------------------------------------------


def test_render_reply_title_says_company_replied_and_answer_due() -> None:
    assert "Acme replied — your answer is due" == rendered(reply_action()).title


def test_render_thank_you_before_overdue_title_says_thank_company() -> None:
    assert "Thank Acme for the interview" == rendered(thank_you(overdue_at=NOW + HOUR)).title


def test_render_thank_you_at_overdue_at_title_says_overdue() -> None:
    assert ("Thank Acme for the interview — it is not too late"
            == rendered(thank_you(overdue_at=NOW)).title)


def test_render_follow_up_title_counts_n_of_max() -> None:
    assert "Follow up with Acme (2 of 3)" == rendered(follow_up(2)).title


def test_render_ghosted_title_says_gone_quiet() -> None:
    assert "Acme has gone quiet — time to move on" == rendered(ghosted()).title


def test_render_email_subject_is_tagged_title() -> None:
    assert "[replywatch] Acme has gone quiet — time to move on" == rendered(
        ghosted()).email_subject


# --- bodies ------------------------------------------------------------------------


def test_render_reply_body_is_sender_and_when_subject_and_role() -> None:
    reply = ReplyInfo(
        sender="Jane Doe <jane@acme.example>", subject="Re: Your application", at=NOW - HOUR
    )

    alert = rendered(reply_action(), reply=reply)

    assert [
        "Jane Doe <jane@acme.example>, Tue 24 Nov 11:00",
        "Re: Your application",
        "Role: Backend engineer",
    ] == alert.body.splitlines()


def test_render_reply_without_reply_info_says_when_they_wrote() -> None:
    alert = rendered(reply_action())

    assert "They wrote on Tue 24 Nov 11:00." == alert.body.splitlines()[0]


def test_render_any_kind_body_is_at_most_three_lines_ending_with_role() -> None:
    reply = ReplyInfo(sender="Jane <jane@acme.example>", subject="Re: hi", at=NOW - HOUR)
    alerts = [rendered(reply_action(), reply=reply), rendered(reply_action()),
              rendered(thank_you(overdue_at=NOW + HOUR)), rendered(thank_you(overdue_at=NOW)),
              rendered(follow_up(1)), rendered(follow_up(3)), rendered(ghosted())]

    assert [(True, "Role: Backend engineer")] * 7 == [
        (len(a.body.splitlines()) <= 3, a.body.splitlines()[-1]) for a in alerts]


def test_render_body_has_no_last_contact_line_but_email_keeps_it() -> None:
    interview = Interview(NOW - 2 * DAY - HOUR, NOW - 2 * DAY)
    app = app_(interviews=(interview,), events=(Event(NOW - 9 * DAY, Direction.FROM_THEM),))

    alert = rendered(thank_you(overdue_at=NOW + DAY), app)

    assert (False, True) == (
        "Last contact" in alert.body,
        "Last contact: your interview ended on Sun 22 Nov 12:00" in alert.email_body)


def test_render_without_role_body_has_no_role_line() -> None:
    alert = rendered(ghosted(), app_(role=""))

    assert [] == [line for line in alert.body.splitlines() if line.startswith("Role:")]


def test_render_thank_you_before_overdue_body_says_within_a_day_not_overdue() -> None:
    body = rendered(thank_you(overdue_at=NOW + HOUR)).body

    assert ("within a day" in body, "overdue" in body) == (True, False)


def test_render_thank_you_at_overdue_at_body_says_late_note_beats_none() -> None:
    alert = rendered(thank_you(overdue_at=NOW))

    overdue = "thank-you note to Acme is overdue since Tue 24 Nov 12:00"
    assert ("Your interview ended Tue 24 Nov 09:00: a late note still beats none.", True) == (
        alert.body.splitlines()[0], overdue in alert.email_body)


def test_render_follow_up_body_says_since_when_and_same_thread() -> None:
    lines = rendered(follow_up(1)).body.splitlines()

    assert lines[:2] == [
        "No answer since Mon 16 Nov 12:00.",
        "Reply in the same thread: continue the conversation.",
    ]


def test_render_follow_up_email_body_holds_the_three_prompts() -> None:
    email_body = rendered(follow_up(1)).email_body

    prompts = [
        "a highlight of your conversation with them",
        "something you learned about the company that surprised you",
        "something that resonates with your own values",
        "a pressing problem of\n    theirs that you have experience with",
    ]
    assert [True] * 4 == [prompt in email_body for prompt in prompts]


def test_render_follow_up_email_body_says_same_thread_and_no_decision() -> None:
    email_body = rendered(follow_up(1)).email_body

    assert (
        "reply in the same email thread" in email_body,
        "Continue the conversation, don't ask for a decision." in email_body,
    ) == (True, True)


def test_render_follow_up_before_max_has_no_last_follow_up_wording() -> None:
    alert = rendered(follow_up(2, max_n=3))

    assert (False, False) == ("last follow-up" in alert.body, "last follow-up" in alert.email_body)


def test_render_follow_up_at_max_says_last_one_and_silence_is_an_answer() -> None:
    alert = rendered(follow_up(3, max_n=3))

    wording = "This is the last follow-up: after it, silence is an answer."
    assert (True, True) == (wording in alert.body, wording in alert.email_body)


def test_render_ghosted_body_says_silence_is_an_answer_and_how_to_reopen() -> None:
    lines = rendered(ghosted()).body.splitlines()

    assert lines[:2] == [
        "No answer since Wed 4 Nov 12:00: silence is an answer too.",
        "To reopen it: replywatch app set 7 --stage applied",
    ]


def test_render_ghosted_email_body_says_move_on() -> None:
    alert = rendered(ghosted())

    assert (True, True) == (
        alert.email_body.startswith("Acme has gone quiet — time to move on\n\n"),
        "Time to move on: this is a career-long ultramarathon, not a sprint."
        in alert.email_body,
    )


def test_render_times_show_in_given_zone() -> None:
    from zoneinfo import ZoneInfo

    alert = render(app_(), reply_action(), now=NOW, tz=ZoneInfo("Europe/Oslo"))

    assert "They wrote on Tue 24 Nov 12:00." == alert.body.splitlines()[0]


# --- key and payload -------------------------------------------------------------


def test_render_key_kind_and_app_id_come_from_action() -> None:
    action = follow_up(2)

    alert = rendered(action)

    assert (action.key, "follow_up_due", 7) == (alert.key, alert.kind, alert.app_id)


def test_render_payload_holds_action_application_and_texts() -> None:
    alert = rendered(follow_up(2))

    assert {
        "key": "7:follow_up_due:2:2026-11-16T12:00:00+00:00",
        "kind": "follow_up_due",
        "n": 2,
        "max": 3,
        "due": "2026-11-23T12:00:00+00:00",
        "since": "2026-11-16T12:00:00+00:00",
        "overdue_at": None,
        "application": {
            "id": 7,
            "company": "Acme",
            "role": "Backend engineer",
            "stage": "applied",
            "contacts": ["jane@acme.example"],
        },
        "reply": None,
        "says": None,
        "title": alert.title,
        "body": alert.body,
        "urgency": "normal",
    } == alert.payload


def test_render_reply_payload_holds_reply_with_iso_time() -> None:
    reply = ReplyInfo(sender="Jane <jane@acme.example>", subject="Re: hi", at=NOW - HOUR)

    alert = rendered(reply_action(), reply=reply)

    expected = {
        "sender": "Jane <jane@acme.example>",
        "subject": "Re: hi",
        "at": "2026-11-24T11:00:00+00:00",
    }
    assert expected == alert.payload["reply"]


def test_render_payload_due_has_offset_of_zone() -> None:
    from zoneinfo import ZoneInfo

    alert = render(app_(), follow_up(1), now=NOW, tz=ZoneInfo("Europe/Oslo"))

    assert "2026-11-23T13:00:00+01:00" == alert.payload["due"]


def test_render_hostile_payload_round_trips_through_json() -> None:
    payload = hostile_reply_alert().payload

    assert payload == json.loads(json.dumps(payload, allow_nan=False))


# --- hostile text ------------------------------------------------------------------


def test_render_hostile_texts_title_has_no_control_character_or_newline() -> None:
    assert [] == controls(hostile_reply_alert().title)


def test_render_hostile_texts_body_has_no_control_character_but_newline() -> None:
    alert = hostile_reply_alert()

    assert ([], []) == (
        controls(alert.body, allowed="\n"),
        controls(alert.email_body, allowed="\n"),
    )


def test_render_hostile_texts_email_subject_is_one_clean_line() -> None:
    assert [] == controls(hostile_reply_alert().email_subject)


def test_render_hostile_texts_payload_strings_have_no_control_character() -> None:
    payload = hostile_reply_alert().payload
    application = payload["application"]
    reply = payload["reply"]
    assert isinstance(application, dict) and isinstance(reply, dict)

    fields = [application["company"], application["role"], reply["sender"], reply["subject"]]
    assert [] == [c for field in fields for c in controls(str(field))]


def test_render_hostile_texts_lengths_stay_within_caps() -> None:
    alert = hostile_reply_alert()
    application = alert.payload["application"]
    assert isinstance(application, dict)

    assert (True, True, True, True) == (
        len(alert.title) <= 120,
        len(alert.body) <= 2000,
        len(alert.email_subject) <= 200,
        len(str(application["company"])) <= 200,
    )


def test_render_hostile_long_company_title_is_cut_with_ellipsis_keeping_verb() -> None:
    title = rendered(reply_action(), app_(company="A" * 10_240)).title

    assert ("A" * 90 + "… replied — your answer is due", 120) == (title, len(title))


def test_render_hostile_markup_is_kept_as_literal_text_not_escaped() -> None:
    alert = hostile_reply_alert()

    literal = f"Acme {EVIL_MARKUP} & Co"
    assert (True, True, False) == (
        alert.title.startswith(literal),
        f"Re: {literal}" in alert.body,
        "&amp;" in alert.body + alert.email_body + alert.title,
    )


def test_render_hostile_escape_codes_lose_their_escape_character() -> None:
    alert = hostile_reply_alert()

    assert 'Acme <a href="http://evil">x</a> & Co [31m ]0;title Bcc: evil@x' in alert.body


def test_render_hostile_lone_surrogate_becomes_question_mark() -> None:
    alert = rendered(ghosted(), app_(company="Acme\udcff"))

    assert "Acme? has gone quiet — time to move on" == alert.title


def test_render_hostile_alert_through_markup_desktop_server_is_escaped_once(
    dbus_session: str,
) -> None:
    app = app_(company="A&B <i>x</i>", role="A&B <i>x</i>")
    alert = render(app, ghosted(), now=NOW, tz=UTC)
    with (
        NotifyServer(dbus_session, capabilities=("body", "body-markup")) as server,
        DesktopNotifier(dbus_session) as notifier,
    ):
        notifier.notify(alert.title, alert.body)

    [recorded] = server.wait_for(1)
    assert (
        "A&B <i>x</i> has gone quiet — time to move on",
        "Role: A&amp;B &lt;i&gt;x&lt;/i&gt;",
    ) == (recorded.summary, recorded.body.split("\n")[-1])


# --- the cleaner -------------------------------------------------------------------


def test_clean_line_control_characters_and_line_ends_become_single_spaces() -> None:
    assert "a [31m b c d e" == clean_line("a\x1b[31m\r\nb\t\tc\u2028d\x00\x85e")


def test_clean_line_longer_than_limit_ends_with_ellipsis_at_limit() -> None:
    assert "abcd…" == clean_line("abcdefgh", 5)


def test_clean_line_bidi_override_is_dropped() -> None:
    assert "abc def" == clean_line("abc\u202edef")


def test_clean_text_keeps_newlines_drops_other_controls() -> None:
    assert "line one\nline two[31m" == clean_text("line\x00 one\r\nline two\x1b[31m")


def test_clean_text_many_blank_lines_fold_into_one() -> None:
    assert "a\n\nb" == clean_text("a\n\n\n\n\r\n\rb")


def test_clean_text_is_idempotent_on_hostile_text() -> None:
    once = clean_text(HOSTILE, 2000)

    assert once == clean_text(once, 2000)


# --- the terminal ------------------------------------------------------------------


def test_print_alert_writes_title_then_indented_body() -> None:
    alert = rendered(follow_up(3), app_(role=""))
    stream = io.StringIO()

    print_alert(alert, stream)

    assert stream.getvalue() == (
        "Follow up with Acme (3 of 3)\n"
        "    No answer since Mon 16 Nov 12:00.\n"
        "    This is the last follow-up: after it, silence is an answer.\n"
    )


def test_print_alert_with_escape_codes_in_a_hand_made_alert_prints_none() -> None:
    alert = RenderedAlert(
        key="k",
        kind="reply",
        app_id=1,
        title="T\x1b[2J",
        body="b\x1b]0;x\x07",
        email_subject="",
        email_body="",
        payload={},
    )
    stream = io.StringIO()

    print_alert(alert, stream)

    assert "T [2J\n    b]0;x\n" == stream.getvalue()
