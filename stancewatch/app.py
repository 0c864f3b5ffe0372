"""Wiring: the settings turned into an engine, an HTTP client and senders, and the database kept
in step with the configuration."""
from __future__ import annotations

import logging
from dataclasses import dataclass

import httpx
from sqlalchemy.engine import Engine

from alerts.console import ConsoleSender
from alerts.drain import DrainReport, Senders, drain_outbox
from alerts.slack import SlackSender
from collectors import HttpSettings, open_client
from stancewatch.baseline import load_baseline
from stancewatch.config import Settings
from store.baseline import import_baseline
from store.engine import make_engine, transaction, upgrade
from store.sources import sync_sources
from store.specs import SourceSpec, SubscriberSpec
from store.subscribers import sync_subscribers

log = logging.getLogger(__name__)

# The subscriber that stands for "print alerts here"; brackets keep it apart from configured names.
CONSOLE_SUBSCRIBER = "(console)"


@dataclass(slots=True)
class App:
    settings: Settings
    engine: Engine
    http: httpx.Client
    http_settings: HttpSettings
    senders: Senders

    @property
    def topics(self) -> frozenset[str]:
        return self.settings.topics

    def deliver(self, *, ignore_schedule: bool = False) -> DrainReport:
        report = drain_outbox(self.engine, self.senders, ignore_schedule=ignore_schedule)
        if report.sent or report.failed or report.dead:
            log.info("outbox drained: sent=%d failed=%d dead=%d", report.sent, report.failed, report.dead)
        return report

    def close(self) -> None:
        self.http.close()
        self.engine.dispose()


def open_app(settings: Settings) -> App:
    """Migrate the database, sync sources and subscribers, and build the clients."""
    engine = make_engine(settings.database_url.reveal())
    upgrade(engine)
    with transaction(engine) as session:
        sync_sources(session=session, specs=source_specs(settings))
        sync_subscribers(session=session, specs=subscriber_specs(settings))
        if settings.history_baseline:
            # Idempotent: a release with corrected history brings its corrections on start.
            report = import_baseline(session=session, records=load_baseline())
            if report.created or report.updated:
                log.info("baseline loaded: created=%d updated=%d", report.created, report.updated)
    http_settings = http_settings_of(settings)
    return App(settings=settings, engine=engine, http=open_client(http_settings),
               http_settings=http_settings, senders=senders_of(settings))


def source_specs(settings: Settings) -> list[SourceSpec]:
    return [
        SourceSpec(name=s.name, url=s.url, kind=s.kind, interval_seconds=int(s.interval.total_seconds()),
                   enabled=s.enabled)
        for s in settings.sources
    ]


def subscriber_specs(settings: Settings) -> list[SubscriberSpec]:
    slack = settings.slack.configured
    specs = [
        SubscriberSpec(name=s.name, slack_channel=s.slack_channel if slack else None, email=s.email,
                       timezone=s.timezone, digest_hour=s.digest_hour)
        for s in settings.subscribers
    ]
    if slack and settings.slack.webhook_url is not None and settings.slack.token is None:
        # A webhook posts to its own channel: every subscriber with Slack wants it, even unnamed.
        specs = [SubscriberSpec(**{**_fields(s), "slack_channel": s.slack_channel or "(webhook)"}) for s in specs]
    if settings.console_alerts:
        specs.append(SubscriberSpec(name=CONSOLE_SUBSCRIBER, console=True))
    return specs


def _fields(spec: SubscriberSpec) -> dict[str, object]:
    return {name: getattr(spec, name) for name in spec.__slots__}


def http_settings_of(settings: Settings) -> HttpSettings:
    h = settings.http
    return HttpSettings(connect_timeout=h.connect_timeout, read_timeout=h.read_timeout,
                        total_timeout=h.total_timeout, max_bytes=h.max_bytes, max_redirects=h.max_redirects,
                        user_agent=h.user_agent)


def senders_of(settings: Settings) -> Senders:
    slack = None
    if settings.slack.configured:
        token = settings.slack.token.reveal() if settings.slack.token else None
        webhook = settings.slack.webhook_url.reveal() if settings.slack.webhook_url else None
        slack = SlackSender(token=token, api_url=settings.slack.api_url, webhook_url=webhook)
    return Senders(slack=slack, console=ConsoleSender() if settings.console_alerts else None)
