"""The project's settings: `[tool.argmap]` in pyproject.toml, or `.argmap.yaml`, found upwards from the current folder.

Settings are defaults: an option given on the command line wins. Paths are relative to the file that names them.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError

CONFIG_FILE = ".argmap.yaml"
# setting -> the commands it applies to; each is the command-line option of the same name
SETTINGS = {
    "sources": ("validate", "render", "coverage"),
    "strict": ("validate",),
    "format": ("validate",),
    "files": ("validate", "render", "coverage"),
}
_TYPES = {"sources": list, "strict": bool, "format": str, "files": list}


class ConfigError(UsageError):
    """A settings file that argmap cannot use."""


@dataclass
class Config:
    file: Path | None = None
    settings: dict = field(default_factory=dict)

    def defaults(self) -> dict[str, dict]:
        """click's default_map: for each command, its options' defaults from the settings."""
        found: dict[str, dict] = {}
        for name, value in self.settings.items():
            for command in SETTINGS[name]:
                option = {"format": "output_format", "files": "paths"}.get(name, name)
                found.setdefault(command, {})[option] = value
        return found


def find(start: str | os.PathLike | None = None) -> Config:
    """The settings that apply in start (the current folder): the nearest .argmap.yaml or pyproject.toml with
    [tool.argmap]; none when there is neither."""
    folder = Path(start or os.getcwd()).resolve()
    for candidate in (folder, *folder.parents):
        yaml_file, pyproject = candidate / CONFIG_FILE, candidate / "pyproject.toml"
        if yaml_file.is_file():
            return _from(yaml_file, _read_yaml(yaml_file))
        if pyproject.is_file():
            settings = _read_pyproject(pyproject)
            if settings is not None:
                return _from(pyproject, settings)
    return Config()


def _read_yaml(path: Path) -> dict:
    from .reading.document import read_document

    doc = read_document(path)
    if doc.problems:
        first = doc.problems[0]
        raise ConfigError(f"{path}:{first.line}:{first.column}: {first.message}")
    if doc.data is None:
        return {}
    if not isinstance(doc.data, dict):
        raise ConfigError(f"{path}: the settings must be a mapping (key: value lines)")
    return doc.data


def _read_pyproject(path: Path) -> dict | None:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read it: {error.strerror or error}") from None
    if b"argmap" not in raw:  # most projects' pyproject.toml: no need to pay for the TOML parser on every start
        return None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read it: {error}") from None
    section = data.get("tool", {}).get("argmap")
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.argmap] must be a table")
    return section


def _from(path: Path, settings: dict) -> Config:
    where = f"{path}" + (" [tool.argmap]" if path.name == "pyproject.toml" else "")
    checked = {}
    for name, given in settings.items():
        if name not in SETTINGS:
            raise ConfigError(f"{where}: unknown setting {name!r}; the settings are {', '.join(SETTINGS)}")
        value = [given] if name in ("sources", "files") and isinstance(given, str) else given
        if not isinstance(value, _TYPES[name]) or (isinstance(value, list)
                                                   and not all(isinstance(v, str) for v in value)):
            kind = {"list": "a list of paths", "bool": "true or false", "str": "a text"}[_TYPES[name].__name__]
            raise ConfigError(f"{where}: {name} must be {kind}")
        if isinstance(value, list):  # paths: relative to the settings file; shown relative to the current folder
            value = [os.path.relpath(path.parent / item) if not os.path.isabs(item) else item for item in value]
        checked[name] = value
    return Config(path, checked)
