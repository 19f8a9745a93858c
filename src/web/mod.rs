//! The mindful-sharing prompt: a DOM layer that attaches to a chat input,
//! intercepts send, and asks before a draft with sensitive data leaves.
//!
//! Data flows one way: the editor's text → [`crate::Guard::scan`] → findings →
//! the prompt → the user's choice → [`crate::redact`] → written back into the
//! editor → the page's own send. No scanning logic lives here.
//!
//! [`i18n`] (the message catalogs) is pure Rust and tested natively; the DOM
//! parts build for wasm32 only.

pub mod i18n;

#[cfg(target_arch = "wasm32")]
mod attach;
#[cfg(target_arch = "wasm32")]
mod attachments;
#[cfg(target_arch = "wasm32")]
mod dialog;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod editor;
#[cfg(target_arch = "wasm32")]
mod overlay;
#[cfg(target_arch = "wasm32")]
pub(crate) mod shell;

#[cfg(target_arch = "wasm32")]
pub use attach::{attach, AttachHandle};
