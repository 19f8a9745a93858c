#!/usr/bin/env python3
"""Where the time goes: a callgrind profile (run with --dump-instr=yes) split into
the engine's stages, each instruction counted once.

    python3 bench/account-time.py BINARY --run LABEL PROFILE BYTES FINDINGS TOP [--run ...]

(bench/account.sh runs it.) PROFILE: callgrind's output for BINARY scanning
BYTES bytes with FINDINGS findings; TOP: how many functions to list.

Every instruction callgrind counted is given to one stage: the stage of the
nearest enclosing function on its stack that STAGES (below) names. The stack
of an instruction is its inline chain (GNU addr2line -i on the binary's debug
info: with LTO and opt-level "z", most of the engine is inlined into a few
symbols, so callgrind's own function names alone could not tell the stages apart) followed by the inline chain at the call site in its caller, and so
on up. Callgrind keeps only caller -> callee edges (with their inclusive cost
and call site), not whole stacks, so where a function's own chain names no
stage its cost is shared among its call sites in proportion to the cost each
call site spent in it (the usual gprof assumption: a call costs the same
whichever site it comes from). What reaches a root with no stage is "other".
"""
import argparse
import os
import re
import subprocess
import sys
from collections import defaultdict

# ---------------------------------------------------------------------------
# Function name -> stage. Keep this table current when the engine changes.
# Names as GNU addr2line -C and callgrind print them; each pattern is a regex
# searched in a frame's name. For each frame of a stack, innermost first, the
# rules are tried in order; the first frame a rule matches decides. A rule with
# `within` only applies when an outer frame of the same inline chain matches that.
# ---------------------------------------------------------------------------
def rule(stage, pattern, within=None):
    return (stage, re.compile(pattern), re.compile(within) if within else None)


