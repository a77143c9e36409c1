#!/usr/bin/env python3
"""Residents racing for the last places of one session, through the load balancer (so across instances).

usage: race.py BASE PREFIX NOTICE SESSION RESIDENTS

Registers RESIDENTS new residents through BASE (e.g. https://127.0.0.1:8443/portal), opens the sign-up form of
SESSION under NOTICE for each, then sends all the sign-ups at the same moment (one thread each, released together).
Prints one line per answer and the instance that gave it; exits 1 when a sign-up is not answered with a redirect to
PREFIX/me. The caller checks the session's list in the database: exactly its capacity registered, the rest waiting.
"""
import http.cookiejar
import re
import ssl
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def client():
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def call(opener, url, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    try:
        with opener.open(url, data=data, timeout=60) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def main():
    base, prefix, notice, session, residents = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    signup = f"/notices/{notice}/signup?session={session}"
    ready = []
    for i in range(residents):
        opener = client()
        status, _, body = call(opener, base + "/account/register")
        name = f"racer-{i}"
        status, headers, _ = call(opener, base + "/account/register", {
            "__RequestVerificationToken": TOKEN.search(body).group(1), "UserName": name, "DisplayName": f"抢名额{i}",
            "CommunityId": "1", "Password": "Demo@12345", "ConfirmPassword": "Demo@12345", "ReturnUrl": prefix + "/",
        })
        if status != 302:
            sys.exit(f"registering {name} answered {status}")
        status, _, body = call(opener, base + signup)
        action = re.search(r'<form[^>]* action="' + re.escape(prefix) + r'(/notices/' + notice + r'/signup[^"]*)"', body)
        if status != 200 or action is None:
            sys.exit(f"the sign-up form answered {status} for {name}")
        ready.append((opener, name, action.group(1).replace("&amp;", "&"), TOKEN.search(body).group(1)))

    start = threading.Barrier(len(ready))
    answers = [None] * len(ready)

    def race(index, opener, name, action, token):
        start.wait()
        status, headers, _ = call(opener, base + action, {"__RequestVerificationToken": token, "Name": name, "Phone": "13912345678"})
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
