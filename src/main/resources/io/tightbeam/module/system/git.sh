# shellcheck shell=sh
# Ansible's git: clones when dest holds no checkout, else compares HEAD with the remote's commit
# for version (a branch, tag, commit or HEAD), fetches and checks it out; before/after are the
# commits, diff the `git diff` between them. Local modifications fail unless force.
git=${executable:-git}
command -v "$git" >/dev/null 2>&1 || tb_fail "Failed to find required executable \"git\" in paths: $PATH"
git=$(command -v "$git")
# ssh options as Ansible passes them (through GIT_SSH_COMMAND)
sshcmd=''
[ "$accept_hostkey" = 1 ] && sshcmd="$sshcmd -o StrictHostKeyChecking=no"
[ "$accept_newhostkey" = 1 ] && sshcmd="$sshcmd -o StrictHostKeyChecking=accept-new"
[ -n "$key_file" ] && sshcmd="$sshcmd -i $key_file -o IdentitiesOnly=yes"
[ -n "$ssh_opts" ] && sshcmd="$sshcmd $ssh_opts"
if [ -n "$sshcmd" ]; then GIT_SSH_COMMAND="ssh$sshcmd"; export GIT_SSH_COMMAND; fi
[ -n "$umask" ] && umask "$umask"
# A local path is given to git as a file:// URL, as Ansible does
case "$repo" in /*) url="file://$repo" ;; *) url=$repo ;; esac
cmdline() { printf '%s' "$git"; for tb_a in "$@"; do printf ' %s' "$tb_a"; done; }
gitfail() {
  tb_ks cmd "$1"; tb_ks msg "$2"; tb_kv rc "$tb_rc"; tb_ks stderr "$tb_e"; tb_kv stderr_lines "$(printf '%s' "$tb_e" | tb_lines_json)"
  tb_ks stdout "$tb_o"; tb_kv stdout_lines "$(printf '%s' "$tb_o" | tb_lines_json)"
  tb_kv failed true; tb_kb changed 0; tb_emit; exit 0
}
# remote_sha: into sha, the remote's commit for $version (empty when it names no ref there)
remote_sha() {
  if [ "$version" = HEAD ]; then
    tb_run "$git" ls-remote "$url" -h refs/heads/HEAD || gitfail "$(cmdline ls-remote "$url" -h refs/heads/HEAD)" "$(printf '%s' "$tb_e")"
    tb_run "$git" ls-remote "$url" HEAD || gitfail "$(cmdline ls-remote "$url" HEAD)" "$(printf '%s' "$tb_e")"
    sha=$(printf '%s\n' "$tb_o" | awk '$2 == "HEAD" { print $1; exit }')
    return 0
  fi
  tb_run "$git" ls-remote "$url" "$version" "$version^{}" || gitfail "$(cmdline ls-remote "$url" "$version")" "$(printf '%s' "$tb_e")"
  sha=$(printf '%s\n' "$tb_o" | awk -v v="$version" '
    $2 == "refs/tags/" v "^{}" { peeled = $1 } $2 == "refs/heads/" v { head = $1 } $2 == "refs/tags/" v { tag = $1 }
    END { print (head != "" ? head : (peeled != "" ? peeled : tag)) }')
  if [ -z "$sha" ]; then
    case "$version" in *[!0-9a-fA-F]*) ;; *) sha=$version ;; esac
  fi
}

if [ -z "$dest" ]; then
  [ "$clone" = 1 ] && tb_fail "the destination directory must be specified unless clone=no"
  remote_sha; tb_ks after "$sha"; tb_kb changed 0; tb_emit; exit 0
fi
if [ "$bare" = 1 ]; then gitdir=$dest; else gitdir=$dest/.git; fi

if [ ! -e "$gitdir" ]; then
  if [ "$clone" != 1 ]; then tb_kv before null; tb_kb changed 0; tb_emit; exit 0; fi
  remote_sha
  if [ "$tb_check" = 1 ]; then
    tb_ks after "$sha"; tb_kv before null; tb_kb changed 1
    [ "$tb_diff" = 1 ] && tb_kv diff "{\"prepared\":$(printf '>> Newly checked out %s' "$sha" | tb_json)}"
    tb_emit; exit 0
  fi
  mkdir -p "$(dirname "$dest")"
  set -- clone
  [ "$bare" = 1 ] && set -- "$@" --bare
  [ "$remote" != origin ] && set -- "$@" --origin "$remote"
  depth_ok=0
  if [ -n "$depth" ]; then
    if [ "$version" = HEAD ]; then depth_ok=1
    elif tb_run "$git" ls-remote "$url" "$version" && [ -n "$tb_o" ]; then depth_ok=1
    else tb_warn "Ignoring depth argument. Shallow clones are only available for HEAD, branches, tags or in combination with refspec."; fi
  fi
  if [ "$depth_ok" = 1 ]; then
    set -- "$@" --depth "$depth"
    [ "$version" != HEAD ] && set -- "$@" --branch "$version"
  fi
  [ "$single_branch" = 1 ] && set -- "$@" --single-branch
  [ -n "$reference" ] && set -- "$@" --reference "$reference"
  [ -n "$separate_git_dir" ] && set -- "$@" --separate-git-dir "$separate_git_dir"
  set -- "$@" "$url" "$dest"
  tb_run "$git" "$@" || gitfail "$(cmdline "$@")" "Failed to clone $repo"
  if [ "$version" != HEAD ] && [ "$bare" != 1 ]; then
    tb_run "$git" -C "$dest" checkout --force "$version" || gitfail "$(cmdline checkout --force "$version")" "Failed to checkout $version"
  fi
  if [ "$recursive" = 1 ] && [ "$bare" != 1 ] && [ -f "$dest/.gitmodules" ]; then
    tb_run "$git" -C "$dest" submodule update --init --recursive || gitfail "$(cmdline submodule update --init --recursive)" "Failed to init/update submodules: $tb_o$tb_e"
  fi
  after=$("$git" --git-dir="$gitdir" rev-parse HEAD 2>/dev/null)
  tb_ks after "$after"; tb_kv before null; tb_changed=1
  [ "$tb_diff" = 1 ] && tb_kv diff "{\"prepared\":$(printf '>> Newly checked out %s' "$after" | tb_json)}"
  tb_end
fi

before=$("$git" --git-dir="$gitdir" rev-parse HEAD 2>/dev/null)
if [ "$bare" != 1 ]; then
  mods=$(cd "$dest" && "$git" status --porcelain --ignore-submodules=none 2>/dev/null | grep -v '^??')
  if [ -n "$mods" ]; then
    if [ "$force" != 1 ]; then
      tb_ks before "$before"; tb_ks msg "Local modifications exist in the destination: $dest (force=no)."
      tb_kv failed true; tb_kb changed 0; tb_emit; exit 0
    fi
    tb_changed=1
    [ "$tb_check" = 1 ] || (cd "$dest" && "$git" reset --hard HEAD >/dev/null 2>&1)
    tb_ks msg "Local modifications exist in the destination: $dest"
  fi
fi
if [ "$update" != 1 ]; then
  tb_ks after "$before"; tb_ks before "$before"; tb_end
fi
url_changed=0
have_url=$("$git" --git-dir="$gitdir" config --get "remote.$remote.url" 2>/dev/null)
if [ "$have_url" != "$repo" ] && [ "$have_url" != "$url" ]; then
  url_changed=1; tb_changed=1
  [ "$tb_check" = 1 ] || "$git" --git-dir="$gitdir" remote set-url "$remote" "$repo" >/dev/null 2>&1
fi
remote_sha
if [ "$sha" = "$before" ] && [ -n "$sha" ]; then
  tb_ks after "$before"; tb_ks before "$before"; tb_kb remote_url_changed "$url_changed"; tb_end
fi
if [ "$tb_check" = 1 ]; then
  tb_ks after "${sha:-$before}"; tb_ks before "$before"; tb_kb changed 1
  if [ "$tb_diff" = 1 ] && [ -n "$sha" ] && d=$("$git" --git-dir="$gitdir" diff "$before" "$sha" 2>/dev/null); then
    tb_kv diff "{\"prepared\":$(printf '%s\n' "$d" | tb_json)}"
  fi
  tb_kb remote_url_changed "$url_changed"; tb_emit; exit 0
fi
set -- fetch
[ -n "$depth" ] && set -- "$@" --depth "$depth"
set -- "$@" --tags "$remote"
[ -n "$refspec" ] && set -- "$@" "$refspec"
if ! tb_run "$git" --git-dir="$gitdir" "$@"; then
  tb_kv cmd "$(printf '%s\n' "$git" "$@" | tb_lines_json)"; tb_ks msg "Failed to download remote objects and refs:  $tb_o$tb_e"
  tb_kv failed true; tb_kb changed 0; tb_emit; exit 0
fi
tb_run "$git" --git-dir="$gitdir" fetch "$remote" "+refs/heads/*:refs/remotes/$remote/*"
if [ "$bare" = 1 ]; then
  after=$("$git" --git-dir="$gitdir" rev-parse HEAD 2>/dev/null)
else
  if [ "$version" = HEAD ]; then
    branch=$("$git" -C "$dest" symbolic-ref --short HEAD 2>/dev/null)
    if [ -n "$branch" ]; then
      tb_run "$git" -C "$dest" reset --hard "$remote/$branch" || gitfail "$(cmdline reset --hard "$remote/$branch")" "Failed to checkout $branch"
    else
      tb_run "$git" -C "$dest" checkout --force "$sha" || gitfail "$(cmdline checkout --force "$sha")" "Failed to checkout $version"
    fi
  else
    tb_run "$git" -C "$dest" checkout --force "$version" || gitfail "$(cmdline checkout --force "$version")" "Failed to checkout $version"
    if "$git" -C "$dest" rev-parse --verify -q "refs/remotes/$remote/$version" >/dev/null 2>&1; then
      tb_run "$git" -C "$dest" reset --hard "$remote/$version" || gitfail "$(cmdline reset --hard "$remote/$version")" "Failed to checkout $version"
    fi
  fi
  if [ "$recursive" = 1 ] && [ -f "$dest/.gitmodules" ]; then
    tb_run "$git" -C "$dest" submodule update --init --recursive
  fi
  after=$("$git" -C "$dest" rev-parse HEAD 2>/dev/null)
fi
[ "$after" != "$before" ] && tb_changed=1
tb_ks after "$after"; tb_ks before "$before"
if [ "$tb_diff" = 1 ] && [ "$after" != "$before" ] && d=$("$git" --git-dir="$gitdir" diff "$before" "$after" 2>/dev/null); then
  tb_kv diff "{\"prepared\":$(printf '%s\n' "$d" | tb_json)}"
fi
tb_kb remote_url_changed "$url_changed"
tb_end
