"""smgovernance.vimeo.parse: strict, German, never crashing."""

import contextlib

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smgovernance.vimeo import VimeoVideo, parse, parse_start_time


ID = "76979871"
HASH = "8272103f6e"


def german_message(value: str) -> str:
    with translation.override("de"):
        with pytest.raises(ValidationError) as caught:
            parse(value)
        return " ".join(str(m) for m in caught.value.messages)


@pytest.mark.parametrize(
    "value",
    [
        "https://vimeo.com/76979871",
        "http://vimeo.com/76979871",
        "https://www.vimeo.com/76979871/",
        "vimeo.com/76979871",
        "www.vimeo.com/76979871?share=copy",
        "https://player.vimeo.com/video/76979871",
        "//player.vimeo.com/video/76979871?badge=0&autopause=0",
        "player.vimeo.com/video/76979871",
        "https://vimeo.com/channels/staffpicks/76979871",
        "https://vimeo.com/groups/motion/videos/76979871",
        "https://vimeo.com/album/2222222/video/76979871",
        "https://vimeo.com/showcase/2222222/video/76979871",
        "https://vimeo.com/manage/videos/76979871",
        "https://vimeo.com/ondemand/mittelsachsen/76979871",
        "https://vimeo.com/event/123456/videos/76979871",
        "  https://vimeo.com/76979871#t=30s  ",
        # Forms that were refused although they name one video:
        "https://vimeo.com/video/76979871",
        "https://vimeo.com/m/76979871",
        "https://vimeo.com/manage/76979871",
        "https://vimeo.com/manage/76979871/general",
        "https://vimeo.com/manage/76979871/collaboration",
        "https://vimeo.com/manage/76979871/interaction-tools",
        "https://vimeo.com/manage/76979871/embed/customize",
        "https://vimeo.com/manage/videos/76979871/general",
        "https://vimeopro.com/mittelsachsen/kreistag/video/76979871",
        "https://www.vimeopro.com/mittelsachsen/kreistag/videos/76979871",
        "http://vimeo.com/moogaloop.swf?clip_id=76979871",
        "https://vimeo.com/moogaloop.swf?clip_id=76979871&server=vimeo.com&show_title=0",
        "https://player.vimeo.com/moogaloop.swf?clip_id=76979871",
        "https://vimeo.com/play_redirect_hls?clip_id=76979871",
    ],
)
def test_public_url_forms_give_the_video_id(value):
    assert parse(value) == VimeoVideo(id=ID, hash=None, kind="video")


@pytest.mark.parametrize(
    "value",
    [
        "https://vimeo.com/76979871/8272103f6e",
        "https://vimeo.com/76979871?h=8272103f6e",
        "https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0",
        "https://vimeo.com/manage/videos/76979871/8272103f6e",
        "https://vimeo.com/76979871/8272103f6e?h=8272103f6e",
        "https://vimeo.com/video/76979871/8272103f6e",
        # `unlisted_hash` used to be dropped silently, leaving a broken embed.
        "https://vimeo.com/76979871?unlisted_hash=8272103f6e",
        "https://player.vimeo.com/video/76979871?unlisted_hash=8272103f6e",
        "https://vimeo.com/76979871?h=8272103f6e&unlisted_hash=8272103f6e",
    ],
)
def test_unlisted_hash_is_kept_from_path_or_query(value):
    video = parse(value)
    assert (video.id, video.hash) == (ID, HASH)
    assert video.player_url == f"https://player.vimeo.com/video/{ID}?h={HASH}&dnt=1"
    assert video.canonical_url == f"https://vimeo.com/{ID}/{HASH}"


def test_a_hash_of_only_letters_is_kept_not_read_as_a_manager_page():
    video = parse("https://vimeo.com/manage/videos/76979871/abcdefabcd")
    assert (video.id, video.hash) == (ID, "abcdefabcd")


@pytest.mark.parametrize(
    "value",
    [
        "https://vimeo.com/user16758230/review/76979871/8272103f6e",
        "https://vimeo.com/review/76979871/8272103f6e",
        "https://vimeo.com/exampleusername/review/76979871/a1b2c3d4",
        "vimeo.com/user16758230/review/76979871/8272103f6e?sort=latest",
    ],
)
def test_review_links_are_refused_with_a_request_for_the_share_link(value):
    # The review hash is not the video's privacy hash: `h=<review hash>` breaks
    # an unlisted video's embed, and so does the id alone.
    message = german_message(value)
    assert "Review-Link" in message
    assert "Freigabe-Link" in message


def test_player_and_canonical_url_without_hash():
    video = parse("vimeo.com/76979871")
    assert video.player_url == "https://player.vimeo.com/video/76979871?dnt=1"
    assert video.canonical_url == "https://vimeo.com/76979871"


@pytest.mark.parametrize(
    "value",
    [
        "https://vimeo.com/event/123456",
        "vimeo.com/event/123456/embed",
        "https://vimeo.com/event/123456/embed/interaction?muted=1",
    ],
)
def test_live_events_are_events_never_video_ids(value):
    video = parse(value)
    assert video.kind == "event"
    assert video.id == "123456"
    assert "player.vimeo.com/video" not in video.player_url


