//! Integration tests over real HTTP, against both backends.
//! One test binary (faster to link) with a module per concern.

mod helpers;

mod auth_rules;
mod bootstrap;
mod build_script;
mod client;
mod concurrency;
mod connections;
mod contract;
mod durability;
mod errors;
mod eviction;
mod fuzz;
mod hardening;
mod hosts;
mod i18n;
mod keys;
mod limits;
mod metrics;
mod oidc;
mod openapi;
mod quota;
mod ratelimit;
mod receipts;
mod redis_compat;
mod redis_tls;
mod scale;
mod store_contract;
mod web;
mod webhooks;
mod zk;
