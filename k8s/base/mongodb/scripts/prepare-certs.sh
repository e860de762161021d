#!/bin/sh
# Init container of each MongoDB member: mongod wants its keyfile readable by its owner only and its TLS
# certificate and key in one PEM file; secret volumes give neither. Copies into an in-memory emptyDir.
set -eu
umask 077
cp /secrets/auth/keyfile /run/mongodb/keyfile
cat /secrets/tls/tls.crt /secrets/tls/tls.key > /run/mongodb/mongod.pem
cp /secrets/tls/ca.crt /run/mongodb/ca.crt
chmod 0400 /run/mongodb/keyfile /run/mongodb/mongod.pem
chmod 0444 /run/mongodb/ca.crt
