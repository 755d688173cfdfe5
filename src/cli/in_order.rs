//! Work on several threads, results taken in order: the threads (the calling one among
//! them) take the items a few at a time, in order (an atomic counter hands out [`BATCH`]
//! items at once), and the calling thread takes the results in item order as they arrive,
//! holding the few that come early. No item starts more than [`WINDOW`] items ahead of the
//! results taken, so memory stays bounded whatever the order the items finish in.
//!
//! This replaced chunks of 256 files linted by a rayon pool, each reported while the next
//! was linted: at every chunk's end the workers waited for its last file and for the next
//! chunk to start, and a run over 40 copies of the BBC archive kept its 2 cores only 1.75
//! busy. Items go in batches because each hand-over can wake a sleeping thread, a system
//! call this machine makes dear: handed over one at a time, the same run took 3.3 s where
//! the chunks took 2.9 s.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::sync::{Condvar, Mutex, mpsc};

/// How many items may be done and not yet taken: enough that a slow file does not stall
/// the workers, few enough that memory does not grow with the archive.
const WINDOW: usize = 512;

/// How many items in a row a worker takes at once and hands back together.
const BATCH: usize = 16;

/// What the workers and the taking thread share.
struct Shared {
    /// The first item of the next batch to hand out.
    next: AtomicUsize,
    /// How many results have been taken: item `i` may start once `i < taken + WINDOW`.
    taken: AtomicUsize,
    /// Set when the taker has stopped (or a thread panicked): no item is started after.
    stop: AtomicBool,
    /// Workers waiting for `taken` to move: only then does moving it wake anyone.
    waiting: AtomicUsize,
    lock: Mutex<()>,
    moved: Condvar,
}

impl Shared {
    fn has_room(&self, i: usize) -> bool {
        i < self.taken.load(SeqCst) + WINDOW
    }

    /// Wait until item `i` is inside the window; false if the run stopped instead.
    fn wait_for_room(&self, i: usize) -> bool {
        if !self.has_room(i) {
            let mut guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
            // Counted before `taken` is read again: a taker that then finds no one waiting
            // moved `taken` before this reads it.
            self.waiting.fetch_add(1, SeqCst);
            while !self.has_room(i) && !self.stop.load(SeqCst) {
                guard = self.moved.wait(guard).unwrap_or_else(|e| e.into_inner());
            }
            self.waiting.fetch_sub(1, SeqCst);
        }
        !self.stop.load(SeqCst)
    }

    /// Wake the workers waiting for `taken` to move or the run to stop. The lock is taken
    /// so that a worker between its check and its wait cannot miss the news.
    fn wake(&self) {
        if self.waiting.load(SeqCst) > 0 {
            drop(self.lock.lock().unwrap_or_else(|e| e.into_inner()));
            self.moved.notify_all();
        }
    }

    fn move_to(&self, taken: usize) {
        self.taken.store(taken, SeqCst);
        self.wake();
    }

    fn halt(&self) {
        self.stop.store(true, SeqCst);
        self.wake();
    }
}

/// Stops the run when dropped during a panic (a worker's or the taker's), so no thread
/// waits for a result that will never come.
struct HaltOnPanic<'a>(&'a Shared);

impl Drop for HaltOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.halt();
        }
    }
}

/// Run `work` on every item on `threads` threads, this one among them, and hand each
/// result to `take` with its item's index, in item order, on this thread. `take` returns
/// false to stop: no item is started after that, and results still to come are dropped.
/// If a thread cannot be started, those that could (this one at least) do the work.
///
/// This thread works too, taking the results that came in between its own batches: with
/// a thread of its own for them, three threads shared two cores, and each switch between
/// them cost both the switch and the caches' contents.
pub(super) fn run<T, R>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    take: impl FnMut(usize, R) -> bool,
) where
    T: Sync,
    R: Send,
{
    let shared = Shared {
        next: AtomicUsize::new(0),
        taken: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
        waiting: AtomicUsize::new(0),
        lock: Mutex::new(()),
        moved: Condvar::new(),
    };
    let (shared, work) = (&shared, &work);
    let next_batch = move || {
        let first = shared.next.fetch_add(BATCH, SeqCst);
        let batch = items.get(first..items.len().min(first + BATCH))?;
        (!batch.is_empty()).then_some((first, batch))
    };
    std::thread::scope(|scope| {
        let (sender, batches) = mpsc::channel::<(usize, Vec<R>)>();
        for n in 1..threads {
            let sender = sender.clone();
            let worker = move || {
                let _halt = HaltOnPanic(shared);
                while let Some((first, batch)) = next_batch() {
                    if !shared.wait_for_room(first + batch.len() - 1) {
                        break;
                    }
                    let done = batch.iter().map(work).collect();
                    if sender.send((first, done)).is_err() {
                        break;
                    }
                }
            };
            let spawned = std::thread::Builder::new()
                .name(format!("newslint-{n}"))
                .spawn_scoped(scope, worker);
            if spawned.is_err() {
                // Fewer threads than asked for: those running share the work.
                break;
            }
        }
        drop(sender);
        let _halt = HaltOnPanic(shared);
        let mut taker = Taker {
            shared,
            early: VecDeque::new(),
            taken: 0,
            take,
        };
        'work: while let Some((first, batch)) = next_batch() {
            // What came in meanwhile; and, so as never to wait for itself, what this
            // thread's batch needs taken first to fit in the window.
            loop {
                let fits = shared.has_room(first + batch.len() - 1);
                let came = if fits {
                    batches.try_recv().ok()
                } else {
                    batches.recv().ok()
                };
                match came {
                    Some((at, done)) => {
                        if !taker.accept(at, done) {
                            break 'work;
                        }
                    }
                    None if fits => break,
                    // Every other thread has stopped, with results missing: a panic, which
                    // the scope passes on.
                    None => break 'work,
                }
            }
            let done = batch.iter().map(work).collect();
            if !taker.accept(first, done) {
                break;
            }
        }
        if !shared.stop.load(SeqCst) {
            for (at, done) in batches.iter() {
                if !taker.accept(at, done) {
                    break;
                }
            }
        }
        // Threads still sending find the channel closed, and stop.
        drop(batches);
    });
}

