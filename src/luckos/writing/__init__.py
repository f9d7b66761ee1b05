"""Documents that age well: templates filled from the records, and a linter for the
essay's rules.

- `catalog`: the document kinds and the rules, as data; `sections`: the parts documents
  are made of and the heading words that name them.
- `frontmatter`, `headings` and `structure`: a document read into front matter, sections,
  lists and tables (Markdown parsed by markdown-it-py, a CommonMark parser).
- `cues` and `rules`: what each rule looks for; `lint`: `lint_text` and `lint_paths`,
  findings as values; `sources`: finding and reading files, never writing them.
- `drafts`: the Jinja2 templates that write first drafts; `render`: a standalone HTML page.

Everything here is pure: no workspace, no database.
"""
