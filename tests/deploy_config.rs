//! The host configurations in `deploy/` send the page's own Content-Security-Policy
//! (the meta tag in `index.html`) plus `frame-ancestors 'none'`, and cache only the
//! content-hashed assets for long. A policy changed in one place fails here.

use std::collections::BTreeSet;
use std::fs;

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The directives of a policy, order and spacing aside.
fn directives(policy: &str) -> BTreeSet<String> {
    policy
        .split(';')
        .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|d| !d.is_empty())
        .collect()
}

fn meta_policy() -> BTreeSet<String> {
    let html = read("index.html");
    let at = html
        .find("http-equiv=\"Content-Security-Policy\"")
        .expect("index.html has a CSP meta tag");
    let content = &html[at..];
    let start = content
        .find("content=\"")
        .expect("the meta tag has content")
        + 9;
    let end = content[start..].find('"').expect("closing quote") + start;
    directives(&content[start..end])
}

fn expected_header() -> BTreeSet<String> {
    let mut d = meta_policy();
    assert!(
        !d.iter().any(|x| x.starts_with("frame-ancestors")),
        "a meta tag cannot set frame-ancestors"
    );
    d.insert("frame-ancestors 'none'".into());
    d
}

/// `_headers` as (path, [(name, value)]) blocks.
fn header_blocks(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut blocks: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            blocks.push((trimmed.to_owned(), Vec::new()));
        } else {
            let (name, value) = trimmed.split_once(':').expect("Name: value");
            blocks
                .last_mut()
                .expect("a header belongs to a path")
                .1
                .push((name.trim().to_lowercase(), value.trim().to_owned()));
        }
    }
    blocks
}

#[test]
fn netlify_and_cloudflare_headers_match_the_page_policy() {
    let blocks = header_blocks(&read("deploy/_headers"));
    let value = |path: &str, name: &str| -> Vec<String> {
        blocks
            .iter()
            .filter(|(p, _)| p == path)
            .flat_map(|(_, hs)| hs.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()))
            .collect()
    };
    let csp = value("/*", "content-security-policy");
    assert_eq!(csp.len(), 1, "one policy for every path");
    assert_eq!(directives(&csp[0]), expected_header());
    assert_eq!(value("/*", "x-content-type-options"), ["nosniff"]);
    // Rules that match a path are merged, so no path may get two Cache-Control values.
    assert!(value("/*", "cache-control").is_empty());
    assert_eq!(value("/", "cache-control"), ["no-cache"]);
    assert_eq!(value("/index.html", "cache-control"), ["no-cache"]);
    assert_eq!(
        value("/assets/*", "cache-control"),
        ["public, max-age=31536000, immutable"]
    );
    // The release build copies the file into dist/.
    assert!(read("index.html").contains("rel=\"copy-file\" href=\"deploy/_headers\""));
}

#[test]
fn nginx_sends_the_page_policy_in_every_location() {
    let conf = read("deploy/nginx.conf");
    let policies: Vec<&str> = conf
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("add_header Content-Security-Policy \"")
        })
        .map(|rest| rest.split('"').next().unwrap_or_default())
        .collect();
    let locations = conf
        .lines()
        .filter(|l| l.trim().starts_with("location "))
        .count();
    assert!(locations >= 4, "{locations} locations");
    // nginx drops inherited add_header lines in a block with its own: one per location.
    assert_eq!(policies.len(), locations);
    for p in policies {
        assert_eq!(directives(p), expected_header());
    }
    let assets = &conf[conf.find("location /assets/").expect("an assets location")..];
    let assets = &assets[..assets.find('}').unwrap()];
    assert!(assets.contains("max-age=31536000, immutable"));
    let index = &conf[conf
        .find("location = /index.html")
        .expect("an index location")..];
    let index = &index[..index.find('}').unwrap()];
    assert!(index.contains("Cache-Control \"no-cache\""));
}