ALLOCATOR = [
    r'^(malloc|free|cfree|calloc|realloc|_int_malloc|_int_free|_int_realloc|malloc_consolidate|unlink_chunk)$',
    r'^(__rustc::)?(__rust_(alloc|dealloc|realloc|alloc_zeroed)|__rdl_\w+|__rg_\w+)$',
    r'^(alloc::alloc::|<alloc::alloc::Global as core::alloc::Allocator>::)',
    r'^<?alloc::raw_vec::.*(allocate|grow|reserve|shrink|handle_error)',
]
STAGES = [rule('allocation', p) for p in ALLOCATOR] + [
    rule('setup', r'^draftguard::pattern::(Custom|AnyWhole)::new'),
    rule('setup', r'^draftguard::pattern::automata::(entry|raw|parse|builtin_nfa|fnv1a|set|Set::of|Groups::inside|Words::new|Matcher::(window|starts))\b'),
    # Patterns are parsed and compiled on first use (built-in ones from the blob's text).
    rule('setup', r'^draftguard::pattern::(syntax|compile)::'),
    rule('setup', r'^draftguard::pattern::nfa::(Nfa::from_thompson|first)\b'),
    rule('setup', r'^draftguard::scan::(compiled::Compiled::(new|from_regex)|Guard::(new|with_engine)|custom::)'),
    rule('setup', r'^draftguard::scan::engine::(compiled|digit_set|Engine::(new|warm_up))\b'),
    rule('setup', r'^draftguard::scan::(prefilter::(keywords|gate_words|warm_up)|context::WordIndex::new)'),
    rule('setup', r'OnceLock<.*>::initialize|std::sync::once::Once::call|sys::sync::once::'),
    rule('setup', r'^draftguard::pattern::lazy::Dfa::(new|with_capacity)\b'),
    rule('result building', r'^draftguard::scan::normalize::Normalized::(start|end)_to_original'),
    rule('normalisation', r'^draftguard::scan::normalize::'),
    rule('allowlist', r'^draftguard::pattern::AnyWhole::matches'),
    rule('allowlist', r'HashSet<.*>::contains|hashbrown::', within=r'^draftguard::scan::Guard::score$'),
    rule('result building', r'^draftguard::(scan::Guard::finding|redact::|finding::)'),
    rule('result building', r'^draftguard::detectors::[a-z0-9_]+::preview'),
    rule('result building', r'drop_in_place<.*draftguard::finding::Finding'),
    rule('result building', r'^<?(alloc::fmt|core::fmt|alloc::string|<.* as alloc::string::ToString>)',
         within=r'^draftguard::scan::Guard::score$'),      # the reason strings
    # A whole-text pattern's scope (detectors::Scope) is part of its search (the digit skip
    # `prefilter::next_digit` that ip_address's scope calls stays in the prefilter: not inlined,
    # it is one function for both).
    rule('pattern search', r'^draftguard::detectors::[a-z0-9_]+::scope\b'),
    # seed_phrase's scope reads through two functions of its own, not inlined.
    rule('pattern search', r'^draftguard::detectors::seed_phrase::(last_break|chain_from)\b'),
    # Likewise a start filter of a pattern searched from starts (detectors::MayStart).
    rule('pattern search', r'^draftguard::detectors::[a-z0-9_]+::may_start\b'),
    rule('prefilter', r'^draftguard::scan::prefilter::'),
    rule('prefilter', r'^draftguard::pattern::automata::(Words::each|Set::matches_at)\b'),
    rule('prefilter', r'^draftguard::scan::Guard::(prefilter|plan|keywords_on|min_digits|search_all)\b'),
    rule('prefilter', r'^draftguard::scan::(engine::Engine::digit_hits|Planned::may_match)\b'),
    rule('validation', r'^draftguard::pattern::automata::Groups::first_group\b'),   # api_key's rows
    rule('captures/retries', r'^draftguard::pattern::(automata::Matcher::groups|nfa::)'),
    rule('captures/retries', r'^draftguard::scan::compiled::(Compiled|Regex)::value_span\b'),
    rule('captures/retries', r'^draftguard::pattern::Custom::value_span'),
    # The lazy DFA (`pattern::lazy`) is named by no rule: its searches belong to their callers
    # (a pattern's search, the digit set in the prefilter, the allowlist).
    rule('pattern search', r'^draftguard::pattern::automata::Matcher::find_(at|from)\b'),
    rule('pattern search', r'^draftguard::scan::compiled::(Compiled|Regex)::find_(at|in_scope)\b'),
    rule('pattern search', r'^draftguard::pattern::Custom::find_at'),
    rule('pattern search', r'^draftguard::scan::(Guard::search(_with)?|next_char|engine::(pooled|Engine::with_cache))\b'),
    rule('captures/retries', r'^draftguard::scan::(Guard::accept(_value)?|next_group)\b'),
    rule('validation', r'^draftguard::(detectors::[a-z0-9_]+::|checksum::|codec::)'),
    rule('validation', r'^draftguard::(scan::isolated|finding::Kind::validate)\b'),
    rule('context scoring', r'^draftguard::scan::(Guard::score|context::)'),
    rule('overlap resolution', r'^draftguard::scan::resolve::'),
]
# A second view of the same instructions: which engine runs them (what no rule names is "the rest").
ENGINES = [rule('allocator', p) for p in ALLOCATOR] + [
    rule('NFAs built (own parser and compiler, regex-automata\'s builder)', r'^<?regex_automata::nfa::thompson::builder::'),
    rule('NFAs built (own parser and compiler, regex-automata\'s builder)', r'^draftguard::pattern::(syntax|compile)::'),
    rule('lazy DFA (own)', r'^draftguard::pattern::lazy::'),
    rule('NFA backtracker (own)', r'^draftguard::pattern::nfa::'),
    rule('Aho-Corasick (own)', r'^draftguard::pattern::automata::Words::'),
]
ORDER = ['normalisation', 'prefilter', 'pattern search', 'captures/retries', 'validation',
         'context scoring', 'allowlist', 'overlap resolution', 'result building', 'setup',
         'allocation', 'other']
WHAT = {
    'normalisation': 'Normalized::new (full-width digits, invisible characters)',
    'prefilter': 'keyword automaton, digit clusters, windows, digit set, plan',
    'pattern search': "Guard::search: each pattern's find_at in its windows",
    'captures/retries': "accept: shorter retries, value groups' captures",
    'validation': "detectors' validate, checksums, isolation",
    'context scoring': 'Guard::score: neighbourhood, context words',
    'allowlist': 'allowlist set and patterns',
    'overlap resolution': 'resolve::non_overlapping',
    'result building': 'Guard::finding: offsets back, previews, reason strings',
    'setup': 'compiling patterns, building automata (once)',
    'allocation': 'malloc, free, realloc (from any stage)',
    'other': 'the rest (scan glue, driver)',
}
STD = re.compile(r'^/rustc/')   # the standard library's sources, as the debug info names them


