"""What subscribers read: fallback text and blocks for each kind of notice (shared/ux.md)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from alerts.render import slack_message
from alerts.wording import date_text
from tests.alerts.conftest import LETTER_2019, SUPPORTIVE_2019, UK_2019, WORLD_DESK, notice

UK_LINE = "(United Kingdom for 23, UNGA Third Committee, 29 Oct 2019)"


def texts(blocks: list[dict]) -> list[str]:
    """Every piece of text in the blocks, top to bottom."""
    found = []
    for block in blocks:
        if "text" in block:
            found.append(block["text"]["text"])
        found.extend(e["text"] for e in block.get("elements", []))
    return found


def context_text(blocks: list[dict]) -> str:
    [context] = [b for b in blocks if b["type"] == "context"]
    return context["elements"][0]["text"]


def test_a_new_statement_says_who_for_how_many_where_and_when():
    message = slack_message(notice())
    assert message.text == ("New critical joint statement on Xinjiang: United Kingdom for 23 countries "
                            "(UNGA Third Committee, 29 Oct 2019)")
    header, who, named, context = message.blocks
    assert header == {"type": "header", "text": {"type": "plain_text", "emoji": True,
                                                  "text": "New joint statement on Xinjiang — critical of China's policy"}}
    assert who["text"]["text"] == ("*United Kingdom* on behalf of *23 countries*\n"
                                   "UN General Assembly, Third Committee · 29 Oct 2019")
    assert named["text"]["text"] == ("Named so far (7 of 23): United States, Germany, France, Canada, Japan, "
                                     "New Zealand, United Kingdom")
    assert context["elements"][0]["text"].startswith(
        "Source: <https://news.example.org/2019/10/30/rival-camps|Rival camps face off over Xinjiang at the UN>"
        " · World Desk · 30 Oct 2019\n\"Britain's ambassador read out a statement")


def test_a_supportive_statement_at_the_human_rights_council_names_its_session():
    statement = dataclasses.replace(SUPPORTIVE_2019, forum="hrc", session="HRC41", date=dt.date(2019, 7, 12))
    message = slack_message(notice(statement=statement))
    assert message.text == ("New supportive joint statement on Xinjiang: Belarus for 54 countries "
                            "(HRC 41, 12 Jul 2019)")
    assert message.blocks[0]["text"]["text"] == "New joint statement on Xinjiang — supportive of China's policy"
    assert message.blocks[1]["text"]["text"].endswith("\nHuman Rights Council, 41st session · 12 Jul 2019")


def test_a_complete_list_is_called_the_full_list():
    statement = dataclasses.replace(UK_2019, list_complete=True, signatories=UK_2019.signatories[:3])
    assert texts(slack_message(notice(statement=statement)).blocks)[2] == \
        "Full list (3): United States, Germany, France"


def test_a_list_without_a_stated_count_says_only_how_many_are_named():
    statement = dataclasses.replace(UK_2019, stated_count=None)
    message = slack_message(notice(statement=statement))
    assert texts(message.blocks)[2].startswith("Named (7): United States")
    assert message.text.startswith("New critical joint statement on Xinjiang: United Kingdom (")


def test_a_text_nobody_read_out_is_a_joint_letter_of_n_countries():
    statement = dataclasses.replace(LETTER_2019, stance="critical", stated_count=22, date=dt.date(2019, 7, 8))
    message = slack_message(notice(statement=statement))
    assert message.text == "New critical joint letter on Xinjiang: 22 countries (HRC 41, 8 Jul 2019)"
    assert message.blocks[0]["text"]["text"] == "New joint letter on Xinjiang — critical of China's policy"
    assert texts(message.blocks)[1] == "A joint letter of *22 countries*\nHuman Rights Council, 41st session · 8 Jul 2019"


def test_a_statement_the_store_calls_a_statement_stays_one_without_a_lead():
    statement = dataclasses.replace(LETTER_2019, form="statement")
    message = slack_message(notice(statement=statement))
    assert message.text == "New supportive joint statement on Xinjiang: 50 countries (HRC 41, 12 Jul 2019)"
    assert texts(message.blocks)[1].startswith("A joint statement of *50 countries*")


def test_a_statement_with_neither_lead_nor_count_says_where_and_when():
    statement = dataclasses.replace(LETTER_2019, stated_count=None)
    message = slack_message(notice(statement=statement))
    assert message.text == "New supportive joint letter on Xinjiang (HRC 41, 12 Jul 2019)"
    assert texts(message.blocks)[1].startswith("A joint letter (number of backers not stated)")
    assert texts(message.blocks)[2].startswith("Named (5): Pakistan, Russia")


def test_a_reported_late_joiner_is_announced_with_the_statement_it_joined():
    message = slack_message(notice("joined", country="BEL", countries=("BEL",)))
    assert message.text == f"Belgium joined the critical joint statement on Xinjiang {UK_LINE}"
    assert texts(message.blocks)[0].startswith("*Belgium* joined the critical joint statement on Xinjiang\n")
    assert "Named so far (7 of 23)" in texts(message.blocks)[1]


@pytest.mark.parametrize(("codes", "names"), [
    (("BEL", "DNK"), "Belgium and Denmark"),
    (("BEL", "DNK", "CHL"), "Belgium, Denmark and Chile"),
])
def test_a_burst_of_joiners_is_one_message(codes, names):
    message = slack_message(notice("joined", country=codes[0], countries=codes))
    assert message.text == f"{names} joined the critical joint statement on Xinjiang {UK_LINE}"


def test_newly_named_backers_are_not_said_to_have_joined():
    statement = dataclasses.replace(UK_2019, signatories=UK_2019.signatories + ("BEL", "DNK", "CHL", "AUS", "SWE"))
    message = slack_message(notice("joined", statement=statement, country="BEL", countries=("BEL", "DNK"),
                                   reported=False))
    assert message.text == f"Newly named backers of the critical joint statement on Xinjiang {UK_LINE}: Belgium, Denmark"
    assert texts(message.blocks)[0].startswith("Named as backers: *Belgium*, *Denmark* (now 12 of 23 named)")


def test_a_withdrawal_from_a_letter_names_the_country_and_the_letter():
    message = slack_message(notice("withdrew", statement=LETTER_2019, country="QAT", countries=("QAT",)))
    assert message.text == ("Qatar withdrew from the supportive joint letter on Xinjiang "
                            "(50 countries, HRC 41, 12 Jul 2019)")
    first = texts(message.blocks)[0]
    assert first == ("*Qatar* withdrew from the supportive joint letter on Xinjiang\n"
                     "A joint letter of 50 countries · Human Rights Council, 41st session · 12 Jul 2019")


def test_a_withdrawal_names_the_country_and_the_statement():
    message = slack_message(notice("withdrew", statement=SUPPORTIVE_2019, country="QAT", countries=("QAT",)))
    assert message.text == ("Qatar withdrew from the supportive joint statement on Xinjiang "
                            "(Belarus for 54, UNGA Third Committee, 29 Oct 2019)")
    assert texts(message.blocks)[0].startswith("*Qatar* withdrew from the supportive joint statement")


def test_a_new_count_says_what_it_was():
    message = slack_message(notice("count_changed", statement=LETTER_2019, previous_count=37))
    assert message.text == "Supportive joint letter on Xinjiang now has 50 backers (was 37)"
    assert "Named so far (5 of 50)" in texts(message.blocks)[1]


def test_a_kind_the_renderer_does_not_know_yet_still_renders():
    message = slack_message(notice("switched_camp", country="QAT", countries=("QAT",)))
    assert message.text.startswith("Qatar: switched camp")
    assert message.blocks


def test_countries_are_shown_by_name_never_by_code():
    message = slack_message(notice())
    for code in UK_2019.signatories:
        assert not re.search(rf"\b{code}\b", message.text + " ".join(texts(message.blocks)))


def test_dates_read_day_month_year():
    assert date_text(dt.date(2019, 10, 29)) == "29 Oct 2019"
    assert date_text(dt.date(2022, 6, 4)) == "4 Jun 2022"
    assert date_text(None) == ""


# -- hostile documents -------------------------------------------------------------------------

HOSTILE = dataclasses.replace(
    WORLD_DESK, title="Alert <!channel> & <http://evil.example|click me>", source_name="<@U0123> Desk & Co",
    quote="They said <!here> & <https://evil.example|this> > that",
)


def links_in(text: str) -> list[str]:
    return re.findall(r"<([^>]*)>", text)


def test_document_text_cannot_mention_anyone_or_add_links():
    context = context_text(slack_message(notice(source=HOSTILE)).blocks)
    # Exactly one link survives: ours, to the document.
    assert links_in(context) == ["https://news.example.org/2019/10/30/rival-camps|"
                                 "Alert &lt;!channel&gt; &amp; &lt;http://evil.example¦click me&gt;"]
    assert "&lt;@U0123&gt; Desk &amp; Co" in context
    assert "They said &lt;!here&gt; &amp; &lt;https://evil.example|this&gt; &gt; that" in context


def test_a_url_with_pipes_and_angle_brackets_stays_one_link():
    source = dataclasses.replace(WORLD_DESK, url="https://news.example.org/a|b>c<d?x=1&y=2", title="A | B")
    [link] = links_in(context_text(slack_message(notice(source=source)).blocks))
    url, title = link.split("|")
    assert url == "https://news.example.org/a%7Cb%3Ec%3Cd?x=1&amp;y=2"
    assert title == "A ¦ B"


def test_a_non_web_url_is_not_linked():
    source = dataclasses.replace(WORLD_DESK, url="javascript:alert(1)")
    context = context_text(slack_message(notice(source=source)).blocks)
    assert links_in(context) == []
    assert context.startswith("Source: Rival camps face off over Xinjiang at the UN · World Desk")


def test_a_change_without_a_document_still_renders():
    source = dataclasses.replace(WORLD_DESK, url="", title=None, source_name=None, published=None, quote=None)
    assert context_text(slack_message(notice(source=source)).blocks) == "Source: unknown document"


def test_long_quotes_and_titles_are_cut_with_an_ellipsis():
    source = dataclasses.replace(WORLD_DESK, title="Headline " * 200, quote="word & " * 2000)
    context = context_text(slack_message(notice(source=source)).blocks)
    quote = context.split("\n", 1)[1]
    assert len(context) < 1000
    assert quote.endswith('…"') and not re.search(r"&(?!amp;)", quote)


# -- Slack limits --------------------------------------------------------------------------------

def all_states() -> tuple[str, ...]:
    from parsers.countries import un_states
    return tuple(sorted(code for code in un_states() if code != "CHN"))[:190]  # set or tuple


def assert_within_slack_limits(message) -> None:
    assert len(message.text) <= 300
    assert len(message.blocks) <= 50
    for block in message.blocks:
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
        if block["type"] == "section":
            assert 0 < len(block["text"]["text"]) <= 3000
        if block["type"] == "context":
            assert all(len(e["text"]) <= 3000 for e in block["elements"])


def test_a_190_country_list_renders_whole_within_slack_limits():
    codes = all_states()
    assert len(codes) == 190
    statement = dataclasses.replace(UK_2019, stated_count=190, signatories=codes, list_complete=True)
    message = slack_message(notice(statement=statement))
    assert_within_slack_limits(message)
    listed = " ".join(t for t in texts(message.blocks) if "Full list" in t or not t.startswith(("*", "Source")))
    from parsers.countries import country_name
    assert all(country_name(c) in listed for c in codes)


def test_a_burst_of_190_joiners_keeps_the_notification_short():
    codes = all_states()
    statement = dataclasses.replace(UK_2019, stated_count=190, signatories=codes)
    message = slack_message(notice("joined", statement=statement, country=codes[0], countries=codes))
    assert_within_slack_limits(message)
    assert "186 others joined" in message.text


def test_an_oversized_message_is_accepted_by_the_fake_slack(slack):
    from alerts.slack import SlackSender
    from tests.alerts.conftest import CHANNEL, TOKEN
    codes = all_states()
    statement = dataclasses.replace(UK_2019, stated_count=190, signatories=codes, list_complete=True)
    source = dataclasses.replace(HOSTILE, title="T" * 5000, quote="Q " * 5000)
    SlackSender(token=TOKEN, api_url=slack.api_url, timeout=2).send(
        CHANNEL, slack_message(notice("joined", statement=statement, countries=codes, source=source)))
    assert len(slack.messages) == 1


def test_a_list_longer_than_one_section_continues_in_the_next():
    # 190 real names take ~2,000 characters; twice that must split, not be cut or rejected.
    codes = all_states() * 2
    statement = dataclasses.replace(UK_2019, stated_count=len(codes), signatories=codes)
    message = slack_message(notice(statement=statement))
    assert_within_slack_limits(message)
    lists = [t for t in texts(message.blocks)[2:] if not t.startswith("Source")]
    from parsers.countries import country_name
    assert len(lists) == 2 and lists[0].startswith(f"Named so far (380 of 380): {country_name(codes[0])}, ")
    assert " ".join(lists).count(country_name(codes[-1])) == 2
