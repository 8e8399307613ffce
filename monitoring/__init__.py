"""Implementation monitoring: a structured project's plan, its reporting periods and progress reports."""
