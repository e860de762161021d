#!/bin/sh
# Start one replica-set member through the image's entrypoint. Only member 0 creates the root user on its
# first start (MONGO_INITDB_ROOT_*_FILE): rs.initiate needs the other members empty; they get users by initial sync.
set -eu
# shellcheck disable=SC3028 # Kubernetes sets HOSTNAME to the pod name (mongodb-N)
if [ "${HOSTNAME##*-}" != "0" ]; then
  unset MONGO_INITDB_ROOT_USERNAME_FILE MONGO_INITDB_ROOT_PASSWORD_FILE
fi
exec docker-entrypoint.sh mongod \
  --replSet rs0 --bind_ip_all --port 27017 \
  --keyFile /run/mongodb/keyfile \
  --tlsMode requireTLS --tlsCertificateKeyFile /run/mongodb/mongod.pem --tlsCAFile /run/mongodb/ca.crt \
  --tlsAllowConnectionsWithoutCertificates \
  --oplogMinRetentionHours "${MONGODB_OPLOG_MIN_RETENTION_HOURS:-24}" \
  --wiredTigerCacheSizeGB "${MONGODB_WIREDTIGER_CACHE_GB:-1}"
