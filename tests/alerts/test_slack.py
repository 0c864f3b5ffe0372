"""SlackSender against the fake Slack server: real slack-sdk, real HTTP on loopback."""
from __future__ import annotations

import json
import logging
import time
import urllib.request

import pytest

from alerts.errors import PermanentSendError, SendError, TransientSendError
from alerts.render import SlackMessage, slack_message
from alerts.slack import SlackSender, retry_after_seconds
from tests.alerts.conftest import CHANNEL, TOKEN, notice
from tests.support.slack_server import SlackServer

# Every test here talks HTTP; a wedged server should fail a test, not the run.
pytestmark = pytest.mark.timeout(20)

MESSAGE = SlackMessage(
    text="New critical joint statement on Xinjiang: United Kingdom for 23 countries",
    blocks=[{"type": "header", "text": {"type": "plain_text", "text": "New joint statement on Xinjiang"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "*United Kingdom* on behalf of *23 countries*"}}],
)


def sender_for(slack: SlackServer, token: str = TOKEN, timeout: float = 2.0) -> SlackSender:
    return SlackSender(token=token, api_url=slack.api_url, timeout=timeout)


def test_a_message_is_posted_with_its_blocks_and_recorded(slack):
    receipt = sender_for(slack).send(CHANNEL, MESSAGE)
    [got] = slack.messages
    assert got.channel == CHANNEL and got.via == "api"
    assert got.text == MESSAGE.text
    assert got.blocks == MESSAGE.blocks
    assert got.body["unfurl_links"] is False and got.body["unfurl_media"] is False
    assert receipt.ts == got.ts and receipt.channel == "C0123"


def test_a_rendered_notice_is_accepted_by_slack_limits(slack):
    sender_for(slack).send("C0ALERTS", slack_message(notice()))
    [got] = slack.messages
    assert got.blocks[0]["type"] == "header"
    assert got.text.startswith("New critical joint statement on Xinjiang")


def test_a_follow_up_goes_into_the_thread_and_timestamps_increase(slack):
    sender = sender_for(slack)
    first = sender.send(CHANNEL, MESSAGE)
    second = sender.send(CHANNEL, MESSAGE, thread_ts=first.ts)
    assert slack.messages[1].thread_ts == first.ts
    assert float(second.ts) > float(first.ts)


def test_rate_limiting_is_transient_and_says_when_to_retry(slack):
    slack.fail_next("ratelimited", retry_after=1)
    with pytest.raises(TransientSendError) as caught:
        sender_for(slack).send(CHANNEL, MESSAGE)
    assert caught.value.retry_after == 1.0
    assert "ratelimited" in str(caught.value)
    assert slack.messages == []
    sender_for(slack).send(CHANNEL, MESSAGE)  # the next attempt goes through
    assert len(slack.messages) == 1


def test_a_server_error_is_transient(slack):
    slack.fail_next(status=500)
    with pytest.raises(TransientSendError) as caught:
        sender_for(slack).send(CHANNEL, MESSAGE)
    assert caught.value.retry_after is None
    assert "500" in str(caught.value)


@pytest.mark.parametrize("error", ["internal_error", "service_unavailable", "fatal_error", "request_timeout"])
def test_slack_side_errors_are_transient(slack, error):
    slack.fail_next(error)
    with pytest.raises(TransientSendError, match=error):
        sender_for(slack).send(CHANNEL, MESSAGE)


def test_a_hang_beyond_the_timeout_fails_quickly_as_transient_without_retrying(slack):
    slack.hang_next(5)
    started = time.monotonic()
    with pytest.raises(TransientSendError) as caught:
        sender_for(slack, timeout=0.5).send(CHANNEL, MESSAGE)
    assert time.monotonic() - started < 2.0
    assert "timed out" in str(caught.value).lower()
    assert slack.requests.count("/api/chat.postMessage") == 1  # no in-process retry


def test_a_refused_connection_is_transient_and_not_retried_in_process():
    with SlackServer(token=TOKEN) as gone:
        api_url = gone.api_url
    started = time.monotonic()
    with pytest.raises(TransientSendError, match="unreachable"):
        SlackSender(token=TOKEN, api_url=api_url, timeout=1.0).send(CHANNEL, MESSAGE)
    assert time.monotonic() - started < 1.0


