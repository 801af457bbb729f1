"""Serve the project on 127.0.0.1 at a free port, for tests with several processes.

`python -m tests.serve` prints the port on the first line of stdout, then serves
(threaded) until killed. The settings come from DJANGO_SETTINGS_MODULE.
"""

import os
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from django.core.wsgi import get_wsgi_application


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No access log on stderr."""


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.process_settings")
    application = get_wsgi_application()
    server = make_server(
        "127.0.0.1",
        0,
        application,
        server_class=ThreadingServer,
        handler_class=QuietHandler,
    )
    print(server.server_port, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
