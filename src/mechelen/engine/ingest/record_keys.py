"""Record keys for the cell key method: HMAC-SHA256 of a record's identity with a secret.

The key of a record is the last byte of HMAC-SHA256(secret, identity), a number 0-255, the
key range of the ONS perturbation tables. It is computed inside DuckDB, so 11 million records
take seconds; ``record_key`` does the same in Python, and the tests check that both agree.
"""

from __future__ import annotations

import hashlib
import hmac

KEY_RANGE = 256
_BLOCK = 64


def hmac_pads(secret: bytes) -> tuple[bytes, bytes]:
    """The inner and outer HMAC-SHA256 pads (RFC 2104) of ``secret``."""
    key = hashlib.sha256(secret).digest() if len(secret) > _BLOCK else secret
    key = key.ljust(_BLOCK, b"\0")
    return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)


def record_key_sql(identity_sql: str) -> str:
    """SQL for the record key of ``identity_sql`` (text); parameters $ipad and $opad are BLOBs."""
    inner = f"unhex(sha256($ipad::BLOB || encode({identity_sql})))"
    return f"('0x' || right(sha256($opad::BLOB || {inner}), 2))::UTINYINT"


def record_key(secret: bytes, identity: str) -> int:
    return hmac.new(secret, identity.encode("utf-8"), hashlib.sha256).digest()[-1]
