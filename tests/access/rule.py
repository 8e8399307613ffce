"""The rule of the role × URL matrix and its notation: a URL, the objects that fill it, what each role gets."""

from dataclasses import dataclass, field

from django.urls import reverse

ADMIN_NAMESPACE = "admin"  # Django's admin is one entry, ``admin:index``: staff only, like all of it.

# Shorthands for the most common rows.
PUBLIC = "200 200 200 200 200 200 200 200 200"
SIGNED_IN = "L 200 200 200 200 200 200 200 200"
STAFF_ONLY = "L 200 403 403 403 403 403 403 403"


def key_of(namespace, name, route):
    """The name a rule uses for a pattern: ``namespace:name``, or the route of a pattern with no name."""
    if name is None:
        return f"route:{route}"
    return f"{namespace}:{name}" if namespace else name


@dataclass(frozen=True)
class Rule:
    name: str
    args: dict = field(default_factory=dict)
    expected: str = PUBLIC
    why: str = ""
    method: str = "get"  # "post" (with no data) only where the answer must come before any write

    @property
    def label(self):
        args = " ".join(f"{key}={value}" for key, value in self.args.items())
        return f"{self.method.upper()} {self.name} {args}".strip()

    def url(self, objects):
        if self.name.startswith("route:"):  # a pattern with no name: ``args["path"]`` is a URL under it
            return self.args["path"]
        return reverse(self.name, kwargs={key: objects.get(value, value) for key, value in self.args.items()})

    def notation(self, answers):
        method = f", method={self.method!r}" if self.method != "get" else ""
        return f"    Rule({self.name!r}, {self.args!r}, {' '.join(answers)!r}{method}),"
