"""Prefect flows and deployments: thin orchestration over the factwire library."""
