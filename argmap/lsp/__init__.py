"""The language server (`argmap lsp`): every check as you type, navigation, quick fixes and a preview.

Only server.py imports pygls and lsprotocol, and only `argmap lsp` imports server.py: the library and
the other commands never pay for them. The other modules work on plain text and argmap's documents,
and answer in argmap's own terms (0-based lines, code-point columns); server.py turns their answers
into LSP messages.
"""
