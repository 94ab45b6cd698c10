#!/usr/bin/python3
"""A real SMTP server on loopback for tests (Debian's python3-aiosmtpd).

    smtp_sink.py --port 2525 --dir /tmp/mail

Listens on 127.0.0.1:PORT (0: any free port) and writes every message it accepts as two
files in DIR, each written under a temporary name and renamed, so a reader never sees half
a message:

    NNNNNN.eml   the bytes received after DATA (line ends as sent, CRLF)
    NNNNNN.json  what Python's email package decodes from them: envelope sender and
                 recipients, the From/To/Reply-To/Subject headers decoded (RFC 2047),
                 Message-ID, Date, Content-Type, charset, Content-Transfer-Encoding and the
                 decoded text body

When it accepts connections it writes DIR/.ready containing the port. Stops on SIGTERM or
SIGINT. The tests start it as a child process (tests/support/smtp_sink.hpp).
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import sys

from aiosmtpd.smtp import SMTP


def write_atomically(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.rename(tmp, path)


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        stem = os.path.join(self.directory, "%06d" % self.count)
        raw = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        decoded = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "from": str(msg.get("From", "")),
            "to": str(msg.get("To", "")),
            "reply_to": str(msg.get("Reply-To", "")),
            "subject": str(msg.get("Subject", "")),
            "message_id": str(msg.get("Message-ID", "")),
            "date": str(msg.get("Date", "")),
            "mime_version": str(msg.get("MIME-Version", "")),
            "content_type": msg.get_content_type(),
            "charset": msg.get_content_charset() or "",
            "transfer_encoding": str(msg.get("Content-Transfer-Encoding", "")),
            "body": body.get_content() if body is not None else "",
            "defects": [type(d).__name__ for d in msg.defects],
        }
        write_atomically(stem + ".eml", raw)
        write_atomically(stem + ".json", json.dumps(decoded, ensure_ascii=False).encode("utf-8"))
        return "250 OK"


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    loop = asyncio.get_running_loop()
    handler = Sink(args.dir)
    server = await loop.create_server(
        lambda: SMTP(handler, decode_data=False, enable_SMTPUTF8=True), "127.0.0.1", args.port)
    port = server.sockets[0].getsockname()[1]
    write_atomically(os.path.join(args.dir, ".ready"), str(port).encode())
    stop = loop.create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: stop.done() or stop.set_result(None))
    await stop
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
    sys.exit(0)
