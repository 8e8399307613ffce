"""The scale tests reuse the projects' cast (staff, a committee with its chair, a call, a lead...)."""

from tests.projects.conftest import cast, draft  # noqa: F401 (fixtures)
