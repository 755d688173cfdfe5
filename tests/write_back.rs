//! Writing fixed files back (issue 10, items 3 to 5): through symbolic links to the real
//! article (fixed once), keeping owner, group, mode, hard links and extended attributes,
//! and refusing read-only files.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};

use common::Desk;

const BROKEN: &str = "# Quay works\n\nThe the quay reopens in June.\n\nPhoto: Gull Post/Ann Roe\n";
const FIXED: &str = "# Quay works\n\nThe quay reopens in June.\n\nPhoto: Gull Post/Ann Roe\n";

fn fix(desk: &Desk, args: &[&str]) -> common::Run {
    let mut all = vec!["check", "--isolated", "--fix"];
    all.extend_from_slice(args);
    desk.run(&all)
}

#[test]
fn a_symbolic_link_is_written_through_and_its_target_fixed_once() {
    let desk = Desk::new();
    let real = desk.write("a.md", BROKEN);
    std::os::unix::fs::symlink("a.md", desk.path().join("b.md")).unwrap();
    fix(&desk, &["b.md"]).expect_code(0);
    assert!(
        std::fs::symlink_metadata(desk.path().join("b.md"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(std::fs::read_to_string(&real).unwrap(), FIXED);

    // A folder holding both: the article is fixed once and stays one file.
    std::fs::write(&real, BROKEN).unwrap();
    let run = fix(&desk, &["."]);
    run.expect_code(0);
    assert_eq!(std::fs::read_to_string(&real).unwrap(), FIXED);
    assert!(
        std::fs::symlink_metadata(desk.path().join("b.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn owner_group_mode_hard_links_and_attributes_are_kept() {
    let desk = Desk::new();
    let path = desk.write("story.md", BROKEN);
    let twin = desk.path().join("twin.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: NUL-terminated name and path, value valid for its length.
    let set = unsafe {
        libc::setxattr(
            c_path.as_ptr(),
            c"user.desk".as_ptr(),
            b"metro".as_ptr().cast(),
            5,
            0,
        )
    };
    let has_xattrs = set == 0;
    // As root (containers, `sudo` over a mounted repo) the file may belong to someone else.
    let as_root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    if as_root {
        std::os::unix::fs::chown(&path, Some(4321), Some(4322)).unwrap();
    }
    let before = std::fs::metadata(&path).unwrap();

    fix(&desk, &["story.md"]).expect_code(0);
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FIXED);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    assert_eq!(after.mode() & 0o7777, 0o640);
    if has_xattrs {
        let mut value = [0u8; 16];
        // SAFETY: as above; `value` is valid for 16 bytes.
        let got = unsafe {
            libc::getxattr(
                c_path.as_ptr(),
                c"user.desk".as_ptr(),
                value.as_mut_ptr().cast(),
                value.len(),
            )
        };
        assert_eq!(got, 5, "the extended attribute was lost");
        assert_eq!(&value[..5], b"metro");
    }

    // A hard link: both names still show the one fixed article.
    std::fs::write(&path, BROKEN).unwrap();
    std::fs::hard_link(&path, &twin).unwrap();
    fix(&desk, &["story.md", "twin.md"]).expect_code(0);
    assert_eq!(std::fs::read_to_string(&twin).unwrap(), FIXED);
    assert_eq!(std::fs::metadata(&path).unwrap().nlink(), 2);
    assert_eq!(
        std::fs::metadata(&path).unwrap().ino(),
        std::fs::metadata(&twin).unwrap().ino()
    );
}

#[test]
fn a_read_only_file_is_not_rewritten() {
    let desk = Desk::new();
    let path = desk.write("story.md", BROKEN);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let run = fix(&desk, &["story.md"]);
    run.expect_code(2);
    assert!(run.stderr.contains("read-only"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), BROKEN);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
}
