"""Which files to read: map files in folders, and whether a document is a map or a links file."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

MAP_SUFFIXES = (".yaml", ".yml")
LINKS_KEY = "argmap-links"


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as given, and the YAML files inside folders (recursively, sorted, hidden ones passed over), each once."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in MAP_SUFFIXES and p.is_file()
                                and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def kind_of(data: object) -> str:
    """'links' for a links file's data, else 'map': the one test that every command uses."""
    return "links" if isinstance(data, dict) and LINKS_KEY in data else "map"


MAX_INPUT_BYTES = 16 * 1024 * 1024


def read_input(path: str | os.PathLike, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of an input file (an essay, a file to import): a regular file of at most limit bytes, so that a
    FIFO cannot hang argmap and /dev/zero cannot fill its memory."""
    from ..errors import CannotRead

    try:
        with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NONBLOCK)) as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise CannotRead(path, "it is not a regular file (a folder, a pipe or a device)")
            data = handle.read(limit + 1)
    except OSError as error:
        raise CannotRead(path, error.strerror or str(error)) from None
    if len(data) > limit:
        raise CannotRead(path, f"it is larger than {limit // 2**20} MiB")
    return data


def with_dependents_of(paths: list[Path], root: Path) -> list[Path]:
    """The maps and links files among paths, with what depends on the others: the maps under root that quote a
    given source text (by its file name), and the links files under root that name a given or found map."""
    from .document import read_document

    given = list(paths)
    sources = {p.name for p in given if p.suffix not in MAP_SUFFIXES}
    checked = [p for p in given if p.suffix in MAP_SUFFIXES]
    documents = {p.resolve(): read_document(p) for p in expand_paths([root])}
    for path, doc in documents.items():
        data = doc.data if isinstance(doc.data, dict) else {}
        source = data.get("source")
        if sources and kind_of(data) == "map" and isinstance(source, dict) and source.get("file") in sources:
            checked.append(Path(os.path.relpath(path)))
    maps = {p.resolve() for p in checked}
    for path, doc in documents.items():
        data = doc.data if isinstance(doc.data, dict) else {}
        named = data.get("maps") if kind_of(data) == "links" else None
        if isinstance(named, dict) and any((path.parent / str(m)).resolve() in maps for m in named.values()):
            checked.append(Path(os.path.relpath(path)))
    return list(dict.fromkeys(Path(os.path.relpath(p.resolve())) for p in checked))
