//! A thin C-ABI entry point for wasm32, only so that a `cdylib` build keeps the readers and
//! its size can be measured (see README.md); the product's wasm-bindgen entry point comes with
//! the Worker that will load this crate.

/// Sniffs and extracts the `len` bytes at `ptr`; returns the number of pieces, or -1 for an
/// error or a format that is not read.
///
/// # Safety
/// `ptr` must point to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn draftguard_files_count(ptr: *const u8, len: usize) -> i32 {
    // SAFETY: the caller promises `len` readable bytes at `ptr`.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    match crate::extract(bytes, crate::sniff("", bytes)) {
        Ok(extracted) => i32::try_from(extracted.pieces.len()).unwrap_or(i32::MAX),
        Err(_) => -1,
    }
}

/// Allocates `len` bytes for the caller to fill (leaked; measurement only).
#[no_mangle]
pub extern "C" fn draftguard_files_alloc(len: usize) -> *mut u8 {
    Vec::<u8>::with_capacity(len).leak().as_mut_ptr()
}
