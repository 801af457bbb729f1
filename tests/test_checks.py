"""System checks of the extension's settings."""

from smgovernance.checks import check_embed_origins


def test_system_check_rejects_an_embed_origin_that_is_not_an_origin(settings):
    settings.SMGOVERNANCE_EMBED_ORIGINS = ["https://www.wirtschaft-in-mittelsachsen.de"]
    assert check_embed_origins() == []
    settings.SMGOVERNANCE_EMBED_ORIGINS = [
        "https://example.org/path",
        "example.org; script-src *",
    ]
    assert [error.id for error in check_embed_origins()] == ["smgovernance.E002"] * 2
