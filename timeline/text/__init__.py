"""Text preparation before tagging: which lines are reporting (``clean``) and where sentences are (``sentences``).

Both work on offsets into the article's original text, never on a rewritten copy, so every
event keeps a faithful pointer back to its source.
"""
