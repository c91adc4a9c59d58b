"""How webhooks are signed, and how a receiver verifies them (docs/webhooks.md).

The signature is an HMAC-SHA256, keyed with WEBHOOK_SECRET, of "<timestamp>.<body>": the Unix
time of the attempt, a dot, and the exact bytes of the body. Signing the timestamp lets a receiver
refuse replays of an old request; the idempotency id lets it ignore a retry it already handled.

While secrets are switched, the signature header carries one signature per secret, the current
one first, separated by commas (WEBHOOK_SECRET_FALLBACKS): a receiver accepts the request when
any of them matches a secret it knows, so it can move to the new secret at its own pace.
"""

import hashlib
import hmac
import json
import time
from collections.abc import Mapping, Sequence

ID_HEADER = "X-Webhook-Id"
TIMESTAMP_HEADER = "X-Webhook-Timestamp"
SIGNATURE_HEADER = "X-Webhook-Signature"
ATTEMPT_HEADER = "X-Webhook-Attempt"
SIGNATURE_PREFIX = "sha256="
#: How old a timestamp a receiver should accept, in seconds (and how far in the future).
DEFAULT_TOLERANCE_SECONDS = 300


def encode_body(payload: Mapping) -> bytes:
    """The exact bytes that are sent and signed (ASCII JSON, so no charset can change them)."""
    return json.dumps(payload, separators=(",", ":"), sort_keys=True).encode("ascii")


def signature(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(
        secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256
    ).hexdigest()
    return f"{SIGNATURE_PREFIX}{digest}"


def signed_headers(
    secret: str,
    change_id: str,
    body: bytes,
    attempt: int,
    now: float | None = None,
    fallbacks: Sequence[str] = (),
) -> dict[str, str]:
    timestamp = str(int(time.time() if now is None else now))
    secrets = [secret, *(fallback for fallback in fallbacks if fallback and fallback != secret)]
    return {
        "Content-Type": "application/json",
        ID_HEADER: change_id,
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: ",".join(signature(key, timestamp, body) for key in secrets),
        ATTEMPT_HEADER: str(attempt),
    }


def verify(
    secret: str,
    body: bytes,
    timestamp: str,
    signature_header: str,
    tolerance_seconds: int = DEFAULT_TOLERANCE_SECONDS,
    now: float | None = None,
) -> bool:
    """True when `body` was signed with `secret` at `timestamp`, within the tolerance of now.

    `signature_header` may list several signatures (a switch of secrets); one matching is enough.
    """
    if not (timestamp and timestamp.isascii() and timestamp.isdigit()):
        return False
    if abs((time.time() if now is None else now) - int(timestamp)) > tolerance_seconds:
        return False
    expected = signature(secret, timestamp, body).encode("ascii")
    given = [part.strip().encode("utf-8") for part in (signature_header or "").split(",")]
    # Every candidate is compared, so the time taken does not tell which one matched.
    matches = [hmac.compare_digest(expected, candidate) for candidate in given]
    return any(matches)
