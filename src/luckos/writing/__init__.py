"""Documents that age well: templates filled from the records, and a linter for the
essay's rules.

- `catalog`: the document kinds, their sections and the rules, as data.
- `frontmatter` and `structure`: a document read into front matter, sections, lists and
  tables (Markdown parsed by markdown-it-py, a CommonMark parser).
- `rules`: one check per rule; `lint`: `lint_text` and `lint_paths`, findings as values.
- `sources`: finding and reading files without ever writing to them.
- `drafts`: the Jinja2 templates that write first drafts; `render`: a standalone HTML page.

Everything here is pure: no workspace, no database.
"""
