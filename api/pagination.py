"""Page-number pagination of every list: ``?page=2&per_page=100`` (at most 200 rows a page)."""

from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "per_page"
    max_page_size = 200