/// The results of a run as they come in, and what takes them in order.
struct Taker<'a, R, F> {
    shared: &'a Shared,
    /// Results not yet taken, from item `taken` on; `None` for those still to come.
    early: VecDeque<Option<R>>,
    taken: usize,
    take: F,
}

impl<R, F: FnMut(usize, R) -> bool> Taker<'_, R, F> {
    /// Add a batch of results from item `first`, and take those now in order; false once
    /// `take` has said stop (the run is halted).
    fn accept(&mut self, first: usize, done: Vec<R>) -> bool {
        let at = first - self.taken;
        if self.early.len() < at + done.len() {
            self.early.resize_with(at + done.len(), || None);
        }
        for (slot, result) in self.early.range_mut(at..).zip(done) {
            *slot = Some(result);
        }
        let before = self.taken;
        while let Some(Some(_)) = self.early.front() {
            let result = self.early.pop_front().flatten().expect("just seen");
            if !(self.take)(self.taken, result) {
                self.shared.halt();
                return false;
            }
            self.taken += 1;
        }
        if self.taken != before {
            self.shared.move_to(self.taken);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::Ordering;
    use std::time::Duration;

    #[test]
    fn every_result_is_taken_once_in_item_order() {
        let items: Vec<usize> = (0..5_000).collect();
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            run(
                &items,
                threads,
                |&n| {
                    // Items finish out of order: some take longer than those after them.
                    if n % 97 == 0 {
                        std::thread::sleep(Duration::from_micros(300));
                    }
                    n * 2
                },
                |i, doubled| {
                    assert_eq!(doubled, items[i] * 2);
                    seen.push(i);
                    true
                },
            );
            assert_eq!(seen, items, "{threads} threads");
        }
    }

    #[test]
    fn fewer_items_than_threads_or_none_at_all() {
        for count in [0, 1, 5, BATCH + 1] {
            let items: Vec<usize> = (0..count).collect();
            let mut seen = Vec::new();
            run(
                &items,
                8,
                |&n| n,
                |i, n| {
                    assert_eq!(i, n);
                    seen.push(i);
                    true
                },
            );
            assert_eq!(seen, items, "{count} items");
        }
    }

    #[test]
    fn no_item_runs_more_than_the_window_ahead_of_the_results_taken() {
        let items: Vec<usize> = (0..4 * WINDOW).collect();
        let taken = AtomicUsize::new(0);
        let furthest_ahead = AtomicUsize::new(0);
        run(
            &items,
            4,
            |&n| {
                let ahead = n.saturating_sub(taken.load(Ordering::SeqCst));
                furthest_ahead.fetch_max(ahead, Ordering::SeqCst);
                n
            },
            |i, _| {
                // A slow taker: the workers must wait for it rather than run on.
                if i % 64 == 0 {
                    std::thread::sleep(Duration::from_millis(2));
                }
                taken.store(i + 1, Ordering::SeqCst);
                true
            },
        );
        let furthest = furthest_ahead.load(Ordering::SeqCst);
        assert!(
            furthest < WINDOW,
            "an item ran {furthest} ahead of the last taken"
        );
        assert!(
            furthest > 0,
            "the workers never ran ahead: nothing was in parallel"
        );
    }

    #[test]
    fn a_taker_that_stops_ends_the_run_and_starts_nothing_more() {
        let items: Vec<usize> = (0..100 * WINDOW).collect();
        let started = AtomicUsize::new(0);
        let mut taken = 0;
        run(
            &items,
            2,
            |&n| {
                started.fetch_add(1, Ordering::SeqCst);
                n
            },
            |_, _| {
                taken += 1;
                taken < 10
            },
        );
        assert_eq!(taken, 10);
        // At most the window (and a batch per worker) was started past the last taken.
        assert!(started.load(Ordering::SeqCst) <= 10 + WINDOW + 2 * BATCH);
    }

    /// Whether two threads over many items, with `work` and `take`, end in a panic that
    /// reaches the caller (the test hangs if they wait for each other instead).
    fn panics(
        work: impl Fn(&usize) -> usize + Sync,
        take: impl FnMut(usize, usize) -> bool,
    ) -> bool {
        let items: Vec<usize> = (0..10 * WINDOW).collect();
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(&items, 2, work, take)))
            .is_err()
    }

    #[test]
    fn a_panic_in_a_worker_reaches_the_caller_instead_of_hanging() {
        assert!(panics(
            |&n| {
                assert_ne!(n, 3, "item 3 fails");
                n
            },
            |_, _| true,
        ));
    }

    #[test]
    fn a_panic_in_the_taker_reaches_the_caller_instead_of_hanging() {
        assert!(panics(
            |&n| n,
            |i, _| {
                assert_ne!(i, 5, "the report of item 5 fails");
                true
            },
        ));
    }
}
