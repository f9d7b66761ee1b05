"""The words that show a part is there: numbers with units, dates, owners, costs, risks.

Each cue is a compiled pattern over prose. Placeholders (`[TODO: ...]`, TBD) are stripped
before looking for facts: a date or a number inside a prompt does not count.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(
    r"\[(?:TODO|TBD|TBA|TBC|FIXME|TK)\b[^\]\n]*\]"  # [TODO: name who decides]
    r"|\[\s*(?:\.\.\.|…)\s*\]"  # [...]
    r"|\[[^\]\n]*\b(?:to add|to fill(?: in)?|to be (?:added|filled|decided|confirmed|written)"
    r"|fill in|insert|to come|to follow)\b[^\]\n]*\](?!\()"  # [link to the demo, to add]
    r"|\{\{(?![<%])[^}\n]*\}\}"  # an unrendered template variable (not a Hugo shortcode)
    r"|<(?:TODO|TBD|insert|fill in|your)\b[^>\n]*>"
    r"|\b(?:TODO|TBD|TBA|TBC|FIXME|XXX)\b"
    r"|(?<![A-Za-z?])\?{2,}"  # "08:??", "owner: ??"; not "really??"
    r"|\b[Ll]orem ipsum\b"
)

_NUMBER = r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_WORD_NUMBER = (r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"fifteen|twenty|thirty|forty|fifty|sixty|hundred|a hundred|a thousand|"
                r"a dozen|dozens of|hundreds of|thousands of)")
_UNITS = (
    r"%|percent|pp|percentage points?|bps|basis points?|"
    r"ms|µs|us|ns|s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|wks?|"
    r"months?|quarters?|qtrs?|years?|yrs?|sprints?|"
    r"x|×|times|"
    r"k|K|M|B|bn|million|billion|thousand|"
    r"incidents?|outages?|pages?|alerts?|tickets?|bugs?|defects?|errors?|failures?|"
    r"crashes|escalations?|requests?|req/s|rps|qps|tps|queries|calls|"
    r"users?|customers?|accounts?|tenants?|clients?|orders?|transactions?|sessions?|"
    r"engineers?|people|developers?|heads?|headcount|FTEs?|engineer-weeks?|"
    r"engineer-months?|person-weeks?|person-days?|person-months?|"
    r"deploys?|deployments?|releases?|builds?|meetings?|services?|teams?|"
    r"dollars|USD|EUR|GBP|GB|TB|MB|KB|GiB|TiB|MiB|cores?|servers?|nodes?|instances?|"
    r"machines?|hosts?|steps?|approvals?|points?|stars?|nines"
)
QUANTITY = re.compile(
    rf"[$€£¥]\s?\d[\d,.]*(?:\s?(?:k|K|M|B|bn|million|billion|thousand)\b)?"
    rf"|(?:{_NUMBER}|{_WORD_NUMBER})\s?(?:[-/]\s?)?(?:{_UNITS})(?![\w])"
    rf"|{_NUMBER}\s?(?:→|->|to)\s?{_NUMBER}"
)
# The same, led by a digit or a currency sign: the regex engine skips to those quickly.
_DIGIT_QUANTITY = re.compile(
    rf"[$€£¥]\s?\d[\d,.]*"
    rf"|\d(?:[\d,]*\d)?(?:\.\d+)?\s?(?:[-/]\s?)?(?:{_UNITS})(?![\w])"
    rf"|\d(?:[\d,]*\d)?(?:\.\d+)?\s?(?:→|->|to)\s?\d"
)
_WORD_QUANTITY = re.compile(rf"{_WORD_NUMBER}\s?(?:[-/]\s?)?(?:{_UNITS})(?![\w])",
                            re.IGNORECASE)
_WORD_NUMBER_HINTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                      "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty",
                      "fifty", "sixty", "hundred", "thousand", "dozen")
ANY_NUMBER = re.compile(r"\d")

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
           r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_WEEKDAYS = (r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|"
             r"fri(?:day)?|sat(?:urday)?|sun(?:day)?)")
DATE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"
    rf"|\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b"
    rf"|\b(?:by|before|on|until|due|next|this|end of|eod|eow)\s+{_WEEKDAYS}\b"
    rf"|\b{_WEEKDAYS}\s+\d{{1,2}}\b"
    r"|\b(?:by|before|in|end of|eo)\s*(?:Q[1-4]|H[12])(?:\s?\d{2,4})?\b"
    r"|\b(?:Q[1-4]|H[12]|FY)\s?\d{2,4}\b"
    r"|\b(?:by|before|until|due)\s+(?:tomorrow|today|tonight|end of (?:day|week|month))\b",
    re.IGNORECASE,
)

# a label with a value after it: "Owner: Dana", "**Who decides:** [TODO: name]"
_OWNER_LABEL = re.compile(
    r"\b(?:who decides|decider|decision[- ]makers?|decided by|approvers?|approved by|"
    r"sign[- ]?off(?: by)?|owners?|owned by|assignees?|assigned to|DRIs?|accountable|"
    r"responsible|lead|who)\b\**\s*[:=—–-]\s*\**\s*[^\s*]",
    re.IGNORECASE,
)
_OWNER_HANDLE = re.compile(r"(?<![\w.])@[A-Za-z][\w.-]+")
_OWNER_NAMED = re.compile(
    r"\b(?:ask(?:s|ing)?|need(?:s|ing)?|request(?:s|ing)?|for)\s+(?:[A-Z][a-z]+)"
    r"(?:\s+[A-Z][a-z]+)?\s+(?:\([^)]*\)\s+)?to\s+(?:decide|approve|sign|choose|pick|agree)"
    r"|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:\([^)]*\)\s+)?(?:decides|approves|signs off|"
    r"will decide|will approve|owns|will own|is the decider|makes the call)\b"
    r"|[—–(\[]\s*(?:[A-Z][a-z]+|[A-Z]{2,})(?:\s+[A-Z][a-z]+)?\s*(?:[,;)\]]|$|\s+by\b)"
    r"|\b(?:answer|approval|decision|sign-?off|go-ahead|call)\s+from\s+[A-Z][a-z]+"
    r"|\b[Oo]wners?\s+(?:is\s+)?(?:[A-Z][a-z]+|@[\w.-]+)"
)
_OWNER_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[A-Za-z]{2,}")
# a role or a team standing as the owner: "— payments team, 2026-03-01", "(on-call SRE)"
_OWNER_ROLE = re.compile(
    r"(?:^|[—–(\[,:;]|\bby)\s*(?:the\s+)?(?:[\w-]+\s+){0,2}(?:team|on-?call|oncall|SRE|"
    r"lead|manager|DBA|squad|rotation|owner|engineer)s?\b", re.IGNORECASE)

# The verbs a step starts with: "Check the logs", "Roll back the deploy", "Page the lead".
IMPERATIVES = frozenset((
    "add", "apply", "ask", "assign", "backfill", "bump", "call", "cancel", "check", "clean",
    "clear", "collect", "compare", "confirm", "consider", "contact", "copy", "cordon",
    "create", "decrease", "delete", "deploy", "describe", "determine", "disable", "document",
    "download", "drain", "edit", "enable", "ensure", "escalate", "execute", "expand",
    "export", "fail", "find", "flip", "follow", "get", "give", "go", "grep", "identify",
    "import", "increase", "inspect", "install", "investigate", "kill", "list", "log",
    "login", "look", "make", "migrate", "monitor", "move", "notify", "open", "page", "pause",
    "ping", "point", "promote", "pull", "purge", "push", "query", "reboot", "rebuild",
    "recreate", "redeploy", "reduce", "refresh", "reload", "remove", "rename", "repeat",
    "replace", "request", "rerun", "reset", "resize", "restart", "restore", "resume",
    "retry", "revert", "review", "revoke", "roll", "rollback", "rotate", "run", "scale",
    "schedule", "search", "send", "set", "shut", "ssh", "start", "stop", "switch", "sync",
    "tail", "take", "tell", "terminate", "test", "trigger", "truncate", "tune", "turn",
    "uncordon", "update", "upgrade", "upload", "use", "validate", "verify", "wait", "watch",
    "write", "create", "reconfigure", "snapshot", "drop", "archive", "buy", "hire",
    "replay", "tweak", "fix", "raise", "lower", "bring", "keep", "put", "mark", "remediate",
))
# an action item whose subject is a person: "Sam books the review", "Dana will send it"
OWNER_SUBJECT = re.compile(
    r"^\s*(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]\s*)?(?:[A-Z][a-z]+|@[\w.-]+)"
    r"(?:\s+[A-Z][a-z]+)?\s+(?:will\s+[a-z]+|to\s+[a-z]+|[a-z]+s)\b"
)
COST = re.compile(
    r"\b(?:costs?|costly|effort|price|pricing|spend|budget|capex|opex|investment|staffing|"
    r"resources|expensive|cheap|engineer[- ]?(?:weeks?|months?|days?)|person[- ]?(?:weeks?|"
    r"months?|days?)|sprints?|headcount|FTEs?|toil|licen[cs]es?|takes? \w+ (?:weeks?|days?))"
    r"\b|[$€£]\s?\d|\bnothing to build\b|\bno (?:extra |new )?cost\b|\bcosts nothing\b"
    r"|\bfor free\b|\bnone now\b",
    re.IGNORECASE,
)
RISK = re.compile(
    r"\b(?:risks?|risky|downsides?|danger|dangerous|could fail|might fail|may fail|"
    r"failure|regressions?|exposure|uncertain(?:ty)?|blast radius|caveats?|drawbacks?|cons|"
    r"could break|might break|may break|breaks?|fragile|lock-?in|what could go wrong|may not|"
    r"might|could|stale|stays?|remains?|continues?|slips?|delays?|lose|loses|losing)\b",
    re.IGNORECASE,
)
HANDLED = re.compile(
    r"→|->|=>|\b(?:handled|addressed|resolved|incorporated|accepted|declined|rejected|"
    r"answered|answer|response|responded|reply|replied|mitigated|mitigation|changed|added|"
    r"agreed|dropped|deferred|adjusted|updated|we will|we'll|we did|fixed|covered|moved|"
    r"kept|cut|parked|acknowledged|outcome|unchanged|reviewed|discussed|explained|"
    r"clarified|no change)\b",
    re.IGNORECASE,
)
DECISION_WORDS = re.compile(
    r"\b(?:decide|decides|decision|decisions|approve|approval|sign off|choose|ask|asking)\b",
    re.IGNORECASE,
)
KILL_SWITCH = re.compile(
    r"\bkill[- ]?switch(?:es)?\b|\boff[- ]switch\b|\bcircuit[- ]breakers?\b"
    r"|\bbig red button\b|\bpanic button\b",
    re.IGNORECASE,
)
MITIGATIONS = {
    "a feature flag": re.compile(r"\bfeature[- ]?(?:flags?|toggles?|gates?)\b|\bflag(?:ged|s)?\b",
                                 re.IGNORECASE),
    "a staged rollout": re.compile(
        r"\bstaged\b|\bcanar(?:y|ies)\b|\bphased\b|\bgradual\b|\bprogressive\b|\bramp(?:ed|ing)?"
        r"\b|\bpercentage rollout\b|\bdark launch\b|\brollout stages?\b|\b1 ?%", re.IGNORECASE),
    "an audit trail": re.compile(r"\baudit(?:ed|s|ing| trail| log)?\b|\bchange ?log\b",
                                 re.IGNORECASE),
}
REHEARSED = re.compile(
    r"\brehears\w*|\bdrill(?:ed|s)?\b|\bdry[- ]run\b|\bpractic\w*|\bgame ?day\b"
    r"|\btested\b|\btest(?:ing)? (?:the )?roll ?back\b",
    re.IGNORECASE,
)
WEEKS = re.compile(r"\b(?:weeks?|wks?|w)\s*(\d{1,2})(?:\s*(?:-|–|—|to|through|and|&)\s*"
                   r"(?:weeks?\s*)?(\d{1,2}))?\b", re.IGNORECASE)


_PLACEHOLDER_HINTS = ("TODO", "TBD", "TBA", "TBC", "FIXME", "XXX", "TK", "??", "{{", "<",
                      "orem ipsum", "...]", "…]", "to add", "to fill", "to be ", "fill in",
                      "insert", "to come", "to follow")


def may_hold_placeholder(text: str) -> bool:
    """A fast test (plain substring search) that rules most text out before the regex."""
    return any(hint in text for hint in _PLACEHOLDER_HINTS)


def strip_placeholders(text: str) -> str:
    return PLACEHOLDER.sub(" ", text) if may_hold_placeholder(text) else text


def blank_placeholders(text: str) -> str:
    """Placeholders replaced by spaces of the same length, so offsets still hold."""
    if not may_hold_placeholder(text):
        return text
    return PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)


def has_quantity(text: str) -> bool:
    """A number with a unit: '$400k', '1.8 s → 650 ms', '60%', 'two sprints'."""
    text = strip_placeholders(text)
    for match in _DIGIT_QUANTITY.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        if match.group(0)[0] in "$€£¥" or not (before.isalnum() or before in "._"):
            return True
    lowered = text.lower()
    if any(word in lowered for word in _WORD_NUMBER_HINTS):
        return _WORD_QUANTITY.search(text) is not None
    return False


def has_date(text: str) -> bool:
    return DATE.search(strip_placeholders(text)) is not None


def has_owner(text: str, teams: tuple[str, ...] = ()) -> bool:
    """A named owner: a label with a value, an @handle, an email, a name asked to decide,
    a role or team ("on-call SRE", "payments team") or a team of `[lint] teams`."""
    if _OWNER_LABEL.search(text):
        return True
    stripped = strip_placeholders(text)
    if (_OWNER_HANDLE.search(stripped) or _OWNER_NAMED.search(stripped)
            or _OWNER_EMAIL.search(stripped) or _OWNER_ROLE.search(stripped)):
        return True
    if teams:
        lowered = stripped.lower()
        return any(re.search(rf"(?<!\w){re.escape(team.lower())}(?!\w)", lowered)
                   for team in teams)
    return False


def owner_subject(text: str) -> bool:
    """An action whose subject is a person ("Sam books the review", "Dana will send it");
    an imperative verb is not a person ("Create ingress test suite", "Revert to ...")."""
    match = OWNER_SUBJECT.match(text)
    if not match:
        return False
    first = re.sub(r"^\s*(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]\s*)?", "", text).split(" ", 1)[0]
    return first.lower() not in IMPERATIVES


def has_cost(text: str) -> bool:
    return COST.search(text) is not None


def has_risk(text: str) -> bool:
    return RISK.search(text) is not None
