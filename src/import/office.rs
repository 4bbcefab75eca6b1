//! The office formats reportal reads through LibreOffice: Word 97-2003
//! (`.doc`), WPS (`.wps`), Rich Text (`.rtf`) and OpenDocument (`.odt`)
//! files are turned into `.docx` by `soffice --headless --convert-to docx`
//! and then read as any `.docx` is.
//!
//! LibreOffice runs in a private folder (random name, under the system's
//! temp folder, removed when the import ends, on errors too) with its own
//! profile there, so imports running side by side, or an office suite the
//! user has open, never share one. The document is copied in under a plain
//! name (`document.doc`), so no file name can read as an option or confuse
//! LibreOffice. A conversion that does not end within the time limit is
//! stopped: LibreOffice and every process it started (its process group).

use crate::msg;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::ImportError;

/// The environment variable that names LibreOffice's `soffice` program.
pub const SOFFICE_VAR: &str = "REPORTAL_SOFFICE";
/// The environment variable that sets the time limit, in seconds.
pub const TIMEOUT_VAR: &str = "REPORTAL_SOFFICE_TIMEOUT";
/// How long one conversion may take: a monthly report converts in a few
/// seconds, the first one (LibreOffice setting up its profile) in ten.
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// A format LibreOffice turns into `.docx`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Doc,
    Wps,
    Rtf,
    Odt,
}

impl Kind {
    /// What the format is called, for messages.
    pub fn describe(self) -> String {
        msg!(match self {
            Kind::Doc => "import-format-doc",
            Kind::Wps => "import-format-wps",
            Kind::Rtf => "import-format-rtf",
            Kind::Odt => "import-format-odt",
        })
    }

    /// The extension the copy LibreOffice reads is given.
    fn extension(self) -> &'static str {
        match self {
            Kind::Doc => "doc",
            Kind::Wps => "wps",
            Kind::Rtf => "rtf",
            Kind::Odt => "odt",
        }
    }
}

/// How a document is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    /// A plain-text export.
    Text,
    Office(Kind),
}

/// The file extensions of documents import reads, for walking folders.
pub const EXTENSIONS: &[&str] = &["docx", "doc", "wps", "rtf", "odt", "txt"];

/// A document's format by its content first (a `.docx` renamed `.doc`, an
/// encrypted `.docx` that is really an OLE2 file, an `.rtf` saved as
/// `.doc`), else by the extension of `file_name`.
pub fn detect(file_name: &str, bytes: &[u8]) -> Format {
    let extension = Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let by_extension = match extension.as_str() {
        "doc" => Some(Kind::Doc),
        "wps" => Some(Kind::Wps),
        "rtf" => Some(Kind::Rtf),
        "odt" => Some(Kind::Odt),
        _ => None,
    };
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        // OLE2: Word 97-2003 and WPS both store their documents in it.
        return Format::Office(if by_extension == Some(Kind::Wps) {
            Kind::Wps
        } else {
            Kind::Doc
        });
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if text.trim_ascii_start().starts_with(b"{\\rtf") {
        return Format::Office(Kind::Rtf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return if is_odf_text(bytes) || by_extension == Some(Kind::Odt) {
            Format::Office(Kind::Odt)
        } else {
            Format::Docx
        };
    }
    match by_extension {
        Some(kind) => Format::Office(kind),
        None if extension == "docx" => Format::Docx,
        None => Format::Text,
    }
}

/// An OpenDocument text: its first zip entry is `mimetype`, stored, and
/// says so (as the ODF standard requires; the way `file` tells).
fn is_odf_text(bytes: &[u8]) -> bool {
    let field = |at: usize| {
        bytes
            .get(at..at + 2)
            .map_or(0, |b| usize::from(u16::from_le_bytes([b[0], b[1]])))
    };
    let (name_len, extra_len) = (field(26), field(28));
    let name = bytes.get(30..30 + name_len);
    let content = bytes.get(30 + name_len + extra_len..).unwrap_or_default();
    name == Some(b"mimetype".as_slice())
        && content.starts_with(b"application/vnd.oasis.opendocument.text")
}

/// Where LibreOffice is: `REPORTAL_SOFFICE` when set, else `soffice` or
/// `libreoffice` on `PATH` (absolute folders only: a document folder
/// holding a program called `soffice` is never run), else where its
/// installer puts it. Otherwise, where it was looked for.
pub fn find_soffice() -> Result<PathBuf, String> {
    if let Some(named) = std::env::var_os(SOFFICE_VAR).filter(|v| !v.is_empty()) {
        let named = PathBuf::from(named);
        return if named.is_file() {
            Ok(named)
        } else {
            Err(msg!(
                "import-soffice-not-a-file",
                variable = SOFFICE_VAR,
                path = named.display().to_string()
            ))
        };
    }
    let names: &[&str] = if cfg!(windows) {
        &["soffice.exe", "soffice.com", "libreoffice.exe"]
    } else {
        &["soffice", "libreoffice"]
    };
    let path = std::env::var_os("PATH").unwrap_or_default();
    let on_path = std::env::split_paths(&path)
        .filter(|dir| dir.is_absolute())
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)));
    if let Some(found) = on_path.chain(installed()).find(|p| is_program(p)) {
        return Ok(found);
    }
    let mut looked = msg!("import-soffice-looked");
    for place in installed() {
        looked.push_str(&format!(", {}", place.display()));
    }
    Err(looked)
}

