"""WSGI entry point for gunicorn (`web:` in the Procfile)."""

from app import create_app
from app.cli.server import check_secrets

app = create_app()
check_secrets(app.config, role="web")
