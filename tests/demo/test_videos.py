"""The demo's video pages: the concept's categories and two videos."""

from smgovernance.models import VideoCategory, VideoIndexPage, VideoPage


def test_demo_has_the_concepts_categories_and_two_demo_videos(demo):
    assert set(VideoCategory.objects.values_list("name", flat=True)) == {
        "Unternehmen",
        "Fachkräfte",
        "Nachhaltigkeit",
        "Mittelsachsen als Arbeits- und Lebensort",
        "Projektdokumentationen",
    }
    assert VideoPage.objects.live().count() >= 2
    assert VideoIndexPage.objects.get().url_path.endswith("/videos/")
