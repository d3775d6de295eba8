#!/usr/bin/env python3
"""Tightbeam vs ansible-core, side by side, on the same sshd and the same hosts, in one run.

Sets up one OpenSSH sshd serving N "hosts" on loopback addresses 127.0.1.x (a test user whose login
shell is /bin/sh), writes inventories, runs each workload with both tools (forks = N, host key
checking off), each measured run right after a run of its own tool (less than 50 s before, so that
both find the connections they keep for 60 s), the tools alternating, and prints medians and ratios.
See README.md.
This is a harness on the controller; the product itself never needs Python on a target.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / ".work"
PORT = 2222
USER = "tbbench"
SETTLE = 6.0  # seconds between runs: longer than any job a workload leaves behind (W5: sleep 5)
CONTROL_DIR = WORK / "cp"  # control_path_dir of both tools: their keepers and masters name it
SLEEP_FLOOR = {"w2": 3.0, "w3": 2.0, "w4": 11.0, "w6": 2.0}  # seconds the workload itself sleeps


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), check=True, **kw)


def ensure_packages():
    need = []
    if not Path("/usr/sbin/sshd").exists():
        need.append("openssh-server")
    if not shutil.which("ansible-playbook"):
        need.append("ansible-core")
    if not Path("/usr/bin/time").exists():
        need.append("time")
    if need:
        if os.geteuid() != 0:
            sys.exit("bench: please install " + " ".join(need) + " (or run as root)")
        sh("apt-get update -qq")
        sh(["apt-get", "install", "-y", "-qq", *need], env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def ensure_user_and_keys():
    WORK.mkdir(exist_ok=True)
    key = WORK / "id_ed25519"
    if not key.exists():
        sh(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)])
    hostkey = WORK / "ssh_host_ed25519_key"
    if not hostkey.exists():
        sh(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(hostkey)])
    try:
        subprocess.run(["id", USER], check=True, capture_output=True)
    except subprocess.CalledProcessError:
        sh(["useradd", "-m", "-s", "/bin/sh", USER])
    # A new account is locked ('!'), which sshd refuses without PAM; '*' allows key logins only.
    sh(["usermod", "-p", "*", USER])
    home = Path(os.path.expanduser("~" + USER))
    (home / ".ssh").mkdir(mode=0o700, exist_ok=True)
    (home / ".ssh" / "authorized_keys").write_text((WORK / "id_ed25519.pub").read_text())
    sh(["chown", "-R", f"{USER}:{USER}", str(home / ".ssh")])
    return key


def start_sshd(addresses):
    cfg = WORK / "sshd_config"
    # sshd listens on at most 16 addresses (MAX_LISTEN_SOCKS); the wildcard serves every 127.0.1.x
    # "host" on loopback with one daemon. Only key logins of the bench user are accepted.
    lines = [f"Port {PORT}", "ListenAddress 0.0.0.0", f"AllowUsers {USER}"] + [
        f"HostKey {WORK / 'ssh_host_ed25519_key'}",
        "PubkeyAuthentication yes", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
        "UsePAM no", "StrictModes no", "MaxStartups 2000:30:4000", "MaxSessions 200",
        "LogLevel DEBUG1", f"PidFile {WORK / 'sshd.pid'}", "Subsystem sftp internal-sftp",
        "AcceptEnv LANG LC_*",
    ]
    cfg.write_text("\n".join(lines) + "\n")
    Path("/run/sshd").mkdir(exist_ok=True)
    log = open(WORK / "sshd.log", "w")
    proc = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", str(cfg)], stderr=log)
    for _ in range(600):
        try:
            socket.create_connection((addresses[0], PORT), timeout=0.5).close()
            return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    sys.exit("bench: sshd did not start; see " + str(WORK / "sshd.log"))


def write_inventory(n, key, addresses):
    path = WORK / f"hosts-{n}.ini"
    rows = ["[bench]"]
    for i in range(n):
        rows.append(f"h{i + 1:04d} ansible_host={addresses[i % len(addresses)]}")
    rows += ["", "[all:vars]", f"ansible_port={PORT}", f"ansible_user={USER}",
             f"ansible_ssh_private_key_file={key}", "ansible_python_interpreter=/usr/bin/python3"]
    path.write_text("\n".join(rows) + "\n")
    return path


def commands(workload, tool, inventory, n):
    wl = HERE / "workloads"
    if tool == "ansible":
        pb, adhoc = ["ansible-playbook"], ["ansible"]
    else:
        pb, adhoc = [str(ROOT / "bin/tightbeam-playbook")], [str(ROOT / "bin/tightbeam")]
    common = ["-i", str(inventory), "-f", str(n)]
    return {
        "w1": pb + common + [str(wl / "w1-sync.yml")],
        "w2": pb + common + [str(wl / "w2-check-later.yml")],
        "w3": pb + common + [str(wl / "w3-poll.yml")],
        "w4": pb + common + [str(wl / "w4-batch.yml")],
        "w5": adhoc + ["all"] + common + ["-B", "60", "-P", "0", "-a", "/bin/sleep 5"],
        "w6": adhoc + ["all"] + common + ["-B", "60", "-P", "1", "-a", "/bin/sleep 2"],
    }[workload]


def sshd_counts():
    text = (WORK / "sshd.log").read_text(errors="replace")
    return (len(re.findall(r"Accepted publickey for " + USER, text)),
            len(re.findall(r"request (exec|subsystem)", text)))


def helpers(tool):
    """The processes that keep a tool's SSH connections between runs: Tightbeam's keeper, ansible-core's
    ssh ControlMaster ("ssh: ... [mux]") processes. Returns {pid: (cpu seconds, rss MB)}."""
    found = {}
    tick = os.sysconf("SC_CLK_TCK")
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if not (("io.tightbeam.cli.KeeperCli" in cmd) if tool == "tightbeam" else
                    (cmd.startswith("ssh: ") and "[mux]" in cmd)) or str(CONTROL_DIR) not in cmd:
                continue  # only this bench's: other users' keepers and masters are left alone
            stat = (d / "stat").read_text().rsplit(")", 1)[1].split()
            rss = next((int(l.split()[1]) for l in (d / "status").read_text().splitlines()
                        if l.startswith("VmRSS:")), 0)
            found[d.name] = ((int(stat[11]) + int(stat[12])) / tick, rss / 1024)
        except (OSError, IndexError, ValueError):
            continue
    return found


def stop_helpers():
    """Ends the keepers left by an earlier bench run: they hold sessions to the session processes of
    that run's sshd, which outlive it, so a new run would find them instead of its own sshd (and its
    log would miss their commands)."""
    for tool in ("tightbeam", "ansible"):
        for pid in helpers(tool):
            try:
                os.kill(int(pid), signal.SIGTERM)
            except OSError:
                pass
    time.sleep(0.5)


def run_once(cmd, env, tool):
    before = sshd_counts()
    kept_before = helpers(tool)
    try:
        t = subprocess.run(["/usr/bin/time", "-f", "TBTIME %e %U %S %M", *cmd], env=env,
                           capture_output=True, text=True, cwd=WORK, timeout=1800)
    except subprocess.TimeoutExpired as e:
        return {"wall": float("nan"), "cpu": float("nan"), "rss_mb": float("nan"), "sessions": 0, "execs": 0,
                "rc": -1, "failed": True, "tail": f"timed out after {e.timeout} s"}
    time.sleep(0.3)
    after = sshd_counts()
    kept_after = helpers(tool)
    # CPU the connection keepers spent during the run (they are not children /usr/bin/time waits for)
    # and the memory they hold, counted with the controller's
    kept_cpu = sum(c - kept_before.get(pid, (0, 0))[0] for pid, (c, _) in kept_after.items())
    kept_rss = sum(r for _, r in kept_after.values())
    m = re.search(r"TBTIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", t.stderr)
    if not m:  # killed from outside: no measurement
        return {"wall": float("nan"), "cpu": float("nan"), "rss_mb": float("nan"), "sessions": 0, "execs": 0,
                "rc": t.returncode, "failed": True, "tail": t.stderr[-2000:]}
    wall, user, sys_, rss = float(m.group(1)), float(m.group(2)), float(m.group(3)), int(m.group(4))
    failed = t.returncode != 0
    return {"wall": wall, "cpu": user + sys_ + kept_cpu, "rss_mb": rss / 1024 + kept_rss, "sessions": after[0] - before[0],
            "execs": after[1] - before[1], "rc": t.returncode, "failed": failed,
            "tail": (t.stdout + t.stderr)[-2000:] if failed else ""}


def env_for(n):
    env = dict(os.environ)
    cfg = WORK / "ansible.cfg"
    cfg.write_text("[defaults]\nhost_key_checking = False\nretry_files_enabled = False\n")
    env.update({"ANSIBLE_CONFIG": str(cfg), "ANSIBLE_HOST_KEY_CHECKING": "False", "ANSIBLE_FORKS": str(n),
                "ANSIBLE_NOCOLOR": "1", "ANSIBLE_ASYNC_DIR": "~/.ansible_async",
                "ANSIBLE_SSH_CONTROL_PATH_DIR": str(CONTROL_DIR)})
    return env


def startup_rows(env, runs, tools):
    """Start-up: `--version` and a one-task local playbook (implicit localhost), median wall times."""
    one = WORK / "one-task.yml"
    one.write_text("- hosts: localhost\n  gather_facts: false\n  tasks:\n    - command: /bin/true\n")
    # (not ANSIBLE_INVENTORY=localhost,: it is a path list to ansible-core, whose empty entry makes
    # the current directory an inventory and runs every executable file in it with --list)
    local_env = dict(env)
    local_env.pop("ANSIBLE_FORKS", None)
    local = ["-i", "localhost,", "-c", "local", str(one)]
    cases = {
        "--version": {"ansible": ["ansible", "--version"], "tightbeam": [str(ROOT / "bin/tightbeam"), "--version"]},
        "one-task local playbook": {"ansible": ["ansible-playbook", *local],
                                    "tightbeam": [str(ROOT / "bin/tightbeam-playbook"), *local]},
    }
    rows = []
    for name, cmds in cases.items():
        row = {"workload": "start-up: " + name, "n": 1}
        for tool, cmd in cmds.items():
            if tool not in tools:
                continue
            run_once(cmd, local_env, tool)  # warm-up
            walls = []
            for _ in range(max(runs, 5)):
                t0 = time.monotonic()
                subprocess.run(cmd, env=local_env, capture_output=True, check=True, timeout=120, cwd=WORK)
                walls.append(time.monotonic() - t0)
            row[tool] = {"wall": statistics.median(walls), "cpu": float("nan"), "rss_mb": float("nan"),
                         "sessions": 0, "execs": 0, "failed": 0}
        if "ansible" in row and "tightbeam" in row:
            row["ratio"] = row["ansible"]["wall"] / row["tightbeam"]["wall"]
        rows.append(row)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hosts", default="10,50", help="host counts, comma separated")
    ap.add_argument("--runs", type=int, default=3, help="measured runs per tool and workload")
    ap.add_argument("--workloads", default="w1,w2,w3,w4,w5,w6")
    ap.add_argument("--scale", type=int, default=1000, help="host aliases for W7 (0 to skip)")
    ap.add_argument("--scale-ansible", action="store_true", help="also run ansible-core on W7")
    ap.add_argument("--no-startup", action="store_true", help="skip the start-up measurements")
    ap.add_argument("--cold", action="store_true",
                    help="every run cold: both tools' keepers and ssh masters ended before each run, no warm-up")
    ap.add_argument("--tools", default="ansible,tightbeam",
                    help="tools to run (tightbeam alone for quick profiling runs; no ratios then)")
    args = ap.parse_args()
    ensure_packages()
    key = ensure_user_and_keys()
    subprocess.run([str(ROOT / "bin/tightbeam"), "--version"], check=True, capture_output=True)
    addresses = [f"127.0.1.{i}" for i in range(1, 51)]
    stop_helpers()
    sshd = start_sshd(addresses)
    rows = []
    if not args.no_startup:
        for row in startup_rows(env_for(1), args.runs, args.tools.split(",")):
            rows.append(row)
            print(format_row(row), flush=True)
    try:
        for n in [int(x) for x in args.hosts.split(",")]:
            inv = write_inventory(n, key, addresses)
            env = env_for(n)
            for wl in args.workloads.split(","):
                tools = args.tools.split(",")
                results = {tool: [] for tool in tools}
                cold, last_end = {}, {}
                for _ in range(args.runs):
                    for tool in tools:
                        if args.cold:
                            # A CI job or a fresh container: no keeper, no ssh master, logins in the run
                            stop_helpers()
                            time.sleep(SETTLE)
                            results[tool].append(run_once(commands(wl, tool, inv, n), env, tool))
                            continue
                        # Each measured run finds the connections its tool kept from a run less than
                        # 50 s before (both keep them 60 s by default), as a user's back-to-back runs
                        # do: a warm-up run goes first when there was none. The first warm-up's wall
                        # time is the "cold" figure (logins included).
                        if time.monotonic() - last_end.get(tool, -1e9) > 50:
                            warm = run_once(commands(wl, tool, inv, n), env, tool)
                            cold.setdefault(tool, warm["wall"])
                        # the jobs of the run before (W5's 5 s sleeps, ansible-core's async_wrapper
                        # processes) end on the same 2 cores: let them finish first
                        time.sleep(SETTLE)
                        results[tool].append(run_once(commands(wl, tool, inv, n), env, tool))
                        last_end[tool] = time.monotonic()
                rows.append(summarise(wl + (" cold" if args.cold else ""), n, results, cold))
                print(format_row(rows[-1]), flush=True)
        if args.scale:
            rows.append(scale_run(args, key, addresses))
            print(format_row(rows[-1]), flush=True)
    finally:
        sshd.send_signal(signal.SIGTERM)
        sshd.wait(timeout=10)
    report(rows)


def summarise(wl, n, results, cold=None):
    row = {"workload": wl, "n": n}
    for tool, runs in results.items():
        if not runs:
            continue
        row[tool] = {k: statistics.median(r[k] for r in runs) for k in ("wall", "cpu", "rss_mb", "sessions", "execs")}
        if cold and tool in cold:
            row[tool]["cold"] = cold[tool]
        row[tool]["failed"] = sum(r["failed"] for r in runs)
        if row[tool]["failed"]:
            row[tool]["tail"] = next(r["tail"] for r in runs if r["failed"])
    if "ansible" in row and "tightbeam" in row:
        floor = SLEEP_FLOOR.get(wl.split()[0], 0.0)
        a, t = row["ansible"]["wall"] - floor, row["tightbeam"]["wall"] - floor
        row["ratio"] = a / t if t > 0 else float("inf")
    return row


def scale_run(args, key, addresses):
    n = args.scale
    inv = write_inventory(n, key, addresses)
    env = env_for(n)
    results = {"tightbeam": [run_once(commands("w2", "tightbeam", inv, n), env, "tightbeam")]}
    if args.scale_ansible:
        results["ansible"] = [run_once(commands("w2", "ansible", inv, n), env, "ansible")]
    row = summarise("w7 (w2 x%d)" % n, n, results)
    return row


def fmt(tool, n):
    if not tool:
        return "n/a"
    if tool["cpu"] != tool["cpu"]:  # start-up rows: wall time only
        return f"{tool['wall']:.2f}s"
    per = f"{tool['sessions'] / n:.1f}/{tool['execs'] / n:.1f}"
    bad = f" FAILED x{tool['failed']}" if tool["failed"] else ""
    cold = f" (cold {tool['cold']:.1f}s)" if "cold" in tool else ""
    return f"{tool['wall']:.2f}s{cold} cpu {tool['cpu']:.1f}s rss {tool['rss_mb']:.0f}MB ssh/exec per host {per}{bad}"


def format_row(r):
    ratio = f"{r['ratio']:.1f}x" if "ratio" in r else "-"
    return f"| {r['workload']} | {r['n']} | {fmt(r.get('ansible'), r['n'])} | {fmt(r.get('tightbeam'), r['n'])} | {ratio} |"


def report(rows):
    head = [f"Run {time.strftime('%Y-%m-%d %H:%M')} on {os.uname().nodename} ({os.cpu_count()} cores)", "",
            "| workload | hosts | ansible-core | tightbeam | ratio (time above the sleeps) |",
            "|---|---|---|---|---|"]
    text = "\n".join(head + [format_row(r) for r in rows]) + "\n"
    for r in rows:
        for tool in ("ansible", "tightbeam"):
            if r.get(tool, {}).get("tail"):
                text += f"\n{r['workload']} n={r['n']} {tool} failed:\n```\n{r[tool]['tail']}\n```\n"
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "latest.md").write_text(text)
    print("\n" + text)


if __name__ == "__main__":
    main()
