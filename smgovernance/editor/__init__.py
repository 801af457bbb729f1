"""Feedback to editors in the page editor (warnings from the compliance checks)."""
