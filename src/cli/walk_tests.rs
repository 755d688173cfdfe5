//! Tests of the walk's path helpers: plain paths rooted, sorted and stripped as bytes
//! agree with the component-wise forms they stand in for.

use super::*;

#[test]
fn plain_paths_sort_as_their_components_do() {
    let names = [
        "/a", "/a/b", "/a-b", "/a.txt", "/a/b/c", "/ab", "/a b", "a", "a/b", "a-b", "b", "/é",
        "/z", "a0", "a/", "./a", "a/../b", "a//b", "-x",
    ];
    let mut by_components: Vec<Input> = names
        .iter()
        .map(|n| Input::File(PathBuf::from(n)))
        .collect();
    let mut by_keys = by_components.clone();
    by_components.sort();
    sort_inputs(&mut by_keys);
    assert_eq!(by_keys, by_components);
    // All plain: the byte keys decide.
    let mut plain: Vec<Input> = names[..14]
        .iter()
        .rev()
        .map(|n| Input::File(PathBuf::from(n)))
        .collect();
    assert!(plain.iter().all(|i| plain_key(i.display_path()).is_some()));
    let mut sorted = plain.clone();
    sorted.sort();
    sort_inputs(&mut plain);
    assert_eq!(plain, sorted);
    // Each pair of plain names orders as its paths do.
    for a in &names[..14] {
        for b in &names[..14] {
            let (pa, pb) = (Path::new(a), Path::new(b));
            assert_eq!(plain_key(pa).cmp(&plain_key(pb)), pa.cmp(pb), "{a} {b}");
        }
    }
}

#[test]
fn plain_prefixes_strip_as_components_do() {
    let paths = [
        "/a", "/a/b", "/ab", "/a/b/c", "a", "a/b", "ab/c", "/a/./b", "./a", "a//b",
    ];
    for path in paths {
        for root in paths {
            let (p, r) = (Path::new(path), Path::new(root));
            let by_components = p.strip_prefix(r).unwrap_or(p);
            let by_components = by_components.strip_prefix("./").unwrap_or(by_components);
            assert_eq!(relative_to(p, r), by_components, "{path} {root}");
        }
    }
}

#[test]
fn plain_absolute_paths_are_rooted_as_they_are() {
    for plain in ["/", "/a", "/work/corpus/bbc/sport/001.txt", "/a b/ç.md"] {
        let path = Path::new(plain);
        assert_eq!(rooted(path), folded(path), "{plain}");
    }
    for (path, plain) in [
        ("/a/./b", false),
        ("/a/../b", false),
        ("/a//b", false),
        ("/a/b/", false),
        ("/a/b/.", false),
        ("a/b", false),
        ("/a/.b/c..", true),
        ("/a/b", true),
    ] {
        assert_eq!(is_plain_absolute(Path::new(path)), plain, "{path}");
        assert_eq!(rooted(Path::new(path)), folded(Path::new(path)), "{path}");
    }
}