/// Where LibreOffice's installers put `soffice`.
fn installed() -> Vec<PathBuf> {
    let mut places = Vec::new();
    if cfg!(windows) {
        let mut roots: Vec<PathBuf> = ["ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"]
            .iter()
            .filter_map(std::env::var_os)
            .map(PathBuf::from)
            .collect();
        roots.push(PathBuf::from(r"C:\Program Files"));
        roots.push(PathBuf::from(r"C:\Program Files (x86)"));
        for root in roots {
            let place = root.join(r"LibreOffice\program\soffice.exe");
            if !places.contains(&place) {
                places.push(place);
            }
        }
    } else if cfg!(target_os = "macos") {
        places.push(PathBuf::from(
            "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        ));
    }
    places
}

fn is_program(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// Turns office documents into `.docx`, one after another, with one
/// LibreOffice profile for the whole import (set up once: it takes
/// LibreOffice a few seconds).
pub struct Converter {
    soffice: Option<Result<PathBuf, String>>,
    folder: Option<TempFolder>,
    /// Conversions so far: each gets a folder of its own.
    jobs: u32,
    /// A stopped LibreOffice may leave its profile locked: the next
    /// conversion starts a new one.
    profiles: u32,
    limit: Duration,
}

impl Default for Converter {
    fn default() -> Self {
        Converter::new()
    }
}

impl Converter {
    /// A converter with the time limit `REPORTAL_SOFFICE_TIMEOUT` gives
    /// (whole seconds), else 60 s.
    pub fn new() -> Converter {
        let limit = std::env::var(TIMEOUT_VAR)
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .filter(|s| *s > 0)
            .map_or(TIME_LIMIT, |s| Duration::from_secs(s.min(24 * 3600)));
        Converter {
            soffice: None,
            folder: None,
            jobs: 0,
            profiles: 0,
            limit,
        }
    }

    /// The `.docx` LibreOffice makes of `bytes`, a document of `kind`.
    pub fn to_docx(&mut self, bytes: &[u8], kind: Kind) -> Result<Vec<u8>, ImportError> {
        let format = kind.describe();
        if let Some(field) = includes_local_file(bytes) {
            return Err(ImportError::Conversion {
                format,
                why: msg!("import-local-file-field", field = field),
            });
        }
        let soffice = self
            .soffice
            .get_or_insert_with(find_soffice)
            .clone()
            .map_err(|looked| ImportError::NoOffice {
                format: format.clone(),
                looked,
            })?;
        let failed = |why: String| ImportError::Conversion {
            format: format.clone(),
            why,
        };
        if self.folder.is_none() {
            let folder = TempFolder::new()
                .map_err(|e| failed(msg!("import-no-temp-folder", reason = e.to_string())))?;
            self.folder = Some(folder);
        }
        let Some(folder) = &self.folder else {
            return Err(failed(msg!("import-no-temp-folder", reason = "-")));
        };
        self.jobs += 1;
        let job = folder.0.join(format!("job{}", self.jobs));
        let profile = folder.0.join(format!("profile{}", self.profiles));
        let result = Job::new(&job, &profile, kind, bytes)
            .map_err(|e| {
                failed(msg!(
                    "import-cannot-copy",
                    path = job.display().to_string(),
                    reason = e.to_string()
                ))
            })
            .and_then(|job| job.run(&soffice, self.limit, &format));
        // The copy and the .docx are not kept; the profile is.
        let _ = std::fs::remove_dir_all(&job);
        if let Err(ImportError::ConversionTimedOut { .. }) = &result {
            self.profiles += 1;
        }
        result
    }
}

/// One conversion's folder: the copy of the document, LibreOffice's
/// output folder and what it printed.
struct Job {
    input: PathBuf,
    output: PathBuf,
    log: PathBuf,
    profile: PathBuf,
    dir: PathBuf,
}

impl Job {
    fn new(dir: &Path, profile: &Path, kind: Kind, bytes: &[u8]) -> std::io::Result<Job> {
        std::fs::create_dir(dir)?;
        let input = dir.join(format!("document.{}", kind.extension()));
        std::fs::write(&input, bytes)?;
        Ok(Job {
            input,
            output: dir.join("out"),
            log: dir.join("soffice.log"),
            profile: profile.to_path_buf(),
            dir: dir.to_path_buf(),
        })
    }

    fn run(&self, soffice: &Path, limit: Duration, format: &str) -> Result<Vec<u8>, ImportError> {
        let failed = |why: String| ImportError::Conversion {
            format: format.to_string(),
            why,
        };
        let profile = url::Url::from_directory_path(&self.profile).map_err(|()| {
            failed(msg!(
                "import-not-absolute",
                path = self.profile.display().to_string()
            ))
        })?;
        let log = std::fs::File::create(&self.log)
            .and_then(|out| Ok((out.try_clone()?, out)))
            .map_err(|e| {
                failed(msg!(
                    "import-cannot-write-log",
                    path = self.log.display().to_string(),
                    reason = e.to_string()
                ))
            })?;
        let mut command = Command::new(soffice);
        command
            .arg("--headless")
            .arg(format!("-env:UserInstallation={profile}"))
            .args(["--norestore", "--convert-to", "docx", "--outdir"])
            .arg(&self.output)
            .arg(&self.input)
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .stdout(log.0)
            .stderr(log.1);
        // A group of its own, to be stopped with everything it started.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = command.spawn().map_err(|e| {
            failed(msg!(
                "import-cannot-start",
                path = soffice.display().to_string(),
                reason = e.to_string()
            ))
        })?;
        let started = Instant::now();
        loop {
            match child.try_wait() {
                Ok(Some(_)) => break,
                Ok(None) if started.elapsed() < limit => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                Ok(None) | Err(_) => {
                    stop(&mut child);
                    return Err(ImportError::ConversionTimedOut {
                        format: format.to_string(),
                        seconds: limit.as_secs(),
                    });
                }
            }
        }
        let docx = self.output.join("document.docx");
        match crate::load::read_at_most(&docx, super::limits::FILE_BYTES) {
            Ok(Some(bytes)) => Ok(bytes),
            Ok(None) => Err(ImportError::TooLarge(msg!(
                "import-docx-too-large",
                mb = super::limits::FILE_BYTES >> 20
            ))),
            Err(_) => Err(failed(said(&self.log))),
        }
    }
}

/// What LibreOffice said when it made no `.docx` (it exits with 0 then
/// too), with a hint at the usual cause.
fn said(log: &Path) -> String {
    let text = std::fs::read(log).unwrap_or_default();
    let text = String::from_utf8_lossy(&text);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.contains("javaldx"))
        .collect();
    let mut said: String = lines.join(" / ").chars().take(300).collect();
    if said.is_empty() {
        said = msg!("import-office-silent");
    }
    msg!("import-office-said", said = said)
}

