// `npm run codegen:check`: fails when src/api/generated/ is not what `npm run codegen` would
// write now (schema.graphql or a document changed without regenerating). Generates into a
// scratch directory, so the checked-in files are never touched and no git is needed.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const committed = join(root, 'src/api/generated')
const scratch = mkdtempSync(join(tmpdir(), 'qsradar-codegen-'))

function files(dir) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => relative(dir, join(d.parentPath, d.name)))
      .sort()
  } catch {
    return []
  }
}

try {
  const bin = join(root, 'node_modules/.bin/graphql-codegen')
  const run = spawnSync(bin, ['--config', 'codegen.ts', '--silent'], {
    cwd: root,
    env: { ...process.env, QSRADAR_CODEGEN_OUT: `${scratch}/` },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (run.status !== 0) {
    console.error('codegen:check: graphql-codegen failed')
    process.exit(run.status ?? 1)
  }
  const want = files(scratch)
  const have = files(committed)
  const stale = [...new Set([...want, ...have])].filter((f) => {
    try {
      return readFileSync(join(scratch, f), 'utf8') !== readFileSync(join(committed, f), 'utf8')
    } catch {
      return true
    }
  })
  if (stale.length) {
    console.error(`codegen:check: src/api/generated is stale (${stale.join(', ')}); run \`npm run codegen\` and commit the result`)
    process.exit(1)
  }
  console.log('codegen:check: src/api/generated is up to date')
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
