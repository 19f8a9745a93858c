"""Presidio's pattern recognizers on the bench corpora (called by bench/run.mjs).

Presidio's AnalyzerEngine needs a spaCy language model, which is not on PyPI
(it downloads from GitHub) and so cannot be installed here. Its regex-and-
checksum recognizers (PatternRecognizer subclasses: credit cards with Luhn,
IBAN, SSN, e-mail, IP, crypto wallets, national IDs …) work without it; this
runs every one of them, as the analyzer would, minus NLP context enhancement.

usage: python3 bench/presidio.py DENSE REAL DRAFTS2K RUNS ITER [BYTES]
DENSE, REAL: the corpora's pieces joined by blank lines, scanned one piece at
a time, as bench/run.mjs scans them (BYTES: only the first pieces, up to BYTES
of UTF-8; Presidio is slow); DRAFTS2K: drafts separated by "\n\0\n".
prints JSON {version, recognizers, dense, dense_bytes, dense_findings, real,
real_bytes, real_findings, p50} (times in ms)
"""
import importlib.metadata
import inspect
import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")
from presidio_analyzer import PatternRecognizer  # noqa: E402
from presidio_analyzer import predefined_recognizers as pre  # noqa: E402


def recognizers():
    out = []
    for _, cls in inspect.getmembers(pre, inspect.isclass):
        if issubclass(cls, PatternRecognizer) and cls is not PatternRecognizer:
            try:
                r = cls()
            except Exception:  # needs arguments we cannot guess: leave it out
                continue
            # The analyzer's default registry for English text.
            if r.supported_language == "en":
                out.append(r)
    return out


def scan(recs, text):
    n = 0
    for r in recs:
        n += len(r.analyze(text, r.supported_entities, None))
    return n


def pieces(path, limit):
    out, size = [], 0
    for piece in open(path, encoding="utf-8").read().split("\n\n"):
        if limit is not None and size >= limit:
            break
        out.append(piece)
        size += len(piece.encode())
    return out, size


def main():
    limit = int(sys.argv[6]) if len(sys.argv) > 6 else None
    drafts = open(sys.argv[3], encoding="utf-8").read().split("\n\0\n")
    runs, iters = int(sys.argv[4]), int(sys.argv[5])
    recs = recognizers()
    try:
        version = importlib.metadata.version("presidio-analyzer")
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    res = {"version": version, "recognizers": len(recs)}
    for name, path in (("dense", sys.argv[1]), ("real", sys.argv[2])):
        chunks, size = pieces(path, limit)
        n = sum(scan(recs, c) for c in chunks)  # warm-up and the findings count
        best = float("inf")
        for _ in range(runs):
            t = time.perf_counter()
            for c in chunks:
                scan(recs, c)
            best = min(best, time.perf_counter() - t)
        res[name] = best * 1000
        res[name + "_bytes"] = size
        res[name + "_findings"] = n
    times = []
    for i in range(iters):
        t = time.perf_counter()
        scan(recs, drafts[i % len(drafts)])
        times.append(time.perf_counter() - t)
    times.sort()
    res["p50"] = times[len(times) // 2] * 1000
    print(json.dumps(res))


if __name__ == "__main__":
    main()
