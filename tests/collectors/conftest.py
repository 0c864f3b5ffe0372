"""Collectors tests talk real HTTP to tests.support.http_server on 127.0.0.1; nothing is mocked."""
from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import pytest

from collectors import HttpSettings, open_client
from tests.support.http_server import web  # noqa: F401  (the shared server fixture)

# Small limits so the failure paths take fractions of a second.
SETTINGS = HttpSettings(connect_timeout=2, read_timeout=2, total_timeout=3, max_bytes=64 * 1024,
                        max_redirects=3, user_agent="stancewatch-tests")


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with open_client(SETTINGS) as c:
        yield c


@pytest.fixture
def closed_port() -> int:
    """A loopback port nobody listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
