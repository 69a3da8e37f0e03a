//! Where the preview listens: binding the port (or the next free one, said
//! out loud), the URL to print, the warning for addresses other computers
//! can reach, opening the browser, and the signals that stop the server.

use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener};

/// How many ports after a taken one are tried.
const NEXT_PORTS: u16 = 10;

/// Why no port could be had.
#[derive(Debug, thiserror::Error)]
pub enum ListenError {
    /// The port and the ones after it are taken.
    #[error("{}", crate::t!("serve-ports-in-use", first = *first, count = NEXT_PORTS, ip = ip.to_string()))]
    InUse {
        /// The address.
        ip: IpAddr,
        /// The port asked for.
        first: u16,
    },
    /// Any other failure (no such address, no permission).
    #[error("{}", crate::t!("serve-cannot-listen", addr = addr.to_string(), why = crate::i18n::io_error(source)))]
    Other {
        /// The address and port.
        addr: SocketAddr,
        /// What the system said.
        source: io::Error,
    },
}

/// Binds `ip:port`; when the port is taken, the next free one of the few
/// after it, saying which. Port 0 asks the system for any free port.
pub(crate) fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, ListenError> {
    let last = port.saturating_add(NEXT_PORTS);
    let mut candidate = port;
    loop {
        let addr = SocketAddr::new(ip, candidate);
        match TcpListener::bind(addr) {
            Ok(listener) => {
                if candidate != port {
                    crate::outln!(
                        "{}",
                        crate::t!("serve-port-moved", port = port, candidate = candidate)
                    );
                }
                listener
                    .set_nonblocking(true)
                    .map_err(|source| ListenError::Other { addr, source })?;
                return Ok(listener);
            }
            Err(e) if e.kind() == io::ErrorKind::AddrInUse && port != 0 => {
                if candidate >= last {
                    return Err(ListenError::InUse { ip, first: port });
                }
                candidate += 1;
            }
            Err(source) => return Err(ListenError::Other { addr, source }),
        }
    }
}

/// The URL to open: the bound address (loopback for an unspecified one)
/// and the site's base path.
pub(crate) fn url(listener: &TcpListener, base_path: &str) -> String {
    let Ok(addr) = listener.local_addr() else {
        return format!("http://127.0.0.1{base_path}");
    };
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::from([127, 0, 0, 1]),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::from([0, 0, 0, 0, 0, 0, 0, 1]),
        ip => ip,
    };
    format!("http://{}{base_path}", SocketAddr::new(ip, addr.port()))
}

/// Warns when other computers can reach the preview.
pub(crate) fn warn_if_public(ip: IpAddr) {
    if !ip.is_loopback() {
        crate::errln!("{}", crate::t!("serve-public", ip = ip.to_string()));
    }
}

/// Opens `url` in the default browser; says so when that fails.
pub(crate) fn open_browser(url: &str) {
    let mut cmd = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    let opened = cmd
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if opened.is_err() {
        crate::errln!("{}", crate::t!("serve-no-browser", url = url));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_port_moves_on_and_says_so() -> Result<(), ListenError> {
        let ip = IpAddr::from([127, 0, 0, 1]);
        let first = bind(ip, 0)?;
        let port = first
            .local_addr()
            .map_err(|source| ListenError::Other {
                addr: SocketAddr::new(ip, 0),
                source,
            })?
            .port();
        if port > u16::MAX - NEXT_PORTS {
            return Ok(());
        }
        let second = bind(ip, port)?;
        assert_ne!(second.local_addr().ok().map(|a| a.port()), Some(port));
        assert_eq!(
            url(&first, "/xxgk/"),
            format!("http://127.0.0.1:{port}/xxgk/")
        );
        Ok(())
    }
}
