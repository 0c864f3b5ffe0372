"""Feed entries already seen, so an article is fetched once and a failed fetch is retried."""
from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from store.clock import as_utc, utcnow
from store.tables import FeedItem

# After this many failed fetches of one article we stop trying; the error stays on the row.
MAX_ITEM_ATTEMPTS = 5


def get_or_add_feed_item(
    *, session: Session, source_id: int, item_key: str, url: str | None, title: str,
    published_at: dt.datetime | None,
) -> FeedItem:
    item = session.exec(
        select(FeedItem).where(FeedItem.source_id == source_id, FeedItem.item_key == item_key)
    ).first()
    if item is None:
        item = FeedItem(
            source_id=source_id, item_key=item_key, url=url, title=title,
            published_at=as_utc(published_at), first_seen_at=utcnow(),
        )
        session.add(item)
        session.flush()
    return item


def needs_processing(item: FeedItem) -> bool:
    return not item.done and item.attempts < MAX_ITEM_ATTEMPTS


def mark_item_done(*, session: Session, item: FeedItem, relevant: bool) -> None:
    item.done, item.relevant, item.last_error = True, relevant, None
    session.add(item)


def mark_item_failed(*, session: Session, item: FeedItem, error: str) -> None:
    item.relevant = True
    item.attempts += 1
    item.last_error = error
    session.add(item)