def test_a_wrong_token_is_permanent_and_the_message_does_not_contain_it(slack):
    wrong = "xoxb-9999-8888-wrongwrongwrong"
    with pytest.raises(PermanentSendError) as caught:
        sender_for(slack, token=wrong).send(CHANNEL, MESSAGE)
    assert str(caught.value) == ("Slack chat.postMessage failed: invalid_auth (HTTP 200): "
                                 "check [slack] token or STANCEWATCH_SLACK_TOKEN")
    assert wrong not in str(caught.value) and wrong not in repr(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


@pytest.mark.parametrize("error", ["channel_not_found", "not_in_channel", "is_archived", "invalid_blocks"])
def test_configuration_errors_are_permanent(slack, error):
    slack.fail_next(error)
    with pytest.raises(PermanentSendError, match=error):
        sender_for(slack).send(CHANNEL, MESSAGE)


def test_an_unknown_channel_is_permanent_and_says_what_to_check(slack):
    with pytest.raises(PermanentSendError, match="channel_not_found .*check the subscriber's slack_channel"):
        sender_for(slack).send("#somewhere-else", MESSAGE)


def test_a_subscriber_without_a_channel_is_permanent_before_any_request(slack):
    with pytest.raises(PermanentSendError, match="channel"):
        sender_for(slack).send(None, MESSAGE)
    assert slack.requests == []


def test_webhook_mode_posts_to_the_webhook(slack):
    sender = SlackSender(token=None, webhook_url=slack.webhook_url, timeout=2.0)
    receipt = sender.send(None, MESSAGE)
    [got] = slack.messages
    assert got.via == "webhook" and got.blocks == MESSAGE.blocks and got.text == MESSAGE.text
    assert receipt.ts is None and receipt.channel is None


def test_webhook_errors_are_classified_and_never_show_the_webhook_url(slack):
    sender = SlackSender(token=None, webhook_url=slack.webhook_url, timeout=2.0)
    slack.fail_next("ratelimited", retry_after=2)
    with pytest.raises(TransientSendError) as transient:
        sender.send(None, MESSAGE)
    assert transient.value.retry_after == 2.0
    slack.fail_next("channel_not_found")
    with pytest.raises(PermanentSendError) as permanent:
        sender.send(None, MESSAGE)
    for error in (transient.value, permanent.value):
        assert "XXXX" not in str(error) and slack.webhook_url not in str(error)


def test_redacted_names_the_target_without_secrets(slack):
    api = SlackSender(token=TOKEN)
    hook = SlackSender(token=None, webhook_url=slack.webhook_url)
    assert api.redacted(CHANNEL) == "slack:#xinjiang-alerts via token xoxb-…redacted"
    assert hook.redacted() == f"{slack.base_url.replace('http:', 'slack:webhook http:')}/…redacted"
    assert TOKEN not in repr(api) and "XXXX" not in repr(hook)
    assert sender_for(slack).redacted(CHANNEL).endswith(f" at {slack.api_url}")


def test_failures_are_logged_with_the_redacted_target_only(slack, caplog):
    slack.fail_next("channel_not_found")
    with pytest.raises(PermanentSendError):
        sender_for(slack).send(CHANNEL, MESSAGE)
    assert "slack:#xinjiang-alerts via token xoxb-…redacted" in caplog.text
    assert "channel_not_found" in caplog.text and TOKEN not in caplog.text


def test_a_sender_needs_a_token_or_a_webhook():
    with pytest.raises(ValueError):
        SlackSender(token=None)


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after_seconds({"retry-after": "3"}) == 3.0
    assert retry_after_seconds({"Retry-After": ["1.5"]}) == 1.5
    assert retry_after_seconds({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0
    assert retry_after_seconds({"Retry-After": "soon"}) is None
    assert retry_after_seconds({}) is None


def test_errors_form_one_hierarchy():
    assert issubclass(TransientSendError, SendError) and issubclass(PermanentSendError, SendError)
    assert TransientSendError("x").retry_after is None


def test_the_fake_server_accepts_form_bodies_and_answers_auth_test(slack):
    form = b"channel=C0ALERTS&text=hello&blocks=%5B%5D"
    request = urllib.request.Request(slack.api_url + "chat.postMessage", data=form,
                                     headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request, timeout=2) as response:
        answer = json.load(response)
    assert answer["ok"] and answer["channel"] == "C0ALERTS"
    assert slack.messages[0].text == "hello" and slack.messages[0].blocks == []
    request = urllib.request.Request(slack.api_url + "auth.test", data=b"",
                                     headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request, timeout=2) as response:
        assert json.load(response)["user_id"] == "U0123"


def test_the_fake_server_rejects_blocks_slack_would_reject(slack):
    too_long = SlackMessage(text="x", blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}])
    with pytest.raises(PermanentSendError, match="invalid_blocks"):
        sender_for(slack).send(CHANNEL, too_long)


def test_with_both_a_token_and_a_webhook_a_subscriber_without_a_channel_gets_the_webhook(slack):
    sender = SlackSender(token=TOKEN, api_url=slack.api_url, webhook_url=slack.webhook_url, timeout=2.0)
    sender.send(None, MESSAGE)
    sender.send(CHANNEL, MESSAGE)
    assert [m.via for m in slack.messages] == ["webhook", "api"]


def test_the_webhook_url_stays_out_of_debug_logs(slack, caplog):
    # slack-sdk's WebhookClient logs its URL at DEBUG; the URL is the webhook's only secret.
    caplog.set_level(logging.DEBUG)
    sender = SlackSender(token=None, webhook_url=slack.webhook_url, timeout=2.0)
    sender.send(None, MESSAGE)
    slack.fail_next("no_service", status=404)
    with pytest.raises(PermanentSendError):
        sender.send(None, MESSAGE)
    assert "Sending a request" in caplog.text  # slack-sdk did log, through our filter
    assert "XXXX" not in caplog.text and "127.0.0.1" in caplog.text


def test_the_token_stays_out_of_debug_logs(slack, caplog):
    caplog.set_level(logging.DEBUG)
    sender_for(slack).send(CHANNEL, MESSAGE)
    with pytest.raises(PermanentSendError):
        sender_for(slack, token="xoxb-wrong-secret").send(CHANNEL, MESSAGE)
    assert TOKEN not in caplog.text and "xoxb-wrong-secret" not in caplog.text


def test_the_fake_server_takes_the_token_as_a_form_argument_too(slack):
    def post(token: str) -> dict:
        form = f"token={token}&channel=C0ALERTS&text=hi".encode()
        with urllib.request.urlopen(slack.api_url + "chat.postMessage", data=form, timeout=2) as response:
            return json.load(response)
    assert post(TOKEN)["ok"] is True
    assert post("xoxb-nope") == {"ok": False, "error": "invalid_auth"}
