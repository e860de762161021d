#!/bin/sh
# One-shot Job: initiate the replica set rs0 once its three members answer, then create the service's user.
# Idempotent: an initiated set and an existing user are left as they are, so the Job may run again.
set -eu
NS="${POD_NAMESPACE:?}"
member() { echo "mongodb-$1.mongodb.${NS}.svc.cluster.local:27017"; }
FIRST="$(member 0)"
TLS="--tls --tlsCAFile /secrets/tls/ca.crt"

for i in 0 1 2; do
  host="$(member "$i")"
  n=0
  # shellcheck disable=SC2086
  until mongosh --quiet $TLS "mongodb://${host}/?directConnection=true" --eval 'db.adminCommand({ping: 1}).ok' >/dev/null 2>&1; do
    n=$((n + 1)); [ "$n" -le 120 ] || { echo "member $host does not answer" >&2; exit 1; }
    sleep 5
  done
done

# shellcheck disable=SC2086
mongosh --quiet $TLS "mongodb://${FIRST}/admin?directConnection=true" --eval "
  // Credentials come from files, never from the command line or the environment.
  const fs = require('fs');
  const secret = (name) => fs.readFileSync('/secrets/auth/' + name, 'utf8').trim();
  db.getSiblingDB('admin').auth(secret('root-username'), secret('root-password'));
  const ns = '${NS}';
  const host = (i) => 'mongodb-' + i + '.mongodb.' + ns + '.svc.cluster.local:27017';
  let initiated = true;
  try { rs.status(); } catch (e) {
    if (e.codeName !== 'NotYetInitialized') throw e;
    initiated = false;
  }
  if (!initiated) {
    rs.initiate({_id: 'rs0', members: [0, 1, 2].map((i) => ({_id: i, host: host(i), priority: i === 0 ? 2 : 1}))});
    print('rs0 initiated');
  }
  for (let n = 0; n < 120 && !db.hello().isWritablePrimary; n++) sleep(1000);
  if (!db.hello().isWritablePrimary) throw new Error('no primary after 120 s');
  const app = db.getSiblingDB(process.env.QSRADAR_DB_NAME || 'qsradar');
  if (!app.getUser('qsradar')) {
    app.createUser({user: 'qsradar', pwd: secret('qsradar-password'),
                    roles: [{role: 'readWrite', db: app.getName()}]});
    print('user qsradar created');
  }
  // Majority writes and reads survive the loss of one member; change streams need majority read concern.
  db.adminCommand({setDefaultRWConcern: 1, defaultWriteConcern: {w: 'majority'}});
  print('rs0 ready');
"
