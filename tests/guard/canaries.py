"""Planted secrets and private details: each must never survive redaction.

The secrets have the real formats (detect-secrets knows them by these shapes) but are
made up here; none of them was ever a working credential.
"""

from __future__ import annotations

PEM = """-----BEGIN RSA PRIVATE KEY-----
MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2ERKXYZ0123456789abcdefghijkl
kX9zVwbQn4s2LmP0qRtUvWxYz1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZab==
-----END RSA PRIVATE KEY-----"""
PEM_BODY = "kX9zVwbQn4s2LmP0qRtUvWxYz1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZab"

# kind -> (what is planted, the part of it that must never appear in any output)
SECRETS = {
    "aws access key id": ("AKIAIOSFODNN7CANARY1", "AKIAIOSFODNN7CANARY1"),
    "aws secret key": ('aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1"',
                       "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1"),
    "github token": ("ghp_Canary0123456789abcdefghijklmnopqrstu",
                     "Canary0123456789abcdefghijklmnopqrstu"),
    "slack token": ("xoxb-123456789012-1234567890123-CanaryAbCdEfGhIjKlMnOp",
                    "CanaryAbCdEfGhIjKlMnOp"),
    "postgres url": ("postgres://orders:Canary-Pa55w0rd@db1.prod.internal:5432/orders",
                     "Canary-Pa55w0rd"),
    "jwt": ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjYW5hcnkifQ."
            "Zm9vYmFyQ2FuYXJ5U2lnbmF0dXJlMDEyMzQ1Njc4OQ",
            "Zm9vYmFyQ2FuYXJ5U2lnbmF0dXJlMDEyMzQ1Njc4OQ"),
    "pem private key": (PEM, PEM_BODY),
    "password keyword": ("db_password: Canary!hunter2", "Canary!hunter2"),
}
OTHERS = {
    "email": ("dana.canary@globex-mail.com", "dana.canary"),
    "phone": ("+1 (415) 555-0199", "555-0199"),
    "internal host": ("build-7.corp", "build-7"),
    "internal url": ("https://wiki.corp/display/OPS/Canary-Runbook", "Canary-Runbook"),
    "private ip": ("10.20.30.40", "10.20.30.40"),
}
CUSTOMER = "Globex"
PROJECT = "Nightjar"
PERSON = "Dana Whitlock"

# every planted thing, in prose, one per line
TEXT = "\n".join([
    *(f"The {kind} is {value} (keep it safe)." for kind, (value, _) in SECRETS.items()),
    *(f"Reach it at {value} today." for _, (value, _) in OTHERS.items()),
    f"{CUSTOMER} asked for the {PROJECT} rollout; {PERSON} approved it.",
])
NEVER = [part for _, part in [*SECRETS.values(), *OTHERS.values()]] + [
    CUSTOMER, PROJECT, PERSON, "Whitlock"]
TOML = f"""
[redact]
names = true

[redact.terms]
customer = ["{CUSTOMER}"]
project = ["{PROJECT}"]
"""


def survivors(output: str) -> list[str]:
    """The planted things still visible in an output (any case)."""
    low = output.lower()
    return [part for part in NEVER if part.lower() in low]
