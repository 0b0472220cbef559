"""`begroting serve`: the same questions as the CLI, in the browser, every question in its URL."""
