"""Generated documents: the job, its progress, the stored PDF, the WeasyPrint call and its URL fetcher.

A low-level app: it knows nothing of committees, projects or reports. Each of those registers
the kinds of document it owns (``documents.registry.register``) with the function that builds
the HTML, and the rules for who may ask for and read it.
"""
