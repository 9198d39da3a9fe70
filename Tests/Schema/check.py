#!/usr/bin/env python3
"""Validates briefing files against the JSON Schema with a real validator (python3-jsonschema,
Draft 2020-12), as a YAML editor would read them.

  python3 Tests/Schema/check.py SCHEMA.json FILE.yaml...

Dates stay text (YAML 1.1 would make 2024-10-09 a date object; YAML 1.2 editors read a
string). Prints `FILE: ok` or one line per problem (`FILE: path: message`); exit 1 if any.
"""
import json, sys
import yaml
from jsonschema import Draft202012Validator

class Loader(yaml.SafeLoader):
    pass

# As YAML 1.2 editors read it: no timestamp type, so dates stay strings.
Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
failed = False
for path in sys.argv[2:]:
    document = yaml.load(open(path, encoding="utf-8-sig"), Loader=Loader)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for e in errors:
        failed = True
        print(f"{path}: {'.'.join(str(p) for p in e.absolute_path) or '(top level)'}: {e.message[:300]}")
    if not errors:
        print(f"{path}: ok")
sys.exit(1 if failed else 0)
