"""The per-record pipeline: fetch -> score -> agents -> guardrails -> write back -> store."""
