"""The extension's admin screens; `wagtail_hooks.py` registers them.

- `viewsets.py`: the concept's records as snippet screens, one menu group
- `feedback.py`: accessibility feedback screens, its filters and permission policy
- `modeladmin.py`: the evaluation register and awareness log (the one
  wagtail-modeladmin module)
- `report.py`: the compliance report (page and CSV) and its menu item
- `dashboard.py`: dashboard panels (findings, overdue feedback)
- `urls.py`: admin URLs in the namespace `smgovernance_admin`

Imports run models/compliance -> cms_admin -> wagtail_hooks, never back.
"""
