#!/usr/bin/env python3
"""Opens WARC files with warcio, a standard reader from PyPI (`pip install warcio`), and
checks what Crosscheck writes: every record parses, block and payload digests verify, and
each response carries its HTTP status and headers.

Usage: tools/check-warc.py FILE.warc [FILE.warc.gz ...]
Prints one line per record; exits 1 on the first problem.
"""
import sys

from warcio.archiveiterator import ArchiveIterator


def check(path):
    kinds = []
    with open(path, "rb") as stream:
        # "raise": a block or payload digest that does not match stops with an error.
        for record in ArchiveIterator(stream, check_digests="raise"):
            kind = record.rec_type
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            detail = ""
            if kind in ("response", "request") and record.http_headers is not None:
                detail = record.http_headers.protocol + " " + (record.http_headers.get_statuscode() or "")
            payload = record.content_stream().read()
            digests = [h for h in ("WARC-Block-Digest", "WARC-Payload-Digest") if record.rec_headers.get_header(h)]
            print(f"{path}: {kind:9} {uri} {detail.strip()} {len(payload)} bytes, digests checked: {', '.join(digests) or 'none'}")
            kinds.append(kind)
    if not kinds or kinds[0] != "warcinfo":
        raise SystemExit(f"{path}: the first record is not warcinfo")
    if "response" not in kinds:
        raise SystemExit(f"{path}: no response record")


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    for path in sys.argv[1:]:
        check(path)
    print("warcio read every record; all digests verified")


if __name__ == "__main__":
    main()
