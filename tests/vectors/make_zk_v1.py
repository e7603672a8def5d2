#!/usr/bin/env python3
"""Writes tests/vectors/zk-v1.json: the zero-knowledge link format's test vectors.

An independent implementation of docs/FORMAT.md in Python (pyca/cryptography),
written from the document, not from the Rust or JS code. The Rust tests
(src/zk/tests.rs) and the JS tests (tests/js/zk.test.mjs) must reproduce every
value here. Run: python3 tests/vectors/make_zk_v1.py > tests/vectors/zk-v1.json
"""
import base64
import hashlib
import json
import struct

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC


def b64(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def hkdf(ikm: bytes, info: bytes, n: int) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=n, salt=None, info=info).derive(ikm)


def header(kind: int, kdf, nonce: bytes) -> bytes:
    h = bytes([1, kind])
    if kdf is None:
        h += b"\x00"
    else:
        iterations, salt = kdf
        h += b"\x01" + struct.pack(">I", iterations) + salt
    return h + nonce


def vector(name, key, passphrase, kdf, nonce, content_type, file_name, data):
    ikm = key
    if kdf is not None:
        iterations, salt = kdf
        ikm += PBKDF2HMAC(hashes.SHA256(), 32, salt, iterations).derive(passphrase.encode())
    enc = hkdf(ikm, b"hushlink/v1/enc", 32)
    proof = hkdf(ikm, b"hushlink/v1/proof", 32)
    check = hkdf(key, b"hushlink/v1/check", 16)
    hdr = header(1, kdf, nonce)
    fname = file_name.encode()
    plain = bytes([content_type]) + struct.pack(">H", len(fname)) + fname + data
    envelope = hdr + AESGCM(enc).encrypt(nonce, plain, hdr)
    return {
        "name": name,
        "link_key": b64(key),
        "passphrase": passphrase,
        "iterations": kdf[0] if kdf else None,
        "salt": b64(kdf[1]) if kdf else None,
        "nonce": b64(nonce),
        "content_type": {1: "text", 2: "binary"}[content_type],
        "file_name": file_name,
        "data": b64(data),
        "enc_key": b64(enc),
        "proof": b64(proof),
        "verifier": b64(hashlib.sha256(proof).digest()),
        "key_check": b64(check),
        "plaintext": b64(plain),
        "envelope": b64(envelope),
    }


def seq(start: int, n: int) -> bytes:
    return bytes((start + i) % 256 for i in range(n))


valid = [
    vector("text, no passphrase", seq(0, 32), None, None, seq(0xA0, 12), 1, "",
           "correct horse battery staple".encode()),
    vector("text, passphrase (non-ASCII)", seq(0x40, 32), "hunter2 ünïcødé", (600000, seq(0x10, 16)),
           seq(0xB0, 12), 1, "", "Grüße, 世界 🔐\n".encode()),
    vector("binary, no passphrase, every byte value", seq(0x80, 32), None, None, seq(0xC0, 12), 2, "",
           bytes(range(256)) + b"\x00\xff"),
    vector("binary with a file name, passphrase", seq(0xE0, 32), "pass", (600001, seq(0x33, 16)),
           seq(0xD0, 12), 2, "id_ed25519", b"\x00\x01\x02\xfe\xff"),
    vector("empty text", seq(0x11, 32), None, None, seq(0x22, 12), 1, "", b""),
]

base = base64.urlsafe_b64decode(valid[0]["envelope"] + "==")
with_pass = base64.urlsafe_b64decode(valid[1]["envelope"] + "==")


def flip(b: bytes, i: int) -> bytes:
    return b[:i] + bytes([b[i] ^ 1]) + b[i + 1:]


invalid = [
    {"name": "version 2", "envelope": b64(bytes([2]) + base[1:]), "error": "version"},
    {"name": "version 0", "envelope": b64(bytes([0]) + base[1:]), "error": "version"},
    {"name": "kind 2 (streamed chunks, reserved)", "envelope": b64(base[:1] + b"\x02" + base[2:]), "error": "unsupported-kind"},
    {"name": "kind 3 (sealed to a public key, reserved)", "envelope": b64(base[:1] + b"\x03" + base[2:]), "error": "unsupported-kind"},
    {"name": "kind 0", "envelope": b64(base[:1] + b"\x00" + base[2:]), "error": "kind"},
    {"name": "kdf 2", "envelope": b64(base[:2] + b"\x02" + base[3:]), "error": "kdf"},
    {"name": "599999 iterations", "envelope": b64(with_pass[:3] + struct.pack(">I", 599999) + with_pass[7:]), "error": "iterations"},
    {"name": "10000001 iterations", "envelope": b64(with_pass[:3] + struct.pack(">I", 10000001) + with_pass[7:]), "error": "iterations"},
    {"name": "empty", "envelope": "", "error": "truncated"},
    {"name": "header only", "envelope": b64(base[:15]), "error": "truncated"},
    {"name": "header and 15 bytes", "envelope": b64(base[:15 + 15]), "error": "truncated"},
    {"name": "salt cut", "envelope": b64(with_pass[:10]), "error": "truncated"},
]

# Well-formed envelopes that the key of the named valid vector must not open.
tampered = [
    {"name": "nonce byte flipped", "of": 0, "envelope": b64(flip(base, 5)), "passphrase": None},
    {"name": "ciphertext byte flipped", "of": 0, "envelope": b64(flip(base, 20)), "passphrase": None},
    {"name": "tag byte flipped", "of": 0, "envelope": b64(flip(base, len(base) - 1)), "passphrase": None},
    {"name": "tag cut by one byte", "of": 0, "envelope": b64(base[:-1]), "passphrase": None},
    {"name": "salt byte flipped", "of": 1, "envelope": b64(flip(with_pass, 8)), "passphrase": "hunter2 ünïcødé"},
    {"name": "iterations changed (header bound as associated data)", "of": 1,
     "envelope": b64(with_pass[:3] + struct.pack(">I", 600002) + with_pass[7:]), "passphrase": "hunter2 ünïcødé"},
    {"name": "wrong passphrase", "of": 1, "envelope": valid[1]["envelope"], "passphrase": "hunter2 unicode"},
    {"name": "another secret's envelope", "of": 2, "envelope": valid[0]["envelope"], "passphrase": None},
]

print(json.dumps({
    "format": "hushlink zero-knowledge envelope, version 1 (docs/FORMAT.md)",
    "generator": "tests/vectors/make_zk_v1.py (pyca/cryptography)",
    "encoding": "every binary value is URL-safe base64 without padding",
    "valid": valid,
    "invalid": invalid,
    "tampered": tampered,
}, indent=2, ensure_ascii=False))
