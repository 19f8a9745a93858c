#!/usr/bin/env python3
"""Where the bytes go: the shipped .wasm by crate, by module, by function, and
its data section by symbol. Every byte of the file is counted once.

    python3 bench/account-bytes.py SHIPPED RAW MAP [--twiggy CSV] [--top 25] [--data-top 25]

(bench/account.sh runs it.) SHIPPED is pkg/draftguard_bg.wasm as scripts/build.sh
makes it; RAW the linker's output of the same build, MAP the linker's map of RAW
(-C link-arg=--Map=MAP). bench/account.sh checks that wasm-bindgen turns RAW
into SHIPPED byte for byte, so the map describes the shipped module. (An
unstripped build is not the same module: without --strip-all, wasm-ld keeps two
more functions and lays the data out differently.)

- Names: the map names each of RAW's functions; SHIPPED's functions are found in
  RAW by what their code does (wasm-bindgen drops functions, renumbers, orders
  by size, regroups locals and rewrites a few: those are "wasm-bindgen (generated)").
- Crates: a function belongs to the first crate its name mentions that is not the
  standard library's (`<regex_automata::X as core::Y>::f` to regex_automata,
  `core::ptr::drop_in_place<regex_syntax::Z>` to regex_syntax); otherwise to the
  crate whose object it was linked from (the release build is not LTO'd across
  crates: each dependency's rlib brings its own code, its monomorphisations of
  `Vec<T>::push` and the like included); standard library code compiled in the
  crate's own object goes with its nearest dominator in the call graph (the
  function every call to it passes through). The standard library's own code
  (v0-mangled, `core[…]::fmt::…`) is the standard library's, by module.
- Data: the map lists every input section (one per static or constant) with its
  address, size and object. Dependencies' data belongs to them; the crate's own
  is mostly anonymous (`.Lanon.<hash>.N`) and belongs to the code that refers to
  it: functions whose code holds its address (an i32.const or a load/store
  offset), or data holding a pointer to it (a table of strings, the detector
  registry), followed back to functions. The linker's merged constants are cut
  at every address something refers to.
- gzip: each part is compressed alone (zlib level 9) and the parts are scaled to
  add up to the module's gzip -9 size: an estimate of each part's share, not what
  removing it would save exactly.
"""
import argparse
import bisect
import csv
import hashlib
import re
import subprocess
import sys
import zlib
from collections import defaultdict

# Crates of the standard library (the "std" group).
STD_CRATES = {'core', 'alloc', 'std', '__rustc', 'hashbrown', 'dlmalloc', 'compiler_builtins', 'panic_abort',
              'rustc_std_workspace_core', 'std_detect', 'unwind', 'adler2', 'miniz_oxide', 'gimli',
              'addr2line', 'object', 'rustc_demangle'}
# Groups broken down by module in the second table.
BY_MODULE = {'draftguard', 'std'}


# ---------------------------------------------------------------------------
# The WebAssembly binary format, as far as needed here.
# ---------------------------------------------------------------------------
def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7f) << s
        s += 7
        if x < 0x80:
            return r, i


def sleb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7f) << s
        s += 7
        if x < 0x80:
            if x & 0x40:
                r -= 1 << s
            return r, i


def name_at(b, i):
    n, i = leb(b, i)
    return b[i:i + n].decode('utf-8', 'replace'), i + n


VALTYPES = {0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f}


