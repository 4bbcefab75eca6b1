//! Renders the Chinese user guide (docs/用户手册.md) as one standalone HTML
//! page for the Windows package: office staff open it with a double click,
//! where a `.md` file would open in nothing useful. Used by dist/windows.sh:
//!
//!     cargo run --example guide_html -- docs/用户手册.md 用户手册.html

use pulldown_cmark::{Options, Parser, html};

const STYLE: &str = "body{max-width:46em;margin:2em auto;padding:0 1em;line-height:1.7;\
font-family:\"Microsoft YaHei\",\"PingFang SC\",\"Noto Sans CJK SC\",sans-serif;color:#222}\
pre{background:#f5f5f5;padding:.6em .8em;overflow-x:auto;line-height:1.4}\
code{font-family:Consolas,\"Courier New\",monospace;background:#f5f5f5;padding:0 .2em}\
pre code{padding:0}table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.3em .6em}\
blockquote{margin-left:0;padding-left:1em;border-left:4px solid #ddd;color:#555}";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [from, to] = args.as_slice() else {
        eprintln!("usage: guide_html GUIDE.md OUT.html");
        std::process::exit(2);
    };
    let markdown = std::fs::read_to_string(from).unwrap_or_else(|e| {
        eprintln!("cannot read {from}: {e}");
        std::process::exit(1);
    });
    let title = markdown
        .lines()
        .find_map(|line| line.strip_prefix("# "))
        .unwrap_or("用户手册");
    let mut body = String::new();
    html::push_html(
        &mut body,
        Parser::new_ext(&markdown, Options::ENABLE_TABLES),
    );
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        html_escape::encode_text(title)
    );
    if let Err(e) = std::fs::write(to, page) {
        eprintln!("cannot write {to}: {e}");
        std::process::exit(1);
    }
}
