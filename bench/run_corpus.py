"""Print one JSON line per file ({"file": path, **extraction}) to feed the shared scorer,
until the `stancewatch extract` CLI exists.  Usage: python bench/run_corpus.py FILE..."""
from __future__ import annotations

import json
import pathlib
import sys

from parsers import decode_document, extract
from parsers.errors import ParserError


def main(paths: list[str]) -> int:
    for path in paths:
        row: dict[str, object] = {"file": path}
        try:
            row.update(extract(decode_document(pathlib.Path(path).read_bytes())).to_json())
        except ParserError as exc:
            row.update({"statements": [], "changes": [], "error": str(exc)})
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
