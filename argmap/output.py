"""Write output files atomically: a failure or an interruption leaves the old file as it was."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write data to a temporary file beside path, then rename it over path in one step."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def refuse_overwriting_inputs(output, inputs) -> None:
    """A usage error when the output would replace one of the files it is made from (`-o map.yaml`)."""
    import click

    target = Path(output).resolve()
    for source in inputs:
        if Path(source).resolve() == target:
            raise click.UsageError(f"the output {output} is the input {source}: it would be overwritten")