USED = set()   # the rules that named a frame: the others may name functions that no longer exist


def stage_of(chain, rules=STAGES):
    """The stage of the innermost frame of `chain` that one of `rules` names, or None."""
    for i, name in enumerate(chain):
        for k, (stage, pattern, within) in enumerate(rules):
            if pattern.search(name) and (within is None or any(within.search(o) for o in chain[i + 1:])):
                USED.add((id(rules), k))
                return stage
    return None


# ---------------------------------------------------------------------------
# Callgrind's format (https://valgrind.org/docs/manual/cl-format.html), with
# positions "instr line" (--dump-instr=yes) and one event (Ir).
# ---------------------------------------------------------------------------
class Profile:
    def __init__(self, path):
        self.names = {}            # (kind, id) -> name
        self.self_cost = defaultdict(int)   # (fn, addr) -> Ir
        self.edges = defaultdict(int)       # (caller, site addr, callee) -> inclusive Ir
        self.obj_of = {}           # fn -> object file
        self.total = None
        self.parse(path)

    def name(self, kind, text):
        m = re.match(r'\((\d+)\)(?: (.*))?$', text)
        if not m:
            return text
        key = (kind, m.group(1))
        if m.group(2) is not None:
            self.names[key] = m.group(2)
        return self.names[key]

    def parse(self, path):
        positions = ['line']
        last = [0, 0]
        ob = cob = fn = cfn = None
        pending_call = False
        with open(path) as f:
            for raw in f:
                line = raw.rstrip('\n')
                if not line or line.startswith('#'):
                    continue
                c = line[0]
                if c.isdigit() or c in '+-*':
                    parts = line.split()
                    n = len(positions)
                    pos = []
                    for k in range(n):
                        p = parts[k]
                        if p == '*':
                            v = last[k]
                        elif p[0] in '+-':
                            v = last[k] + int(p, 0)
                        else:
                            v = int(p, 0)
                        pos.append(v)
                    last = pos
                    cost = int(parts[n]) if len(parts) > n else 0
                    addr = pos[0]
                    if pending_call:
                        self.edges[(fn, addr, cfn)] += cost
                        pending_call = False
                    else:
                        self.self_cost[(fn, addr)] += cost
                    continue
                key, _, value = line.partition('=')
                if key == 'ob':
                    ob = self.name('ob', value)
                elif key == 'cob':
                    cob = self.name('ob', value)
                elif key == 'fn':
                    fn = self.name('fn', value)
                    self.obj_of.setdefault(fn, ob)
                    cob = ob
                elif key == 'cfn':
                    cfn = self.name('fn', value)
                    self.obj_of.setdefault(cfn, cob)
                elif key == 'calls':
                    pending_call = True             # the next cost line is the call's inclusive cost
                elif key in ('fl', 'fi', 'fe', 'cfi', 'cfl'):
                    self.name('fl', value)
                elif key == 'jump' or key == 'jcnd':
                    raise SystemExit('account-time: run callgrind without --collect-jumps')
                elif line.startswith('positions:'):
                    positions = line.split()[1:]
                    if positions[0] != 'instr':
                        raise SystemExit('account-time: run callgrind with --dump-instr=yes')
                    last = [0] * len(positions)
                elif line.startswith('events:'):
                    if line.split()[1:] != ['Ir']:
                        raise SystemExit('account-time: expected the single event Ir')
                elif line.startswith('summary:') or line.startswith('totals:'):
                    self.total = int(line.split()[1])


def inline_chains(binary, addrs):
    """addr -> [(innermost function, its file), ..., (symbol, file)] from GNU addr2line."""
    addrs = sorted(addrs)
    if not addrs:
        return {}
    out = subprocess.run(['addr2line', '-e', binary, '-a', '-f', '-i', '-C'],
                         input=''.join(f'{a:#x}\n' for a in addrs), capture_output=True,
                         text=True, check=True).stdout.splitlines()
    chains, current = {}, None
    i = 0
    while i < len(out):
        if out[i].startswith('0x'):
            current = int(out[i], 16)
            chains[current] = []
            i += 1
        else:
            file = out[i + 1].rsplit(':', 1)[0] if i + 1 < len(out) else '??'
            chains[current].append((out[i], file))   # a function and the file its code is in
            i += 2
    return chains


