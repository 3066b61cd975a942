//! Security (MZ2xx): TLS, credentials and plaintext transport.

pub(crate) mod aws_static_credentials;
pub(crate) mod common;
pub(crate) mod kafka_plaintext;
pub(crate) mod missing_ssl_mode;
pub(crate) mod secret_literal_committed;
pub(crate) mod weak_ssl_mode;
