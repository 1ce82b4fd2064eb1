//! A small async Redis client (RESP2 over one TCP connection, reconnecting when needed):
//! enough for `SET … EX`, `GET`, `DEL`, `TTL` and `SELECT`.

use super::StoreError;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::Mutex;

#[derive(Debug)]
pub struct Redis {
    addr: String,
    db: u32,
    conn: Mutex<Option<BufReader<TcpStream>>>,
}

/// One RESP reply.
#[derive(Debug, PartialEq, Eq)]
enum Reply {
    Simple(String),
    Int(i64),
    Bulk(Option<Vec<u8>>),
}

fn err(e: impl std::fmt::Display) -> StoreError {
    StoreError(e.to_string())
}

impl Redis {
    /// `redis://host[:port][/db]`.
    pub fn new(url: &str) -> Result<Redis, StoreError> {
        let rest = url
            .strip_prefix("redis://")
            .ok_or_else(|| err(format!("{url:?} is not a redis:// URL")))?;
        let (hostport, db) = rest.split_once('/').unwrap_or((rest, ""));
        let hostport = hostport.rsplit('@').next().unwrap_or(hostport);
        let addr = if hostport.contains(':') {
            hostport.to_owned()
        } else {
            format!("{hostport}:6379")
        };
        let db = if db.is_empty() {
            0
        } else {
            db.parse()
                .map_err(|_| err(format!("bad database number in {url:?}")))?
        };
        Ok(Redis {
            addr,
            db,
            conn: Mutex::new(None),
        })
    }

    async fn command(&self, args: &[&[u8]]) -> Result<Reply, StoreError> {
        let mut guard = self.conn.lock().await;
        // One retry on a fresh connection: the old one may have been closed by the server.
        for attempt in 0..2 {
            if guard.is_none() {
                let stream = TcpStream::connect(&self.addr)
                    .await
                    .map_err(|e| err(format!("connecting to {}: {e}", self.addr)))?;
                let mut conn = BufReader::new(stream);
                if self.db != 0 {
                    let db = self.db.to_string();
                    send(&mut conn, &[b"SELECT", db.as_bytes()]).await?;
                    read(&mut conn).await?;
                }
                *guard = Some(conn);
            }
            let conn = guard.as_mut().expect("connected above");
            let result = async {
                send(conn, args).await?;
                read(conn).await
            }
            .await;
            match result {
                Ok(r) => return Ok(r),
                Err(e) if attempt == 0 => {
                    tracing::warn!(error = %e, "redis connection lost; reconnecting");
                    *guard = None;
                }
                Err(e) => {
                    *guard = None;
                    return Err(e);
                }
            }
        }
        Err(err("unreachable"))
    }

    pub async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        match self.command(&[b"GET", key.as_bytes()]).await? {
            Reply::Bulk(v) => Ok(v),
            other => Err(err(format!("GET: unexpected {other:?}"))),
        }
    }

    pub async fn set(&self, key: &str, value: &[u8], ttl: i64) -> Result<(), StoreError> {
        let ttl = ttl.max(1).to_string();
        match self
            .command(&[b"SET", key.as_bytes(), value, b"EX", ttl.as_bytes()])
            .await?
        {
            Reply::Simple(s) if s == "OK" => Ok(()),
            other => Err(err(format!("SET: unexpected {other:?}"))),
        }
    }

    pub async fn delete(&self, key: &str) -> Result<(), StoreError> {
        self.command(&[b"DEL", key.as_bytes()]).await.map(|_| ())
    }

    pub async fn ttl(&self, key: &str) -> Result<Option<i64>, StoreError> {
        match self.command(&[b"TTL", key.as_bytes()]).await? {
            Reply::Int(n) if n >= 0 => Ok(Some(n)),
            Reply::Int(_) => Ok(None),
            other => Err(err(format!("TTL: unexpected {other:?}"))),
        }
    }
}

async fn send(conn: &mut BufReader<TcpStream>, args: &[&[u8]]) -> Result<(), StoreError> {
    let mut buf = format!("*{}\r\n", args.len()).into_bytes();
    for a in args {
        buf.extend(format!("${}\r\n", a.len()).as_bytes());
        buf.extend(*a);
        buf.extend(b"\r\n");
    }
    conn.get_mut().write_all(&buf).await.map_err(err)
}

async fn read(conn: &mut BufReader<TcpStream>) -> Result<Reply, StoreError> {
    let mut line = String::new();
    if conn.read_line(&mut line).await.map_err(err)? == 0 {
        return Err(err("connection closed"));
    }
    let line = line.trim_end_matches(['\r', '\n']);
    let (kind, rest) = line.split_at(1.min(line.len()));
    match kind {
        "+" => Ok(Reply::Simple(rest.to_owned())),
        "-" => Err(err(format!("redis error: {rest}"))),
        ":" => rest.parse().map(Reply::Int).map_err(err),
        "$" => {
            let n: i64 = rest.parse().map_err(err)?;
            if n < 0 {
                return Ok(Reply::Bulk(None));
            }
            let mut data = vec![0u8; n as usize + 2];
            conn.read_exact(&mut data).await.map_err(err)?;
            data.truncate(n as usize);
            Ok(Reply::Bulk(Some(data)))
        }
        other => Err(err(format!("unsupported reply type {other:?}"))),
    }
}
