#!/usr/bin/env python3
"""Where the module's time goes in V8: instructions per function of a warm pass.

Reads two callgrind profiles of bench/module-count.mjs (the same corpus, PASSES_A and PASSES_B
passes; node --predictable --no-liftoff --perf-basic-prof), names each instruction by V8's perf
map (JIT code: wasm functions by the name section, JavaScript by its source; V8's builtins) or,
outside JIT code, by callgrind's function (Node and V8 in C++), and prints the difference per
pass: what one warm pass costs, function by function.

usage: module-account.py LABEL BYTES TOP A.cg A.map PASSES_A B.cg B.map PASSES_B
"""
import bisect
import collections
import re
import sys


def profile(cg, perf_map):
    ranges = []
    for line in open(perf_map):
        addr, size, name = line.rstrip('\n').split(' ', 2)
        ranges.append((int(addr, 16), int(size, 16), name))
    ranges.sort()
    starts = [r[0] for r in ranges]
    own = collections.Counter()
    names, fn, last, skip = {}, '?', 0, False
    position = re.compile(r'^(0x[0-9a-f]+|[+-]\d+|\*)$')
    for line in open(cg):
        m = re.match(r'(c?fn)=\((\d+)\)(?: (.*))?', line)
        if m:
            kind, i, n = m.groups()
            if n:
                names[i] = n
            if kind == 'fn':
                fn = names.get(i, '?')
            continue
        if line.startswith('calls='):
            skip = True  # the next line is the call's inclusive cost, not an instruction
            continue
        p = line.split()
        if not p or not position.match(p[0]):
            continue
        a = p[0]
        addr = int(a, 16) if a.startswith('0x') else (last if a == '*' else last + int(a))
        last = addr
        if skip:
            skip = False
            continue
        if len(p) < 2:
            continue
        cost = int(p[-1])
        own['total'] += cost
        k = bisect.bisect_right(starts, addr) - 1
        if k >= 0 and addr < ranges[k][0] + ranges[k][1]:
            name = re.sub(r'-\d+-(turbofan|liftoff)$', '', ranges[k][2])
            name = re.sub(r'::h[0-9a-f]{16}$', '', name.removeprefix('JS:'))
            name = re.sub(r'file://\S*/', '', name)
            own[name] += cost
        else:
            own['(Node and V8, C++) ' + fn] += cost
    return own


def main():
    label, size, top = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    a = profile(sys.argv[4], sys.argv[5])
    b = profile(sys.argv[7], sys.argv[8])
    runs = int(sys.argv[9]) - int(sys.argv[6])
    per = {k: (b.get(k, 0) - a.get(k, 0)) / runs for k in set(a) | set(b)}
    total = per.pop('total')
    native = sum(v for k, v in per.items() if k.startswith('(Node and V8'))
    print(f'- {label}: {total:,.0f} instructions a warm pass over {size:,} bytes, '
          f'{total / size:.1f} a byte; Node and V8 in C++ {native / total * 100:.1f} %')
    print()
    print(f'| {label}: function | instructions a pass | share |')
    print('|---|---:|---:|')
    for k, v in sorted(per.items(), key=lambda kv: -kv[1])[:top]:
        print(f'| `{k[:100]}` | {v:,.0f} | {v / total * 100:.1f} % |')
    print()


main()
