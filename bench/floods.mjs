// Adversarial floods: 1, 2, 5 and 10 MB of one unit repeated (or of one giant
// line, or of mixed scripts), scanned in WASM under Node. Prints the time at
// each size, the 10 MB time over ten times the 1 MB time (about 1 = linear;
// patterns are compiled by a warm-up scan first), findings, and memory: the WASM linear memory after the 10 MB scan
// and the process's peak RSS (VmHWM). Each case runs in its own process, so
// memory is per case. Slowest first.
//
//   node bench/floods.mjs              (after scripts/build.sh)
//   node bench/floods.mjs --quick      (64/128/320/640 KB: does it run?)
//   node bench/floods.mjs 'eyJ' '7'    (only these cases)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpus } from './corpus.mjs';

const MB = 1 << 20;
const CASES = {
  // shapes of numbers and separators
  'digits 7777…': '7', '1 ': '1 ', ' - ': ' - ', '4111 ': '4111 ', '1.2.3.4.': '1.2.3.4.', '::': '::', '+1 ': '+1 ',
  // one run of address bytes with a candidate every few bytes (ip_address's scope measures a run
  // once; its IPv4 chain of host labels is bounded, or each match read the rest of the run)
  '2001:0db8:1-': '2001:0db8:1-', '84.17.45.201-': '84.17.45.201-',
  '(415) ': '(415) ', '0151 ': '0151 ', 'full-width ４': '４', 'no-break spaces': '\u00a0', 'zero-width spaces': '\u200b',
  // keywords repeated
  'a@b.cd ': 'a@b.cd ', '@': '@', 'x@': 'x@', 'password=': 'password=', 'password: x ': 'password: x ', '-----BEGIN': '-----BEGIN',
  '<<': '<<', 'P<UTO': 'P<UTO', 'eyJ': 'eyJ', 'eyJ.eyJ.': 'eyJa.eyJb.', 'AKIA': 'AKIA', 'ghp_': 'ghp_', 'sk-': 'sk-', 'sk_live_': 'sk_live_', 'EAAB': 'EAAB', 'pypi-AgEIcHlwaS5vcmc-': 'pypi-AgEIcHlwaS5vcmc-',
  'abandon ': 'abandon ', 'diabetes ': 'diabetes ', 'CONFIDENTIAL ': 'CONFIDENTIAL ', 'Subject: Re: ': 'Subject: Re: ', '机密': '机密',
  'postgres://a:b@': 'postgres://a:b@', 'a://': 'a://', 'jdbc:oracle:thin:': 'jdbc:oracle:thin:', 'Server=x;': 'Server=x;', 'secret=': 'secret=', 'token ': 'token ', 'token: “': 'token: “', 'Bearer ': 'Bearer ', 'F32.1 ': 'F32.1 ',
  'card number ': 'card number ', 'IBAN ': 'IBAN ', 'SSN ': 'SSN ',
  // documentation-example signals (every value next to one: each is looked for around it)
  'example.com': 'example.com ', '>>> ': '>>> ', 'EXAMPLES': 'EXAMPLES\n',
  // values (every one a finding: the cost of building large results in JS)
  'AB123456C ': 'AB123456C ', '12345678Z ': '12345678Z ', 'RSSMRA85T10A562S ': 'RSSMRA85T10A562S ',
  '11010519491231002X ': '11010519491231002X ', 'card 4111 1111 1111 1111 ': 'card 4111 1111 1111 1111 ',
  '>>> card … example.com': '>>> card 4111 1111 1111 1111 example.com\n', 'user = bob / pass =': 'user = bob\npass = p4ssw0rd\n',
  // text
  x: 'x', A1B2: 'A1B2', 'mixed scripts a卡😀４é\u200bΩ': 'a卡😀４é\u200bΩ ',
};
const TEXTS = {
  // The mixed chat corpus with every line break removed: one giant line.
  'one giant line (chat corpus)': (bytes) => corpus(bytes).replace(/\n/g, ' '),
  // One token run as long as the text: the API-key rows' relaxed repetitions (`{24,}`, held to
  // `{24,99}` after the match) read at most the longest API key from each start.
  'sk_live_ + one run': (bytes) => `sk_live_${'A1b2'.repeat(Math.ceil(bytes / 4))}`,
  'xoxe.xoxp-1- + one run': (bytes) => `xoxe.xoxp-1-${'A1b2'.repeat(Math.ceil(bytes / 4))}`,
  'sl.u. + one run': (bytes) => `sl.u.${'A1b-'.repeat(Math.ceil(bytes / 4))}`,
};

