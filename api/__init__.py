"""The read API (``/api/v1/``): public rows for anyone, what a person may see for their personal token.

The top layer: it may import every app and nothing imports it. It reads through the apps' selectors and
answers with their permission predicates; its only writes are personal tokens (``services``).
"""
