#!/usr/bin/python
# WANT_JSON
import json
import sys

with open(sys.argv[1]) as f:
    data = json.load(f)
print(json.dumps(dict(msg='%s, %s!' % (data.get('salutation', 'Hello'), data.get('name', 'World')))))
