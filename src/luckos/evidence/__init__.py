"""Evidence in and the narrative out.

- `settings`: the `[evidence]` table of luck.toml (author addresses, ticket patterns);
- `git`: a repository's history read with the git command line;
- `docs`: a folder of Markdown documents read into artifacts;
- `packet`: the packet rendered as Markdown, HTML (Jinja2, inline SVG charts) or PDF.

The rules (grouping commits into candidates, which claims a packet makes) live in
`luckos.domain.evidence` and `luckos.domain.packet`; the records are stored by the store.
"""
