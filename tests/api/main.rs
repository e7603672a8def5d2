//! Integration tests over real HTTP, against both backends.
//! One test binary (faster to link) with a module per concern.

mod helpers;

mod bootstrap;
mod client;
mod concurrency;
mod contract;
mod durability;
mod errors;
mod fuzz;
mod hardening;
mod keys;
mod metrics;
mod openapi;
mod redis_compat;
mod redis_tls;
mod scale;
mod store_contract;
mod web;
