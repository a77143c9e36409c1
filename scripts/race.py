#!/usr/bin/env python3
"""Residents racing for the last places of one session, through the load balancer (so across instances).

usage: race.py BASE PREFIX NOTICE SESSION RESIDENTS

Registers RESIDENTS new residents through BASE (e.g. https://127.0.0.1:8443/portal), opens the sign-up form of
SESSION under NOTICE for each, then sends all the sign-ups at the same moment (one thread each, released together).
Prints one line per answer and the instance that gave it, with what /me then told the resident (a place, or their number
on the waiting list); exits 1 when a sign-up is not answered with a redirect to PREFIX/me, or when the numbers told are
not 1, 2, 3 … once each. Then one resident with a place cancels (through the load balancer again), which must promote
the one told number 1. Its last lines, for the caller to check against the database:
    WAITING name name …     the waiting list in the order its numbers were told, before the cancellation
    CANCELLED name          who cancelled
"""
import re
import sys
import threading

# The same HTTPS client as the crawl (no certificate check, cookies kept, redirects not followed).
from crawl import fetch, opener

TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
# The message /me shows after a sign-up that went to the waiting list (zh-CN, the default culture).
WAITING = re.compile(r"候补第 (\d+) 位")


def call(client, url, form=None):
    status, headers, body = fetch(client, url, form)
    return status, headers, body.decode("utf-8", "replace")


def main():
    base, prefix, notice, session, residents = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    signup = f"/notices/{notice}/signup?session={session}"
    ready = []
    for i in range(residents):
        client = opener()
        status, _, body = call(client, base + "/account/register")
        name = f"racer-{i}"
        status, headers, _ = call(client, base + "/account/register", {
            "__RequestVerificationToken": TOKEN.search(body).group(1), "UserName": name, "DisplayName": "抢名额" + chr(ord("甲") + i),
            "CommunityId": "1", "Password": "Demo@12345", "ConfirmPassword": "Demo@12345", "ReturnUrl": prefix + "/",
        })
        if status != 302:
            sys.exit(f"registering {name} answered {status}")
        status, _, body = call(client, base + signup)
        action = re.search(r'<form[^>]* action="' + re.escape(prefix) + r'(/notices/' + notice + r'/signup[^"]*)"', body)
        if status != 200 or action is None:
            sys.exit(f"the sign-up form answered {status} for {name}")
        ready.append((client, name, action.group(1).replace("&amp;", "&"), TOKEN.search(body).group(1)))

    start = threading.Barrier(len(ready))
    answers = [None] * len(ready)

    def race(index, client, name, action, token):
        start.wait()
        status, headers, _ = call(client, base + action, {"__RequestVerificationToken": token, "Name": "抢名额" + chr(ord("甲") + index), "Phone": "13912345678"})
        _, _, me = call(client, base + "/me")
        told = WAITING.search(me)
        answers[index] = (name, status, headers.get("Location", ""), headers.get("X-Upstream", ""), int(told.group(1)) if told else 0)

    threads = [threading.Thread(target=race, args=(i, *r)) for i, r in enumerate(ready)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    failed = False
    for name, status, location, upstream, told in answers:
        print(f"  {name}: {status} -> {location} (from {upstream}), " + (f"waiting list number {told}" if told else "a place"))
        failed |= status != 302 or not location.startswith(prefix + "/me")
    upstreams = {a[3] for a in answers}
    print(f"  {len(answers)} sign-ups answered by {len(upstreams)} instance(s)")
    waiting = sorted((a for a in answers if a[4]), key=lambda a: a[4])
    if [a[4] for a in waiting] != list(range(1, len(waiting) + 1)):
        print(f"  the waiting-list numbers told are not 1 … {len(waiting)} once each: {[a[4] for a in waiting]}")
        failed = True
    if failed or len(upstreams) < 2:
        sys.exit(1)

    # One with a place cancels from /me: the place must go to the one told number 1 (checked by the caller).
    index = next(i for i, a in enumerate(answers) if not a[4])
    client, name = ready[index][0], ready[index][1]
    _, _, me = call(client, base + "/me")
    cancel = re.search(r'<form[^>]* action="' + re.escape(prefix) + r'(/signups/\d+/cancel)"', me)
    if cancel is None:
        sys.exit(f"no cancel form on /me for {name}")
    status, headers, _ = call(client, base + cancel.group(1), {"__RequestVerificationToken": TOKEN.search(me).group(1)})
    if status != 302:
        sys.exit(f"cancelling for {name} answered {status}")
    print(f"  {name} cancelled (answered by {headers.get('X-Upstream', '')}); {waiting[0][0]} was told number 1")
    print("WAITING " + " ".join(a[0] for a in waiting))
    print("CANCELLED " + name)


if __name__ == "__main__":
    main()
