"""The project's date formats, where they differ from Django's (FORMAT_MODULE_PATH): one way of writing dates."""