def instructions(b, i, end):
    """Yields (opcode, immediate of interest or None, position) for the code in b[i:end]."""
    while i < end:
        op = b[i]
        at = i
        i += 1
        imm = None
        if op in (0x02, 0x03, 0x04, 0x06):           # block, loop, if, try: a block type
            if b[i] == 0x40 or b[i] in VALTYPES:
                i += 1
            else:
                _, i = sleb(b, i)
        elif op in (0x07, 0x08, 0x09, 0x0c, 0x0d, 0x18, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26,
                    0x14, 0x15):
            _, i = leb(b, i)
        elif op == 0x0e:                              # br_table
            n, i = leb(b, i)
            for _ in range(n + 1):
                _, i = leb(b, i)
        elif op in (0x10, 0x12, 0xd2):                # call, return_call, ref.func
            imm, i = leb(b, i)
        elif op in (0x11, 0x13):                      # call_indirect
            _, i = leb(b, i)
            _, i = leb(b, i)
        elif op == 0x1c:                              # select with types
            n, i = leb(b, i)
            i += n
        elif 0x28 <= op <= 0x3e:                      # loads and stores: align, offset
            align, i = leb(b, i)
            if align & 0x40:
                _, i = leb(b, i)
            imm, i = leb(b, i)
        elif op in (0x3f, 0x40):
            _, i = leb(b, i)
        elif op == 0x41:
            v, i = sleb(b, i)
            imm = v & 0xffffffff
        elif op == 0x42:
            _, i = sleb(b, i)
        elif op == 0x43:
            i += 4
        elif op == 0x44:
            i += 8
        elif op == 0xd0:
            _, i = sleb(b, i)
        elif op == 0xfc:
            sub, i = leb(b, i)
            if sub in (8, 10, 12, 14):
                _, i = leb(b, i)
                _, i = leb(b, i)
            elif sub in (9, 11, 13, 15, 16, 17):
                _, i = leb(b, i)
            elif sub > 17:
                raise SystemExit(f'account-bytes: unknown instruction 0xfc {sub} at {at:#x}')
        elif op in (0x00, 0x01, 0x05, 0x0a, 0x0b, 0x0f, 0x19, 0x1a, 0x1b, 0xd1) or 0x45 <= op <= 0xc4:
            pass
        else:
            raise SystemExit(f'account-bytes: unknown instruction {op:#x} at {at:#x}')
        yield op, imm, at


def const_expr(b, i):
    """The value of a constant expression (i32.const N / ref.func F / global.get) and where it ends."""
    value = None
    for op, imm, at in instructions(b, i, len(b)):
        if op == 0x0b:
            return value, at + 1
        if op in (0x41, 0xd2):
            value = imm


class Module:
    def __init__(self, path):
        self.path = path
        self.bytes = b = open(path, 'rb').read()
        if b[:4] != b'\0asm':
            raise SystemExit(f'account-bytes: {path} is not a WebAssembly module')
        self.sections = []            # (label, start, end): the whole section with its header
        self.imported = 0             # imported functions come first in the function index space
        self.bodies = []              # (start, end) of each defined function's body with its size
        self.segments = []            # (address, payload start, payload end, header start)
        self.names = {}
        self.roots = set()            # exported, start and table functions
        self.code = self.data = None
        i = 8
        while i < len(b):
            sid = b[i]
            size, j = leb(b, i + 1)
            end = j + size
            label = {1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global',
                     7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'data count',
                     13: 'tag'}.get(sid, f'section {sid}')
            if sid == 0:
                cname, k = name_at(b, j)
                label = f'custom section "{cname}"'
                if cname == 'name':
                    self.read_names(k, end)
            elif sid == 2:
                self.read_imports(j)
            elif sid == 7:
                n, k = leb(b, j)
                for _ in range(n):
                    _, k = name_at(b, k)
                    kind = b[k]
                    idx, k = leb(b, k + 1)
                    if kind == 0:
                        self.roots.add(idx)
            elif sid == 8:
                self.roots.add(leb(b, j)[0])
            elif sid == 9:
                self.read_elements(j)
            elif sid == 10:
                self.code = (i, end)
                n, k = leb(b, j)
                for _ in range(n):
                    s, k2 = leb(b, k)
                    self.bodies.append((k, k2 + s))
                    k = k2 + s
            elif sid == 11:
                self.data = (i, end)
                n, k = leb(b, j)
                for _ in range(n):
                    head = k
                    flag, k = leb(b, k)
                    addr = None
                    if flag == 2:
                        _, k = leb(b, k)
                    if flag in (0, 2):
                        addr, k = const_expr(b, k)
                    s, k = leb(b, k)
                    self.segments.append((addr, k, k + s, head))
                    k += s
            self.sections.append((label, i, end))
            i = end

    def read_imports(self, j):
        b = self.bytes
        n, k = leb(b, j)
        for _ in range(n):
            _, k = name_at(b, k)
            _, k = name_at(b, k)
            kind = b[k]
            k += 1
            if kind == 0:
                self.imported += 1
                _, k = leb(b, k)
            elif kind == 1:
                k += 1
                flags, k = leb(b, k)
                _, k = leb(b, k)
                if flags & 1:
                    _, k = leb(b, k)
            elif kind == 2:
                flags, k = leb(b, k)
                _, k = leb(b, k)
                if flags & 1:
                    _, k = leb(b, k)
            elif kind == 3:
                k += 2
            elif kind == 4:
                k += 1
                _, k = leb(b, k)

    def read_elements(self, j):
        b = self.bytes
        n, k = leb(b, j)
        for _ in range(n):
            flag, k = leb(b, k)
            if flag in (2, 6):
                _, k = leb(b, k)
            if flag in (0, 2, 4, 6):
                _, k = const_expr(b, k)
            if flag in (1, 2, 3, 5, 6, 7):
                k += 1                                 # element kind or reference type
            count, k = leb(b, k)
            for _ in range(count):
                if flag < 4:
                    f, k = leb(b, k)
                else:
                    f, k = const_expr(b, k)
                if f is not None:
                    self.roots.add(f)

    def read_names(self, i, end):
        b = self.bytes
        while i < end:
            sub = b[i]
            size, j = leb(b, i + 1)
            if sub == 1:
                n, k = leb(b, j)
                for _ in range(n):
                    idx, k = leb(b, k)
                    self.names[idx], k = name_at(b, k)
            i = j + size

    def function_bytes(self, index):
        s, e = self.bodies[index - self.imported]
        return self.bytes[s:e]



