"""The scale tests reuse the projects' cast (staff, a committee with its chair, a call, a lead...)."""

from tests.projects.conftest import cast  # noqa: F401 (fixture)
