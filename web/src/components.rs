//! The app's components: small function components that render the state
//! from the context and send actions. Each file holds one page or part.

pub mod app;
pub mod card;
pub mod chart;
pub mod contacts;
pub mod earlier;
pub mod exports;
pub mod header;
pub mod importer;
pub mod local_offers;
pub mod navigation;
pub mod notice;
pub mod offline;
pub mod partner_notice;
pub mod professional;
pub mod qr;
pub mod questions;
pub mod result;
pub mod welcome;
