import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create or update the demo's admin account and print its login. The password "
        "comes from DEMO_ADMIN_PASSWORD, or is random."
    )

    def handle(self, *args: object, **options: object) -> None:
        username = os.environ.get("DEMO_ADMIN_USER", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.is_staff = True
        user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write("")
        url = os.environ.get("DEMO_URL", "http://127.0.0.1:8000")
        self.stdout.write(f"Admin-Anmeldung / admin login: {url}/admin/")
        self.stdout.write(f"  Benutzername / user:     {username}")
        self.stdout.write(f"  Passwort / password:     {password}")
        self.stdout.write("")
