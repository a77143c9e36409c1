#!/usr/bin/env python3
"""Follows the links of the portal as each demo user, through a proxy that serves it under a prefix.

usage: crawl.py BASE_URL PREFIX [USER ...]   (USER "-" is an anonymous visitor)

For each user it signs in through the prefixed form, then walks the pages breadth first from the home page (at most
MAX_PAGES per user, GET only, no sign-out): every link, form, script, style sheet and image on a page must stay under
PREFIX (or leave the site), every redirect must stay under it, and no page may answer 404 or 5xx. Used by
scripts/two-instances.sh; prints one line per user and the failures, exits 1 on any.
"""
import html.parser
import http.cookiejar
import ssl
import sys
import urllib.error
import urllib.parse
import urllib.request

MAX_PAGES = 250
PASSWORD = "Demo@12345"


class Links(html.parser.HTMLParser):
    ATTRIBUTES = {"a": "href", "link": "href", "form": "action", "script": "src", "img": "src"}

    def __init__(self):
        super().__init__()
        self.found = []  # (tag, value)
        self.token = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") == "__RequestVerificationToken":
            self.token = attrs.get("value")
        name = self.ATTRIBUTES.get(tag)
        if name and attrs.get(name) is not None:
            self.found.append((tag, attrs[name]))
        if attrs.get("formaction"):
            self.found.append((tag, attrs["formaction"]))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def opener():
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def fetch(client, url, data=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with client.open(urllib.request.Request(url, data=body), timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def parse(body):
    parser = Links()
    parser.feed(body.decode("utf-8", "replace"))
    return parser


def crawl(base, prefix, user):
    def under(path):
        return path == prefix or path.startswith(prefix + "/") or path.startswith(prefix + "?")

    origin = urllib.parse.urlsplit(base)._replace(path="", query="", fragment="").geturl()
    client = opener()
    failures = []

    def check_location(where, headers):
        location = headers.get("Location")
        if location and not location.startswith("http") and not under(location):
            failures.append(f"{where}: redirected to {location}")
        return location

    if user != "-":
        status, _, body = fetch(client, f"{origin}{prefix}/account/login")
        token = parse(body).token
        status, headers, _ = fetch(client, f"{origin}{prefix}/account/login",
                                   {"__RequestVerificationToken": token or "", "UserName": user, "Password": PASSWORD})
        location = check_location("sign-in", headers)
        if status != 302:
            return [f"{user}: signing in answered {status}"], 0
        if location is None or not under(location):
            failures.append(f"{user}: signed in to {location}")

    queue, seen, pages = [f"{prefix}/"], {f"{prefix}/"}, 0
    while queue and pages < MAX_PAGES:
        path = queue.pop(0)
        status, headers, body = fetch(client, origin + path)
        pages += 1
        check_location(path, headers)
        if status == 404 or status >= 500:
            failures.append(f"{path}: {status}")
            continue
        if status != 200 or not headers.get("Content-Type", "").startswith("text/html"):
            continue
        for tag, value in parse(body).found:
            if not value or value.startswith(("#", "data:", "mailto:", "tel:")):
                continue
            if value.startswith(("http://", "https://")):
                if urllib.parse.urlsplit(value).netloc == urllib.parse.urlsplit(origin).netloc:
                    failures.append(f"{path}: <{tag}> {value} is an absolute link to the site")
                continue
            if not under(value):
                failures.append(f"{path}: <{tag}> {value} leaves {prefix}/")
                continue
            link = value.split("#")[0]
            if tag == "a" and link not in seen and "/logout" not in link and "/culture" not in link:
                seen.add(link)
                queue.append(link)
    return failures, pages


def main():
    base, prefix, users = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3:] or ["-"]
    failed = False
    for user in users:
        failures, pages = crawl(base, prefix, user)
        print(f"  crawl as {'anonymous' if user == '-' else user}: {pages} pages under {prefix}/, {len(failures)} problems")
        for failure in failures[:40]:
            print(f"    {failure}")
        failed = failed or bool(failures) or pages < 5
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
