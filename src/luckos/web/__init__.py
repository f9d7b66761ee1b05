"""`luck serve`: the web face. Pages call the same application functions as the CLI;
each page's JSON twin is the CLI's `--json` for the same report."""
