"""Page-number pagination of every list: ``?page=2&per_page=100`` (at most 200 rows a page).

A ``page`` or ``per_page`` that is not a whole number of at least 1, or a ``per_page`` above the most a page
holds, is refused with 400 and the reason (as a bad filter value is), never read as the first page or the
default size: a client asking for 500 rows a page would otherwise take 200 for the whole list. A page past
the end is 404 (nothing there).
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

PAGE = "Page number, from 1 (a page past the end is 404)."
PER_PAGE = "Rows a page: 1 to {most}, {default} by default (more is 400)."


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "per_page"
    max_page_size = 200

    def _whole_number(self, request, name, *, most=None):
        """The query parameter as a whole number of at least 1 (and at most ``most``); None when absent."""
        value = request.query_params.get(name)
        if value is None:
            return None
        try:
            number = int(value)
        except ValueError:
            raise ValidationError({name: [_("Enter a whole number.")]}) from None
        if number < 1:
            raise ValidationError({name: [_("Enter a number of 1 or more.")]})
        if most is not None and number > most:
            raise ValidationError({name: [_("Enter a number of at most %(most)d.") % {"most": most}]})
        return number

    def get_page_size(self, request):
        size = self._whole_number(request, self.page_size_query_param, most=self.max_page_size)
        return self.page_size if size is None else size

    def paginate_queryset(self, queryset, request, view=None):
        if request.query_params.get(self.page_query_param) not in self.last_page_strings:
            self._whole_number(request, self.page_query_param)
        return super().paginate_queryset(queryset, request, view=view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size, default=self.page_size)
                parameter["description"] = PER_PAGE.format(most=self.max_page_size, default=self.page_size)
            elif parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = PAGE
        return parameters


def page_parameters():
    """The pagination's query parameters, for an action that pages by hand (``datasets/{slug}/rows/``)."""
    most, default = Pagination.max_page_size, Pagination.page_size
    return [
        OpenApiParameter(Pagination.page_query_param, {"type": "integer", "minimum": 1}, description=PAGE),
        OpenApiParameter(
            Pagination.page_size_query_param,
            {"type": "integer", "minimum": 1, "maximum": most, "default": default},
            description=PER_PAGE.format(most=most, default=default),
        ),
    ]
