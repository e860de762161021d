// The GraphQL-over-HTTP audit of graphql-http (https://graphql.org/graphql-over-http/) against a URL.
// Prints one JSON line: counts and every audit that did not pass, with the server's answer.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const results = await auditServer({ url });
const failed = [];
for (const r of results) {
  if (r.status === 'ok') continue;
  const body = r.response ? await r.response.clone().text().catch(() => '') : '';
  failed.push({ status: r.status, id: r.id, name: r.name, reason: r.reason,
                response: r.response ? `${r.response.status} ${body.slice(0, 300)}` : null });
}
console.log(JSON.stringify({
  total: results.length,
  warnings: failed.filter((f) => f.status === 'warn').length,
  errors: failed.filter((f) => f.status === 'error').length,
  failed,
}));
