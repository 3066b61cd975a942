"""Shared fixtures: the server under test and a small workspace.

The server binary comes from ``MZLINT_BIN`` (``scripts/test-integrations.sh``
sets it: the ``mzlint`` CLI once it embeds the server, else the server
crate's test binary). Either is started as ``<bin> server``.
"""

import os
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

MZLINT_BIN = os.environ.get("MZLINT_BIN", "")

SECRETS = (
    "CREATE SECRET pgpass AS 'hunter2-canary-value';\n"
    "CREATE SECRET other_secret AS 'another-canary';\n"
)


def server_command():
    if not MZLINT_BIN:
        pytest.exit("MZLINT_BIN is not set (run scripts/test-integrations.sh)", returncode=2)
    return [MZLINT_BIN, "server"]


@pytest.fixture
def workspace(tmp_path: pathlib.Path) -> pathlib.Path:
    (tmp_path / "secrets.sql").write_text(SECRETS)
    return tmp_path


def accept_registrations(client: LanguageClient) -> None:
    """The server registers its file watchers dynamically (the capabilities
    say the client supports it): accept them."""

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams):
        return None


def initialize_params(root: pathlib.Path) -> types.InitializeParams:
    return types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="ws")],
    )


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=server_command(),
        server_env={**os.environ, "MZLINT_SERVER_DEBOUNCE_MS": "40"},
    )
)
async def client(lsp_client: LanguageClient, workspace: pathlib.Path):
    accept_registrations(lsp_client)
    await lsp_client.initialize_session(initialize_params(workspace))
    yield
    await lsp_client.shutdown_session()
