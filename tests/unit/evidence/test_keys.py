"""The workstation key: made once, kept 0600, never shown; public keys read in every form."""

from __future__ import annotations

import base64
import logging
from pathlib import Path

import pytest

from console import paths
from console.evidence.keys import (
    KeyProblem,
    WorkstationKey,
    fingerprint,
    key_file,
    public_key_from_text,
    verify_signature,
)


def test_the_key_is_made_once_under_the_data_dir_with_owner_only_access(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    made = WorkstationKey.load_or_create()
    assert made.path == paths.data_dir() / "keys" / "workstation-ed25519.pem"
    assert made.path.stat().st_mode & 0o777 == 0o600
    again = WorkstationKey.load_or_create()
    assert again.public_key_bytes() == made.public_key_bytes()
    pem = made.path.read_text()
    secret_line = pem.splitlines()[1]
    assert secret_line not in caplog.text
    assert secret_line not in repr(made)
    assert made.fingerprint() in repr(made)


def test_a_key_file_open_to_others_is_closed_again(tmp_path: Path) -> None:
    made = WorkstationKey.load_or_create(tmp_path)
    key_file(tmp_path).chmod(0o644)
    loaded = WorkstationKey.load_or_create(tmp_path)
    assert key_file(tmp_path).stat().st_mode & 0o777 == 0o600
    assert loaded.fingerprint() == made.fingerprint()


def test_a_damaged_key_file_is_named(tmp_path: Path) -> None:
    key_file(tmp_path).write_text("not a key")
    key_file(tmp_path).chmod(0o600)
    with pytest.raises(KeyProblem, match="damaged"):
        WorkstationKey.load_or_create(tmp_path)


def test_signatures_verify_only_with_the_right_key_and_data() -> None:
    key, other = WorkstationKey.generate(), WorkstationKey.generate()
    signature = key.sign(b"manifest")
    assert verify_signature(key.public_key_bytes(), signature, b"manifest")
    assert not verify_signature(key.public_key_bytes(), signature, b"manifest!")
    assert not verify_signature(other.public_key_bytes(), signature, b"manifest")
    assert not verify_signature(b"short", signature, b"manifest")


def test_public_keys_are_read_from_pem_base64_and_raw_bytes() -> None:
    key = WorkstationKey.generate()
    raw = key.public_key_bytes()
    assert public_key_from_text(key.public_key_pem()) == raw
    assert public_key_from_text(base64.b64encode(raw) + b"\n") == raw
    assert public_key_from_text(raw) == raw
    assert fingerprint(raw) == key.fingerprint()
    assert key.fingerprint().startswith("SHA256:")
    assert len(key.fingerprint()) == 7 + 64
    for bad in (b"hello world", base64.b64encode(b"x" * 31), b"-----BEGIN PUBLIC KEY-----\nAA\n"):
        with pytest.raises(KeyProblem):
            public_key_from_text(bad)
