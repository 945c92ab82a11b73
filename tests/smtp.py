"""A real SMTP server in the test process (aiosmtpd), and Django's SMTP backend
pointed at it: the mail path as production runs it, minus the internet."""

from __future__ import annotations

import email
import email.policy
import socket
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller


@dataclass
class Ontvangen:
    berichten: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        bericht = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.berichten.append({"van": envelope.mail_from, "aan": list(envelope.rcpt_tos), "bericht": bericht})
        return "250 Message accepted for delivery"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    ontvangen = Ontvangen()
    controller = Controller(ontvangen, hostname="127.0.0.1", port=_vrije_poort())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "use_tls": False, "timeout": 5},
        }
    }
    try:
        yield ontvangen
    finally:
        controller.stop()
