"""collabcheck: run collaboration checklists for health and care, score them, write reports."""

__version__ = "0.1.0"
