"""VimeoBlock: the parser's answers at the field, the same placeholder in any StreamField."""

import pytest
from django.utils import translation
from wagtail.blocks import StructBlockValidationError

from smgovernance.blocks import VimeoBlock
from tests.factories import soup_fragment


def test_vimeo_block_renders_the_same_placeholder_in_any_streamfield(rf, demo):
    from smgovernance.blocks import VimeoBlock

    block = VimeoBlock()
    value = block.to_python(
        {
            "video": "https://vimeo.com/76979871",
            "title": "Im Fließtext",
            "start_time": "90",
        }
    )
    html = block.render(value, context={"request": rf.get("/")})
    fragment = soup_fragment(html)
    assert fragment.find("h2").get_text(strip=True) == "Im Fließtext"
    assert fragment.find("section")["data-vimeo-player-url"] == (
        "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=90s"
    )
    assert fragment.find("iframe") is None


def block_value(**fields):
    block = VimeoBlock()
    data = {
        "video": "https://vimeo.com/76979871",
        "title": "Leben in Mittelsachsen",
        "poster": None,
        "transcript": None,
        "captions_available": False,
        "caption_language": "de",
        "start_time": "",
    }
    data.update(fields)
    return block, block.to_python(data)


def test_block_clean_stores_the_canonical_url():
    block, value = block_value(
        video='<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;app_id=1"></iframe>',
        start_time="1:30",
    )
    cleaned = block.clean(value)
    assert cleaned["video"] == "https://vimeo.com/76979871/8272103f6e"
    assert cleaned.player_url == (
        "https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1&autoplay=1#t=90s"
    )


def test_block_gives_the_parser_message_at_the_video_field():
    block, value = block_value(video="https://www.youtube.com/watch?v=1")
    with (
        translation.override("de"),
        pytest.raises(StructBlockValidationError) as caught,
    ):
        block.clean(value)
    assert set(caught.value.block_errors) == {"video"}
    assert "keine Vimeo-Adresse" in str(caught.value.block_errors["video"].messages)


def test_block_refuses_live_events_and_bad_start_times():
    block, value = block_value(video="https://vimeo.com/event/123", start_time="x")
    with (
        translation.override("de"),
        pytest.raises(StructBlockValidationError) as caught,
    ):
        block.clean(value)
    assert set(caught.value.block_errors) == {"video", "start_time"}
    assert "Live-Veranstaltung" in str(caught.value.block_errors["video"].messages)


def test_block_requires_a_title():
    block, value = block_value(title="")
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(value)
    assert "title" in caught.value.block_errors


@pytest.mark.parametrize(
    "address",
    [
        "https://vimeo.com/event/123456/8272103f6e",
        "https://vimeo.com/event/123456/embed/8272103f6e",
    ],
)
def test_unlisted_live_events_get_the_live_event_message(address):
    block, value = block_value(video=address)
    with (
        translation.override("de"),
        pytest.raises(StructBlockValidationError) as caught,
    ):
        block.clean(value)
    messages = str(caught.value.block_errors["video"].messages)
    assert "Live-Veranstaltung" in messages
    assert "nicht zu einem einzelnen Video" not in messages


def test_unlisted_hash_parameter_reaches_the_stored_address_and_the_player():
    block, value = block_value(
        video="https://vimeo.com/76979871?unlisted_hash=8272103f6e"
    )
    cleaned = block.clean(value)
    assert cleaned["video"] == "https://vimeo.com/76979871/8272103f6e"
    assert cleaned.player_url == (
        "https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1&autoplay=1"
    )


def test_review_link_is_refused_at_the_field_with_a_request_for_the_share_link():
    block, value = block_value(
        video="https://vimeo.com/user16758230/review/76979871/3c257a1b5d"
    )
    with (
        translation.override("de"),
        pytest.raises(StructBlockValidationError) as caught,
    ):
        block.clean(value)
    assert "Freigabe-Link" in str(caught.value.block_errors["video"].messages)