# ---------------------------------------------------------------------------
# Names -> crates.
# ---------------------------------------------------------------------------
CRATE = re.compile(r'(?:^|[<\s,&(*\[;])([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::')


def clean(name):
    """A function name without hashes, crate disambiguators and wasm-bindgen's suffixes."""
    name = re.sub(r'::h[0-9a-f]{16}', '', name)
    name = re.sub(r'\[[0-9a-f]{16}\]', '', name)
    return name.replace(' externref shim', '')


def crates_in(name):
    return [m.group(1) for m in CRATE.finditer(name)]


PRIMITIVE = {'str': 'core::str', 'char': 'core::char', 'bool': 'core::bool'}


def std_module(name):
    """core::fmt, alloc::vec, ... for a standard library function: its own path, or for
    a method of `<Self as Trait>` the path of Self, or of the trait if Self is generic."""
    n = clean(name)
    candidates = [n]
    if n.startswith('<'):
        depth, cut = 0, None
        for i, ch in enumerate(n):
            depth += {'<': 1, '>': -1}.get(ch, 0)
            if depth == 1 and n.startswith(' as ', i):
                cut = i
            if depth == 0:
                candidates = [n[1:cut], n[cut + 4:i]] if cut else [n[1:i]]
                break
    for path in candidates:
        path = path.lstrip('<&*').replace('mut ', '').replace('dyn ', '')
        m = re.match(r'([a-z_][a-z0-9_]*)::([a-z_][a-z0-9_]*)', path)
        if m and m.group(1) in STD_CRATES:
            return m.group(1) if m.group(1).startswith('__') or m.group(1) in ('dlmalloc', 'compiler_builtins') \
                else f'{m.group(1)}::{m.group(2)}'
        first = re.match(r'\[|[a-z0-9_]+', path)
        if first and first.group(0) == '[':
            return 'core::slice'
        if first and first.group(0) in PRIMITIVE:
            return PRIMITIVE[first.group(0)]
        if first and re.fullmatch(r'[iuf](8|16|32|64|128|size)', first.group(0)):
            return 'core::num'
    return 'std (other)'


def module_of(name, crate):
    """The module a function of `crate` counts under in the by-module table."""
    if crate == 'std':
        return std_module(name)
    m = re.search(r'draftguard::([a-z_][a-z0-9_]*)', clean(name))
    return f'draftguard::{m.group(1)}' if m else 'draftguard'


def dominators(n, roots, edges):
    """Immediate dominators (Cooper, Harvey, Kennedy) of nodes 0..n-1 under a virtual root n."""
    root = n
    succ = defaultdict(set)
    for f in roots:
        succ[root].add(f)
    for a, bs in edges.items():
        succ[a] |= bs
    order, seen, stack = [], {root}, [(root, iter(sorted(succ[root])))]
    while stack:
        node, it = stack[-1]
        nxt = next(it, None)
        if nxt is None:
            order.append(node)
            stack.pop()
        elif nxt not in seen:
            seen.add(nxt)
            stack.append((nxt, iter(sorted(succ[nxt]))))
    rpo = list(reversed(order))
    index = {v: i for i, v in enumerate(rpo)}
    preds = defaultdict(list)
    for a in rpo:
        for c in succ[a]:
            if c in index:
                preds[c].append(a)
    idom = {root: root}

    def intersect(x, y):
        while x != y:
            while index[x] > index[y]:
                x = idom[x]
            while index[y] > index[x]:
                y = idom[y]
        return x

    changed = True
    while changed:
        changed = False
        for v in rpo[1:]:
            ps = [p for p in preds[v] if p in idom]
            if not ps:
                continue
            new = ps[0]
            for p in ps[1:]:
                new = intersect(p, new)
            if idom.get(v) != new:
                idom[v] = new
                changed = True
    return idom, root


