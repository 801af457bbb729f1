"""Pure predicates and constants: one home for every rule.

Nothing here touches the database or imports another module of the package, so
the editor (`clean()`), the compliance checks, the system checks and the import
can all call the same function. Look here first before writing a rule again.
"""