@pytest.mark.parametrize(
    "value",
    [
        "https://vimeo.com/event/123456/8272103f6e",
        "https://vimeo.com/event/123456/embed/8272103f6e",
        "https://vimeo.com/event/123456?unlisted_hash=8272103f6e",
    ],
)
def test_unlisted_live_events_are_events_with_their_hash(value):
    video = parse(value)
    assert (video.kind, video.id, video.hash) == ("event", "123456", HASH)
    assert video.player_url == f"https://vimeo.com/event/123456/embed/{HASH}?dnt=1"
    assert parse(video.canonical_url) == video
    assert parse(video.player_url) == video


def test_vimeo_embed_code_with_entities_and_player_script():
    code = (
        '<div style="padding:56.25% 0 0 0;position:relative;"><iframe '
        'src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;badge=0&amp;'
        'autopause=0&amp;player_id=0&amp;app_id=58479" frameborder="0" '
        'allow="autoplay; fullscreen; picture-in-picture" allowfullscreen '
        'title="Beispiel"></iframe></div>'
        '<script src="https://player.vimeo.com/api/player.js"></script>'
    )
    assert parse(code) == VimeoVideo(id=ID, hash=HASH)


def test_old_embed_code_with_credit_links():
    code = (
        '<iframe src="https://player.vimeo.com/video/76979871" width="640" '
        'height="360"></iframe><p><a href="https://vimeo.com/76979871">The New '
        'Vimeo Player</a> from <a href="https://vimeo.com/staff">Vimeo Staff</a>.</p>'
    )
    assert parse(code).id == ID


def test_escaped_embed_code_is_decoded():
    code = "&lt;iframe src=&quot;https://player.vimeo.com/video/76979871&quot;&gt;&lt;/iframe&gt;"
    assert parse(code).id == ID


@pytest.mark.parametrize(
    "code",
    [
        '<iframe src="https://player.vimeo.com/video/76979871" onload="alert(1)"></iframe>',
        '<iframe src="https://player.vimeo.com/video/76979871" srcdoc="<script>x</script>"></iframe>',
        '<iframe src="https://player.vimeo.com/video/76979871" data-src="https://evil.example/"></iframe>',
        '<iframe src="https://player.vimeo.com/video/76979871"></iframe><script>alert(1)</script>',
        '<iframe src="https://player.vimeo.com/video/76979871"></iframe><script src="https://evil.example/player.js"></script>',
        '<iframe src="https://player.vimeo.com/video/76979871"></iframe><img src=x onerror="alert(1)">',
        '<iframe src="https://player.vimeo.com/video/76979871"></iframe><svg><a href="#"></a></svg>',
        '<iframe src="https://player.vimeo.com/video/76979871"></iframe><a href="javascript:alert(1)">x</a>',
        '<iframe src="https://player.vimeo.com/video/76979871"></iframe><object data="x"></object>',
    ],
)
def test_embed_code_with_active_content_is_refused(code):
    message = german_message(code)
    assert "Skripte, Event-Handler oder andere aktive Inhalte" in message


@pytest.mark.parametrize(
    "code",
    [
        "<p>kein iframe</p>",
        '<iframe src="https://player.vimeo.com/video/1"></iframe><iframe src="https://player.vimeo.com/video/2"></iframe>',
        "<iframe></iframe>",
    ],
)
def test_embed_code_needs_exactly_one_iframe(code):
    assert "genau einen Vimeo-Video-iframe" in german_message(code)


@pytest.mark.parametrize(
    "value",
    [
        "https://youtube.com/watch?v=76979871",
        "https://vimeo.com.evil.example/76979871",
        "https://evilvimeo.com/76979871",
        "https://vimeo.co/76979871",
        "https://user@vimeo.com/76979871",
        "https://vimeo.com:8080/76979871",
        "https://vimeo.com./76979871",
        "ftp://vimeo.com/76979871",
        "javascript:alert(1)//vimeo.com/76979871",
        "https://vimeo.com\\@evil.example/76979871",
        "https://vimeo .com/76979871",
        "76979871",
        '<iframe src="https://evil.example/video/76979871"></iframe>',
    ],
)
def test_other_hosts_and_lookalikes_are_not_vimeo(value):
    assert "keine Vimeo-Adresse" in german_message(value)


@pytest.mark.parametrize(
    "value",
    [
        "https://vimeo.com/user16758230",
        "https://vimeo.com/channels/staffpicks",
        "https://vimeo.com/showcase/2222222",
        "https://vimeo.com/",
        "https://player.vimeo.com/api/player.js",
        "https://vimeo.com//76979871",
        "https://vimeopro.com/mittelsachsen/kreistag",
        "https://vimeopro.com/mittelsachsen",
        "https://vimeo.com/moogaloop.swf",
        "https://vimeo.com/manage/videos",
        "https://vimeo.com/m/channels",
        "https://vimeo.com/event/123456/videos",
    ],
)
def test_addresses_that_are_not_a_single_video(value):
    assert "nicht zu einem einzelnen Video" in german_message(value)


