#!/usr/bin/env python3
"""rolehop's benchmark harness: every figure next to a baseline measured in the same run.

Run it through scripts/bench.sh, which checks the tools and finds the distribution. It builds nothing: it expects
`./mvnw -DskipTests package` to have left cli/target/rolehop (and benchmarks/target for the JMH part).

Everything happens in a temporary directory with its own HOME, ROLEHOP_HOME and AWS files, against a moto_server
it starts on a free loopback port with authentication enforced (the same set-up as scripts/demo.sh). Timed runs of a
figure and of its baseline alternate, so a noisy neighbour hurts both alike; each figure is the median of its runs.
Peak memory is the child's ru_maxrss (from wait4), wall time is measured around fork/exec/wait.
"""

import argparse
import base64
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ACCOUNT = "123456789012"
REGION = "us-east-1"
MAX_DEPTH = 6
ALLOW_ALL = json.dumps({"Version": "2012-10-17",
                        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
STS_ONLY = json.dumps({"Version": "2012-10-17",
                       "Statement": [{"Effect": "Allow", "Action": "sts:*", "Resource": "*"}]})

TRIVIAL_MAIN = """public final class Floor {
    public static void main(String[] args) {
        System.out.println("{}");
    }
}
"""

# botocore resolving a source_profile chain, as the AWS CLI and every boto3 client would: nothing cached between runs.
BOTOCORE_ONE_LINER = ("import botocore.session, sys; "
                      "c = botocore.session.Session(profile=sys.argv[1]).get_credentials().get_frozen_credentials(); "
                      "print(c.access_key[:4])")


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------------------
# running and measuring


class Run:
    def __init__(self, wall, rss_kb, code, out, err):
        self.wall = wall
        self.rss_kb = rss_kb
        self.code = code
        self.out = out
        self.err = err


GNU_TIME = "/usr/bin/time"


def run(cmd, env, stdin_text=None, check=True):
    """Runs cmd; returns wall seconds, peak RSS (KiB) of the process and its children, exit code and output.

    Peak RSS comes from GNU time, which forks the command from its own small process: a child forked from this
    Python (botocore loaded) would carry Python's resident pages in its high-water mark, as the kernel keeps the
    maximum across exec. Wall time is taken here, around the whole spawn.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r", suffix=".rss") as rss:
        stdin = subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL
        start = time.perf_counter()
        p = subprocess.Popen([GNU_TIME, "-q", "-f", "%M", "-o", rss.name] + list(cmd), env=env, stdin=stdin,
                             stdout=out, stderr=err)
        if stdin_text is not None:
            p.stdin.write(stdin_text.encode())
            p.stdin.close()
        p.wait()
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        text = rss.read().split()
        r = Run(wall, int(text[-1]) if text else 0, p.returncode, out.read().decode(errors="replace"),
                err.read().decode(errors="replace"))
    if check and r.code != 0:
        raise SystemExit("bench: %s failed (exit %d):\n%s%s" % (" ".join(cmd), r.code, r.out, r.err))
    return r


def alternate(runs, warmup, subjects):
    """Runs each (name, fn) in turn, `runs` rounds after `warmup` rounds; fn returns a Run. Returns name -> [Run]."""
    results = {name: [] for name, _ in subjects}
    for i in range(warmup + runs):
        for name, fn in subjects:
            r = fn()
            if i >= warmup:
                results[name].append(r)
    return results


def median_ms(runs):
    return statistics.median(r.wall for r in runs) * 1000


def median_mib(runs):
    return statistics.median(r.rss_kb for r in runs) / 1024


# ---------------------------------------------------------------------------------------------------------------
# moto


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Moto:
    """moto_server on a free loopback port; the first three requests create an administrator."""

    def __init__(self, work):
        self.port = free_port()
        self.endpoint = "http://127.0.0.1:%d" % self.port
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MOTO_"))}
        env["INITIAL_NO_AUTH_ACTION_COUNT"] = "3"
        # The recorder counts STS calls; it writes only while started (see sts_calls).
        env["MOTO_RECORDER_FILEPATH"] = os.path.join(work, "moto-recording.jsonl")
        self.log = open(os.path.join(work, "moto.log"), "w")
        self.process = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(self.port)], env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(self.endpoint + "/moto-api/", timeout=1).read()
                break
            except OSError:
                if self.process.poll() is not None or time.time() > deadline:
                    raise SystemExit("bench: moto_server did not start; see " + self.log.name)
                time.sleep(0.1)
        import botocore.session
        self._session = botocore.session.get_session()
        bootstrap = self.iam("AKIAIOSFODNN7EXAMPLE", "bootstrap")
        bootstrap.create_user(UserName="admin")
        bootstrap.put_user_policy(UserName="admin", PolicyName="all", PolicyDocument=ALLOW_ALL)
        key = bootstrap.create_access_key(UserName="admin")["AccessKey"]
        self.admin = self.iam(key["AccessKeyId"], key["SecretAccessKey"])

    def iam(self, key_id, secret):
        return self._session.create_client("iam", region_name=REGION, endpoint_url=self.endpoint,
                                           aws_access_key_id=key_id, aws_secret_access_key=secret)

    def create_user(self, name):
        self.admin.create_user(UserName=name)
        self.admin.put_user_policy(UserName=name, PolicyName="sts", PolicyDocument=STS_ONLY)
        key = self.admin.create_access_key(UserName=name)["AccessKey"]
        return key["AccessKeyId"], key["SecretAccessKey"], "arn:aws:iam::%s:user/%s" % (ACCOUNT, name)

    def create_role(self, name, trusted_arn):
        trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": [trusted_arn]},
                                                          "Action": "sts:AssumeRole"}]}
        self.admin.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))
        self.admin.put_role_policy(RoleName=name, PolicyName="all", PolicyDocument=ALLOW_ALL)

    def _api(self, path):
        req = urllib.request.Request(self.endpoint + "/moto-api/recorder/" + path, method="POST", data=b"")
        return urllib.request.urlopen(req, timeout=10).read()

    def sts_calls(self, action):
        """Runs action() with moto's recorder on; returns {StsAction: count} of the requests it made."""
        self._api("reset-recording")
        self._api("start-recording")
        try:
            action()
        finally:
            self._api("stop-recording")
        req = urllib.request.Request(self.endpoint + "/moto-api/recorder/download-recording")
        counts = {}
        for line in urllib.request.urlopen(req, timeout=10).read().decode().splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            scope = entry.get("headers", {}).get("Authorization", "")
            if "/sts/aws4_request" not in scope:
                continue
            body = entry.get("body") or ""
            if entry.get("body_encoded"):
                body = base64.b64decode(body).decode(errors="replace")
            params = urllib.parse.parse_qs(body)
            params.update(urllib.parse.parse_qs(urllib.parse.urlparse(entry.get("url", "")).query))
            name = params.get("Action", ["?"])[0]
            counts[name] = counts.get(name, 0) + 1
        return counts

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


# ---------------------------------------------------------------------------------------------------------------
# the workspace under test


class Fixture:
    """A temporary HOME with a rolehop workspace, AWS files, and the same chain for botocore."""

    def __init__(self, work, dist, moto, secret_store="encrypted-file"):
        self.work = work
        self.dist = dist
        self.rolehop = os.path.join(dist, "bin", "rolehop")
        self.moto = moto
        self.secret_store = secret_store
        self.home = os.path.join(work, "home")
        self.aws_dir = os.path.join(work, "aws")
        self.credentials = os.path.join(self.aws_dir, "credentials")
        self.config = os.path.join(self.aws_dir, "config")
        self.cache = os.path.join(work, "rolehop", "cache")
        os.makedirs(self.home)
        os.makedirs(self.aws_dir)
        # The D-Bus session (and the keyring's XDG directories) reach rolehop for the Secret Service fixture.
        keep = ("PATH", "JAVA_HOME", "LANG", "LC_ALL", "TZ", "PYENV_ROOT", "PYENV_VERSION", "PYTHONPATH",
                "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
        self.env = {k: os.environ[k] for k in keep if k in os.environ}
        self.env.update({
            "HOME": self.home,
            "ROLEHOP_HOME": os.path.join(work, "rolehop"),
            "AWS_SHARED_CREDENTIALS_FILE": self.credentials,
            "AWS_CONFIG_FILE": self.config,
            "AWS_ENDPOINT_URL": moto.endpoint,
            "AWS_DEFAULT_REGION": REGION,
            "AWS_EC2_METADATA_DISABLED": "true",
            "ROLEHOP_VAULT_PASSPHRASE": "bench passphrase",
            # By default the embedded default, the same on every machine; the keychain fixture names secret-service.
            "ROLEHOP_SECRET_STORE": secret_store,
        })

    def rh(self, *args, env=None, check=True, stdin_text=None):
        return run([self.rolehop] + list(args), env or self.env, stdin_text=stdin_text, check=check)

    def set_up(self, alice_key=None):
        """Creates alice and the roles in moto (unless given alice's key: another fixture made them), then adds the
        same chain to this fixture's workspace, and to its AWS files for botocore."""
        if alice_key is None:
            key_id, secret, user_arn = self.moto.create_user("alice")
            previous = user_arn
            for n in range(1, MAX_DEPTH + 1):
                self.moto.create_role("role%d" % n, previous)
                previous = "arn:aws:sts::%s:assumed-role/role%d/hop%d" % (ACCOUNT, n, n)
        else:
            key_id, secret = alice_key
        self.alice_key = (key_id, secret)
        log("bench: adding the sessions alice <- role1 <- ... <- role%d (secret store: %s)"
            % (MAX_DEPTH, self.secret_store))
        self.rh("session", "add", "aws-iam-user", "--alias", "alice", "--profile", "alice", "--access-key-id",
                key_id, "--secret-access-key-stdin", stdin_text=secret + "\n")
        assumer = "alice"
        for n in range(1, MAX_DEPTH + 1):
            self.rh("session", "add", "aws-iam-role-chained", "--alias", "role%d" % n, "--assumer", assumer,
                    "--profile", "p%d" % n, "--role-arn", "arn:aws:iam::%s:role/role%d" % (ACCOUNT, n),
                    "--role-session-name", "hop%d" % n)
            assumer = "role%d" % n
        # The same chain for botocore (source_profile), and profiles for the AWS CLI.
        with open(self.credentials, "w") as f:
            f.write("[static]\naws_access_key_id = %s\naws_secret_access_key = %s\n" % (key_id, secret))
        with open(self.config, "w") as f:
            f.write("[profile static]\nregion = %s\n\n" % REGION)
            source = "static"
            for n in range(1, MAX_DEPTH + 1):
                f.write("[profile bc%d]\nrole_arn = arn:aws:iam::%s:role/role%d\nsource_profile = %s\n"
                        "role_session_name = hop%d\nregion = %s\n\n" % (n, ACCOUNT, n, source, n, REGION))
                source = "bc%d" % n
            f.write("[profile rh3]\ncredential_process = %s session generate role3\nregion = %s\n\n"
                    % (self.rolehop, REGION))

    def clear_cache(self):
        if os.path.isdir(self.cache):
            for name in os.listdir(self.cache):
                os.remove(os.path.join(self.cache, name))

    def write_credentials(self, path, profiles):
        """A shared credentials file with `profiles` foreign profiles (none: an empty file)."""
        # Sections separated by a blank line, none after the last. (A trailing blank line does not survive a start and
        # a stop: the stop takes it away with rolehop's section.)
        with open(path, "w") as f:
            f.write("\n".join("[other-%05d]\naws_access_key_id = AKIAOTHER%011d\naws_secret_access_key = %s\n"
                               % (i, i, "s" * 40) for i in range(profiles)))


# ---------------------------------------------------------------------------------------------------------------
# figures


class Figure:
    def __init__(self, number, name, unit, rolehop, baseline, target, note=""):
        self.number = number
        self.name = name
        self.unit = unit
        self.rolehop = rolehop
        self.baseline = baseline
        self.target = target  # (op, limit) on the ratio, or None for figures reported without a target
        self.note = note

    def ratio(self):
        if isinstance(self.rolehop, (int, float)) and isinstance(self.baseline, (int, float)) and self.baseline:
            return self.rolehop / self.baseline
        return None

    def ok(self):
        if self.target is None:
            return "-"
        op, limit = self.target
        value = self.ratio() if op in ("<=", "<") else self.rolehop
        if value is None:
            return "?"
        good = {"<=": value <= limit, "<": value < limit, "==": value == limit}[op]
        return "yes" if good else "NO"

    def cells(self):
        def fmt(v):
            if isinstance(v, float):
                return "%.1f %s" % (v, self.unit) if self.unit else "%.1f" % v
            if isinstance(v, int):
                return "%d %s" % (v, self.unit) if self.unit else str(v)
            return str(v)
        r = self.ratio()
        if self.target is None:
            target = "report"
        elif self.target[0] == "==":
            target = "= %s" % self.target[1]
        else:
            target = "%s %.1fx" % self.target
        return ["(%s) %s" % (self.number, self.name), fmt(self.rolehop), fmt(self.baseline),
                "%.2fx" % r if r is not None and self.target is not None and self.target[0] != "==" else "-",
                target, self.ok()]


def java_command(env):
    home = env.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return os.path.join(home, "bin", "java")
    return shutil.which("java", path=env.get("PATH"))


def figure_warm(fx, runs):
    floor = floor_main(fx)
    fx.rh("session", "generate", "role3")  # warm the cache
    expected = fx.rh("session", "generate", "role3").out
    results = alternate(runs, 3, [("rolehop", lambda: fx.rh("session", "generate", "role3")),
                                  ("floor", lambda: run(floor, fx.env))])
    if any(r.out != expected for r in results["rolehop"]):
        raise SystemExit("bench: a warm generate printed something else than the first one")
    return [Figure("1a", "warm `session generate` wall time", "ms", median_ms(results["rolehop"]),
                   median_ms(results["floor"]), ("<=", 1.5), FLOOR_NOTE),
            Figure("1b", "warm `session generate` peak RSS", "MiB", median_mib(results["rolehop"]),
                   median_mib(results["floor"]), ("<=", 1.5))]


# The everyday commands of the start-up targets; `session start` and `session stop` are measured in turn on a session
# whose credentials are cached, so neither calls STS.
COMMANDS = (("--version", ("--version",)), ("help", ("help",)), ("session list", ("session", "list")),
            ("session tree", ("session", "tree")), ("profile list", ("profile", "list")),
            ("session start role1", ("session", "start", "role1")),
            ("session stop role1", ("session", "stop", "role1")))


def figure_commands(fx, runs):
    floor = floor_main(fx)
    fx.rh("session", "start", "role1")  # role1's credentials cached
    fx.rh("session", "stop", "role1")
    subjects = [(label, lambda args=args: fx.rh(*args)) for label, args in COMMANDS]
    results = {}
    calls = fx.moto.sts_calls(lambda: results.update(
        alternate(runs, 2, subjects + [("floor", lambda: run(floor, fx.env))])))
    if calls:
        raise SystemExit("bench: the everyday commands should call no STS; they made %s" % calls)
    figures = []
    for label, _ in subjects:
        note = FLOOR_NOTE + ("; role1's credentials cached, no STS call" if "role1" in label else "")
        figures.append(Figure("8", "`%s` wall time" % label, "ms", median_ms(results[label]),
                              median_ms(results["floor"]), ("<=", 3.0), note))
        figures.append(Figure("8", "`%s` peak RSS" % label, "MiB", median_mib(results[label]),
                              median_mib(results["floor"]), ("<=", 2.0)))
    return figures


def figure_cold(fx, runs, target=("<", 1.0), note="botocore source_profile chain, 3 AssumeRole each"):
    botocore = [sys.executable, "-c", BOTOCORE_ONE_LINER, "bc3"]

    def cold_rolehop():
        fx.clear_cache()
        return fx.rh("session", "generate", "role3")

    calls = fx.moto.sts_calls(cold_rolehop)
    boto_calls = fx.moto.sts_calls(lambda: run(botocore, fx.env))
    if calls != {"AssumeRole": 3} or boto_calls != {"AssumeRole": 3}:
        raise SystemExit("bench: a cold three-deep chain should make 3 AssumeRole calls; rolehop made %s, botocore %s"
                         % (calls, boto_calls))
    results = alternate(runs, 2, [("rolehop", cold_rolehop), ("botocore", lambda: run(botocore, fx.env))])
    return [Figure("2", "cold `session generate`, 3-deep chain, keys in %s" % STORE_NAMES[fx.secret_store], "ms",
                   median_ms(results["rolehop"]), median_ms(results["botocore"]), target, note)]


STORE_NAMES = {"encrypted-file": "the encrypted vault", "secret-service": "the Secret Service (GNOME Keyring)"}


FLOOR_NOTE = "floor: `java -cp DIR Floor`, a trivial main, no options"


def floor_main(fx):
    """The floor of the start-up targets: a trivial main started as any JVM starts, `java -cp DIR Floor`, no options,
    with the same `java` the launcher finds."""
    java = java_command(fx.env)
    classes = os.path.join(fx.work, "trivial")
    if not os.path.isdir(classes):
        os.makedirs(classes)
        with open(os.path.join(classes, "Floor.java"), "w") as f:
            f.write(TRIVIAL_MAIN)
        run([os.path.join(os.path.dirname(java), "javac") if os.path.isabs(java) else "javac", "-d", classes,
             os.path.join(classes, "Floor.java")], fx.env)
    return [java, "-cp", classes, "Floor"]


def figure_unlocked(fx, runs, slow_runs):
    """The vault unlocked with `secrets unlock`: no passphrase in the environment, no key derivation per command.

    main() runs the harness in a session keyring of its own (keyctl session), as a login session has one."""
    env = dict(fx.env)
    del env["ROLEHOP_VAULT_PASSPHRASE"]
    fx.rh("secrets", "unlock", "--passphrase-stdin", "--for", "1h", env=env,
          stdin_text=fx.env["ROLEHOP_VAULT_PASSPHRASE"] + "\n")
    try:
        status = fx.rh("secrets", "status", env=env).out
        if "unlocked until" not in status:
            raise SystemExit("bench: secrets unlock did not unlock the vault: " + status)
        botocore = [sys.executable, "-c", BOTOCORE_ONE_LINER, "bc3"]

        def cold_rolehop():
            fx.clear_cache()
            return fx.rh("session", "generate", "role3", env=env)

        calls = fx.moto.sts_calls(cold_rolehop)
        if calls != {"AssumeRole": 3}:
            raise SystemExit("bench: a cold three-deep chain should make 3 AssumeRole calls; rolehop made %s" % calls)
        cold = alternate(slow_runs, 2, [("rolehop", cold_rolehop), ("botocore", lambda: run(botocore, fx.env))])
        floor = floor_main(fx)
        fast = alternate(runs, 3, [("logout", lambda: fx.rh("session", "logout", "alice", env=env)),
                                   ("status", lambda: fx.rh("secrets", "status", env=env)),
                                   ("floor", lambda: run(floor, fx.env))])
    finally:
        fx.rh("secrets", "lock", env=env)
    return [Figure("7a", "cold `session generate`, 3-deep chain, vault unlocked", "ms", median_ms(cold["rolehop"]),
                   median_ms(cold["botocore"]), ("<=", 1.0), "botocore source_profile chain; no passphrase given,"
                   " the key from the kernel keyring"),
            Figure("7b", "`session logout`, vault unlocked", "ms", median_ms(fast["logout"]),
                   median_ms(fast["floor"]), ("<=", 3.0), FLOOR_NOTE),
            Figure("7c", "`secrets status`, vault unlocked", "ms", median_ms(fast["status"]),
                   median_ms(fast["floor"]), ("<=", 3.0), FLOOR_NOTE)]


def figure_aws_cli(fx, runs):
    fx.clear_cache()
    fx.rh("session", "generate", "role3")  # warm: the credential_process answers from cache

    def aws(profile):
        return lambda: run(["aws", "sts", "get-caller-identity", "--profile", profile], fx.env)

    results = alternate(runs, 2, [("rolehop", aws("rh3")), ("static", aws("static"))])
    if "assumed-role/role3/hop3" not in results["rolehop"][-1].out:
        raise SystemExit("bench: the credential_process profile did not act as role3: " + results["rolehop"][-1].out)
    return [Figure("3", "`aws sts get-caller-identity` via credential_process", "ms",
                   median_ms(results["rolehop"]), median_ms(results["static"]), None,
                   "baseline: same call with static keys")]


def figure_sts_calls(fx):
    figures = []
    for depth in (1, 3, 6):
        session = "role%d" % depth
        fx.rh("session", "stop", session)
        fx.clear_cache()
        cold = fx.moto.sts_calls(lambda: fx.rh("session", "start", session))
        fx.rh("session", "stop", session)
        warm = fx.moto.sts_calls(lambda: fx.rh("session", "start", session))
        fx.rh("session", "stop", session)
        figures.append(Figure("4", "STS calls, cold start, depth %d" % depth, "", sum(cold.values()), depth,
                              ("==", depth), ", ".join("%s %d" % kv for kv in sorted(cold.items()))))
        figures.append(Figure("4", "STS calls, warm start, depth %d" % depth, "", sum(warm.values()), 0,
                              ("==", 0), ", ".join("%s %d" % kv for kv in sorted(warm.items())) or "none"))
    # An IAM user with an MFA device: one GetSessionToken, then nothing while the token serves. (moto hands out
    # session tokens it does not accept itself, so a chain above one cannot be started here; the test suite covers
    # that with a recorded STS.)
    fx.rh("session", "add", "aws-iam-user", "--alias", "mfa-root", "--profile", "mfa-root", "--access-key-id",
          fx.alice_key[0], "--mfa-device", "arn:aws:iam::%s:mfa/alice" % ACCOUNT, "--secret-access-key-stdin",
          stdin_text=fx.alice_key[1] + "\n")
    cold = fx.moto.sts_calls(lambda: fx.rh("session", "start", "mfa-root", "--mfa-code", "123456"))
    fx.rh("session", "stop", "mfa-root")
    warm = fx.moto.sts_calls(lambda: fx.rh("session", "start", "mfa-root", "--mfa-code", "123456"))
    fx.rh("session", "stop", "mfa-root")
    figures.append(Figure("4", "STS calls, cold start, MFA root alone", "", sum(cold.values()), 1, ("==", 1),
                          ", ".join("%s %d" % kv for kv in sorted(cold.items()))))
    figures.append(Figure("4", "STS calls, warm start, MFA root alone", "", sum(warm.values()), 0, ("==", 0),
                          ", ".join("%s %d" % kv for kv in sorted(warm.items())) or "none"))
    return figures


def figure_big_credentials_file(fx, runs, profiles):
    big = os.path.join(fx.aws_dir, "credentials-%d" % profiles)
    empty = os.path.join(fx.aws_dir, "credentials-empty")
    fx.write_credentials(big, profiles)
    fx.write_credentials(empty, 0)
    before = open(big).read()
    fx.rh("session", "generate", "role1")  # the session's own credentials are cached: no STS in the loop

    def start_stop(path):
        env = dict(fx.env, AWS_SHARED_CREDENTIALS_FILE=path)

        def both():
            a = fx.rh("session", "start", "role1", env=env)
            b = fx.rh("session", "stop", "role1", env=env)
            return Run(a.wall + b.wall, max(a.rss_kb, b.rss_kb), 0, "", "")
        return both

    results = alternate(runs, 1, [("big", start_stop(big)), ("empty", start_stop(empty))])
    if open(big).read() != before:
        raise SystemExit("bench: start and stop left the big credentials file changed")
    return [Figure("5", "`session start` + `stop`, %d other profiles" % profiles, "ms", median_ms(results["big"]),
                   median_ms(results["empty"]), ("<=", 2.0), "baseline: empty credentials file")]


def figure_jmh(root, java, env, quick):
    target = os.path.join(root, "benchmarks", "target")
    jars = [f for f in os.listdir(target) if f.startswith("rolehop-benchmarks") and f.endswith(".jar")] \
        if os.path.isdir(target) else []
    if not jars or not os.path.isdir(os.path.join(target, "lib")):
        log("bench: no benchmarks jar in %s; build it with ./mvnw -DskipTests package" % target)
        return []
    out = os.path.join(target, "jmh-result.json")
    cp = os.pathsep.join([os.path.join(target, jars[0]), os.path.join(target, "lib", "*")])
    options = ["-f", "1", "-wi", "2", "-w", "1s", "-i", "3", "-r", "1s"] if quick else \
        ["-f", "1", "-wi", "3", "-w", "2s", "-i", "5", "-r", "2s"]
    log("bench: JMH (%s)" % " ".join(options))
    run([java, "-cp", cp, "org.openjdk.jmh.Main", "-rf", "json", "-rff", out] + options, env)
    figures = []
    for result in json.load(open(out)):
        name = result["benchmark"].rsplit(".", 2)
        label = name[-2] + "." + name[-1]
        params = result.get("params")
        if params:
            label += " (" + ", ".join("%s=%s" % kv for kv in sorted(params.items())) + ")"
        metric = result["primaryMetric"]
        figures.append(Figure("6", "JMH " + label, metric["scoreUnit"], ("%.0f %s" if metric["score"] >= 1000 else "%.4g %s")
                              % (metric["score"], metric["scoreUnit"]), "-", None, ("± %.0f" if metric["scoreError"] >= 100 else "± %.2g") % metric["scoreError"]
                              + " (99.9% confidence)"))
    return figures


# ---------------------------------------------------------------------------------------------------------------
# report


def runtime_of(dist):
    """The Java runtime the distribution carries (the tarball's and the Debian package's), if any."""
    try:
        with open(os.path.join(dist, "runtime", "release")) as f:
            for line in f:
                if line.startswith("JAVA_RUNTIME_VERSION=") or line.startswith("JAVA_VERSION="):
                    return "bundled runtime " + line.split("=", 1)[1].strip().strip('"') + " (" + dist + "/runtime)"
    except OSError:
        pass
    return "the JDK above (" + dist + " carries no runtime)"


def machine(dist):
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    java = subprocess.run([java_command(os.environ), "-version"], capture_output=True, text=True).stderr
    os_name = platform.platform()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    os_name = line.split("=", 1)[1].strip().strip('"') + ", kernel " + platform.release()
    except OSError:
        pass
    import botocore
    aws = subprocess.run(["aws", "--version"], capture_output=True, text=True)
    return [("CPU", "%s, %d cores (nproc)" % (cpu, os.cpu_count())),
            ("memory", "%.1f GiB" % (mem_kb / 1024 / 1024)),
            ("JDK", java.strip().splitlines()[1] if len(java.strip().splitlines()) > 1 else java.strip()),
            ("rolehop runs on", runtime_of(dist)),
            ("OS", os_name),
            ("Python / botocore / AWS CLI", "%s / %s / %s" % (platform.python_version(), botocore.__version__,
                                                               (aws.stdout or aws.stderr).split()[0])),
            ("load average at start", "%.2f %.2f %.2f" % os.getloadavg())]


def table(figures):
    header = ["figure", "rolehop", "baseline", "ratio", "target", "ok"]
    rows = [f.cells() for f in figures]
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths)),
             "-|-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    return "\n".join(lines)


def markdown(figures, runs_note, machine_rows):
    out = ["| figure | rolehop | baseline | ratio | target | ok | note |", "|---|---|---|---|---|---|---|"]
    for f in figures:
        out.append("| " + " | ".join(f.cells() + [f.note]) + " |")
    out.append("")
    out.append(runs_note)
    out.append("")
    out.append("| machine | |")
    out.append("|---|---|")
    out += ["| %s | %s |" % row for row in machine_rows]
    return "\n".join(out) + "\n"


FIGURES = ("warm", "commands", "cold", "unlocked", "aws", "sts", "big", "jmh")
VAULT_NOTE = ("the vault's key is derived from the passphrase with PBKDF2-HMAC-SHA256, 600,000 iterations, slow on"
              " purpose (about 1.2 s); botocore reads the keys in plain text")


def in_own_session_keyring():
    """Re-runs this harness in a session keyring of its own, as a login session has one (pam_keyinit), so that
    `secrets unlock` can keep its key: a process without one (a container, cron) shares the per-user default, where
    rolehop refuses to keep keys."""
    if os.environ.get("ROLEHOP_BENCH_KEYRING") or not shutil.which("keyctl"):
        return
    os.environ["ROLEHOP_BENCH_KEYRING"] = "1"
    os.execvp("keyctl", ["keyctl", "session", "-", sys.executable] + sys.argv)


def main():
    in_own_session_keyring()
    parser = argparse.ArgumentParser(description="rolehop's benchmark harness (see docs/performance.md)")
    parser.add_argument("--dist", required=True, help="the distribution directory (cli/target/rolehop)")
    parser.add_argument("--root", required=True, help="the project's root (for benchmarks/target)")
    parser.add_argument("--runs", type=int, default=21, help="timed runs of the fast figures (default 21)")
    parser.add_argument("--slow-runs", type=int, default=11,
                        help="timed runs of the figures that take seconds (default 11)")
    parser.add_argument("--profiles", type=int, default=10000, help="foreign profiles for figure 5")
    parser.add_argument("--only", default=",".join(FIGURES), help="comma-separated subset of " + ",".join(FIGURES))
    parser.add_argument("--quick-jmh", action="store_true", help="fewer JMH iterations (a smoke run)")
    parser.add_argument("--markdown", help="also write the table as Markdown to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--keyring", action="store_true",
                        help="also measure figure 2 with the keys in the Secret Service of this D-Bus session")
    args = parser.parse_args()
    only = set(args.only.split(","))
    unknown = only - set(FIGURES)
    if unknown:
        parser.error("unknown figure(s): " + ", ".join(sorted(unknown)))

    machine_rows = machine(args.dist)
    for name, value in machine_rows:
        log("bench: %s: %s" % (name, value))
    work = tempfile.mkdtemp(prefix="rolehop-bench-")
    moto = None
    figures = []
    try:
        if only - {"jmh"}:
            moto = Moto(work)
            fx = Fixture(work, args.dist, moto)
            fx.set_up()
            # With a keyring, figure 2's target is judged there, where a desktop keeps the keys (the Secret Service
            # is detected first); the encrypted vault's row is reported next to it.
            vault_target = None if args.keyring else ("<", 1.0)
            steps = [("warm", lambda: figure_warm(fx, args.runs)),
                     ("commands", lambda: figure_commands(fx, args.runs)),
                     ("cold", lambda: figure_cold(fx, args.slow_runs, vault_target,
                                                  "botocore source_profile chain; " + VAULT_NOTE)),
                     ("unlocked", lambda: figure_unlocked(fx, args.runs, args.slow_runs)),
                     ("aws", lambda: figure_aws_cli(fx, args.slow_runs)),
                     ("big", lambda: figure_big_credentials_file(fx, args.slow_runs, args.profiles)),
                     ("sts", lambda: figure_sts_calls(fx))]
            for name, step in steps:
                if name in only:
                    log("bench: measuring %s" % name)
                    figures += step()
            if args.keyring and "cold" in only:
                keyring = Fixture(os.path.join(work, "keyring"), args.dist, moto, "secret-service")
                keyring.set_up(fx.alice_key)
                log("bench: measuring cold with the Secret Service")
                figures += figure_cold(keyring, args.slow_runs)
        if "jmh" in only:
            figures += figure_jmh(args.root, java_command(os.environ), dict(os.environ), args.quick_jmh)
    finally:
        if moto:
            moto.stop()
        if args.keep:
            log("bench: kept " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    figures.sort(key=lambda f: f.number)
    print(table(figures))
    runs_note = ("Medians of %d alternating runs (figures 1, 7b, 7c, 8) and %d (figures 2, 3, 5), after warm-up runs; peak RSS is"
                 " GNU time's maximum resident set size of the command (for bin/rolehop: of the launcher and the JVMs"
                 " it starts)." % (args.runs, args.slow_runs))
    print()
    print(runs_note)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(markdown(figures, runs_note, machine_rows))
    failed = [f for f in figures if f.ok() == "NO"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
