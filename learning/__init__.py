"""The learning loop: rewards from deal outcomes, a contextual bandit over strategies, a global
holdout and off-policy evaluation, plus a market simulation that measures them against the truth.

A library: no Flask, no `app` imports. The app persists what these functions return (rewards,
posteriors as JSON) and calls them from the pipeline's outcome stage and the scheduler's
per-tenant job. See learning/README.md for the API and the measured numbers.
"""
