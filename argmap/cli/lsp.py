"""`argmap lsp`: the language server, for editors (needs the `lsp` extra: pip install 'argmap[lsp]')."""
from __future__ import annotations

import click

_LSP_PACKAGES = {"pygls", "lsprotocol", "cattrs", "attrs"}


@click.command("lsp")
@click.option("--stdio", "_stdio", is_flag=True,
              help="Talk over stdin and stdout: the default, accepted for clients that pass it.")
@click.option("--log-file", type=click.Path(dir_okay=False),
              help="Write the server's log to this file [default: stderr].")
@click.option("-v", "--verbose", count=True, help="Log more: -v for each request, -vv for each check and its time.")
def lsp_command(_stdio: bool, log_file: str | None, verbose: int) -> None:
    """Serve editors over LSP (stdio): every check as you type, go to definition, rename, quick fixes, a preview.

    Editors start it themselves; docs/editors.md shows the set-up for VS Code, Neovim and Helix.
    """
    try:
        from ..lsp.server import serve
    except ImportError as error:
        package = (error.name or "").split(".")[0]
        if package not in _LSP_PACKAGES:
            raise
        raise click.ClickException(f"the language server needs {package}, which is not installed: "
                                   "install argmap[lsp] (pip install 'argmap[lsp]')") from None
    serve(log_file, verbose)
