//! HTTP tests through the real router, on SQLite and (with TEST_DATABASE_URL) PostgreSQL.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod access;
mod api;
mod billing;
mod calls;
mod catalogue;
mod common;
mod dispatch;
mod mail;
mod pages;
mod policy;
mod privacy;
mod signin;
mod sso;
mod state;