def base(fn):
    """A callgrind function name without its recursion suffix ('2)."""
    return re.sub(r"'\d+$", '', fn)


def loose(name):
    """The last path segment of a function name, generics and closures dropped
    (callgrind and addr2line demangle generics differently)."""
    name = re.sub(r"'\d+$", '', name)
    while re.search(r'<[^<>]*>', name):
        name = re.sub(r'<[^<>]*>', '', name)
    name = name.replace('::{{closure}}', '')
    return name.rsplit('::', 1)[-1]


class Account:
    """One callgrind profile with each address's inline chain and the call graph."""

    def __init__(self, binary, path):
        prof = Profile(path)
        if prof.total is None or sum(prof.self_cost.values()) != prof.total:
            sys.exit(f'account-time: {path}: the instructions do not add up '
                     f'({sum(prof.self_cost.values())} counted, {prof.total} in the profile)')
        self.prof = prof
        self.total = prof.total
        real = os.path.realpath(binary)
        self.binary_fns = {fn for fn, ob in prof.obj_of.items() if ob and os.path.realpath(ob) == real}
        addrs = {a for (fn, a) in prof.self_cost if fn in self.binary_fns}
        addrs |= {a for (fn, a, _) in prof.edges if fn in self.binary_fns}
        self.chains = inline_chains(binary, addrs)
        # The debug info must describe the profiled code: each address's outermost
        # frame is the function callgrind counted it in.
        agree = sum(c for (fn, a), c in prof.self_cost.items()
                    if fn in self.binary_fns and loose(self.frames(fn, a)[-1][0]) == loose(fn))
        mine = sum(c for (fn, a), c in prof.self_cost.items() if fn in self.binary_fns)
        if mine and agree < 0.95 * mine:
            sys.exit(f'account-time: {binary} does not match {path} '
                     f'(only {100 * agree / mine:.0f} % of its instructions are where its symbols say)')
        self.self_total = defaultdict(int)
        for (fn, _), c in prof.self_cost.items():
            self.self_total[fn] += c

    def frames(self, fn, addr):
        c = self.chains.get(addr) if fn in self.binary_fns else None
        return c if c and c[0][0] != '??' else [(base(fn), '??')]

    def chain(self, fn, addr):
        return [name for name, _ in self.frames(fn, addr)]

    def attribute(self, rules):
        """Instructions per stage and per function (with their stages), under `rules`."""
        prof = self.prof
        # Each function's stage shares, from its call sites, to a fixed point.
        incoming = defaultdict(list)
        out_cost = defaultdict(int)
        for (caller, site, callee), c in prof.edges.items():
            if caller == callee:
                continue   # a recursive call's cost is in the callee's own cost already
            out_cost[caller] += c
            incoming[callee].append((caller, c, stage_of([base(callee)] + self.chain(caller, site), rules)))
        fns = set(self.self_total) | set(out_cost) | set(incoming)
        share = {fn: {'other': 1.0} for fn in fns}
        for _ in range(500):
            changed = 0.0
            for fn in fns:
                inclusive = self.self_total[fn] + out_cost[fn]
                came = sum(c for _, c, _ in incoming[fn])
                norm = max(inclusive, came)
                if norm == 0:
                    continue
                new = defaultdict(float)
                for caller, c, st in incoming[fn]:
                    if st:
                        new[st] += c / norm
                    else:
                        for s, v in share[caller].items():
                            new[s] += v * c / norm
                if came < inclusive:   # cost with no recorded caller: a root
                    new['other'] += (inclusive - came) / norm
                old = share[fn]
                changed = max(changed, max(abs(new.get(s, 0) - old.get(s, 0)) for s in set(new) | set(old)))
                share[fn] = dict(new)
            if changed < 1e-12:
                break
        stages = defaultdict(float)
        by_function = defaultdict(lambda: defaultdict(float))
        for (fn, addr), c in prof.self_cost.items():
            fr = self.frames(fn, addr)
            st = stage_of([name for name, _ in fr], rules)
            named = next((name for name, file in fr if not STD.match(file)), fr[-1][0])
            for s, v in ({st: 1.0} if st else share[fn]).items():
                stages[s] += c * v
                by_function[named][s] += c * v
        attributed = sum(stages.values())
        if abs(attributed - self.total) > max(1.0, self.total * 1e-9):
            sys.exit(f'account-time: the stages hold {attributed:.0f} of {self.total} instructions')
        return stages, by_function


