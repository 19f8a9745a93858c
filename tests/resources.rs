//! Resource bounds a host would notice over a long session (issue 12, items
//! 12–13): guards built and dropped give their memory back, and a guard
//! with thousands of allowlist entries and findings stays exact.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use draftguard::{CustomRule, Guard, Options};

/// Counts the bytes the process holds on the heap.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        LIVE.fetch_add(new as isize - l.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn rule(i: usize) -> CustomRule {
    CustomRule {
        kind: format!("employee_id_{i}"),
        name: Some(format!("Employee number {i}")),
        pattern: format!(r"\bEMP-{i}-[0-9]{{6}}\b"),
        validator: None,
        category: draftguard::Category::Confidential,
        context: vec![format!("staff {i}")],
        context_required: false,
        confidence: draftguard::Confidence::Medium,
    }
}

/// The only test in this binary: other tests' allocations would blur the count.
#[test]
fn guards_with_distinct_custom_rules_give_their_memory_back() {
    let scan = |i: usize| {
        let guard = Guard::new(Options {
            custom_rules: vec![rule(i)],
            ..Options::default()
        })
        .unwrap();
        let text = format!("staff {i}: EMP-{i}-123456 and card 4111 1111 1111 1111");
        let found = guard.scan(&text).unwrap();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].kind, format!("employee_id_{i}"));
        // Findings keep their rule's name and label after the guard is gone.
        drop(guard);
        assert_eq!(
            found[0].kind.name(draftguard::Locale::De),
            format!("Employee number {i}")
        );
        assert_eq!(
            found[0].kind.label(draftguard::Locale::En),
            format!("EMPLOYEE ID {i}")
        );
    };
    // Warm up what stays for the process (built-in static data such as the
    // keyword automaton); each guard's engine goes with the guard.
    for i in 0..20 {
        scan(i);
    }
    let before = LIVE.load(Ordering::Relaxed);
    for i in 20..2_020 {
        scan(i);
    }
    let grown = LIVE.load(Ordering::Relaxed) - before;
    eprintln!("grown: {grown} bytes");
    // Each rule compiles to tens of KB; 2,000 of them kept would be tens of MB.
    assert!(
        grown < 256 * 1024,
        "2,000 guards with distinct rules, each dropped, left {grown} bytes behind"
    );
}
