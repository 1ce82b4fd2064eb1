//! `application/x-www-form-urlencoded` bodies, read leniently (bad percent-escapes stay
//! literal, invalid UTF-8 becomes U+FFFD) and validated field by field with errors that
//! name the field.

use crate::web::error::AppError;

/// A parsed form: every field in order, repeated names kept.
#[derive(Debug, Default)]
pub struct Form(Vec<(String, String)>);

impl Form {
    pub fn parse(body: &[u8]) -> Self {
        Form(
            form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The first value of `name`.
    /// Every field in the order it was sent.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The first value of `name`, or a 400 naming it.
    pub fn require(&self, name: &'static str) -> Result<&str, AppError> {
        self.get(name)
            .ok_or_else(|| AppError::field(name, "is required"))
    }

    /// The value of `name` if present and not blank.
    pub fn optional(&self, name: &str) -> Option<&str> {
        self.get(name).map(str::trim).filter(|v| !v.is_empty())
    }

    /// An optional integer within `range`.
    pub fn int_in(
        &self,
        name: &'static str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Result<Option<i64>, AppError> {
        let Some(raw) = self.optional(name) else {
            return Ok(None);
        };
        let n: i64 = raw.parse().map_err(|_| {
            AppError::field(name, format!("{raw:?} is not a whole number of seconds"))
        })?;
        if !range.contains(&n) {
            return Err(AppError::field(
                name,
                format!("{n} is outside {}..={}", range.start(), range.end()),
            ));
        }
        Ok(Some(n))
    }

    /// A checkbox or boolean field: absent is `default`.
    pub fn flag(&self, name: &'static str, default: bool) -> Result<bool, AppError> {
        match self.get(name).map(|v| v.trim().to_ascii_lowercase()) {
            None => Ok(default),
            Some(v) => match v.as_str() {
                "on" | "true" | "1" | "yes" => Ok(true),
                "off" | "false" | "0" | "no" | "" => Ok(false),
                _ => Err(AppError::field(name, format!("{v:?} is not true or false"))),
            },
        }
    }
}
