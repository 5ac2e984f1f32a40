"""Streamlit UI of Crisis Timeline: widgets wired to ``timeline`` package functions.

``app.py`` calls :func:`timeline_app.main.run`; each module here holds one part of the page.
"""
