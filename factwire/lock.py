"""The writer lock of a dataset in S3: a lease object created with a conditional put.

Delta commits to S3 are safe on their own (delta-rs writes each log entry with a conditional put),
but a factwire batch is several commits, one per table, and the commit point comes last: writers
must not interleave them. A writer creates `<processed>/_lock` with `If-None-Match: *` (S3 refuses
the put when the object exists), renews it while it works, and deletes it when done. A writer that
died leaves a lease that expires after FACTWIRE_S3_LOCK_LEASE seconds (default 300); the next writer
deletes an expired lease only if it is still the same object (`If-Match` its ETag), so two waiters
cannot both take it over. Credentials, region and endpoint come from the usual AWS_* variables.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from urllib.parse import urlparse


def s3_storage_options() -> dict[str, str]:
    """delta-rs options for S3: what the AWS_* variables do not say on their own."""
    opts: dict[str, str] = {}
    endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
    if endpoint:
        opts["AWS_ENDPOINT_URL"] = endpoint
        if endpoint.startswith("http://"):
            opts["AWS_ALLOW_HTTP"] = "true"
    if not (os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")):
        opts["AWS_REGION"] = "us-east-1"
    return opts


def _client():
    import boto3

    endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
    region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
    return boto3.client("s3", endpoint_url=endpoint, region_name=region)


def _code(exc: Exception) -> str:
    return str(getattr(exc, "response", {}).get("Error", {}).get("Code", ""))


@contextlib.contextmanager
def s3_lease(uri: str, *, lease: float | None = None, poll: float = 0.2) -> Iterator[None]:
    """Hold the lease object at `uri` (s3://bucket/key) for the duration of the block."""
    from botocore.exceptions import ClientError

    lease = float(os.environ.get("FACTWIRE_S3_LOCK_LEASE", "300")) if lease is None else lease
    parsed = urlparse(uri)
    bucket, key = parsed.netloc, parsed.path.lstrip("/")
    client = _client()
    owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def body() -> bytes:
        return json.dumps({"owner": owner, "expires": time.time() + lease}).encode()

    while True:
        try:
            client.put_object(Bucket=bucket, Key=key, Body=body(), IfNoneMatch="*")
            break
        except ClientError as exc:
            if _code(exc) not in {"PreconditionFailed", "ConditionalRequestConflict", "412", "409"}:
                raise
        try:
            held = client.get_object(Bucket=bucket, Key=key)
            if json.loads(held["Body"].read()).get("expires", 0) < time.time():
                client.delete_object(Bucket=bucket, Key=key, IfMatch=held["ETag"])  # take over a dead writer's
                continue
        except ClientError as exc:
            if _code(exc) not in {"NoSuchKey", "PreconditionFailed", "404", "412"}:
                raise
            continue
        time.sleep(poll)

    stop = threading.Event()

    def renew() -> None:
        while not stop.wait(lease / 3):
            client.put_object(Bucket=bucket, Key=key, Body=body())

    renewer = threading.Thread(target=renew, name="factwire-s3-lease", daemon=True)
    renewer.start()
    try:
        yield
    finally:
        stop.set()
        renewer.join()
        client.delete_object(Bucket=bucket, Key=key)
