"""Migrate a fresh database with the reusable settings and render the package's pages.

Run as a script (a separate process, because it needs its own settings):
    python -m tests.reusable_site.render_check
Prints "OK <status codes>" on success and exits non-zero otherwise.
"""

import os
import sys

import django


def main() -> int:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.reusable_site.settings"
    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Page, Site

    from smgovernance.models import ChannelIndexPage, VideoIndexPage, VideoPage

    call_command("migrate", verbosity=0, interactive=False)
    root = Site.objects.get(is_default_site=True).root_page
    index = ChannelIndexPage(title="Kanäle", slug="kanaele", intro="Alle Kanäle.")
    root.add_child(instance=index)
    index.save_revision().publish()
    videos = VideoIndexPage(title="Videos", slug="videos")
    root.add_child(instance=videos)
    videos.save_revision().publish()
    video = VideoPage(
        title="Film",
        slug="film",
        video_url="vimeo.com/76979871",
        transcript="<p>Text</p>",
    )
    videos.add_child(instance=video)
    video.save_revision().publish()
    client = Client()
    urls = ("/kanaele/", "/videos/", "/videos/film/", "/videos/film/embed/")
    statuses = [client.get(url).status_code for url in urls]
    embed_policy = client.get("/videos/film/embed/").get("Content-Security-Policy", "")
    if embed_policy != "frame-ancestors 'self'":
        print("FAILED embed policy", repr(embed_policy))
        return 1
    if statuses != [200] * len(urls) or Page.objects.count() < 3:
        print("FAILED", statuses)
        return 1
    print("OK", statuses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
