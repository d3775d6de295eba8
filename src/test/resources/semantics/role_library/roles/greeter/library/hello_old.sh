#!/bin/sh
if [ -f "$1" ]; then
    . "$1"
else
    echo '{"msg": "No argument file provided", "failed": true}'
    exit 1
fi
salutation=${salutation:=Hello}
name=${name:=World}
printf '{"msg": "%s, %s!"}\n' "$salutation" "$name"
