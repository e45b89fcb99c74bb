"""Write outputs safely: atomically, never over an input, through a symlink to its target, into a FIFO as a stream."""
from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import CannotWrite, OutputIsInput


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write data to a temporary file beside path, then rename it over path in one step.

    A symlink is followed (the link stays, its target gets the data); a FIFO or a character device
    (/dev/null, a terminal) is written to as a stream, never replaced by a regular file.
    """
    target = Path(os.path.realpath(path))
    try:
        mode: int | None = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
            _write_stream(target, data, fifo=stat.S_ISFIFO(mode))
            return
        raise OSError(errno.EISDIR if stat.S_ISDIR(mode) else errno.EINVAL,
                      "it is a folder" if stat.S_ISDIR(mode) else "it is not a regular file, a FIFO or a device")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
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
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _write_stream(target: Path, data: bytes, fifo: bool) -> None:
    flags = os.O_WRONLY | (os.O_NONBLOCK if fifo else 0)
    try:
        handle = os.open(target, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:  # a FIFO that no process reads: waiting would hang
            raise OSError(errno.ENXIO, "it is a FIFO that no process is reading") from None
        raise
    try:
        if fifo:
            os.set_blocking(handle, True)
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
    finally:
        os.close(handle)


def refuse_overwriting_inputs(output: str | os.PathLike, inputs: Iterable[str | os.PathLike | None]) -> None:
    """OutputIsInput when the output would replace one of the files it is made from (`-o map.yaml`)."""
    target = Path(output).resolve()
    for source in inputs:
        if source is not None and Path(source).resolve() == target:
            raise OutputIsInput(output, source)


def write_output(output: str | os.PathLike, data: bytes, inputs: Iterable[str | os.PathLike | None] = ()) -> None:
    """Write an output that must not replace its inputs, atomically, creating its folder if needed;
    CannotWrite says why it failed."""
    refuse_overwriting_inputs(output, inputs)
    try:
        Path(os.path.realpath(output)).parent.mkdir(parents=True, exist_ok=True)  # as rendering several maps does
        write_atomic(output, data)
    except OSError as error:
        raise CannotWrite(output, error) from None
