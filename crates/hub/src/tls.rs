//! HTTPS on the hub itself: the certificate chain and private key read from PEM files into a
//! rustls acceptor (ring as its cryptography: aws-lc-rs would need cmake and NASM to build).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::crypto::ring;
use tokio_rustls::rustls::pki_types::pem::{self, PemObject};
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};

/// A certificate or key that cannot be used, with the file it came from.
#[derive(Debug, thiserror::Error)]
#[error("{}: {problem}", .file.display())]
pub struct TlsError {
    /// The PEM file at fault.
    pub file: PathBuf,
    /// What is wrong with it.
    pub problem: String,
}

/// The acceptor for `--tls-cert` (the chain, the hub's own certificate first) and
/// `--tls-key`.
pub fn acceptor(cert: &Path, key: &Path) -> Result<TlsAcceptor, TlsError> {
    let fail = |file: &Path, problem: String| TlsError {
        file: file.to_path_buf(),
        problem,
    };
    let chain = CertificateDer::pem_file_iter(cert)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| fail(cert, pem_problem(e, "certificate")))?;
    if chain.is_empty() {
        return Err(fail(cert, "it holds no PEM certificate".into()));
    }
    let private =
        PrivateKeyDer::from_pem_file(key).map_err(|e| fail(key, pem_problem(e, "private key")))?;
    // Ring is named here rather than left to the process default: the tests' HTTP client
    // brings aws-lc-rs into the same build, and with two providers there is no default.
    let config = ServerConfig::builder_with_provider(Arc::new(ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|e| fail(cert, e.to_string()))?
        .with_no_client_auth()
        // rustls checks that the key is the certificate's; a mismatch is the key's fault
        // as often as the certificate's, so both are named.
        .with_single_cert(chain, private)
        .map_err(|e| {
            fail(
                key,
                format!(
                    "it does not fit the certificate in {} ({e})",
                    cert.display()
                ),
            )
        })?;
    let mut config = config;
    // The hub speaks HTTP/1.1 only.
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// The words for a PEM file that did not read.
fn pem_problem(e: pem::Error, what: &str) -> String {
    match e {
        pem::Error::Io(io) => io.to_string(),
        pem::Error::NoItemsFound => format!("it holds no PEM {what}"),
        other => format!("it is not a readable PEM {what} ({other})"),
    }
}
