//! CommonMark's "process emphasis" (spec 0.31.2, appendix "An algorithm
//! for parsing nested emphasis and links") over the delimiter runs of one
//! scope, with GFM's strikethrough: which runs pair, and how.

use std::ops::Range;

use super::chars::{After, Before, left_flanking, right_flanking};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Emphasis,
    Strong,
    Strikethrough,
}

/// A pairing: its kind, and the source range from the opening delimiter
/// to the closing one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub kind: Kind,
    pub range: Range<usize>,
}

/// A run of `*`, `_` or `~` as typed, and what pairing made of it.
#[derive(Debug)]
pub struct Run {
    pub ch: u8,
    /// Byte offset of its first character in the source.
    pub start: usize,
    pub len: usize,
    can_open: bool,
    can_close: bool,
    /// Characters used by closings (taken from the left).
    pub closed: usize,
    /// Characters used by openings (taken from the right).
    pub opened: usize,
    /// Openings, outermost first.
    pub opens: Vec<Pair>,
    /// Closings, innermost first.
    pub closes: Vec<Pair>,
}

impl Run {
    pub fn new(ch: u8, start: usize) -> Run {
        Run {
            ch,
            start,
            len: 1,
            can_open: false,
            can_close: false,
            closed: 0,
            opened: 0,
            opens: Vec::new(),
            closes: Vec::new(),
        }
    }

    /// Decides whether the run can open and close, from its neighbours.
    pub fn judge(&mut self, before: Before, after: After) {
        let left = left_flanking(before, after);
        let right = right_flanking(before, after);
        (self.can_open, self.can_close) = match self.ch {
            b'_' => (
                left && (!right || before.is_punct()),
                right && (!left || after.is_punct()),
            ),
            // GFM: one or two tildes; longer runs are text.
            b'~' if self.len > 2 => (false, false),
            _ => (left, right),
        };
    }

    fn left(&self) -> usize {
        self.len - self.closed - self.opened
    }

    /// Index into `openers_bottom`: character, length mod 3, can open.
    fn bottom_key(&self) -> usize {
        let ch = match self.ch {
            b'*' => 0,
            b'_' => 1,
            _ => 2,
        };
        (ch * 3 + self.len % 3) * 2 + usize::from(self.can_open)
    }
}

/// Pairs the runs (in source order) as CommonMark does.
pub fn pair(runs: &mut [Run]) {
    let mut active: Vec<bool> = runs.iter().map(|r| r.can_open || r.can_close).collect();
    let mut bottoms = [0usize; 18];
    let mut closer = 0;
    while closer < runs.len() {
        if !active[closer] || !runs[closer].can_close || runs[closer].left() == 0 {
            closer += 1;
            continue;
        }
        let key = runs[closer].bottom_key();
        let opener = (bottoms[key]..closer)
            .rev()
            .find(|&o| active[o] && matches(&runs[o], &runs[closer]));
        let Some(opener) = opener else {
            bottoms[key] = closer;
            if !runs[closer].can_open {
                active[closer] = false;
            }
            closer += 1;
            continue;
        };
        join(runs, opener, closer);
        for between in &mut active[opener + 1..closer] {
            *between = false;
        }
        if runs[opener].left() == 0 {
            active[opener] = false;
        }
        if runs[closer].left() == 0 {
            active[closer] = false;
            closer += 1;
        }
    }
}

fn matches(opener: &Run, closer: &Run) -> bool {
    if opener.ch != closer.ch || !opener.can_open || opener.left() == 0 {
        return false;
    }
    if opener.ch == b'~' {
        return opener.left() == closer.left();
    }
    // The rule of 3: `*foo**bar*` is not `<em>foo</em><em>bar</em>`.
    let both_ways = opener.can_close || closer.can_open;
    let sum = opener.len + closer.len;
    !(both_ways
        && sum.is_multiple_of(3)
        && !(opener.len.is_multiple_of(3) && closer.len.is_multiple_of(3)))
}

fn join(runs: &mut [Run], opener: usize, closer: usize) {
    let (o, c) = (&runs[opener], &runs[closer]);
    let (used, kind) = match o.ch {
        b'~' => (c.left(), Kind::Strikethrough),
        _ if o.left() >= 2 && c.left() >= 2 => (2, Kind::Strong),
        _ => (1, Kind::Emphasis),
    };
    let from = o.start + o.len - o.opened - used;
    let to = c.start + c.closed + used;
    let found = Pair {
        kind,
        range: from..to,
    };
    runs[opener].opened += used;
    runs[opener].opens.insert(0, found.clone());
    runs[closer].closed += used;
    runs[closer].closes.push(found);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(ch: u8, start: usize, len: usize, open: bool, close: bool) -> Run {
        let mut run = Run::new(ch, start);
        run.len = len;
        run.can_open = open;
        run.can_close = close;
        run
    }

    #[test]
    fn pairs_strong_then_emphasis_from_a_run_of_three() {
        // ***a***
        let mut runs = [run(b'*', 0, 3, true, false), run(b'*', 4, 3, false, true)];
        pair(&mut runs);
        assert_eq!(runs[0].opens[0].kind, Kind::Emphasis);
        assert_eq!(runs[0].opens[1].kind, Kind::Strong);
        assert_eq!(runs[1].closes[0].kind, Kind::Strong);
        assert_eq!(runs[0].opens[0].range, 0..7);
        assert_eq!(runs[0].opens[1].range, 1..6);
    }

    #[test]
    fn tildes_pair_only_with_the_same_length() {
        let mut runs = [run(b'~', 0, 2, true, false), run(b'~', 3, 1, false, true)];
        pair(&mut runs);
        assert!(runs[0].opens.is_empty());
    }
}
