"""Events: the stages after temporal tagging, each a small module of pure functions.

``segment`` (clauses, one per governing date) -> ``dating`` (which date governs, spans,
narrative continuation) -> ``status`` (occurred, scheduled, reported, ...) -> enrichment
(actors, places, types, figures, titles) -> clustering across articles. ``timeline.pipeline``
runs them in that order; every lexicon lives under ``timeline/resources/events/``.
"""
