"""Crisis Timeline dashboard: ``streamlit run app.py``. The page lives in ``timeline_app``."""

from timeline_app.main import run

run()
