"""Presidio's pattern recognizers on the bench corpora (called by bench/run.mjs).

Presidio's AnalyzerEngine needs a spaCy language model, which is not on PyPI
(it downloads from GitHub) and so cannot be installed here. Its regex-and-
checksum recognizers (PatternRecognizer subclasses: credit cards with Luhn,
IBAN, SSN, e-mail, IP, crypto wallets, national IDs …) work without it; this
runs every one of them, as the analyzer would, minus NLP context enhancement.

usage: python3 bench/presidio.py MIXED CLEAN DRAFTS2K RUNS ITER [BYTES]
(BYTES: scan only the first BYTES of each corpus; Presidio is slow)
prints JSON {mixed, clean, p50, recognizers, findings} (times in ms)
"""
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


def main():
    limit = int(sys.argv[6]) if len(sys.argv) > 6 else None
    mixed, clean = (open(p, encoding="utf-8").read()[:limit] for p in sys.argv[1:3])
    drafts = open(sys.argv[3], encoding="utf-8").read().split("\n\0\n")
    runs, iters = int(sys.argv[4]), int(sys.argv[5])
    recs = recognizers()
    res = {"recognizers": len(recs), "bytes": len(mixed.encode()), "clean_bytes": len(clean.encode())}
    for name, text in (("mixed", mixed), ("clean", clean)):
        best = float("inf")
        for _ in range(runs):
            t = time.perf_counter()
            n = scan(recs, text)
            best = min(best, time.perf_counter() - t)
        res[name] = best * 1000
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
