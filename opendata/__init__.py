"""Open data: the alliance's public datasets, their dictionaries, and their downloads (CSV, JSON, Excel).

The top layer beside the URLs: it may read companies, committees, surveys, projects and monitoring;
nothing imports it except ``axs_platform.urls``. Each dataset is declared once in ``opendata.datasets``
(``opendata.datasets.get(slug)``), so other readers (the API) serve the same public rows.
"""
