"""WSGI entry point for gunicorn (`web:` in the Procfile)."""

import threading

from app import create_app, logs
from app.cli.server import check_secrets

# JSON lines on stderr with secrets scrubbed, as `serve` and `worker` log: without it the app's own
# lines were dropped (info) or printed bare by Python's last-resort handler (warnings).
logs.configure()
app = create_app()
check_secrets(app.config, role="web")


def _import_reports() -> None:
    # The console's model cards read the scoring package (numpy, pandas, scikit-learn, LightGBM): 4-9 s to import
    # on a loaded 2-core machine (wave 27), which the first view of the page paid. A web worker imports it while it
    # waits for requests instead; nothing else in the web process needs it.
    import app.reports  # noqa: F401


threading.Thread(target=_import_reports, name="import-reports", daemon=True).start()