const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));
const self = fileURLToPath(import.meta.url);
const argv = process.argv.slice(2);

if (argv[0] === '--child') {
  // One case, in this process: times at each size, findings, memory.
  const [, name, unit, quick] = argv;
  const { initSync, Guard } = await import(`${pkg}draftguard.js`);
  const wasm = initSync({ module: readFileSync(`${pkg}draftguard_bg.wasm`) });
  const g = new Guard();
  const sizes = [1, 2, 5, 10].map((m) => (quick === '1' ? m * 64 * 1024 : m * MB));
  const make = (bytes) => {
    if (TEXTS[name]) return TEXTS[name](bytes);
    return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
  };
  g.scan(make(64 * 1024)); // compiles the patterns this text needs, outside the timings
  const times = [];
  let findings = 0;
  for (const bytes of sizes) {
    const text = make(bytes);
    const t = performance.now();
    findings = g.scan(text).length;
    times.push(performance.now() - t);
  }
  const hwm = Number(readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+) kB/)[1]) * 1024;
  console.log(JSON.stringify({ times, findings, wasmMemory: wasm.memory.buffer.byteLength, hwm }));
  process.exit(0);
}

const quick = argv.includes('--quick');
const only = argv.filter((a) => !a.startsWith('--'));
const names = [...Object.keys(CASES), ...Object.keys(TEXTS)].filter((n) => only.length === 0 || only.includes(n));
const rows = [];
for (const name of names) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', self, '--child', name, CASES[name] ?? '', quick ? '1' : '0'], { encoding: 'utf8' });
  const r = JSON.parse(out);
  const [t1, t2, t5, t10] = r.times;
  rows.push({ name, t: r.times, ratio: t10 / (10 * t1), findings: r.findings, mem: r.wasmMemory, hwm: r.hwm, t10 });
  process.stderr.write('.');
}
process.stderr.write('\n');
rows.sort((a, b) => b.t10 - a.t10);
const mb = (n) => `${(n / MB).toFixed(0)} MB`;
const unit = quick ? '64 KB…640 KB' : '1/2/5/10 MB';
console.log(`Adversarial floods, WASM in Node ${process.version}: ms to scan ${unit}; linearity = t(10) ÷ (10 × t(1)), about 1 when linear`);
const cols = quick ? ['64 KB', '128 KB', '320 KB', '640 KB'] : ['1 MB', '2 MB', '5 MB', '10 MB'];
console.log(`| case | ${cols.map((c) => `${c} ms`).join(' | ')} | linearity | findings (${cols[3]}) | WASM memory | peak RSS |`);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${JSON.stringify(r.name)} | ${r.t.map((x) => x.toFixed(0)).join(' | ')} | ${r.ratio.toFixed(2)} | ${r.findings} | ${mb(r.mem)} | ${mb(r.hwm)} |`);
}
const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
const slowest = rows[0];
console.log(`\nworst linearity: ${JSON.stringify(worst.name)} ${worst.ratio.toFixed(2)}; slowest 10 MB: ${JSON.stringify(slowest.name)} ${slowest.t10.toFixed(0)} ms; largest WASM memory ${mb(Math.max(...rows.map((r) => r.mem)))}, peak RSS ${mb(Math.max(...rows.map((r) => r.hwm)))}`);
