"""A control character typed into a text (such as a vertical tab pasted from Word) never breaks an IATI file."""

from iati import validation
from iati.writer.common import xml_text
from projects.models import Proposal

from .helpers import activities_tree, activity_of


def test_xml_text_removes_characters_xml_does_not_allow_and_keeps_line_breaks():
    assert xml_text("a\x0bb\x00c\x1fd\te\nf") == "abcd\te\nf"


def test_a_title_with_a_vertical_tab_is_written_without_it_and_the_file_validates(demo):
    project = Proposal.objects.published().order_by("pk").first()
    Proposal.objects.filter(pk=project.pk).update(title="Agua\x0blimpia para todos")
    tree = activities_tree()
    assert validation.problems(tree, validation.ACTIVITIES) == []
    activity = activity_of(tree, project)
    assert "Agualimpia para todos" in activity.xpath("title/narrative/text()")
