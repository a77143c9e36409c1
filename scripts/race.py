#!/usr/bin/env python3
"""Residents racing for the last places of one session, through the load balancer (so across instances).

usage: race.py BASE PREFIX NOTICE SESSION RESIDENTS

Registers RESIDENTS new residents through BASE (e.g. https://127.0.0.1:8443/portal), opens the sign-up form of
SESSION under NOTICE for each, then sends all the sign-ups at the same moment (one thread each, released together).
Prints one line per answer and the instance that gave it; exits 1 when a sign-up is not answered with a redirect to
PREFIX/me. The caller checks the session's list in the database: exactly its capacity registered, the rest waiting.
"""
import re
import sys
import threading

# The same HTTPS client as the crawl (no certificate check, cookies kept, redirects not followed).
from crawl import fetch, opener

TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')


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
            "__RequestVerificationToken": TOKEN.search(body).group(1), "UserName": name, "DisplayName": f"抢名额{i}",
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
        status, headers, _ = call(client, base + action, {"__RequestVerificationToken": token, "Name": name, "Phone": "13912345678"})
        answers[index] = (name, status, headers.get("Location", ""), headers.get("X-Upstream", ""))

    threads = [threading.Thread(target=race, args=(i, *r)) for i, r in enumerate(ready)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    failed = False
    for name, status, location, upstream in answers:
        print(f"  {name}: {status} -> {location} (from {upstream})")
        failed |= status != 302 or not location.startswith(prefix + "/me")
    upstreams = {a[3] for a in answers}
    print(f"  {len(answers)} sign-ups answered by {len(upstreams)} instance(s)")
    sys.exit(1 if failed or len(upstreams) < 2 else 0)


if __name__ == "__main__":
    main()
