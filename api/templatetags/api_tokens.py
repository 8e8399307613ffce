"""``{% my_api_tokens %}``: the person's own API tokens on their profile (accounts cannot import this app)."""

from django import template

from ..models import ApiToken

register = template.Library()


@register.inclusion_tag("api/includes/my_tokens.html", takes_context=True)
def my_api_tokens(context):
    user = context["request"].user
    return {"tokens": list(ApiToken.objects.filter(person=user)[:20]) if user.is_authenticated else []}