# ---------------------------------------------------------------------------
# The link map: data input sections.
# ---------------------------------------------------------------------------
def read_map(path):
    """The wasm-ld map: [(offset, size, symbol, object)] of the code section's functions
    and [(address, size, symbol, object)] of the data input sections, each by position."""
    code, data, section = [], [], None
    row = re.compile(r'\s*([0-9a-f]+|-)\s+([0-9a-f]+)\s+([0-9a-f]+) ')
    for line in open(path, encoding='utf-8', errors='replace'):
        line = line.rstrip('\n')
        m = row.match(line)
        if not m:
            continue
        rest = line[m.end():]
        depth = len(rest) - len(rest.lstrip(' '))
        rest = rest.strip()
        if depth == 0:
            if not rest.startswith('.'):
                section = rest                           # an output section; .rodata etc. are segments
            continue
        if depth != 8 or section not in ('CODE', 'DATA'):
            continue
        obj, _, inner = rest.partition(':(')
        symbol = inner[:-1] if inner else rest
        obj = obj.rsplit('/', 1)[-1]
        size = int(m.group(3), 16)
        if section == 'CODE':
            code.append((int(m.group(2), 16), size, symbol, obj))
        elif m.group(1) != '-':
            symbol = re.sub(r'^\.(rodata|data|bss|tdata)\.', '', symbol)
            data.append((int(m.group(1), 16), size, symbol, obj))
    code.sort()
    data.sort()
    return code, data


def demangle(symbols):
    out = subprocess.run(['c++filt'], input='\n'.join(symbols) + '\n', capture_output=True,
                         text=True, check=True).stdout.splitlines()
    return dict(zip(symbols, out))


def preview(data):
    text = data.decode('utf-8', 'replace')
    printable = sum(ch.isprintable() or ch in '\n\t' for ch in text)
    if len(text) and printable / len(text) > 0.9:
        text = re.sub(r'\s+', ' ', text).strip()
        # What is not printable (a table's bytes among text) as ·: the README stays text.
        text = ''.join(ch if ch.isprintable() and ch != '\ufffd' else '·' for ch in text)
        return '"' + (text[:60] + '…' if len(text) > 60 else text) + '"'
    return f'{len(data)} bytes of binary'


def gz(data):
    return len(zlib.compress(data, 9))


def body_start(mod, k):
    """Where the instructions of defined function k start (after its size and locals)."""
    b = mod.bytes
    s, _ = mod.bodies[k]
    _, i = leb(b, s)
    groups, i = leb(b, i)
    for _ in range(groups):
        _, i = leb(b, i)
        i += 1
    return i


def signature(mod, k):
    """What a function body does, without what a link or wasm-bindgen renumbers or
    re-encodes (call targets, i32.const values: table slots; locals; LEB widths)."""
    b = mod.bytes
    s, e = mod.bodies[k]
    _, i = leb(b, s)
    groups, i = leb(b, i)
    local_types = defaultdict(int)             # how many locals of each type (wasm-bindgen regroups them)
    for _ in range(groups):
        n, i = leb(b, i)
        local_types[b[i]] += n
        i += 1
    h = hashlib.sha1(repr(sorted(local_types.items())).encode())
    for op, imm, _ in instructions(b, body_start(mod, k), e):
        h.update(bytes([op]))
        if imm is not None and op not in (0x10, 0x12, 0xd2, 0x41):
            h.update(str(imm).encode())
    return h.digest()


def match_functions(ship, raw):
    """Shipped function index -> raw function index, by what the code does: wasm-bindgen
    drops functions, reorders the rest by size and rewrites a few; None: no match."""
    pending = defaultdict(list)
    for k in range(len(raw.bodies)):
        pending[signature(raw, k)].append(raw.imported + k)
    match = {}
    for k in range(len(ship.bodies)):
        sig = signature(ship, k)
        match[ship.imported + k] = pending[sig].pop(0) if pending[sig] else None
    return match


def object_crate(obj):
    """The crate an input object of the link belongs to (`libregex_syntax-….rlib(…)` ->
    regex_syntax); None for the crate's own object and the linker's."""
    m = re.match(r'lib([a-z_0-9]+)-[0-9a-f]+\.rlib', obj)
    if not m:
        return None
    return 'std' if m.group(1) in STD_CRATES else m.group(1)


