//! Bytes to text. Windows editors write a UTF-8 BOM and CRLF line ends, and
//! older ones save Chinese text as GBK: the first two are accepted, the third
//! is named so the writer knows what to do.

/// Decodes a report file, dropping a UTF-8 BOM. CRLF is kept: every later
/// stage treats `\r\n` as a line end, and offsets then match the file.
pub fn decode(mut bytes: Vec<u8>) -> Result<String, NotUtf8> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    // Most of a report is Chinese, where std's validation is slow (about
    // ten instructions a byte: a tenth of a large build's parse); simdutf8
    // checks with SIMD, and std only finds the bad byte of a bad file.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just validated every byte as UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes).map_err(|err| {
        let valid_up_to = err.utf8_error().valid_up_to();
        let bytes = err.into_bytes();
        NotUtf8 {
            looks_like_gbk: looks_like_gbk(&bytes),
            valid_up_to,
            bytes,
        }
    })
}

/// A file that is not UTF-8: its bytes (BOM dropped) and where in them the
/// first bad byte is.
#[derive(Debug)]
pub struct NotUtf8 {
    pub looks_like_gbk: bool,
    pub valid_up_to: usize,
    pub bytes: Vec<u8>,
}

/// Whether chardetng, the detector Firefox uses, takes the bytes for
/// GBK/GB18030 (Chinese text saved by older Windows programs).
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    encoding == encoding_rs::GBK || encoding == encoding_rs::GB18030
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_keeps_text() {
        assert_eq!(
            decode(b"\xEF\xBB\xBF# hi\r\n".to_vec()).unwrap(),
            "# hi\r\n"
        );
    }

    #[test]
    fn recognises_gbk() {
        let (gbk, _, _) = encoding_rs::GBK.encode("本月份推进情况：完成团干部培训三期。");
        let err = decode(gbk.into_owned()).unwrap_err();
        assert!(err.looks_like_gbk);
    }

    #[test]
    fn other_bytes_are_not_gbk() {
        let (latin1, _, _) =
            encoding_rs::WINDOWS_1252.encode("Le café crème coûte très cher à l'été.");
        let err = decode(latin1.into_owned()).unwrap_err();
        assert!(!err.looks_like_gbk);
    }
}
