//! A framing guard between the real stdio and `tower-lsp-server`.
//!
//! `tower-lsp-server` stops reading its input after the first message it
//! cannot decode (its codec error ends the framed stream), so one malformed
//! message would end the session. The guard reads the client's frames
//! itself, answers what is not a JSON-RPC message with an error response
//! (`-32700` parse error, `-32600` invalid request), and passes only valid
//! frames on. Its output side re-frames what the server writes, so error
//! responses are never interleaved with a server frame.
//!
//! Nothing here logs message contents: a `didOpen` may carry a password.

use serde_json::Value;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;

/// Largest body accepted; bigger frames are skipped with an error response.
const MAX_BODY: usize = 256 * 1024 * 1024;

/// Frame a JSON body.
pub(crate) fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// An incremental `Content-Length` framing reader.
pub(crate) struct FrameReader<R> {
    reader: R,
    buffer: Vec<u8>,
    eof: bool,
}

/// What one read produced.
pub(crate) enum Frame {
    Body(Vec<u8>),
    /// A header block without a usable `Content-Length`; skipped.
    BadHeader,
    /// A body over [`MAX_BODY`], skipped.
    TooLarge,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    pub(crate) fn new(reader: R) -> Self {
        FrameReader {
            reader,
            buffer: Vec::with_capacity(64 * 1024),
            eof: false,
        }
    }

    async fn fill(&mut self) -> bool {
        if self.eof {
            return false;
        }
        let mut chunk = [0u8; 64 * 1024];
        match self.reader.read(&mut chunk).await {
            Ok(0) | Err(_) => {
                self.eof = true;
                false
            }
            Ok(n) => {
                self.buffer.extend_from_slice(&chunk[..n]);
                true
            }
        }
    }

    /// The next frame, or `None` at end of input.
    pub(crate) async fn next(&mut self) -> Option<Frame> {
        loop {
            // Skip leading line breaks between frames (some clients send them).
            let skip = self
                .buffer
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n' | b' ' | b'\t'))
                .count();
            self.buffer.drain(..skip);
            if let Some(end) = find(&self.buffer, b"\r\n\r\n") {
                let header = String::from_utf8_lossy(&self.buffer[..end]).into_owned();
                self.buffer.drain(..end + 4);
                let length = header.split("\r\n").find_map(|line| {
                    let (name, value) = line.split_once(':')?;
                    name.trim()
                        .eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())
                        .flatten()
                });
                let Some(length) = length else {
                    self.resync();
                    return Some(Frame::BadHeader);
                };
                if length > MAX_BODY {
                    let mut remaining = length;
                    loop {
                        let take = remaining.min(self.buffer.len());
                        self.buffer.drain(..take);
                        remaining -= take;
                        if remaining == 0 || !self.fill().await {
                            break;
                        }
                    }
                    return Some(Frame::TooLarge);
                }
                while self.buffer.len() < length {
                    if !self.fill().await {
                        return None;
                    }
                }
                let body: Vec<u8> = self.buffer.drain(..length).collect();
                return Some(Frame::Body(body));
            }
            // A header block that never ends is garbage: resync on the next
            // `Content-Length` once it is clearly too long.
            if self.buffer.len() > 64 * 1024 {
                self.resync();
                return Some(Frame::BadHeader);
            }
            if !self.fill().await {
                return None;
            }
        }
    }

    /// Drop bytes up to the next `Content-Length` header.
    fn resync(&mut self) {
        let at = find_ci(&self.buffer, b"content-length").unwrap_or(self.buffer.len());
        self.buffer.drain(..at);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// Why a body is not a message `tower-lsp-server` can take.
pub(crate) enum Invalid {
    /// Not JSON (or not UTF-8): `-32700`.
    Parse,
    /// JSON, but not a JSON-RPC 2.0 request, notification or response:
    /// `-32600`, with the id when there was one.
    Request(Value),
}

/// Check that a body is a JSON-RPC 2.0 message.
pub(crate) fn validate(body: &[u8]) -> Result<(), Invalid> {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return Err(Invalid::Parse);
    };
    let id = value
        .get("id")
        .filter(|id| id.is_number() || id.is_string())
        .cloned()
        .unwrap_or(Value::Null);
    let Some(object) = value.as_object() else {
        return Err(Invalid::Request(Value::Null));
    };
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Err(Invalid::Request(id));
    }
    let id_ok = match object.get("id") {
        None | Some(Value::Null) | Some(Value::Number(_)) | Some(Value::String(_)) => true,
        Some(_) => false,
    };
    if !id_ok {
        return Err(Invalid::Request(Value::Null));
    }
    if let Some(method) = object.get("method") {
        let params_ok = match object.get("params") {
            None | Some(Value::Null) | Some(Value::Object(_)) | Some(Value::Array(_)) => true,
            Some(_) => false,
        };
        if method.is_string() && params_ok {
            return Ok(());
        }
        return Err(Invalid::Request(id));
    }
    if object.contains_key("id") && (object.contains_key("result") || object.contains_key("error"))
    {
        return Ok(());
    }
    Err(Invalid::Request(id))
}

