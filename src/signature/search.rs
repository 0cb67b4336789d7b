//! The variant search: which small change to the request makes the key
//! give the signature that was sent. One change at a time, then pairs of
//! changes to different parts, up to a bound.

use super::cos::{signed_other_summary, undetermined_summary};
use super::{Difference, Report, Strings, Verdict};

/// One change to a canonical form `T`, and how to say it.
pub struct Change<T> {
    pub diff: Difference,
    pub apply: Box<dyn Fn(&mut T)>,
}

impl<T> Change<T> {
    /// A change of `part` (`name`) from what was sent to what may have
    /// been signed, or none when the two are the same.
    pub fn of(
        part: &'static str,
        name: &str,
        sent: &str,
        signed: &str,
        apply: Box<dyn Fn(&mut T)>,
    ) -> Option<Change<T>> {
        (sent != signed).then(|| Change {
            diff: Difference {
                part,
                name: name.to_owned(),
                sent: super::shown(name, sent),
                other: super::shown(name, signed),
            },
            apply,
        })
    }
}

/// Signatures computed at most per search: pairs of a few dozen changes
/// fit, and a hostile request with hundreds of headers stays fast.
pub const MAX_TRIES: usize = 20_000;

/// What a search found: the change or pair that explains the signature,
/// and how many variants were tried.
pub struct Found {
    pub first: usize,
    pub second: Option<usize>,
}

/// Tries each change, then each pair of changes that touch different
/// parts, and returns the first whose result passes `test`. `tries` counts
/// the variants tried; it never exceeds [`MAX_TRIES`].
pub fn search<T: Clone>(
    base: &T,
    changes: &[Change<T>],
    test: &dyn Fn(&T) -> bool,
    tries: &mut usize,
) -> Option<Found> {
    for (i, c) in changes.iter().enumerate() {
        if *tries >= MAX_TRIES {
            return None;
        }
        *tries += 1;
        let mut v = base.clone();
        (c.apply)(&mut v);
        if test(&v) {
            return Some(Found {
                first: i,
                second: None,
            });
        }
    }
    for (i, a) in changes.iter().enumerate() {
        for (j, b) in changes.iter().enumerate().skip(i + 1) {
            if a.diff.part == b.diff.part && a.diff.name == b.diff.name {
                continue;
            }
            if *tries >= MAX_TRIES {
                return None;
            }
            *tries += 1;
            let mut v = base.clone();
            (a.apply)(&mut v);
            (b.apply)(&mut v);
            if test(&v) {
                return Some(Found {
                    first: i,
                    second: Some(j),
                });
            }
        }
    }
    None
}

/// Puts a search's outcome in the report: the variant the client signed
/// (with the two strings side by side, from `strings` of the signed
/// variant), or a search stopped at its bound, else what `none` says.
pub fn settle<T: Clone>(
    r: &mut Report,
    (base, changes): (&T, &[Change<T>]),
    (found, tries): (Option<Found>, usize),
    strings: impl FnOnce(&T) -> Strings,
    none: impl FnOnce(&mut Report),
) {
    match found {
        Some(f) => {
            let mut signed = base.clone();
            (changes[f.first].apply)(&mut signed);
            if let Some(j) = f.second {
                (changes[j].apply)(&mut signed);
            }
            let first = changes[f.first].diff.clone();
            let second = f.second.map(|j| changes[j].diff.clone());
            r.verdict = Verdict::SignedOtherRequest;
            r.summary = signed_other_summary(&first, second.as_ref());
            r.strings = Some(strings(&signed));
            r.first_difference = Some(first);
            r.second_difference = second;
        }
        None if tries >= MAX_TRIES => {
            r.missing
                .push("a search over every pair of changes (stopped at its bound)".to_owned());
            r.summary = undetermined_summary(r);
        }
        None => none(r),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(part: &'static str, name: &str, add: i32) -> Change<i32> {
        Change {
            diff: Difference {
                part,
                name: name.to_owned(),
                sent: String::new(),
                other: String::new(),
            },
            apply: Box::new(move |v| *v += add),
        }
    }

    #[test]
    fn singles_come_before_pairs_and_pairs_touch_two_parts() {
        let changes = vec![
            change("a", "x", 1),
            change("a", "x", 10),
            change("b", "y", 100),
        ];
        let mut tries = 0;
        let f = search(&0, &changes, &|v| *v == 10, &mut tries).unwrap();
        assert_eq!((f.first, f.second), (1, None));
        let f = search(&0, &changes, &|v| *v == 110, &mut tries).unwrap();
        assert_eq!((f.first, f.second), (1, Some(2)));
        // Two changes of one part are never combined.
        assert!(search(&0, &changes, &|v| *v == 11, &mut tries).is_none());
    }

    #[test]
    fn the_search_is_bounded() {
        let changes: Vec<_> = (0..1000).map(|i| change("h", &i.to_string(), 1)).collect();
        let mut tries = 0;
        assert!(search(&0, &changes, &|_| false, &mut tries).is_none());
        assert_eq!(tries, MAX_TRIES);
    }
}
