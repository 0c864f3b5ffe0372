"""Documents and their versions, saved idempotently."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from store.clock import as_utc, utcnow
from store.tables import Document, DocumentVersion


@dataclass(frozen=True, slots=True)
class SavedDocument:
    document: Document
    version: DocumentVersion
    is_new_version: bool  # False: this exact text was saved before; nothing to do


def content_hash(text: str) -> str:
    """Hash of the text with white space folded, so re-flowed markup is not a new version."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def save_document(
    *, session: Session, url: str, text: str, title: str | None = None,
    source_id: int | None = None, published_at: dt.datetime | None = None,
    fetched_at: dt.datetime | None = None,
) -> SavedDocument:
    """The same URL with the same text is one document; a changed text is a new version."""
    now = fetched_at or utcnow()
    document = session.exec(select(Document).where(Document.url == url)).first()
    if document is None:
        document = Document(
            url=url, title=title, source_id=source_id, published_at=as_utc(published_at),
            first_seen_at=now,
        )
        session.add(document)
        session.flush()
    elif title and document.title != title:
        document.title = title
        session.add(document)
    digest = content_hash(text)
    version = session.exec(
        select(DocumentVersion).where(
            DocumentVersion.document_id == document.id, DocumentVersion.content_hash == digest
        )
    ).first()
    if version is not None:
        return SavedDocument(document, version, is_new_version=False)
    number = session.exec(
        select(func.count()).select_from(DocumentVersion).where(DocumentVersion.document_id == document.id)
    ).one()
    version = DocumentVersion(
        document_id=document.id, version=number + 1, content_hash=digest, text=text, fetched_at=now
    )
    session.add(version)
    session.flush()
    return SavedDocument(document, version, is_new_version=True)