def shared(crate, modules):
    """The name of a part several modules (or crates) share: who shares it."""
    names = sorted({m.removeprefix('draftguard::') for m in modules if 'shared' not in m})
    shown = ', '.join(names[:4]) + (f' +{len(names) - 4}' if len(names) > 4 else '')
    return f'{crate} (shared by {shown})' if crate in BY_MODULE else f'shared by {shown}'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('shipped', help='pkg/draftguard_bg.wasm')
    ap.add_argument('raw', help="the linker's output the shipped module was made from")
    ap.add_argument('map', help="the linker's map of RAW (-C link-arg=--Map=MAP)")
    ap.add_argument('--top', type=int, default=25)
    ap.add_argument('--data-top', type=int, default=25)
    ap.add_argument('--twiggy', metavar='CSV', help='`twiggy top -f csv` of SHIPPED, to check the sizes against')
    a = ap.parse_args()
    ship, raw = Module(a.shipped), Module(a.raw)
    if ship.bytes[ship.data[0]:ship.data[1]] != raw.bytes[raw.data[0]:raw.data[1]]:
        sys.exit(f'account-bytes: the data sections of {a.shipped} and {a.raw} differ')
    total = len(ship.bytes)
    total_gz = int(subprocess.run(['sh', '-c', 'gzip -9 -c "$0" | wc -c', a.shipped],
                                  capture_output=True, text=True, check=True).stdout)

    # The raw module's functions: names and objects from the map.
    code_map, rows = read_map(a.map)
    if len(code_map) != len(raw.bodies):
        sys.exit(f'account-bytes: the map lists {len(code_map)} functions, {a.raw} has {len(raw.bodies)}')
    delta = raw.bodies[0][0] - code_map[0][0]
    for (off, size, _, _), (s, e) in zip(code_map, raw.bodies):
        if off + delta != s or e - s != size:
            sys.exit(f'account-bytes: the map does not describe {a.raw} (function at {s:#x})')
    pretty = demangle(sorted({sym for _, _, sym, _ in code_map} | {r[2] for r in rows}))
    n_raw = raw.imported + len(raw.bodies)
    fname = {raw.imported + k: clean(pretty.get(sym, sym)) for k, (_, _, sym, _) in enumerate(code_map)}
    for f in range(raw.imported):
        fname[f] = clean(raw.names.get(f, f'import[{f}]'))

    # Calls (for dominators) and the data addresses each function's code holds.
    edges = defaultdict(set)
    addr_refs = defaultdict(set)
    for k, (_, e) in enumerate(raw.bodies):
        f = raw.imported + k
        for op, imm, _ in instructions(raw.bytes, body_start(raw, k), e):
            if imm is None:
                continue
            if op in (0x10, 0x12, 0xd2):
                edges[f].add(imm)
            else:
                addr_refs[imm].add(f)
    idom, root = dominators(n_raw, raw.roots, edges)

    # Each raw function's crate: named in it, else its object's, else (standard library
    # code compiled into the crate's own object) its nearest dominator's.
    own = {}
    for k, (_, _, sym, obj) in enumerate(code_map):
        f = raw.imported + k
        named = [c for c in crates_in(fname[f]) if c not in STD_CRATES]
        if named:
            own[f] = named[0]
        elif object_crate(obj):
            own[f] = object_crate(obj)
        elif sym.startswith('_R'):
            own[f] = 'std'                       # the standard library's own (v0-mangled) code
        elif sym.startswith('_ZN'):
            own[f] = None
        else:
            own[f] = 'draftguard'                # #[no_mangle]: the crate's exports
    # Each raw function's (crate, module): draftguard's and the standard library's by
    # module; code named by neither (monomorphised library code) goes with its dominator.
    home = {}
    for f, c in own.items():
        if c is None:
            continue
        m = module_of(fname[f], c) if c in BY_MODULE else c
        if m != 'draftguard':
            home[f] = (c, m)
    for f, c in own.items():
        if f in home:
            continue
        d = f
        while d not in home and d in idom and idom[d] != root:
            d = idom[d]
        if d in home and (c is None or home[d][0] == c):
            home[f] = home[d]
        else:
            c = c or 'draftguard'
            home[f] = (c, f'{c} (shared by modules)' if c in BY_MODULE else c)
    crate = {f: h[0] for f, h in home.items()}
    match = match_functions(ship, raw)

    # Data: input sections from the map; the crate's own and the linker's are split
    # by the functions that refer to them.
    lo = min(s[0] for s in raw.segments if s[0] is not None)
    hi = max(s[0] + s[2] - s[1] for s in raw.segments if s[0] is not None)

    def content(addr, size):
        for base, ps, pe, _ in raw.segments:
            if base is not None and base <= addr and addr + size <= base + (pe - ps):
                return raw.bytes[ps + addr - base: ps + addr - base + size]
        return b''
    pointers = set(addr_refs)                    # every address code or data holds
    for addr, size, _, _ in rows:
        d = content(addr, size)
        for off in range((-addr) % 4, len(d) - 3, 4):
            pointers.add(int.from_bytes(d[off:off + 4], 'little'))
    pieces = []                                  # (address, size, symbol, object)
    for addr, size, sym, obj in rows:
        if obj != '<internal>':
            pieces.append((addr, size, sym, obj))
            continue
        # The linker's merged constants: a piece from each address code or data refers to.
        cuts = sorted({v for v in pointers if addr <= v < addr + size} | {addr})
        for c0, c1 in zip(cuts, cuts[1:] + [addr + size]):
            pieces.append((c0, c1 - c0, '<merged constants>', obj))
    starts = [p[0] for p in pieces]

    def piece_at(v):
        k = bisect.bisect_right(starts, v) - 1
        return k if k >= 0 and pieces[k][0] <= v < pieces[k][0] + pieces[k][1] else None
    # References to each piece: (exact: to its first byte, code or data, who). An
    # integer that merely falls inside a piece (a table of numbers, a constant like
    # 0x10FFFF) looks like a pointer into it; where the piece has references to its
    # first byte, only those count.
    refs = defaultdict(set)
    for v, fs in addr_refs.items():
        if lo <= v < hi and (k := piece_at(v)) is not None:
            refs[k] |= {(v == pieces[k][0], 'code', f) for f in fs}
    for k, (addr, size, _, _) in enumerate(pieces):
        d = content(addr, size)
        for off in range((-addr) % 4, len(d) - 3, 4):
            v = int.from_bytes(d[off:off + 4], 'little')
            if lo <= v < hi and (t := piece_at(v)) is not None and t != k:
                refs[t].add((v == pieces[t][0], 'data', k))
    code_refs, data_refs = defaultdict(set), defaultdict(set)
    for k, rs in refs.items():
        exact = {r for r in rs if r[0]}
        for _, kind, who in (exact or rs):
            (code_refs if kind == 'code' else data_refs)[k].add(who)

    def referrers(k):
        """The functions that refer to piece k, directly or through data."""
        seen, todo, fs = {k}, [k], set()
        while todo:
            j = todo.pop()
            fs |= code_refs.get(j, set())
            for r in data_refs.get(j, ()):
                if r not in seen:
                    seen.add(r)
                    todo.append(r)
        return fs

    data_key, data_detail = {}, []
    for k, (addr, size, sym, obj) in enumerate(pieces):
        fs = referrers(k)
        name = clean(pretty.get(sym, sym))
        oc = object_crate(obj)
        keys = {home[f] for f in fs}
        if oc and oc != 'std':
            key = (oc, oc)
        elif oc == 'std' and crates_in(name):
            key = ('std', std_module(name))
        elif len(keys) == 1:
            key = next(iter(keys))
        elif keys and len({c for c, _ in keys}) == 1:
            c = next(iter(keys))[0]
            key = (c, shared(c, [m for _, m in keys])) if c in BY_MODULE else (c, c)
        elif keys:
            key = ('shared by crates', shared('shared by crates', [c for c, _ in keys]))
        elif oc == 'std':
            key = ('std', 'std (data)')
        else:
            key = ('(no reference found)', '(no reference found)')
        data_key[k] = key
        data_detail.append((size, k, key, name if sym.startswith(('_Z', '_R')) else None, fs))

    # The shipped module, part by part.
    parts = defaultdict(list)
    raw_size = defaultdict(lambda: [0, 0, 0])    # key -> [code, data, other]
    func_rows = []
    for k, (s, e) in enumerate(ship.bodies):
        f = match[ship.imported + k]
        key = home[f] if f is not None else \
            ('wasm-bindgen (generated)', 'wasm-bindgen (generated)')
        parts[key].append(ship.bytes[s:e])
        raw_size[key][0] += e - s
        func_rows.append((e - s, ship.imported + k))
    covered = 0
    for k, (addr, size, _, _) in enumerate(pieces):
        d = content(addr, size)
        parts[data_key[k]].append(d)
        raw_size[data_key[k]][1] += len(d)
        covered += len(d)
    payload = sum(pe - ps for _, ps, pe, _ in ship.segments)
    for label, s, e in ship.sections:
        if label == 'code':
            used = sum(e2 - s2 for s2, e2 in ship.bodies)
            pieces_of = {'code section header': (ship.bytes[s:ship.bodies[0][0]], (e - s) - used)}
        elif label == 'data':
            pieces_of = {'data section: segment headers': (ship.bytes[s:ship.segments[0][1]], (e - s) - payload),
                         'data section: between symbols (alignment)': (b'\0' * (payload - covered), payload - covered)}
        else:
            pieces_of = {label: (ship.bytes[s:e], e - s)}
        for what, (data, n) in pieces_of.items():
            parts[('module structure', what)].append(data)
            raw_size[('module structure', what)][2] += n
    parts[('module structure', 'magic and version')].append(ship.bytes[:8])
    raw_size[('module structure', 'magic and version')][2] += 8
    accounted = sum(sum(v) for v in raw_size.values())
    if accounted != total:
        sys.exit(f'account-bytes: {accounted:,} bytes accounted for, the module has {total:,}')

    # Where the standard library's modules are entered from, outside it.
    entered = defaultdict(lambda: defaultdict(int))
    for g, callees in edges.items():
        if g in home and home[g][0] != 'std':
            for f in callees:
                if f in home and home[f][0] == 'std':
                    entered[home[f]][home[g][1]] += 1

    agree = ''
    if a.twiggy:
        # twiggy's items add up to the file, and each unnamed function it lists
        # (code[i], i its position in the code section) is its body and size plus 1.
        items = list(csv.DictReader(open(a.twiggy)))
        if sum(int(r['ShallowSize']) for r in items) != total:
            sys.exit('account-bytes: twiggy does not add up to the module')
        code_items = [(int(r['Name'][5:-1]), int(r['ShallowSize'])) for r in items
                      if re.fullmatch(r'code\[\d+\]', r['Name'])]
        wrong = [i for i, n in code_items if n != ship.bodies[i][1] - ship.bodies[i][0] + 1]
        if wrong:
            sys.exit(f'account-bytes: twiggy sees other sizes for {len(wrong)} functions (code[{wrong[0]}], ...)')
        agree = f'; twiggy agrees (its items add up to the file, its {len(code_items):,} unnamed functions have these sizes)'

    raw_gz = {key: gz(b''.join(bs)) for key, bs in parts.items()}
    scale = total_gz / sum(raw_gz.values())
    est = {key: v * scale for key, v in raw_gz.items()}
    unmatched = [f for f in range(ship.imported, ship.imported + len(ship.bodies)) if match[f] is None]

    print(f'- shipped module: {total:,} bytes, {total_gz:,} bytes gzip -9; code section '
          f'{ship.code[1] - ship.code[0]:,} bytes ({len(ship.bodies):,} functions), data section '
          f'{ship.data[1] - ship.data[0]:,} bytes ({len(rows):,} symbols in the link map){agree}')
    print(f'- names: the link map of the same build; {len(ship.bodies) - len(unmatched):,} functions found in it '
          f'by their code, {len(unmatched)} made or rewritten by wasm-bindgen '
          f'({sum(ship.bodies[f - ship.imported][1] - ship.bodies[f - ship.imported][0] for f in unmatched):,} bytes)')
    print(f'- gzip: each part compressed alone (zlib -9), scaled by {scale:.2f} so the parts add up to the module')
    print()
    by_crate = defaultdict(lambda: [0, 0, 0, 0.0])
    for key, (c, d, o) in raw_size.items():
        g = by_crate[key[0]]
        g[0] += c
        g[1] += d
        g[2] += o
        g[3] += est.get(key, 0.0)
    print('| crate | code B | data B | other B | total B | gzip B (est.) | gzip share |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    for name, (c, d, o, z) in sorted(by_crate.items(), key=lambda kv: -kv[1][3]):
        print(f'| {name} | {c:,} | {d:,} | {o:,} | {c + d + o:,} | {z:,.0f} | {100 * z / total_gz:.1f} % |')
    t = [sum(g[i] for g in by_crate.values()) for i in range(4)]
    print(f'| **total** | **{t[0]:,}** | **{t[1]:,}** | **{t[2]:,}** | **{t[0] + t[1] + t[2]:,}** | '
          f'**{t[3]:,.0f}** | 100 % |')
    print()
    print('By module: draftguard, the standard library, the module structure ("calls into it from": direct '
          'calls from outside the standard library, by module; calls through function pointers, such as '
          '`{}` formatting, are not seen):')
    print()
    print('| crate | module | code B | data B | other B | gzip B (est.) | gzip share | calls into it from |')
    print('|---|---|---:|---:|---:|---:|---:|---|')
    for c in ('draftguard', 'std', 'module structure'):
        keys = sorted((k for k in raw_size if k[0] == c), key=lambda k: -est.get(k, 0.0))
        shown = [k for k in keys if est.get(k, 0.0) >= 0.001 * total_gz]
        rest = [k for k in keys if k not in shown]
        for k in shown:
            cs, ds, os_ = raw_size[k]
            callers = sorted(entered.get(k, {}).items(), key=lambda kv: (-kv[1], kv[0]))
            came = ', '.join(f'{n} {c}' for n, c in callers[:3]) + \
                (f', {len(callers) - 3} more' if len(callers) > 3 else '')
            print(f'| {c} | {k[1]} | {cs:,} | {ds:,} | {os_:,} | {est[k]:,.0f} | {100 * est[k] / total_gz:.1f} % '
                  f'| {came} |')
        if rest:
            cs, ds, os_ = (sum(raw_size[k][i] for k in rest) for i in range(3))
            z = sum(est.get(k, 0.0) for k in rest)
            print(f'| {c} | {len(rest)} more, each < 0.1 % | {cs:,} | {ds:,} | {os_:,} | {z:,.0f} | '
                  f'{100 * z / total_gz:.1f} % | |')
    print()
    print(f'The top {a.top} functions:')
    print()
    print('| function | crate | bytes | gzip B (est.) |')
    print('|---|---|---:|---:|')
    for size, f in sorted(func_rows, key=lambda r: (-r[0], r[1]))[:a.top]:
        g = match[f]
        full = fname[g] if g is not None else f'function[{f}] (wasm-bindgen)'
        name = full if len(full) <= 100 else full[:97] + '...'
        print(f'| `{name}` | {crate[g] if g is not None else "wasm-bindgen"} | {size:,} | '
              f'{gz(ship.function_bytes(f)) * scale:,.0f} |')
    print()
    print('The data section by crate and module:')
    print()
    print('| belongs to | bytes | gzip B (est.) | symbols |')
    print('|---|---:|---:|---:|')
    per = defaultdict(lambda: [0, 0])
    for k, key in data_key.items():
        if content(pieces[k][0], pieces[k][1]):     # zero-initialised memory (.bss) is not in the file
            per[key][0] += pieces[k][1]
            per[key][1] += 1
    def data_gz(key):
        return est.get(key, 0.0) * raw_size[key][1] / max(1, sum(raw_size[key]))
    listed = sorted(per.items(), key=lambda kv: -kv[1][0])
    data_total = sum(n for n, _ in per.values())
    for key, (n, cnt) in [kv for kv in listed if kv[1][0] >= 0.002 * data_total]:
        label = key[1] if key[0] == key[1] or key[1].startswith(key[0]) else f'{key[0]}: {key[1]}'
        print(f'| {label} | {n:,} | {data_gz(key):,.0f} | {cnt:,} |')
    rest = [kv for kv in listed if kv[1][0] < 0.002 * data_total]
    if rest:
        print(f'| {len(rest)} more, each < 0.2 % | {sum(n for _, (n, _) in rest):,} | '
              f'{sum(data_gz(k) for k, _ in rest):,.0f} | {sum(c for _, (_, c) in rest):,} |')
    print(f'| **total** | **{data_total:,}** | **{sum(data_gz(k) for k in per):,.0f}** | '
          f'**{sum(c for _, c in per.values()):,}** |')
    print()
    print(f'The top {a.data_top} data symbols (anonymous ones named by the code that refers to them):')
    print()
    print('| bytes | gzip B (est.) | belongs to | symbol, or the code that refers to it | content |')
    print('|---:|---:|---|---|---|')
    in_file = [r for r in data_detail if content(pieces[r[1]][0], r[0])]
    for size, k, key, sym, fs in sorted(in_file, key=lambda r: (-r[0], r[1]))[:a.data_top]:
        d = content(pieces[k][0], size)
        if sym:
            what = f'`{sym}`'
        elif fs:
            names = sorted({fname[f] for f in fs})
            what = ', '.join(f'`{n}`' for n in names[:2]) + (f' and {len(names) - 2} more' if len(names) > 2 else '')
        else:
            what = f'`{pieces[k][2]}` (no reference found)'
        print(f'| {size:,} | {gz(d) * scale:,.0f} | {key[1]} | {what} | {preview(d)} |')


if __name__ == '__main__':
    main()
