"""Import and export of the whole concept as one YAML document (docs/concept-schema.md).

- `schema`: the format: SCHEMA, the sections and their fields.
- `export`: `export_data()` returns the concept as plain data.
- `validate`: `Validator` / `validate()` list every problem with its location
  ("channels[2].stage"), page rules included, before anything is written.
- `write`: `import_data()` validates, then writes all or nothing in one
  transaction; every page through `save_page()`.
"""

from .errors import ImportErrors
from .export import export_data
from .schema import SCHEMA, SECTIONS
from .validate import Validator, validate
from .write import import_data


__all__ = [
    "SCHEMA",
    "SECTIONS",
    "ImportErrors",
    "Validator",
    "export_data",
    "import_data",
    "validate",
]