def percent(part, whole):
    return f'{100 * part / whole:.1f} %' if whole else '–'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('binary', help='the profiled program, with debug info')
    ap.add_argument('--run', nargs=5, action='append', required=True,
                    metavar=('LABEL', 'PROFILE', 'BYTES', 'FINDINGS', 'TOP'),
                    help='a callgrind profile of scanning BYTES with FINDINGS findings; TOP functions listed')
    a = ap.parse_args()
    runs = []
    without_allocation = [r for r in STAGES if r[0] != 'allocation']
    for label, path, nbytes, findings, top in a.run:
        acc = Account(a.binary, path)
        stages, by_function = acc.attribute(STAGES)
        callers, _ = acc.attribute(without_allocation)   # where the allocator was called from
        engines, _ = acc.attribute(ENGINES)
        runs.append(dict(label=label, total=acc.total, bytes=int(nbytes), findings=int(findings),
                         top=int(top), stages=stages, by_function=by_function, engines=engines,
                         alloc_from={s: callers[s] - stages.get(s, 0.0) for s in callers}))

    def unit(r, v):
        return f'{v / r["findings"]:,.0f}' if r['findings'] else f'{v * 1024 / r["bytes"]:,.0f}'

    for r in runs:
        per = f', {r["total"] / r["findings"]:,.0f} per finding' if r['findings'] else ''
        print(f'- {r["label"]}: {r["total"]:,} instructions for {r["bytes"]:,} bytes and '
              f'{r["findings"]:,} findings: {r["total"] / r["bytes"]:,.0f} per byte{per}')
    print()
    head = ['stage', 'what']
    for r in runs:
        head += [f'{r["label"]}, per {"finding" if r["findings"] else "KB"}', 'share']
    print('| ' + ' | '.join(head) + ' |')
    print('|---|---|' + '---:|---:|' * len(runs))
    for s in ORDER:
        row = [s, WHAT[s]]
        for r in runs:
            v = r['stages'].get(s, 0.0)
            row += [unit(r, v), percent(v, r['total'])]
        print('| ' + ' | '.join(row) + ' |')
    row = ['**total**', '']
    for r in runs:
        row += [f'**{unit(r, r["total"])}**', '100 %']
    print('| ' + ' | '.join(row) + ' |')
    print()
    for r in runs:
        alloc = r['stages'].get('allocation', 0.0)
        if alloc:
            parts = ', '.join(f'{s} {percent(v, alloc)}' for s, v in
                              sorted(r['alloc_from'].items(), key=lambda kv: -kv[1]) if v / alloc >= 0.005)
            print(f'- {r["label"]}: malloc/free/realloc were called from {parts}.')
    for r in runs:
        parts = ', '.join(f'{"the rest" if e == "other" else e} {percent(v, r["total"])}' for e, v in
                          sorted(r['engines'].items(), key=lambda kv: (kv[0] == 'other', -kv[1]))
                          if v / r['total'] >= 0.005)
        print(f'- {r["label"]}: by engine: {parts}.')
    unused = [f'`{pattern.pattern}` ({stage})' for k, (stage, pattern, _) in enumerate(STAGES)
              if (id(STAGES), k) not in USED]
    if unused:
        print(f'- STAGES rules that named no frame here (not exercised, or the function was renamed): '
              f'{", ".join(unused)}.')
    for r in runs:
        if not r['top']:
            continue
        print()
        print(f'{r["label"]}: the top {r["top"]} functions by own instructions (code inlined into '
              'a function is counted in the innermost function outside the standard library):')
        print()
        print('| function | instructions | share | spent in |')
        print('|---|---:|---:|---|')
        top = sorted(r['by_function'].items(), key=lambda kv: -sum(kv[1].values()))[:r['top']]
        for name, st in top:
            v = sum(st.values())
            parts = ', '.join(f'{s} {100 * x / v:.0f} %' for s, x in sorted(st.items(), key=lambda kv: -kv[1])
                              if x / v >= 0.01)
            short = name if len(name) <= 100 else name[:97] + '...'
            print(f'| `{short}` | {v:,.0f} | {percent(v, r["total"])} | {parts} |')


if __name__ == '__main__':
    main()
