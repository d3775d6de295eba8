#!/bin/sh
# The main demo: the seed page's examples ("Asynchronous actions and polling"), unchanged,
# against localhost. Builds Tightbeam on first use (JDK 17 + Maven).
set -e
cd "$(dirname "$0")/.."
inv=demo/inventory.ini
tb=bin/tightbeam
tbp=bin/tightbeam-playbook
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

say "ad hoc, fire and forget: tightbeam all -B 3600 -P 0 -a ..."
# The page runs /usr/bin/long_running_operation; the demo stands in a 5-second sleep for it.
out=$($tb all -i $inv -B 3600 -P 0 -a "/bin/sleep 5")
echo "$out"
jid=$(echo "$out" | sed -n 's/.*"ansible_job_id": "\([^"]*\)".*/\1/p' | head -n 1)

say "ad hoc, check on it later: tightbeam localhost -m async_status -a jid=$jid"
$tb localhost -i $inv -m async_status -a "jid=$jid" || true

say "ad hoc, polling: tightbeam all -B 1800 -P 2 -a ..."
$tb all -i $inv -B 1800 -P 2 -a "/bin/sleep 3"

say "after the job finished: async_status, then mode=cleanup"
$tb localhost -i $inv -m async_status -a "jid=$jid"
$tb localhost -i $inv -m async_status -a "jid=$jid mode=cleanup"

for pb in poll-blocking.yml fire-and-forget.yml batch/main.yml; do
  say "tightbeam-playbook examples/seed/$pb"
  $tbp -i $inv "examples/seed/$pb"
done

say "tightbeam-playbook examples/seed/check-later.yml (yum under poll: 0, then async_status until finished)"
# This machine is Debian: a stand-in yum (demo/fake-yum) takes yum's place on PATH.
export FAKE_YUM_DB="${TMPDIR:-/tmp}/tightbeam-demo-yum.$$"
PATH="$PWD/demo/fake-yum:$PATH" $tbp -i $inv examples/seed/check-later.yml
rm -rf "$FAKE_YUM_DB"
