"""Fidelity tests of the offline HubSpot sandbox and the simulated market (issue 3, items 1-3)."""
