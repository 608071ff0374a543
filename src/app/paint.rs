//! Work that waits until the browser has painted the frame the user is looking at,
//! so the first screen shows before anything it does not need.

use gloo::render::AnimationFrame;
use std::cell::RefCell;
use std::rc::Rc;

/// Work waiting for a frame; dropping it cancels the work.
pub struct FrameAfterPaint {
    _first: AnimationFrame,
    _second: Rc<RefCell<Option<AnimationFrame>>>,
}

/// Runs `f` at the start of the frame after the next paint: what is drawn so far
/// is shown first, and what `f` changes is laid out and painted in the frame
/// after. Runs nothing in a hidden tab until it is shown.
pub fn in_frame_after_paint(f: impl FnOnce() + 'static) -> FrameAfterPaint {
    let second = Rc::new(RefCell::new(None));
    let slot = Rc::downgrade(&second);
    let first = gloo::render::request_animation_frame(move |_| {
        if let Some(slot) = slot.upgrade() {
            *slot.borrow_mut() = Some(gloo::render::request_animation_frame(move |_| f()));
        }
    });
    FrameAfterPaint {
        _first: first,
        _second: second,
    }
}
