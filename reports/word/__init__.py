"""The report's Word edition: the edition's HTML written as a DOCX an editor can finish in Word.

``writer`` walks the HTML (headings, paragraphs, lists, quotes, tables, figures, notes); ``ooxml``
holds the few Word fields and XML pieces python-docx has no API for (TOC and SEQ fields, hyperlinks,
numbering restarts, repeated header rows, languages); ``charts`` turns the inline SVG charts into
pictures and tables of their values.
"""

from .writer import html_to_docx, word_language

__all__ = ["html_to_docx", "word_language"]
