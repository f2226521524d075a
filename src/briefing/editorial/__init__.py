"""Editorial stages: dedup, classify, summarize, compose."""
