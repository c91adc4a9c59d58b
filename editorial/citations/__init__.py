"""Retracted and corrected papers: the Citations report and the notices editors mark."""
