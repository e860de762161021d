"""Write the manifest of the front end's GraphQL documents (trusted documents, issue 14).

The front end's documents are the operations graphql-codegen generates into frontend/src/api/generated/graphql.ts
from frontend/src/api/queries.ts (`documentMode: 'string'`): each `XDocument = new TypedDocumentString(`...`)` holds
the exact text the front end sends as `query` (fragments appended). The manifest maps the SHA-256 (hex) of each text
to the text, the shape of graphql-codegen's `persisted-documents.json`; the service registers every entry at start
and, with QSRADAR_TRUSTED_DOCUMENTS=only, runs nothing else for browsers.

    python -m tools.persisted.extract            # writes tools/persisted/manifest.json
    python -m tools.persisted.extract --check    # exit 1 when the manifest is stale
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "frontend" / "src" / "api" / "generated" / "graphql.ts"
MANIFEST = Path(__file__).resolve().parent / "manifest.json"
_DOCUMENT = re.compile(r"export const (\w+)Document = new TypedDocumentString\(`((?:[^`\\]|\\.)*)`")
_ESCAPE = re.compile(r"\\(.)", re.S)


def documents(generated: Path = GENERATED) -> dict[str, str]:
    """{sha256 hex: document text} of every operation in the generated file (fragments are not operations)."""
    text = generated.read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for match in _DOCUMENT.finditer(text):
        if "${" in match.group(2):
            raise ValueError(f"{match.group(1)}Document interpolates: its text is only known at run time")
        body = _ESCAPE.sub(r"\1", match.group(2))  # a template literal's escapes (\` \\ \$)
        out[hashlib.sha256(body.encode()).hexdigest()] = body
    return dict(sorted(out.items()))


def render(docs: dict[str, str]) -> str:
    return json.dumps(docs, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    wanted = render(documents())
    if "--check" in argv:
        current = MANIFEST.read_text(encoding="utf-8") if MANIFEST.exists() else ""
        if current != wanted:
            print(f"{MANIFEST} is stale: run python -m tools.persisted.extract", file=sys.stderr)
            return 1
        return 0
    MANIFEST.write_text(wanted, encoding="utf-8")
    print(f"{MANIFEST}: {len(json.loads(wanted))} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
