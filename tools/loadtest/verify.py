#!/usr/bin/env python3
"""Checks a load run against the database after the portal has stopped, and prints its figures.

    verify.py --db portal.db --journal journal.tsv --stats stats.json --title "Load" [--killed-at UNIX_MS]
    verify.py --psql "PSQL -h HOST -p PORT -U USER -d DATABASE" --journal … (the same on PostgreSQL)

Checks: PRAGMA integrity_check is "ok" (SQLite); every journaled (acknowledged) write is in the database: a registered account
exists, a sign-up (resident, session) exists and is not cancelled, a service record's unique description exists exactly
once; no answer was a 5xx; each session the run signed up to counts its places right (PlacesTaken = Registered sign-ups,
nobody waiting while a place is free). With --killed-at, the writes acknowledged before the kill are counted apart.
Exits 1 when a check fails.
"""
import argparse
import json
import shlex
import sqlite3
import subprocess
import sys


class Database:
    """The run's database: a SQLite file, or PostgreSQL through psql. Queries use ? for parameters and quoted names."""

    def __init__(self, path=None, psql=None):
        self.psql = shlex.split(psql) if psql else None
        self.sqlite = sqlite3.connect(path) if path else None

    def rows(self, sql, params=()):
        if self.sqlite:
            return [tuple(str(v) if v is not None else None for v in r) for r in self.sqlite.execute(sql, params)]
        parts = sql.split("?")
        literal = lambda v: str(v) if isinstance(v, int) else "'" + str(v).replace("'", "''") + "'"
        text = parts[0] + "".join(literal(v) + part for v, part in zip(params, parts[1:]))
        out = subprocess.run(self.psql + ["-v", "ON_ERROR_STOP=1", "-qtAX", "-F", "\x1f", "-c", text],
                             check=True, capture_output=True, text=True).stdout
        return [tuple(line.split("\x1f")) for line in out.splitlines()]

    def integrity(self):
        if self.sqlite:
            return "; ".join(r[0] for r in self.rows("PRAGMA integrity_check"))
        return "ok" if self.rows("SELECT 1")[0][0] == "1" else "no answer"

    def close(self):
        if self.sqlite:
            self.sqlite.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--psql")
    ap.add_argument("--journal", required=True)
    ap.add_argument("--stats", required=True)
    ap.add_argument("--title", required=True)
    ap.add_argument("--killed-at", type=int)
    a = ap.parse_args()
    if (a.db is None) == (a.psql is None):
        ap.error("give --db (SQLite) or --psql (PostgreSQL)")

    stats = json.load(open(a.stats, encoding="utf-8"))
    run = stats["run"]
    journal = []
    with open(a.journal, encoding="utf-8") as f:
        for line in f:
            kind, key, key2, ms = line.rstrip("\n").split("\t")
            journal.append((kind, key, key2, int(ms)))

    db = Database(a.db, a.psql)
    integrity = db.integrity()
    accounts = {r[0] for r in db.rows('SELECT "UserName" FROM "AspNetUsers" WHERE "UserName" LIKE ?', (run + "-%",))}
    signups = {}
    for user, session, status in db.rows(
            'SELECT u."UserName", s."SessionId", s."Status" FROM "SignUps" s JOIN "AspNetUsers" u ON u."Id" = s."ResidentId" '
            'WHERE u."UserName" LIKE ?', (run + "-%",)):
        signups.setdefault((user, str(session)), []).append(status)
    records = {}
    for (description,) in db.rows('SELECT "Description" FROM "ServiceRecords" WHERE "Description" LIKE ?', (run + "-%",)):
        records[description] = records.get(description, 0) + 1
    sessions = sorted({int(s) for (_, s) in signups})
    miscounted = []
    for sid in sessions:
        capacity, taken, registered, waiting = (int(v) for v in db.rows(
            'SELECT "Capacity", "PlacesTaken", '
            '(SELECT COUNT(*) FROM "SignUps" WHERE "SessionId" = s."Id" AND "Status" = \'Registered\'), '
            '(SELECT COUNT(*) FROM "SignUps" WHERE "SessionId" = s."Id" AND "Status" = \'Waiting\') FROM "Sessions" s WHERE s."Id" = ?',
            (sid,))[0])
        if taken != registered or (waiting > 0 and taken < capacity):
            miscounted.append(f"session {sid}: {taken} places taken, {registered} registered, {waiting} waiting, capacity {capacity}")
    db.close()

    def found(entry):
        kind, key, key2, _ = entry
        if kind == "account":
            return key in accounts
        if kind == "signup":
            return any(s != "Cancelled" for s in signups.get((key, key2), []))
        return records.get(key, 0) >= 1

    lost = [e for e in journal if not found(e)]
    duplicated = sorted(d for d, n in records.items() if n > 1)
    acked = {("account", e[1]) for e in journal if e[0] == "account"} | {("signup", e[1], e[2]) for e in journal if e[0] == "signup"} \
        | {("record", e[1]) for e in journal if e[0] == "record"}
    unacked = len({("account", u) for u in accounts} - acked) + len({("signup", u, s) for (u, s) in signups} - acked) \
        + len({("record", d) for d in records} - acked)

    status = stats["byStatus"]
    count = lambda prefix: sum(n for code, n in status.items() if code.startswith(prefix))
    ack = stats["acknowledged"]
    rows = [
        ("clients (staff / residents)", f"{stats['clients']} ({stats['staffClients']} / {stats['clients'] - stats['staffClients']}), "
                                        f"{stats['sessions']} open sessions"),
        ("duration", f"{stats['seconds']} s"),
        ("requests", stats["requests"]),
        ("  reads (GET)", stats["reads"]),
        ("  writes (POST sign-up, record, register)", stats["writes"]),
        ("  staff sign-ins (POST)", stats["signIns"]),
        ("  no answer (connection refused/reset)", sum(stats["noAnswer"].values())),
        ("requests/s (answered/s)", f"{stats['requestsPerSecond']} ({stats['answeredPerSecond']})"),
        ("writes acknowledged", f"{len(journal)} (sign-ups {ack.get('signup', 0)}, records {ack.get('record', 0)}, accounts {ack.get('account', 0)})"),
        ("writes found in the database", len(journal) - len(lost)),
        ("LOST (must be 0)", len(lost)),
        ("records duplicated (must be 0)", len(duplicated)),
        ("saved but not acknowledged", unacked),
        ("sessions miscounted (must be 0)", len(miscounted)),
        ("2xx / 3xx", f"{count('2')} / {count('3')}"),
        ("4xx", count("4")),
        ("5xx (must be 0)", count("5")),
        ("read latency p50 / p95 / p99 / max", "{p50} / {p95} / {p99} / {max} ms".format(**stats["readMs"])),
        ("write latency p50 / p95 / p99 / max", "{p50} / {p95} / {p99} / {max} ms".format(**stats["writeMs"])),
        ("integrity_check" if a.db else "database answers", integrity),
    ]
    at = rows.index(next(r for r in rows if r[0].startswith("write latency"))) + 1
    for label, p in stats["writeMsByKind"].items():
        rows.insert(at, (f"  {label} p50 / p95 / p99", "{p50} / {p95} / {p99} ms".format(**p)))
        at += 1
    if a.killed_at is not None:
        before = [e for e in journal if e[3] < a.killed_at]
        rows.insert(11, ("acknowledged before kill", len(before)))
        rows.insert(12, ("  found after restart", len(before) - len([e for e in lost if e[3] < a.killed_at])))
        rows.insert(13, ("acknowledged after restart", len(journal) - len(before)))

    width = max(len(r[0]) for r in rows)
    print(f"\n{a.title} ({run})")
    print("-" * (width + 40))
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print("-" * (width + 40))
    if stats["unexpected"]:
        print("Unexpected answers (what the portal said):")
        for key, n in stats["unexpected"].items():
            print(f"  {n:>5} × {key}: {stats['samples'].get(key, '')}")
    if stats["noAnswer"]:
        print("No answer: " + ", ".join(f"{k} {n}" for k, n in stats["noAnswer"].items()))
        for key, sample in stats["samples"].items():
            if key.endswith("no answer"):
                print(f"  {key}: {sample}")
    for entry in lost[:20]:
        print("LOST: " + " ".join(str(x) for x in entry))
    for d in duplicated[:20]:
        print(f"DUPLICATED: record {d} × {records[d]}")
    for m in miscounted[:20]:
        print("MISCOUNTED: " + m)

    failures = []
    if integrity != "ok":
        failures.append("the integrity check is not ok")
    if lost:
        failures.append(f"{len(lost)} acknowledged writes lost")
    if duplicated:
        failures.append(f"{len(duplicated)} records saved twice")
    if miscounted:
        failures.append(f"{len(miscounted)} sessions miscounted")
    if count("5"):
        failures.append(f"{count('5')} answers were 5xx")
    if not journal:
        failures.append("no write was acknowledged")
    print(f"{a.title}: " + ("FAILED: " + "; ".join(failures) if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
