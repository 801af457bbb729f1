"""The import's error type and how a Django ValidationError becomes German lines."""

from django.core.exceptions import ValidationError


class ImportErrors(Exception):
    """Every problem of an import file, one German line each ("channels[2].stage: …")."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def error_lines(where: str, exc: ValidationError, field: str = "") -> list[str]:
    """Lines "where.field: message" for each message; per field when the error has fields."""
    if hasattr(exc, "error_dict"):
        return [
            f"{where}.{name}: {message}"
            for name, messages in exc.message_dict.items()
            for message in messages
        ]
    location = f"{where}.{field}" if field else where
    return [f"{location}: {message}" for message in exc.messages]
