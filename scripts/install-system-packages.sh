#!/usr/bin/env bash
# Install the Debian packages the test suites need (Samba AD DC, LDAP tools, OpenSSL, Chromium and Xvfb for the console tests,
# PostgreSQL for the configuration store, HAProxy in front of several service nodes, the Kerberos
# headers the `kerberos` package builds against when no prebuilt binary can be downloaded),
# only when something is missing, so a second run costs nothing.
set -euo pipefail
needed=(samba samba-ad-dc winbind krb5-user libkrb5-dev ldap-utils ldb-tools openssl chromium xvfb fonts-dejavu-core postgresql haproxy)
missing=()
for package in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "system packages: all present" >&2
  exit 0
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "system packages: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
