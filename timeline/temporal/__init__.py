"""The temporal tagger: English date expressions found in text and normalized to TIMEX3 values.

``tag(text, dct)`` finds and resolves them, ``calendar_span(value)`` turns a value into inclusive days,
``infer_publication_date(text)`` dates an article that carries no date line, ``sentence_tense`` reads tense cues.
"""

from timeline.temporal.calendar import calendar_span
from timeline.temporal.model import Draft, Timex
from timeline.temporal.pubdate import InferredDate, infer_publication_date
from timeline.temporal.tagger import InvalidPublicationDate, tag
from timeline.temporal.tense import sentence_tense

__all__ = [
    "Draft",
    "InferredDate",
    "InvalidPublicationDate",
    "Timex",
    "calendar_span",
    "infer_publication_date",
    "sentence_tense",
    "tag",
]
