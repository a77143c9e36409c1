#!/usr/bin/env python3
"""The UI string table: Resources/SharedResource.{zh-CN,en}.resx in the web project.

  scripts/strings.py missing          list keys used in code/views that a resx lacks (l["..."], L["..."], and the
                                      literal arguments of helpers like `string Q(string key) => l[key].Value`)
  scripts/strings.py merge FILE.tsv   add or update entries from a TSV: key<TAB>zh-CN<TAB>en

Keys are English sentences (or Enum.Value for enum names); the zh-CN file is the default UI language.
"""
import html, os, re, sys
from xml.etree import ElementTree as ET

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
WEB = os.path.join(ROOT, "src", "CommunityService.Web")
DATA = os.path.join(ROOT, "src", "CommunityService.Data")
RESX = {c: os.path.join(WEB, "Resources", f"SharedResource.{c}.resx") for c in ("zh-CN", "en")}

LITERAL = re.compile(r'\b[Ll](?:ocalizer)?\["((?:[^"\\]|\\.)*)"')
# Helpers that look a key up, so that their literal arguments are keys too: a local function such as
# `string Q(string key) => l[key].Value`, and a parameter such as `Func<string, string> q` that one is passed as.
HELPER = re.compile(r'\bstring\s+(\w+)\s*\(\s*string\s+(\w+)\s*\)\s*=>\s*[Ll](?:ocalizer)?\[\s*\2\s*\]')
HELPER_PARAMETER = re.compile(r'\bFunc<string,\s*string>\s+(\w+)')

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def read(path):
    if not os.path.exists(path):
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(path).getroot().findall("data")}


def write(path, entries):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for key in sorted(entries, key=lambda k: k.lower()):
            f.write(f'  <data name="{html.escape(key)}" xml:space="preserve"><value>{html.escape(entries[key], quote=False)}</value></data>\n')
        f.write("</root>\n")


def used_keys():
    keys = set()
    for base in (WEB,):
        for dirpath, _, files in os.walk(base):
            if "/obj" in dirpath or "/bin" in dirpath or "wwwroot" in dirpath:
                continue
            for name in files:
                if name.endswith((".cs", ".cshtml")):
                    text = open(os.path.join(dirpath, name), encoding="utf-8").read()
                    keys.update(re.sub(r"\\(.)", r"\1", m) for m in LITERAL.findall(text))
                    helpers = {m[0] for m in HELPER.findall(text)} | set(HELPER_PARAMETER.findall(text))
                    for helper in helpers:
                        call = re.compile(r'(?<![\w.])' + re.escape(helper) + r'\("((?:[^"\\]|\\.)*)"')
                        keys.update(re.sub(r"\\(.)", r"\1", m) for m in call.findall(text))
    return keys


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else "missing"
    tables = {c: read(p) for c, p in RESX.items()}
    if cmd == "missing":
        for key in sorted(used_keys()):
            for c, t in tables.items():
                if key not in t:
                    print(f"{c}\t{key}")
    elif cmd == "merge":
        for line in open(sys.argv[2], encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"bad line (need 3 tab-separated fields): {line!r}")
            key, zh, en = parts
            tables["zh-CN"][key] = zh
            tables["en"][key] = en
        for c, p in RESX.items():
            write(p, tables[c])
        print(f"{len(tables['zh-CN'])} strings")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
