"""A class on JupyterHub, for test_hub.py and test/bench/hub_sizing.py.

Hub starts a real JupyterHub (from PyPI) on free local ports, with its proxy
configurable-http-proxy (from npm, installed by `make hub-proxy`), the dummy
authenticator and the simple local process spawner: every student's single-user
server runs as the Hub's own user, so the Hub works as root in CI and as anyone
else on a laptop. Students log in through the Hub's REST API: an admin service
creates each user and a token for them, and everything a student does after that
uses only the student's own token, through the proxy, as a browser would.

Student opens kernels the way JupyterLab does: a session through the server's REST
API, then the kernel's websocket (/api/kernels/ID/channels), and runs cells over it.

Everything the Hub starts carries a marker in its environment; Hub.close (also
called when the with-block fails) ends the Hub and then every process that still
carries the marker, so no server, kernel or worker outlives a run.
"""
import datetime
import json
import os
import pathlib
import queue
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid

import nbformat
import psutil
import requests
import websocket

ROOT = pathlib.Path(__file__).resolve().parents[2]
VENV_BIN = pathlib.Path(sys.executable).parent
PROXY = ROOT / "build" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
MARKER = "GOCURVE_HUB_RUN"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, check, timeout, every=0.5):
    """Poll check() until it returns a true value; fail with what after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        got = check()
        if got:
            return got
        if time.monotonic() > deadline:
            raise TimeoutError("%s: not within %d s" % (what, timeout))
        time.sleep(every)


class Hub:
    """A JupyterHub in workdir; use as a context manager.

    kernel_cull_idle: seconds after which each server's own kernel culler
    (jupyter_server's MappingKernelManager) shuts down an idle kernel with no
    client connected; None turns it off.
    activity_interval: how often, in seconds, the Hub polls the proxy for activity
    and each server reports its own (both default to 300 s in JupyterHub).
    """

    def __init__(self, workdir, kernel_cull_idle=None, activity_interval=300, worker_memory=2 << 30):
        self.workdir = pathlib.Path(workdir)
        self.kernel_cull_idle = kernel_cull_idle
        self.activity_interval = activity_interval
        self.worker_memory = worker_memory
        self.run_id = uuid.uuid4().hex
        self.port = free_port()
        self.hub_port = free_port()
        self.proxy_api_port = free_port()
        self.admin_token = secrets.token_hex(16)
        self.culler_token = secrets.token_hex(16)
        self.url = "http://127.0.0.1:%d" % self.port
        self.api = self.url + "/hub/api"
        self.proc = None
        self.culler = None
        self.admin = requests.Session()
        self.admin.headers["Authorization"] = "token " + self.admin_token

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()

    def config(self):
        server_args = ["--allow-root"] if os.geteuid() == 0 else []
        if self.kernel_cull_idle is not None:
            server_args += [
                "--MappingKernelManager.cull_idle_timeout=%d" % self.kernel_cull_idle,
                "--MappingKernelManager.cull_interval=1",
            ]
        c = {
            "JupyterHub": {
                "ip": "127.0.0.1",
                "port": self.port,
                "hub_ip": "127.0.0.1",
                "hub_port": self.hub_port,
                "db_url": "sqlite:///" + str(self.workdir / "jupyterhub.sqlite"),
                "cookie_secret_file": str(self.workdir / "jupyterhub_cookie_secret"),
                "pid_file": str(self.workdir / "jupyterhub.pid"),
                "authenticator_class": "dummy",
                "spawner_class": "simple",
                "last_activity_interval": self.activity_interval,
                "cleanup_servers": True,
                "services": [
                    {"name": "admin", "api_token": self.admin_token},
                    {"name": "idle-culler", "api_token": self.culler_token},
                ],
                "load_roles": [
                    {"name": "admin", "services": ["admin"]},
                    {
                        "name": "idle-culler",
                        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
                        "services": ["idle-culler"],
                    },
                ],
            },
            "Authenticator": {"allow_all": True},
            "ConfigurableHTTPProxy": {
                "command": [str(PROXY)],
                "api_url": "http://127.0.0.1:%d" % self.proxy_api_port,
                "pid_file": str(self.workdir / "proxy.pid"),
            },
            "SimpleLocalProcessSpawner": {"home_dir_template": str(self.workdir / "home" / "{username}")},
            "Spawner": {
                "cmd": [str(VENV_BIN / "jupyterhub-singleuser")],
                "args": server_args,
                "default_url": "/lab",
                "start_timeout": 300,
                "http_timeout": 300,
                "environment": {
                    MARKER: self.run_id,
                    "JUPYTERHUB_ACTIVITY_INTERVAL": str(self.activity_interval),
                    "GOCURVE_WORKER_MEMORY": str(self.worker_memory),
                },
            },
        }
        return "c = get_config()  # noqa\n" + "".join(
            "c.%s.%s = %r\n" % (cls, key, value) for cls, opts in c.items() for key, value in opts.items()
        )

    def start(self):
        if not PROXY.exists():
            raise FileNotFoundError("%s is missing: run `make hub-proxy` (configurable-http-proxy from npm)" % PROXY)
        self.workdir.mkdir(parents=True, exist_ok=True)
        (self.workdir / "jupyterhub_config.py").write_text(self.config())
        env = dict(os.environ, PATH=str(VENV_BIN) + os.pathsep + os.environ["PATH"])
        env[MARKER] = self.run_id
        self.log = open(self.workdir / "jupyterhub.log", "wb")
        self.proc = subprocess.Popen(
            [str(VENV_BIN / "jupyterhub"), "-f", "jupyterhub_config.py"],
            cwd=self.workdir,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

        def up():
            if self.proc.poll() is not None:
                raise RuntimeError("jupyterhub exited with %s; see %s" % (self.proc.returncode, self.log.name))
            try:
                return self.admin.get(self.api + "/", timeout=5).ok
            except requests.ConnectionError:
                return False

        wait_for("JupyterHub answering at " + self.api, up, timeout=120)

    def start_culler(self, timeout, every):
        """Run jupyterhub-idle-culler as the Hub's idle-culler service."""
        env = dict(
            os.environ,
            JUPYTERHUB_API_TOKEN=self.culler_token,
            JUPYTERHUB_API_URL="http://127.0.0.1:%d/hub/api" % self.hub_port,
        )
        env[MARKER] = self.run_id
        self.culler_log = open(self.workdir / "idle-culler.log", "wb")
        self.culler = subprocess.Popen(
            [str(VENV_BIN / "jupyterhub-idle-culler"), "--timeout=%d" % timeout, "--cull-every=%d" % every],
            cwd=self.workdir,
            env=env,
            stdout=self.culler_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop_culler(self):
        if self.culler is not None and self.culler.poll() is None:
            self.culler.terminate()
            self.culler.wait(timeout=60)

    def login(self, name):
        """Create the user name and return a Student holding a token of their own."""
        r = self.admin.post(self.api + "/users/" + name, timeout=30)
        if r.status_code != 409:  # 409: the user exists already
            r.raise_for_status()
        r = self.admin.post(self.api + "/users/%s/tokens" % name, json={"note": "student"}, timeout=30)
        r.raise_for_status()
        return Student(self, name, r.json()["token"])

    def processes(self, user=None):
        """The live processes this Hub started (optionally only user's), Hub included."""
        found = []
        for p in psutil.process_iter():
            try:
                env = p.environ()
            except (psutil.Error, OSError):
                continue
            if env.get(MARKER) == self.run_id and (user is None or env.get("JUPYTERHUB_USER") == user):
                found.append(p)
        return found

    def close(self):
        """Stop the culler and the Hub, then end every process still carrying the marker."""
        for proc in (self.culler, self.proc):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        left = self.processes()
        for p in left:
            try:
                p.kill()
            except psutil.Error:
                pass
        psutil.wait_procs(left, timeout=10)
        for f in (getattr(self, "log", None), getattr(self, "culler_log", None)):
            if f is not None:
                f.close()


class Student:
    """One logged-in student: their token, their server, their kernels."""

    def __init__(self, hub, name, token):
        self.hub = hub
        self.name = name
        self.token = token
        self.http = requests.Session()
        self.http.headers["Authorization"] = "token " + token
        self.server = "%s/user/%s" % (hub.url, name)

    def model(self):
        r = self.http.get("%s/users/%s" % (self.hub.api, self.name), timeout=30)
        r.raise_for_status()
        return r.json()

    def has_server(self):
        return "" in self.model().get("servers", {})

    def request_server(self):
        """Ask the Hub to start the default server (201 started, 202 pending, 400 running)."""
        r = self.http.post("%s/users/%s/server" % (self.hub.api, self.name), timeout=60)
        if r.status_code not in (201, 202, 400):
            r.raise_for_status()

    def wait_ready(self, timeout=300):
        def ready():
            server = self.model().get("servers", {}).get("")
            return server is not None and server.get("ready")

        wait_for("%s's server ready" % self.name, ready, timeout)
        wait_for("%s's server answering" % self.name, lambda: self.http.get(self.server + "/api/status", timeout=30).ok, 60)

    def start_server(self, timeout=300):
        self.request_server()
        self.wait_ready(timeout)

    def kernels(self):
        r = self.http.get(self.server + "/api/kernels", timeout=30)
        r.raise_for_status()
        return r.json()

    def open(self, path, kernel="gocurve"):
        """Open path as JupyterLab does: a session with a new kernel, then its websocket."""
        r = self.http.post(
            self.server + "/api/sessions",
            json={"path": path, "name": pathlib.PurePosixPath(path).name, "type": "notebook", "kernel": {"name": kernel}},
            timeout=120,
        )
        r.raise_for_status()
        return Kernel(self, r.json()["kernel"]["id"])


class Kernel:
    """A kernel's websocket, as JupyterLab uses it (JSON messages on one socket).

    A thread reads the socket all the time, as a browser does: the server pings
    every connection and closes one that leaves its pings unanswered, and
    websocket-client answers a ping only while it is reading.

    A socket that closes under it is opened again with the same session, as
    JupyterLab does (the server keeps what the kernel sent meanwhile for that
    session and sends it on the new socket): a loaded class once saw the Hub's
    proxy reset one right after it opened (ECONNRESET, a 503)."""

    RECONNECTS = 5

    def __init__(self, student, kernel_id):
        self.student = student
        self.id = kernel_id
        self.session = uuid.uuid4().hex
        self.inbox = queue.Queue()
        self.reconnects = 0
        self.connect()

    def connect(self):
        url = self.student.server.replace("http://", "ws://") + "/api/kernels/%s/channels?session_id=%s" % (self.id, self.session)
        self.ws = websocket.create_connection(url, header=["Authorization: token " + self.student.token])
        self.reader = threading.Thread(target=self.read, args=(self.ws,), daemon=True)
        self.reader.start()

    def reconnect(self, why):
        """Open the socket again, a few times at most in the kernel's life."""
        if self.reconnects >= self.RECONNECTS:
            raise ConnectionError("%s's kernel websocket closed %d times" % (self.student.name, self.reconnects)) from why
        self.reconnects += 1
        print("%s: kernel websocket closed (%r), opening it again" % (self.student.name, why), file=sys.stderr)
        time.sleep(0.5 * self.reconnects)
        self.connect()

    def read(self, ws):
        try:
            while True:
                self.inbox.put(json.loads(ws.recv()))
        except Exception as e:  # the socket closed (or broke): tell the waiting request
            self.inbox.put(Closed(ws, e))

    def close(self):
        self.ws.close()
        self.reader.join(timeout=10)

    def send(self, msg_type, content, channel="shell"):
        msg_id = uuid.uuid4().hex
        msg = json.dumps(
            {
                "header": {
                    "msg_id": msg_id,
                    "msg_type": msg_type,
                    "username": self.student.name,
                    "session": self.session,
                    "date": datetime.datetime.now(datetime.timezone.utc).isoformat(),
                    "version": "5.3",
                },
                "parent_header": {},
                "metadata": {},
                "content": content,
                "channel": channel,
                "buffers": [],
            }
        )
        while True:
            try:
                self.ws.send(msg)
                return msg_id
            except (websocket.WebSocketConnectionClosedException, OSError) as e:
                self.reconnect(e)  # the message did not leave: send it on the new socket

    def request(self, msg_type, content, timeout=300):
        """Send a shell request; return (reply, iopub messages up to idle)."""
        msg_id = self.send(msg_type, content)
        reply, iopub, idle = None, [], False
        deadline = time.monotonic() + timeout
        while reply is None or not idle:
            try:
                msg = self.inbox.get(timeout=max(0, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError("%s: no reply to %s within %d s" % (self.student.name, msg_type, timeout)) from None
            if isinstance(msg, Closed):
                if msg.ws is self.ws:  # (a socket closed before is news no more)
                    self.reconnect(msg.error)  # the reply comes on the new socket
                continue
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["channel"] == "shell":
                reply = msg
            elif msg["channel"] == "iopub":
                if msg["msg_type"] == "status":
                    idle = msg["content"]["execution_state"] == "idle"
                else:
                    iopub.append(msg)
        return reply, iopub

    def wait_ready(self, timeout=120):
        self.request("kernel_info_request", {}, timeout)

    def execute(self, code, timeout=300):
        """Run code; return (reply content, outputs as nbclient would store them)."""
        reply, iopub = self.request(
            "execute_request",
            {"code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
            timeout,
        )
        return reply["content"], outputs(iopub)


class Closed:
    """What a kernel's reader thread puts in the inbox when its socket closes."""

    def __init__(self, ws, error):
        self.ws, self.error = ws, error


def outputs(iopub):
    """The cell outputs the iopub messages make, with nbclient's handling of
    clear_output and update_display_data."""
    outs, by_display_id, clear_pending = [], {}, False
    for msg in iopub:
        kind, content = msg["msg_type"], msg["content"]
        if kind == "clear_output":
            if content.get("wait"):
                clear_pending = True
            else:
                outs, by_display_id = [], {}
            continue
        if kind == "update_display_data":
            for i in by_display_id.get(content.get("transient", {}).get("display_id"), []):
                outs[i]["data"] = content["data"]
                outs[i]["metadata"] = content.get("metadata", {})
            continue
        if kind not in ("stream", "display_data", "execute_result", "error"):
            continue
        if clear_pending:
            outs, by_display_id, clear_pending = [], {}, False
        out = nbformat.v4.output_from_msg(msg)
        display_id = content.get("transient", {}).get("display_id")
        if display_id:
            by_display_id.setdefault(display_id, []).append(len(outs))
        outs.append(out)
    return outs


def comparable(outs):
    """Outputs reduced to what a student sees: adjacent stream chunks joined (how the
    kernel splits a stream into messages depends on timing), execution counts dropped."""
    seen = []
    for o in outs:
        if o["output_type"] == "stream":
            if seen and seen[-1][0] == "stream" and seen[-1][1] == o["name"]:
                seen[-1] = ("stream", o["name"], seen[-1][2] + o["text"])
            else:
                seen.append(("stream", o["name"], o["text"]))
        elif o["output_type"] == "error":
            seen.append(("error", o["ename"], o["evalue"]))
        else:
            seen.append((o["output_type"], json.dumps(dict(o["data"]), sort_keys=True)))
    return seen


def code_cells(path):
    nb = nbformat.read(path, as_version=4)
    return [c for c in nb.cells if c.cell_type == "code"]