@pytest.mark.parametrize(
    "value",
    [
        "https://vimeo.com/076979871",
        "https://vimeo.com/1234567890123",
        "https://player.vimeo.com/video/0",
        "https://vimeo.com/moogaloop.swf?clip_id=abc",
        "https://vimeo.com/moogaloop.swf?clip_id=1&clip_id=2",
        "https://vimeo.com/event/0123",
    ],
)
def test_malformed_ids(value):
    assert "Video-ID ist fehlerhaft" in german_message(value)


@pytest.mark.parametrize(
    "value",
    [
        "https://vimeo.com/76979871/8272103F6E",
        "https://vimeo.com/76979871/8272103f6",
        "https://vimeo.com/76979871?h=zzzzzzzzzz",
        "https://vimeo.com/76979871/8272103f6e?h=1111111111",
        "https://player.vimeo.com/video/76979871?h=8272103f6e&h=8272103f6e",
        "https://vimeo.com/76979871?unlisted_hash=zzz",
        "https://vimeo.com/76979871?h=8272103f6e&unlisted_hash=1111111111",
        "https://vimeo.com/76979871/8272103f6e?unlisted_hash=1111111111",
        "https://vimeo.com/event/123456/review1234",
    ],
)
def test_malformed_or_conflicting_hashes(value):
    assert "Privatsphäre-Hash" in german_message(value)


def test_empty_input_says_what_is_accepted():
    assert "Geben Sie die Adresse eines Vimeo-Videos ein" in german_message("   ")


ids = st.from_regex(r"\A[1-9][0-9]{0,11}\Z")
hashes = st.from_regex(r"\A[0-9a-f]{10}\Z")
FORMS = [
    "https://vimeo.com/{id}",
    "vimeo.com/{id}",
    "//player.vimeo.com/video/{id}",
    "https://player.vimeo.com/video/{id}",
    "https://vimeo.com/channels/staffpicks/{id}",
    "https://vimeo.com/groups/motion/videos/{id}",
    "https://vimeo.com/album/12/video/{id}",
    "https://vimeo.com/showcase/12/video/{id}",
    "https://vimeo.com/manage/videos/{id}",
    "https://vimeo.com/ondemand/name/{id}",
    "https://vimeo.com/event/99/videos/{id}",
    "https://vimeo.com/video/{id}",
    "https://vimeo.com/m/{id}",
    "https://vimeo.com/manage/{id}/general",
    "https://vimeopro.com/user/project/video/{id}",
    "http://vimeo.com/moogaloop.swf?clip_id={id}",
    '<iframe src="https://player.vimeo.com/video/{id}"></iframe>',
]
HASH_FORMS = [
    "https://vimeo.com/{id}/{hash}",
    "https://www.vimeo.com/{id}?h={hash}",
    "https://player.vimeo.com/video/{id}?h={hash}&dnt=1",
    "https://vimeo.com/manage/videos/{id}/{hash}",
    "https://vimeo.com/{id}?unlisted_hash={hash}",
    "https://vimeo.com/video/{id}/{hash}",
    '<iframe src="https://player.vimeo.com/video/{id}?h={hash}&amp;badge=0"></iframe>'
    '<script src="https://player.vimeo.com/api/player.js"></script>',
]


@given(st.text(max_size=300))
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_text_raises_nothing_but_validation_error(value):
    with contextlib.suppress(ValidationError):
        parse(value)


@given(st.text(alphabet="<>/=\"' &;:?#.hvimeocomplayertsrcfdn0123456789", max_size=200))
@settings(max_examples=400)
def test_url_like_text_raises_nothing_but_validation_error(value):
    try:
        video = parse(value)
    except ValidationError:
        return
    assert parse(video.canonical_url) == video


@given(ids, st.sampled_from(FORMS))
def test_generated_ids_round_trip_in_every_form(video_id, form):
    video = parse(form.format(id=video_id))
    assert (video.id, video.hash, video.kind) == (video_id, None, "video")
    assert parse(video.canonical_url) == video
    assert parse(video.player_url) == video


@given(ids, hashes, st.sampled_from(HASH_FORMS))
def test_generated_ids_and_hashes_round_trip(video_id, video_hash, form):
    video = parse(form.format(id=video_id, hash=video_hash))
    assert (video.id, video.hash) == (video_id, video_hash)
    assert parse(video.canonical_url) == video
    assert parse(video.player_url) == video


@pytest.mark.parametrize(
    ("value", "seconds"), [("", None), ("90", 90), ("1:30", 90), ("1:02:03", 3723)]
)
def test_start_time(value, seconds):
    assert parse_start_time(value) == seconds


@pytest.mark.parametrize("value", ["1:75", "abc", "-5", "1:2"])
def test_bad_start_time(value):
    with pytest.raises(ValidationError):
        parse_start_time(value)
