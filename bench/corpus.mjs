// Deterministic corpus of realistic chat drafts: en/de/zh prose, code,
// config and logs, with sensitive values at a realistic density (mixed) or
// none at all (clean; it still has dates, times, versions, order numbers).

const PROSE = [
  'Can you help me rewrite this email so it sounds friendlier? The meeting moved to Thursday at 10:30.',
  'Here is the stack trace from yesterday, the job failed after 3 retries on 2024-05-01.',
  'Kannst du mir helfen, diesen Absatz zu kürzen? Der Termin ist am 12.03.2025 um 14:00 Uhr.',
  'Bitte fasse das Protokoll zusammen: Teilnehmer 7, Dauer 45 Minuten, Raum 3.14.',
  '请帮我把这段话翻译成英文，会议改到周四下午三点，地点在二楼会议室。',
  '这个函数为什么返回空值？我已经检查了第 42 行和版本 1.8.3 的更新说明。',
  'Order 4411-2039 shipped on 2024-11-02, tracking will follow. Version 2.13.0 fixes it.',
];
const CODE = [
  'fn main() {\n    let total: u64 = items.iter().map(|i| i.price * 100).sum();\n    println!("{total}");\n}',
  'const res = await fetch(`/api/v2/items?page=${page}&limit=50`);\nif (!res.ok) throw new Error(res.statusText);',
  'SELECT id, created_at FROM orders WHERE created_at > \'2024-01-01\' ORDER BY id DESC LIMIT 100;',
];
const CONFIG = [
  'server:\n  port: 8080\n  workers: 4\n  timeout_ms: 30000\nlogging:\n  level: info',
  '[database]\nhost = "db.internal"\nport = 5432\npool_size = 20',
];
const LOGS = [
  '2024-05-01T12:30:45.123Z INFO  request id=550e8400-e29b-41d4-a716-446655440000 took 123ms status=200',
  '2024-05-01 12:30:46,001 WARN [worker-3] retry 2/5 after 1500 ms (pid 48213)',
];
const SENSITIVE = [
  'My card is 4111 1111 1111 1111, exp 12/27, please book the flight.',
  'Überweise bitte an DE89 3704 0044 0532 0130 00, Verwendungszweck Miete.',
  'For the form: SSN 536-22-8726, routing number 021000021, account number 12345678.',
  '我的信用卡号是６２００ ００００ ００００ ０００５，有效期到明年。',
];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** About `bytes` of UTF-8 text; with `sensitive`, one value per ~2 KB. */
export function corpus(bytes, { sensitive = true, seed = 42 } = {}) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const parts = [];
  let size = 0;
  let sinceSecret = 0;
  while (size < bytes) {
    const roll = r();
    let p = roll < 0.5 ? pick(PROSE) : roll < 0.7 ? pick(CODE) : roll < 0.8 ? pick(CONFIG) : pick(LOGS);
    if (sensitive && sinceSecret > 2000) {
      p = pick(SENSITIVE);
      sinceSecret = 0;
    }
    const n = Buffer.byteLength(p) + 1;
    size += n;
    sinceSecret += n;
    parts.push(p);
  }
  return parts.join('\n');
}

/** A draft of about `bytes`, cut at a line end. */
export function draft(bytes, seed) {
  return corpus(bytes, { sensitive: true, seed });
}
