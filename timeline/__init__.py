"""Crisis Timeline: news articles in, a sourced and dated events timeline out.

Flow (one direction): sources -> articles (``timeline.ingest``) -> temporal tagging
(``timeline.temporal``) -> events (``timeline.events``) -> events frame (``timeline.schema``)
-> figures and exports -> UI (``app.py``). Nothing in this package imports streamlit.
"""

__version__ = "0.1.0"
