"""factwire's HTTP service: `create_app()` for ASGI servers, `run()` for the CLI."""

from __future__ import annotations

from pathlib import Path

from factwire.serve.app import create_app

__all__ = ["create_app", "run"]


def run(host: str = "127.0.0.1", port: int = 8000, data_dir: str | Path | None = None, *,
        max_rows: int = 1000, query_timeout: float = 10.0, max_queries: int = 4, token: str | None = None,
        queries_per_minute: int = 60, queries_per_client: int = 2) -> None:
    """Serve the dataset with uvicorn until interrupted."""
    import uvicorn

    app = create_app(data_dir, max_rows=max_rows, query_timeout=query_timeout, max_queries=max_queries,
                     token=token, queries_per_minute=queries_per_minute, queries_per_client=queries_per_client)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
