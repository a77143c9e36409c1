#!/usr/bin/env bash
# Verifies that the client-side libraries committed under
# src/CommunityService.Web/wwwroot/lib/ are byte-identical to the files of the
# npm packages declared in libman.json (jsdelivr provider => npm package paths),
# and that no undeclared file exists under wwwroot/lib/.
#
# Needs: bash, node, npm, tar, cmp. Network access: the npm registry only.
set -euo pipefail

cd "$(dirname "$0")/.."

LIB_ROOT="src/CommunityService.Web/wwwroot/lib"
MANIFEST="libman.json"

fail() { echo "verify-client-libs: FAIL: $*" >&2; exit 1; }

for tool in node npm tar cmp; do
  command -v "$tool" >/dev/null 2>&1 || fail "required tool '$tool' not found on PATH"
done
[[ -f "$MANIFEST" ]] || fail "$MANIFEST not found in $(pwd)"
[[ -d "$LIB_ROOT" ]] || fail "$LIB_ROOT does not exist"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Flatten libman.json into tab-separated lines: name <TAB> version <TAB> destination <TAB> file
node -e '
const fs = require("fs");
const path = require("path");
const m = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const libRoot = process.argv[2];
const die = (msg) => { console.error("verify-client-libs: FAIL: " + msg); process.exit(1); };
if (m.version !== "3.0") die("libman.json: expected version \"3.0\", got " + JSON.stringify(m.version));
if (!Array.isArray(m.libraries) || m.libraries.length === 0) die("libman.json: no libraries declared");
for (const lib of m.libraries) {
  const provider = lib.provider || m.defaultProvider;
  if (provider !== "jsdelivr") die(lib.library + ": provider must be jsdelivr, got " + provider);
  const at = typeof lib.library === "string" ? lib.library.lastIndexOf("@") : -1;
  if (at <= 0) die("library " + JSON.stringify(lib.library) + " is not name@version");
  const name = lib.library.slice(0, at), version = lib.library.slice(at + 1);
  if (name.startsWith("gh/")) die(lib.library + ": GitHub-sourced jsdelivr libraries are not supported");
  if (!/^\d+\.\d+\.\d+$/.test(version)) die(lib.library + ": version must be an exact x.y.z pin");
  const dest = path.posix.normalize(String(lib.destination || "").replace(/\\/g, "/")).replace(/\/$/, "");
  if (!dest.startsWith(libRoot + "/")) die(lib.library + ": destination " + lib.destination + " is not under " + libRoot + "/");
  if (!Array.isArray(lib.files) || lib.files.length === 0) die(lib.library + ": needs an explicit non-empty files list");
  for (const f of lib.files) {
    const n = path.posix.normalize(f);
    if (n !== f || n.startsWith("../") || n.startsWith("/") || /[\t\n]/.test(f)) die(lib.library + ": bad file path " + JSON.stringify(f));
    console.log([name, version, dest, f].join("\t"));
  }
}
' "$MANIFEST" "$LIB_ROOT" > "$tmp/entries.tsv"

export npm_config_cache="$tmp/npm-cache"
export npm_config_update_notifier=false
export npm_config_fund=false
export npm_config_audit=false

count=0
errors=0
declare -A packed=()
: > "$tmp/declared.txt"

while IFS=$'\t' read -r name version dest file; do
  spec="$name@$version"
  pkgdir="$tmp/pkg/${spec//\//_}"
  if [[ -z "${packed[$spec]:-}" ]]; then
    mkdir -p "$pkgdir"
    tarball="$(cd "$pkgdir" && npm pack "$spec" --silent 2>"$pkgdir/npm-pack.err" | tail -n 1)" || {
      cat "$pkgdir/npm-pack.err" >&2
      fail "npm pack $spec failed"
    }
    [[ -n "$tarball" && -f "$pkgdir/$tarball" ]] || { cat "$pkgdir/npm-pack.err" >&2; fail "npm pack $spec produced no tarball"; }
    tar -xzf "$pkgdir/$tarball" -C "$pkgdir" || fail "cannot extract $tarball"
    [[ -d "$pkgdir/package" ]] || fail "$tarball has no package/ directory"
    packed[$spec]=1
  fi

  upstream="$pkgdir/package/$file"
  committed="$dest/$file"
  printf '%s\n' "$committed" >> "$tmp/declared.txt"

  if [[ ! -f "$upstream" ]]; then
    echo "FAIL $spec $file: not present in the npm package" >&2
    errors=$((errors + 1))
  elif [[ ! -f "$committed" ]]; then
    echo "FAIL $spec $file: missing committed copy $committed" >&2
    errors=$((errors + 1))
  elif ! cmp -s "$upstream" "$committed"; then
    echo "FAIL $spec $file: $committed differs from npm pack ($(cmp "$upstream" "$committed" 2>&1 | head -n 1))" >&2
    errors=$((errors + 1))
  else
    echo "ok  $spec $file"
    count=$((count + 1))
  fi
done < "$tmp/entries.tsv"

# Any file under wwwroot/lib that no library declares is an error.
find "$LIB_ROOT" \( -type f -o -type l \) -print | LC_ALL=C sort > "$tmp/present.sorted"
LC_ALL=C sort -u "$tmp/declared.txt" > "$tmp/declared.sorted"
while IFS= read -r extra; do
  [[ -n "$extra" ]] || continue
  echo "FAIL undeclared file (not in libman.json): $extra" >&2
  errors=$((errors + 1))
done < <(LC_ALL=C comm -13 "$tmp/declared.sorted" "$tmp/present.sorted")

total="$(wc -l < "$tmp/entries.tsv" | tr -d ' ')"
if (( errors > 0 )); then
  fail "$errors problem(s) found; $count of $total declared files verified against npm pack"
fi
echo "client libs: $count files verified against npm pack"
