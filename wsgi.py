"""WSGI entry point for gunicorn (`web:` in the Procfile)."""

from app import create_app, logs
from app.cli.server import check_secrets

# JSON lines on stderr with secrets scrubbed, as `serve` and `worker` log: without it the app's own
# lines were dropped (info) or printed bare by Python's last-resort handler (warnings).
logs.configure()
app = create_app()
check_secrets(app.config, role="web")
