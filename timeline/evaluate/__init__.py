"""The project's own measures against gold data: ``python -m timeline.evaluate KIND DIR...``.

Kinds: ``timex`` (TimeML TIMEX3, TempEval-3 scoring), ``events`` (SemEval-2015 Task 4 event
dating), ``pubdate`` (publication-date detection on saved pages). Each kind lives in its own
module exposing ``add_arguments(parser)`` and ``run(args) -> int``.
"""
