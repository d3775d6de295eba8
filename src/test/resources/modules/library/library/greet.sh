#!/bin/sh
# An old-style module: the arguments file holds key=value words that sh can source.
. "$1"
printf '{"changed": false, "msg": "hello %s"}\n' "$name"
