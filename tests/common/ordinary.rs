//! 1,000 ordinary chat messages with no sensitive data (tests/ordinary.rs),
//! also part of the differential test's corpus.
#![allow(dead_code)] // Shared by several test crates; each uses a part.

/// A small deterministic generator (no external data, same set every run).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
    pub fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + (self.next() % 10) as u8))
            .collect()
    }
}

pub const TEMPLATES: &[&str] = &[
    "Can we move the meeting to {date} at {time}?",
    "The invoice total is {price} EUR, due on {date}.",
    "Order {order} shipped, tracking number {parcel}.",
    "I forgot my password again, can you reset it?",
    "Please enter your password and click Login.",
    "The password must be at least 12 characters long.",
    "My card expired, I'll update the payment method tomorrow.",
    "Where do I find the IBAN field in the new banking app?",
    "Upgrade to version {version} fixes the crash from {date}.",
    "Call me after {time}, I'm in meetings until then.",
    "Room {small} on floor {tiny}, bring your laptop.",
    "The build {build} failed after {tiny} retries.",
    "Customer number {customer} asked about their refund.",
    "We sold {price} units in Q{tiny} and grew {tiny}%.",
    "2024-{mm}-{dd}T{time}:00Z INFO request took {small}ms status=200",
    "commit {sha} fixed the flaky test",
    "const MAX_RETRIES = {tiny}; const TIMEOUT_MS = {small}00;",
    "SELECT * FROM orders WHERE id = {order} LIMIT 10;",
    "Kannst du den Termin auf den {dedate} um {time} Uhr verschieben?",
    "Die Rechnung über {price} € ist am {dedate} fällig.",
    "Ich habe mein Passwort vergessen, kannst du helfen?",
    "Bestellnummer {order}, Sendungsnummer {parcel}.",
    "Kundennummer {customer}, bitte bei Rückfragen angeben.",
    "Wo trage ich die IBAN im Formular ein?",
    "Version {version} ist seit {dedate} verfügbar.",
    "会议改到{zhdate}下午{time}，地点在{small}会议室。",
    "我忘记密码了，怎么重置？",
    "订单号{order}已经发货，快递单号{parcel}。",
    "这个版本{version}修复了{tiny}个问题。",
    "请把发票金额{price}元报销一下。",
    "信用卡账单什么时候出？",
    "ISBN 978-3-16-148410-0 is the book I mentioned.",
    "The UUID is {uuid}, use it in the request header.",
    "Temperature was {tiny}.{tiny} degrees at {time}.",
    "Score: {tiny}-{tiny}, what a game on {date}!",
];

/// Makes one value for a `{placeholder}`.
type Filler = Box<dyn Fn(&mut Lcg) -> String>;

pub fn fill(t: &str, r: &mut Lcg) -> String {
    let mut s = t.to_string();
    let fills: Vec<(&str, Filler)> = vec![
        (
            "{date}",
            Box::new(|r| format!("2024-{:02}-{:02}", 1 + r.next() % 12, 1 + r.next() % 28)),
        ),
        (
            "{dedate}",
            Box::new(|r| format!("{:02}.{:02}.2025", 1 + r.next() % 28, 1 + r.next() % 12)),
        ),
        (
            "{zhdate}",
            Box::new(|r| format!("{}月{}日", 1 + r.next() % 12, 1 + r.next() % 28)),
        ),
        (
            "{time}",
            Box::new(|r| format!("{:02}:{:02}", r.next() % 24, r.next() % 60)),
        ),
        (
            "{price}",
            Box::new(|r| format!("{}.{:02}", r.next() % 5000, r.next() % 100)),
        ),
        (
            "{order}",
            Box::new(|r| {
                let n = 8 + (r.next() % 9) as usize;
                r.digits(n)
            }),
        ),
        ("{parcel}", Box::new(|r| format!("JJD{}", r.digits(18)))),
        ("{customer}", Box::new(|r| r.digits(10))),
        ("{build}", Box::new(|r| r.digits(6))),
        (
            "{version}",
            Box::new(|r| format!("{}.{}.{}", r.next() % 5, r.next() % 20, r.next() % 10)),
        ),
        ("{small}", Box::new(|r| (r.next() % 1000).to_string())),
        ("{tiny}", Box::new(|r| (r.next() % 10).to_string())),
        ("{mm}", Box::new(|r| format!("{:02}", 1 + r.next() % 12))),
        ("{dd}", Box::new(|r| format!("{:02}", 1 + r.next() % 28))),
        (
            "{sha}",
            Box::new(|r| {
                (0..40)
                    .map(|_| char::from(b"0123456789abcdef"[(r.next() % 16) as usize]))
                    .collect()
            }),
        ),
        (
            "{uuid}",
            Box::new(|r| {
                let h = |r: &mut Lcg, n: usize| -> String {
                    (0..n)
                        .map(|_| char::from(b"0123456789abcdef"[(r.next() % 16) as usize]))
                        .collect()
                };
                format!(
                    "{}-{}-4{}-a{}-{}",
                    h(r, 8),
                    h(r, 4),
                    h(r, 3),
                    h(r, 3),
                    h(r, 12)
                )
            }),
        ),
    ];
    while let Some((key, f)) = fills.iter().find(|(k, _)| s.contains(k)) {
        let v = f(r);
        s = s.replacen(key, &v, 1);
    }
    s
}

/// The 1,000 messages.
pub fn messages() -> Vec<String> {
    let mut r = Lcg(2026);
    (0..1000)
        .map(|_| {
            let t = r.pick(TEMPLATES);
            fill(t, &mut r)
        })
        .collect()
}
