"""Guardrails for text that leaves the machine: redaction (`luckos.guard.redact`)."""
