// graphql-codegen: TypeScript types for every document in src/ from schema.graphql
// (the SDL the backend prints; `make schema` refreshes it). Output is checked in so
// `npm run build` needs neither the network nor the Python side.
import type { CodegenConfig } from '@graphql-codegen/cli'

// codegen:check generates into a scratch directory and compares (scripts/codegen-check.mjs).
const out = process.env.QSRADAR_CODEGEN_OUT ?? 'src/api/generated/'

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/**/*.{ts,vue}', '!src/api/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: {
        // Views read query results directly; masking would force a useFragment call per component.
        fragmentMasking: false,
      },
      config: {
        // Documents stay plain strings (TypedDocumentString): api/http.ts posts them with fetch.
        documentMode: 'string',
        useTypeImports: true,
        // Only what the documents use (plus enums and inputs), not every schema type.
        onlyOperationTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
        strictScalars: true,
        skipTypename: false,
        nonOptionalTypename: false,
      },
    },
  },
}

export default config