/// Stops LibreOffice and all it started, and waits for it.
fn stop(child: &mut std::process::Child) {
    #[cfg(unix)]
    if let Ok(group) = libc::pid_t::try_from(child.id()) {
        // SAFETY: kill takes plain integers. The child is not yet waited
        // for, so its id (its group's) cannot have been reused.
        unsafe {
            libc::kill(-group, libc::SIGKILL);
        }
    }
    #[cfg(windows)]
    {
        // soffice.exe starts soffice.bin: end the whole tree.
        let _ = Command::new("taskkill")
            .args(["/T", "/F", "/PID", &child.id().to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// A folder of our own under the system's temp folder, with a name nobody
/// can guess, readable by us only, removed with all it holds when dropped.
struct TempFolder(PathBuf);

impl TempFolder {
    fn new() -> std::io::Result<TempFolder> {
        use std::hash::BuildHasher;
        let base = std::env::temp_dir();
        let mut last = None;
        for attempt in 0u32..16 {
            // RandomState is seeded from the system's random source.
            let random = std::collections::hash_map::RandomState::new().hash_one((
                std::process::id(),
                attempt,
                Instant::now(),
            ));
            let path = base.join(format!("reportal-import-{random:016x}"));
            // Only Unix sets a mode on the builder.
            #[cfg_attr(not(unix), allow(unused_mut))]
            let mut builder = std::fs::DirBuilder::new();
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            match builder.create(&path) {
                Ok(()) => return Ok(TempFolder(path)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| std::io::Error::other("no free name")))
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A Word field that makes LibreOffice read another file into the
/// document it converts (`INCLUDEPICTURE "file:///…"`, `INCLUDETEXT
/// "C:\\…"`): a document from elsewhere could copy any picture the
/// importing user can read into the site, to be published. A picture
/// from the web (`INCLUDEPICTURE "http://…"`, as Word writes when a web
/// page is pasted) is not read. RTF and Word 97 keep field codes as text
/// (8-bit or UTF-16: NUL bytes are dropped before looking).
fn includes_local_file(bytes: &[u8]) -> Option<&'static str> {
    let text: Vec<u8> = bytes
        .iter()
        .filter(|b| **b != 0)
        .map(u8::to_ascii_uppercase)
        .collect();
    for field in ["INCLUDEPICTURE", "INCLUDETEXT"] {
        let mut rest = text.as_slice();
        while let Some(at) = rest
            .windows(field.len())
            .position(|w| w == field.as_bytes())
        {
            rest = &rest[at + field.len()..];
            let target: &[u8] = {
                let skip = rest
                    .iter()
                    .take_while(|b| matches!(b, b' ' | b'"' | b'\t' | b'\\'))
                    .count();
                &rest[skip..]
            };
            if !(target.starts_with(b"HTTP://") || target.starts_with(b"HTTPS://")) {
                return Some(field);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_that_read_local_files_are_found() {
        use super::includes_local_file;
        let rtf = br#"{\rtf1 {\field{\*\fldinst{ INCLUDEPICTURE "file:///tmp/secret.png" \\d }}}}"#;
        assert_eq!(includes_local_file(rtf), Some("INCLUDEPICTURE"));
        let utf16: Vec<u8> = "includeText \"C:\\a.doc\""
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(includes_local_file(&utf16), Some("INCLUDETEXT"));
        let web = br#"INCLUDEPICTURE "http://example.org/a.png" \* MERGEFORMATINET"#;
        assert_eq!(includes_local_file(web), None);
        assert_eq!(includes_local_file(b"plain text"), None);
    }

    use super::*;

    #[test]
    fn formats_are_told_by_content_before_extension() {
        let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest";
        assert_eq!(detect("a.doc", ole), Format::Office(Kind::Doc));
        assert_eq!(detect("a.WPS", ole), Format::Office(Kind::Wps));
        // An encrypted .docx is an OLE2 file.
        assert_eq!(detect("a.docx", ole), Format::Office(Kind::Doc));
        assert_eq!(
            detect("a.doc", b"{\\rtf1\\ansi x}"),
            Format::Office(Kind::Rtf)
        );
        assert_eq!(
            detect("a.txt", b"\xEF\xBB\xBF{\\rtf1"),
            Format::Office(Kind::Rtf)
        );
        let mut odt = b"PK\x03\x04".to_vec();
        odt.extend([0; 22]);
        odt.extend([8, 0, 0, 0]);
        odt.extend(b"mimetypeapplication/vnd.oasis.opendocument.text");
        assert_eq!(detect("report", &odt), Format::Office(Kind::Odt));
        assert_eq!(detect("a.docx", b"PK\x03\x04..."), Format::Docx);
        assert_eq!(detect("a.odt", b"PK\x03\x04..."), Format::Office(Kind::Odt));
        assert_eq!(detect("a.odt.docx", b"PK\x03\x04..."), Format::Docx);
        assert_eq!(detect("a.doc", b"<html>"), Format::Office(Kind::Doc));
        assert_eq!(detect("a.txt", "序号".as_bytes()), Format::Text);
        assert_eq!(detect("a.docx", b"short"), Format::Docx);
        // Cut short: no panic.
        assert_eq!(detect("x", b"PK\x03\x04\xff"), Format::Docx);
    }

    #[test]
    fn a_temp_folder_is_private_and_removed() {
        let folder = TempFolder::new().expect("temp folder");
        let path = folder.0.clone();
        std::fs::write(path.join("x"), "x").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = path.metadata().expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        drop(folder);
        assert!(!path.exists());
    }
}
