"""Write output files atomically: a failure or an interruption leaves the old file as it was."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from .errors import CannotWrite, OutputIsInput


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


def refuse_overwriting_inputs(output: str | os.PathLike, inputs: Iterable[str | os.PathLike]) -> None:
    """OutputIsInput when the output would replace one of the files it is made from (`-o map.yaml`)."""
    target = Path(output).resolve()
    for source in inputs:
        if Path(source).resolve() == target:
            raise OutputIsInput(output, source)


def write_output(output: str | os.PathLike, data: bytes, inputs: Iterable[str | os.PathLike] = ()) -> None:
    """Write an output that must not replace its inputs, atomically, creating its folder if needed;
    CannotWrite says why it failed."""
    refuse_overwriting_inputs(output, inputs)
    try:
        Path(output).parent.mkdir(parents=True, exist_ok=True)  # as rendering several maps creates its folder
        write_atomic(output, data)
    except OSError as error:
        raise CannotWrite(output, error) from None
