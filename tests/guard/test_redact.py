"""The redaction module: what it finds, the tokens it puts in their place, the report it
gives (never the original), its settings, and how little it touches ordinary prose."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luckos.config import config_from_dict
from luckos.errors import LuckError
from luckos.guard.redact import Redactor, RedactSettings, redact
from tests.guard import canaries

DATA = Path(__file__).parent / "data"
SETTINGS = RedactSettings(terms=(("customer", (canaries.CUSTOMER,)),
                                 ("project", (canaries.PROJECT,))))


@pytest.mark.parametrize("kind", sorted(canaries.SECRETS))
def test_each_planted_secret_is_replaced_and_reported_as_a_secret(kind: str) -> None:
    value, part = canaries.SECRETS[kind]
    text = f"Before.\nThe {kind}: {value}\nAfter.\n"
    result = redact(text, RedactSettings())
    assert part not in result.text
    assert result.text.startswith(f"Before.\nThe {kind}: ")
    assert "[SECRET-1]" in result.text.splitlines()[1]
    assert result.text.endswith("\nAfter.\n")
    assert [f.kind for f in result.findings] == ["secret"]
    assert result.findings[0].line == 2
    assert result.counts == {"secret": 1}


@pytest.mark.parametrize("kind", sorted(canaries.OTHERS))
def test_emails_phones_internal_hosts_urls_and_private_ips_are_replaced(kind: str) -> None:
    value, part = canaries.OTHERS[kind]
    result = redact(f"Write to {value} today.", RedactSettings())
    assert part not in result.text
    assert result.text.startswith("Write to [") and result.text.endswith("] today.")
    expected = {"email": "email", "phone": "phone", "internal host": "host",
                "internal url": "url", "private ip": "ip"}[kind]
    assert result.counts == {expected: 1}
    assert result.findings[0].replacement == f"[{expected.upper()}-1]"


def test_everything_planted_at_once_is_gone_and_the_prose_around_it_stays() -> None:
    result = Redactor(SETTINGS, [canaries.PERSON]).redact(canaries.TEXT)
    assert canaries.survivors(result.text) == []
    assert "(keep it safe)." in result.text
    assert "[CUSTOMER-1] asked for the [PROJECT-1] rollout; [PERSON-1] approved it." \
        in result.text
    assert result.counts["secret"] == len(canaries.SECRETS)
    assert sum(result.counts.values()) == len(result.findings) == (
        len(canaries.SECRETS) + len(canaries.OTHERS) + 3)


def test_findings_locate_each_original_but_never_hold_it() -> None:
    text = "first line\n  mail dana@example.com or call +44 20 7946 0958\n"
    result = redact(text, RedactSettings())
    email, phone = result.findings
    assert (email.kind, email.line, email.column, email.original_length) == (
        "email", 2, 8, len("dana@example.com"))
    assert (phone.kind, phone.line, phone.column, phone.original_length) == (
        "phone", 2, 33, len("+44 20 7946 0958"))
    line = text.splitlines()[1]
    assert line[email.column - 1:][:email.original_length] == "dana@example.com"
    report = repr(result.to_json())
    assert "dana" not in report and "7946" not in report


def test_the_same_original_gets_the_same_token_across_the_texts_of_one_output() -> None:
    redactor = Redactor(SETTINGS)
    first = redactor.redact("Globex wrote from ops@globex.com; bob@example.com replied.")
    second = redactor.redact("OPS@GLOBEX.COM again, about GLOBEX and a@b.io, and globex's SLA")
    assert first.text == "[CUSTOMER-1] wrote from [EMAIL-1]; [EMAIL-2] replied."
    assert second.text == ("[EMAIL-1] again, about [CUSTOMER-1] and [EMAIL-3], and "
                           "[CUSTOMER-1]'s SLA")
    assert dict(redactor.counts) == {"customer": 3, "email": 4}
    # a new output numbers from 1 again
    assert Redactor(SETTINGS).redact("a@b.io").text == "[EMAIL-1]"


def test_one_phone_number_in_two_formats_is_one_token() -> None:
    result = redact("call 415-555-0142, or (415) 555-0142 after six", RedactSettings())
    assert result.text == "call [PHONE-1], or [PHONE-1] after six"


def test_terms_match_whole_words_in_any_case_and_any_spacing() -> None:
    settings = RedactSettings(terms=(("customer", ("Acme Health",)), ("project", ("Kite",))))
    result = redact("ACME  HEALTH flew a kite-shaped Kite; Kites and Acme Healthcare did not.",
                    settings)
    assert result.text == ("[CUSTOMER-1] flew a [PROJECT-1]-shaped [PROJECT-1]; Kites and Acme "
                           "Healthcare did not.")


def test_the_longest_term_wins_where_one_contains_another() -> None:
    settings = RedactSettings(terms=(("customer", ("Stark", "Stark Freight")),))
    assert redact("Stark Freight and Stark", settings).text == "[CUSTOMER-1] and [CUSTOMER-2]"


def test_names_passed_in_are_people() -> None:
    result = Redactor(RedactSettings(), ["Lena Park", "Kofi Mensah"]).redact(
        "Lena Park and kofi mensah met Lena.")
    assert result.text == "[PERSON-1] and [PERSON-2] met [PERSON-1]."


def test_a_first_or_last_name_alone_is_the_same_person_when_written_as_a_name() -> None:
    result = Redactor(RedactSettings(), ["Lena Park", "Kofi Mensah"]).redact(
        "Mensah agreed; Lena will park the car, and Kofi Mensah pays.")
    assert result.text == "[PERSON-1] agreed; [PERSON-2] will park the car, and [PERSON-1] pays."


def test_a_first_name_two_people_share_names_neither() -> None:
    result = Redactor(RedactSettings(), ["Sam Ortiz", "Sam Lee"]).redact(
        "Sam Ortiz, Sam Lee and Sam.")
    assert result.text == "[PERSON-1], [PERSON-2] and [PERSON-3]."


def test_a_connection_string_goes_whole() -> None:
    result = redact("DATABASE_URL=postgres://app:s3cret-Pa55@10.0.0.5:5432/app\n",
                    RedactSettings())
    assert result.text == "DATABASE_URL=[SECRET-1]\n"
    assert result.findings[0].detail == "Basic Auth Credentials"


def test_a_pem_block_goes_whole_and_the_text_after_it_stays() -> None:
    result = redact(f"key:\n{canaries.PEM}\nthe end\n", RedactSettings())
    assert result.text == "key:\n[SECRET-1]\nthe end\n"
    assert result.findings[0].detail == "Private Key"


def test_a_cut_pem_block_still_goes_to_its_last_line() -> None:
    cut = "\n".join(canaries.PEM.splitlines()[:3])
    result = redact(f"{cut}\n\nNext paragraph.", RedactSettings())
    assert result.text == "[SECRET-1]\n\nNext paragraph."


@pytest.mark.parametrize(("text", "redacted"), [
    ("PASSWORD=hunter2", "PASSWORD=[SECRET-1]"),
    ("my password: hunter22.", "my password: [SECRET-1]."),
    ('password = "correct horse battery"', 'password = "[SECRET-1]"'),
    ("api_key: correcthorsebatterystaple", "api_key: [SECRET-1]"),
    ("Password: rotate it monthly.", None),
    ("Earned secret: the reorg is coming", None),
    ("secret = the team never knew", None),
])
def test_a_keyword_takes_a_secret_after_it_but_not_prose(text: str, redacted: str | None
                                                          ) -> None:
    assert redact(text, RedactSettings()).text == (redacted or text)


def test_public_hosts_urls_and_addresses_stay() -> None:
    text = ("See https://example.com/docs, http://localhost:8000/ and 8.8.8.8; "
            "the local build and the corp wiki; version 1.2.3; 2026-11-29; 300.1.2.3")
    assert redact(text, RedactSettings()).text == text


def test_internal_hosts_urls_and_ips_by_default_and_by_setting() -> None:
    settings = RedactSettings(domains=("acme.net",))
    text = ("db1.internal, nas.local, http://jira:8080/browse/X-1, https://acme.net/, "
            "git.eu.acme.net, 192.168.1.20, 172.20.0.1, 172.40.0.1, notacme.net")
    result = redact(text, settings)
    assert result.text == ("[HOST-1], [HOST-2], [URL-1], [URL-2], [HOST-3], [IP-1], [IP-2], "
                           "172.40.0.1, notacme.net")


def test_allowed_strings_and_kinds_turned_off_stay() -> None:
    settings = RedactSettings(allow=("press@example.com",), off=frozenset({"phone"}))
    result = redact("press@example.com, dana@example.com, 415-555-0142", settings)
    assert result.text == "press@example.com, [EMAIL-1], 415-555-0142"


def test_ordinary_prose_is_left_alone() -> None:
    """The essay this project implements: a long piece of ordinary prose, with numbers,
    dates, percentages and a word like 'secret' in it, and nothing to redact."""
    essay = (DATA / "essay.md").read_text(encoding="utf-8")
    result = redact(essay, RedactSettings())
    assert result.findings == []
    assert result.text == essay


def test_redact_value_reaches_every_string_of_a_json_value() -> None:
    redactor = Redactor(SETTINGS)
    value = {"who": "Globex", "tags": ["a@b.io", "fine"], "n": 3, "nested": {"x": "a@b.io"}}
    assert redactor.redact_value(value) == {"who": "[CUSTOMER-1]",
                                            "tags": ["[EMAIL-1]", "fine"], "n": 3,
                                            "nested": {"x": "[EMAIL-1]"}}


def test_text_with_nothing_to_redact_comes_back_as_it_was() -> None:
    text = "Nothing here but a plan: ship it on 2026-12-01, 3 of 5 done.\n"
    result = redact(text, RedactSettings())
    assert (result.text, result.findings, result.counts) == (text, [], {})


def test_unusual_case_folding_still_finds_the_term() -> None:
    # "İ" lower-cases to two characters: positions must still come out right
    result = redact("İstanbul team: Globex at ops@globex.com", SETTINGS)
    assert result.text == "İstanbul team: [CUSTOMER-1] at [EMAIL-1]"


# --- settings ---------------------------------------------------------------------------


def test_settings_come_from_luck_toml() -> None:
    config = config_from_dict({"redact": {
        "domains": ["Acme.NET", ".corp.example.com"], "names": True, "allow": ["x@y.io"],
        "off": ["phone"], "terms": {"customer": ["Globex", " Initech "]}}})
    assert config.redact == RedactSettings(
        domains=("acme.net", "corp.example.com"), names=True, allow=("x@y.io",),
        off=frozenset({"phone"}), terms=(("customer", ("Globex", "Initech")),))
    assert config_from_dict({"redact": {"terms": ["Bluebird"]}}).redact.terms == (
        ("term", ("Bluebird",)),)
    assert config_from_dict({}).redact == RedactSettings()


@pytest.mark.parametrize(("table", "message"), [
    ({"colour": 1}, "[redact] colour: unknown setting (known: allow, domains, names, off, terms)"),
    ({"names": "yes"}, '[redact] names: must be true or false, got "yes"'),
    ({"domains": "acme.net"},
     '[redact] domains: must be a list of non-empty strings, got "acme.net"'),
    ({"domains": ["acme .net"]}, '[redact] domains: "acme .net" is not a domain name'),
    ({"off": ["secret"]}, '[redact] off: "secret" cannot be turned off'),
    ({"terms": {"Customer": ["x1"]}}, "[redact.terms] Customer: cannot name a kind of term"),
    ({"terms": {"email": ["x1"]}}, "[redact.terms] email: cannot name a kind of term"),
    ({"terms": {"customer": ["x"]}}, '[redact.terms] customer: "x" is too short'),
    ({"terms": {"customer": [""]}},
     "[redact.terms] customer: must be a list of non-empty strings"),
    ({"terms": "Globex"}, "[redact] terms: must be a list of terms or a table of kind = [terms]"),
])
def test_bad_settings_name_the_setting(table: dict, message: str) -> None:
    with pytest.raises(LuckError) as caught:
        config_from_dict({"redact": table}, where="luck.toml")
    assert message in caught.value.message
    assert caught.value.message.startswith("luck.toml: ")


# --- whatever surrounds them --------------------------------------------------------------

_PLANTED = [value for value, _ in (*canaries.SECRETS.values(), *canaries.OTHERS.values())]
_PARTS = {value: part for value, part in (*canaries.SECRETS.values(),
                                          *canaries.OTHERS.values())}
# prose around a canary, in any script, with control characters and emoji
_prose = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(before=_prose, planted=st.sampled_from(_PLANTED), after=_prose)
def test_a_planted_canary_never_survives_whatever_surrounds_it(before: str, planted: str,
                                                                after: str) -> None:
    text = f"{before} {planted}\n{after}"
    result = Redactor(SETTINGS).redact(text)
    assert _PARTS[planted] not in result.text
    assert result.findings


# --- the fast paths find what the patterns find --------------------------------------------

_HOSTY = st.lists(st.sampled_from(
    [*"ab1-._@ %+\nİ", ".corp", ".internal", ".local", "acme.net", "x.acme.net", ".com",
     "ops@", "a@b.io", "Db.Corp"]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_HOSTY)
def test_emails_and_internal_hosts_found_from_their_anchors_are_the_patterns_own(
        text: str) -> None:
    import re

    from luckos.guard import detectors
    from luckos.guard.folded import Folded

    emails = [m.span() for m in detectors._emails(text)]
    assert emails == [m.span() for m in detectors._EMAIL.finditer(text)]
    folded = Folded(text)
    pattern = detectors._internal_host_pattern(("acme.net",))
    anchor = detectors._internal_anchor_pattern(("acme.net",))
    hosts = [m.span() for m in folded.anchored(pattern, anchor, detectors._HOST_CHARS)]
    assert hosts == [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
