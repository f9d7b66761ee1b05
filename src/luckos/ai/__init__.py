"""AI as a multiplicative habit: a versioned prompt library over the user's own records.

The pure parts live here: the `[ai]` settings (`settings`), the prompt files and their
built-in starters (`prompts`), the context a prompt is given (`context`), the JSON a
document-filling prompt must return (`structured`), the HTTP client for an
OpenAI-compatible endpoint (`client`) and the log of every call (`log`). The workflow that
joins them to the workspace is `luckos.app.ai`. Nothing is imported here, so that
`luckos.config` can read `[ai]` at no cost to other commands.
"""
