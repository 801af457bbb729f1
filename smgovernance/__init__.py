"""smgovernance: a public body's social media usage concept as Wagtail content."""

__version__ = "0.1.0"
