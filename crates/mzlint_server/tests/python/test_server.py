"""An independent LSP client (pygls/pytest-lsp) against the mzlint server."""

import asyncio
import os
import pathlib

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import MZLINT_BIN, accept_registrations, initialize_params

# Does not parse, whatever the state of the parser: MZ000.
BROKEN = "CREATE CONNECTION c TO POSTGRES (HOST 'h' PORT 1);"


def open_doc(client: LanguageClient, path: pathlib.Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="sql", version=version, text=text)
        )
    )
    return uri


async def diagnostics_for(client: LanguageClient, uri: str):
    for _ in range(100):
        if uri in client.diagnostics:
            return client.diagnostics[uri]
        await asyncio.wait_for(client.wait_for_notification("textDocument/publishDiagnostics"), 20)
    raise AssertionError(f"no diagnostics for {uri}")


def change(client: LanguageClient, uri: str, version: int, text: str):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def labels(result) -> list[str]:
    if result is None:
        return []
    items = result.items if isinstance(result, types.CompletionList) else result
    return [item.label for item in items]


async def test_diagnostics_have_code_and_range(client: LanguageClient, workspace: pathlib.Path):
    text = "SELECT 1;\n\n" + BROKEN + "\n"
    uri = open_doc(client, workspace / "broken.sql", text)
    diagnostics = await diagnostics_for(client, uri)
    assert diagnostics, "the broken statement is reported"
    first = diagnostics[0]
    assert first.code == "MZ000"
    assert first.source == "mzlint"
    assert first.severity == types.DiagnosticSeverity.Error
    assert first.code_description is not None
    assert first.code_description.href.startswith("https://")
    # On the third line, inside the statement.
    assert first.range.start.line == 2
    assert first.range.end.line == 2
    assert 0 <= first.range.start.character <= first.range.end.character <= len(BROKEN)


async def test_hover_on_option_and_secret(client: LanguageClient, workspace: pathlib.Path):
    text = "CREATE CONNECTION pg TO POSTGRES (\n    HOST 'h',\n    SSL MODE 'require',\n    PASSWORD SECRET pgpass\n);\n"
    uri = open_doc(client, workspace / "conn.sql", text)
    await diagnostics_for(client, uri)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=2, character=9),
        )
    )
    assert hover is not None
    assert "SSL MODE" in hover.contents.value
    assert "verify_full" in hover.contents.value

    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=3, character=22),
        )
    )
    assert hover is not None
    assert "pgpass" in hover.contents.value
    assert "secrets.sql:1" in hover.contents.value
    assert "hunter2" not in hover.contents.value


async def test_completion(client: LanguageClient, workspace: pathlib.Path):
    uri = open_doc(client, workspace / "edit.sql", "")
    version = 1
    cases = [
        ("CREATE CONNECTION pg TO POSTGRES (", ["HOST", "SSL MODE", "PASSWORD"]),
        ("CREATE CONNECTION pg TO POSTGRES (HOST 'h', SSL MODE ", ["verify_full", "require"]),
        ("CREATE CONNECTION pg TO POSTGRES (HOST 'h', PASSWORD SECRET ", ["pgpass", "other_secret"]),
    ]
    for text, wanted in cases:
        version += 1
        change(client, uri, version, text)
        result = await client.text_document_completion_async(
            types.CompletionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=0, character=len(text)),
            )
        )
        got = labels(result)
        for label in wanted:
            assert label in got, (text, got)
        assert "BROKER" not in got


async def test_shutdown_then_exit_ends_with_status_zero(workspace: pathlib.Path):
    client = LanguageClient()
    accept_registrations(client)
    await client.start_io(MZLINT_BIN, "server", env={**os.environ})
    await client.initialize_session(initialize_params(workspace))
    await client.shutdown_session()
    assert client._server is not None
    assert client._server.returncode == 0
    await client.stop()