fn error_response(id: Value, code: i64, message: &str) -> Vec<u8> {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": {"code": code, "message": message},
    });
    frame(body.to_string().as_bytes())
}

/// Copy client frames from `input` to `server`, answering invalid ones on
/// `errors`. Ends at end of input (closing `server`).
pub(crate) async fn pump_input<R, W>(
    input: R,
    mut server: W,
    errors: mpsc::UnboundedSender<Vec<u8>>,
) where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = FrameReader::new(input);
    while let Some(frame) = reader.next().await {
        let response = match frame {
            Frame::Body(body) => match validate(&body) {
                Ok(()) => {
                    if server.write_all(&self::frame(&body)).await.is_err() {
                        break;
                    }
                    let _ = server.flush().await;
                    continue;
                }
                Err(Invalid::Parse) => error_response(Value::Null, -32700, "Parse error"),
                Err(Invalid::Request(id)) => error_response(id, -32600, "Invalid request"),
            },
            Frame::BadHeader => error_response(
                Value::Null,
                -32700,
                "Parse error: missing or invalid Content-Length header",
            ),
            Frame::TooLarge => {
                error_response(Value::Null, -32600, "Invalid request: message too large")
            }
        };
        if errors.send(response).is_err() {
            break;
        }
    }
    let _ = server.shutdown().await;
}

/// Write the server's frames and the guard's error responses to `output`,
/// one whole frame at a time. Ends when the server's output ends.
pub(crate) async fn pump_output<R, W>(
    server: R,
    mut output: W,
    mut errors: mpsc::UnboundedReceiver<Vec<u8>>,
) where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = FrameReader::new(server);
    loop {
        tokio::select! {
            frame = reader.next() => {
                match frame {
                    Some(Frame::Body(body)) => {
                        if output.write_all(&self::frame(&body)).await.is_err() {
                            return;
                        }
                        let _ = output.flush().await;
                    }
                    Some(_) => {}
                    None => break,
                }
            }
            Some(bytes) = errors.recv() => {
                if output.write_all(&bytes).await.is_err() {
                    return;
                }
                let _ = output.flush().await;
            }
        }
    }
    // Error responses still queued go out too.
    while let Ok(bytes) = errors.try_recv() {
        let _ = output.write_all(&bytes).await;
    }
    let _ = output.flush().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_messages() {
        assert!(validate(br#"{"jsonrpc":"2.0","method":"x"}"#).is_ok());
        assert!(validate(br#"{"jsonrpc":"2.0","id":1,"method":"x","params":{}}"#).is_ok());
        assert!(validate(br#"{"jsonrpc":"2.0","id":1,"result":null}"#).is_ok());
        assert!(matches!(validate(b"{not json"), Err(Invalid::Parse)));
        assert!(matches!(validate(b"\xff\xfe"), Err(Invalid::Parse)));
        assert!(matches!(validate(b"[1,2]"), Err(Invalid::Request(_))));
        assert!(matches!(
            validate(br#"{"jsonrpc":"2.0","id":7,"method":3}"#),
            Err(Invalid::Request(Value::Number(_)))
        ));
        assert!(matches!(
            validate(br#"{"jsonrpc":"1.0","method":"x"}"#),
            Err(Invalid::Request(_))
        ));
        assert!(matches!(
            validate(br#"{"jsonrpc":"2.0","method":"x","params":5}"#),
            Err(Invalid::Request(_))
        ));
    }

    #[tokio::test]
    async fn reads_frames_and_resyncs() {
        let input: &[u8] =
            b"Content-Length: 2\r\n\r\n{}\r\nGarbage: x\r\n\r\nContent-Length: 3\r\n\r\n[1]";
        let mut reader = FrameReader::new(input);
        assert!(matches!(reader.next().await, Some(Frame::Body(b)) if b == b"{}"));
        assert!(matches!(reader.next().await, Some(Frame::BadHeader)));
        assert!(matches!(reader.next().await, Some(Frame::Body(b)) if b == b"[1]"));
        assert!(reader.next().await.is_none());
    }
}
