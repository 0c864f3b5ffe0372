"""The database tables. Alembic migrations in store/migrations/ create them; keep both in step.

Times are aware UTC (`store.clock.utcnow()`); SQLModel stores them as UTC on SQLite and PostgreSQL.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class Source(SQLModel, table=True):
    """A polled feed. Rows are kept in step with the configuration by name."""

    __tablename__ = "sources"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)
    url: str
    kind: str = "rss"
    interval_seconds: int = 900
    enabled: bool = True
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: dt.datetime | None = None
    last_success_at: dt.datetime | None = None
    next_poll_at: dt.datetime | None = None
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    failure_count: int = 0


class FeedItem(SQLModel, table=True):
    """An entry seen in a feed, so that a page is fetched once, and retried when it failed."""

    __tablename__ = "feed_items"
    __table_args__ = (UniqueConstraint("source_id", "item_key"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="sources.id", index=True)
    item_key: str  # guid, else link
    url: str | None = None
    title: str = ""
    relevant: bool = False
    done: bool = False  # processed (or judged irrelevant); never fetched again
    attempts: int = 0
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    first_seen_at: dt.datetime
    published_at: dt.datetime | None = None


class Document(SQLModel, table=True):
    """One article or press release, identified by its canonical URL."""

    __tablename__ = "documents"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True, index=True)
    title: str | None = None
    source_id: int | None = Field(default=None, foreign_key="sources.id")
    published_at: dt.datetime | None = None
    first_seen_at: dt.datetime


class DocumentVersion(SQLModel, table=True):
    """One body of a document. A changed body at the same URL is a new version, not a new document."""

    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("document_id", "content_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="documents.id", index=True)
    version: int
    content_hash: str
    text: str = Field(sa_column=Column(Text, nullable=False))
    fetched_at: dt.datetime


class Statement(SQLModel, table=True):
    """A joint statement or joint letter as one entity, reconciled from all its observations."""

    __tablename__ = "statements"

    id: int | None = Field(default=None, primary_key=True)
    topic: str = Field(index=True)
    stance: str
    forum: str | None = None
    session: str | None = None
    date: dt.date | None = None
    year: int | None = Field(default=None, index=True)
    lead: str | None = None
    stated_count: int | None = None
    list_complete: bool = False
    origin: str = "extracted"  # "extracted" from documents, or "baseline" shipped with the product
    kind: str = "joint_statement"  # or "joint_letter"
    baseline_key: str | None = Field(default=None, unique=True, index=True)  # the shipped record's id, e.g. "2019-unga74-c3-gbr"
    notes: str | None = Field(default=None, sa_column=Column(Text))
    created_at: dt.datetime
    updated_at: dt.datetime


class Observation(SQLModel, table=True):
    """What one document version said about one statement: kept per source, never overwritten."""

    __tablename__ = "observations"
    __table_args__ = (UniqueConstraint("statement_id", "document_version_id"),)

    id: int | None = Field(default=None, primary_key=True)
    statement_id: int = Field(foreign_key="statements.id", index=True)
    document_id: int = Field(foreign_key="documents.id", index=True)
    document_version_id: int = Field(foreign_key="document_versions.id")
    lead: str | None = None
    forum: str | None = None
    session: str | None = None
    date: dt.date | None = None
    stated_count: int | None = None
    signatories: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    list_complete: bool = False
    evidence: str = Field(default="", sa_column=Column(Text, nullable=False))
    # How far this source is to be believed when sources disagree (store/authority.py):
    # the official list over a UN press release over news.
    authority: int = 0
    observed_at: dt.datetime


class Signature(SQLModel, table=True):
    """A country on a statement: signed, or withdrawn later. Keeps the document it was first read in."""

    __tablename__ = "signatures"
    __table_args__ = (UniqueConstraint("statement_id", "country"),)

    id: int | None = Field(default=None, primary_key=True)
    statement_id: int = Field(foreign_key="statements.id", index=True)
    country: str = Field(index=True)  # ISO 3166-1 alpha-3
    status: str = "signed"  # "signed" | "withdrawn"
    document_id: int | None = Field(default=None, foreign_key="documents.id")
    quote: str = Field(default="", sa_column=Column(Text, nullable=False))
    first_seen_at: dt.datetime
    updated_at: dt.datetime


class Change(SQLModel, table=True):
    """A persisted event that alerts are made of. `dedup_key` makes detecting it twice impossible."""

    __tablename__ = "changes"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True)  # new_statement | joined | withdrew | count_changed
    statement_id: int = Field(foreign_key="statements.id", index=True)
    country: str | None = None
    previous_count: int | None = None
    new_count: int | None = None
    previous_statement_id: int | None = Field(default=None, foreign_key="statements.id")
    document_id: int | None = Field(default=None, foreign_key="documents.id")
    quote: str = Field(default="", sa_column=Column(Text, nullable=False))
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    dedup_key: str = Field(unique=True)
    detected_at: dt.datetime = Field(index=True)


class Subscriber(SQLModel, table=True):
    """Who gets alerts. Rows are kept in step with the configuration by name."""

    __tablename__ = "subscribers"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)
    slack_channel: str | None = None
    email: str | None = None
    console: bool = False
    timezone: str = "UTC"
    digest_hour: int = 8
    active: bool = True
    created_at: dt.datetime


class Delivery(SQLModel, table=True):
    """The outbox: one row per (change, subscriber, channel), written with the change it announces."""

    __tablename__ = "deliveries"

    id: int | None = Field(default=None, primary_key=True)
    change_id: int | None = Field(default=None, foreign_key="changes.id", index=True)
    subscriber_id: int = Field(foreign_key="subscribers.id", index=True)
    channel: str  # "slack" | "console" (later "email")
    idempotency_key: str = Field(unique=True)
    status: str = Field(default="pending", index=True)  # pending | sent | dead
    attempts: int = 0
    next_attempt_at: dt.datetime
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    sent_at: dt.datetime | None = None
    external_id: str | None = None  # Slack message ts
    created_at: dt.datetime
