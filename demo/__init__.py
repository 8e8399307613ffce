"""The demo alliance: ``manage.py load_demo`` asks each app, lowest first, to load its demo data."""
