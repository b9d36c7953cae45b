//! Start / stop events: callbacks the caller registers (CPython's
//! `gc.callbacks`), called before and after every collection.

use crate::generation::Generation;
use crate::object::GcObject;
use crate::Collector;

/// When a callback is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Before the collection starts (`"start"`); counts in the info are 0.
    Start,
    /// After it finished (`"stop"`).
    Stop,
}

impl Phase {
    /// CPython's name of the phase: `"start"` or `"stop"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Phase::Start => "start",
            Phase::Stop => "stop",
        }
    }
}

/// The info dictionary CPython passes to callbacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CollectionInfo {
    /// The generation being collected.
    pub generation: Generation,
    /// Objects collected (0 at `Start`).
    pub collected: usize,
    /// Uncollectable objects found (0 at `Start`).
    pub uncollectable: usize,
}

/// A registered callback's identity, for removal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CallbackId(u64);

/// A collection callback.
pub type Callback = Box<dyn FnMut(Phase, CollectionInfo)>;

/// The registered callbacks.
#[derive(Default)]
pub(crate) struct Callbacks {
    next_id: u64,
    list: Vec<(CallbackId, Callback)>,
    /// Ids of the callbacks taken out while they run.
    running_ids: Vec<CallbackId>,
    /// Ids removed while their callbacks were taken out.
    removed_while_running: Vec<CallbackId>,
}

/// Callback registration.
impl<T: GcObject> Collector<T> {
    /// Register a callback called with [`Phase::Start`] before and
    /// [`Phase::Stop`] after every collection.
    pub fn add_callback(
        &self,
        callback: impl FnMut(Phase, CollectionInfo) + 'static,
    ) -> CallbackId {
        let mut callbacks = self.callbacks.borrow_mut();
        let id = CallbackId(callbacks.next_id);
        callbacks.next_id += 1;
        callbacks.list.push((id, Box::new(callback)));
        id
    }

    /// Unregister a callback; returns whether it was registered.
    pub fn remove_callback(&self, id: CallbackId) -> bool {
        let mut callbacks = self.callbacks.borrow_mut();
        let before = callbacks.list.len();
        callbacks.list.retain(|(i, _)| *i != id);
        if callbacks.list.len() != before {
            return true;
        }
        if callbacks.running_ids.contains(&id) && !callbacks.removed_while_running.contains(&id) {
            callbacks.removed_while_running.push(id);
            return true;
        }
        false
    }

    /// Call every callback. The list is taken out while they run, so a
    /// callback may register or remove callbacks (effective next time).
    pub(crate) fn invoke_callbacks(&self, phase: Phase, info: CollectionInfo) {
        let mut running = {
            let mut callbacks = self.callbacks.borrow_mut();
            if callbacks.list.is_empty() {
                return;
            }
            callbacks.running_ids = callbacks.list.iter().map(|(id, _)| *id).collect();
            std::mem::take(&mut callbacks.list)
        };
        for (_, callback) in running.iter_mut() {
            callback(phase, info);
        }
        let mut callbacks = self.callbacks.borrow_mut();
        let added = std::mem::take(&mut callbacks.list);
        let removed = std::mem::take(&mut callbacks.removed_while_running);
        callbacks.running_ids.clear();
        running.retain(|(id, _)| !removed.contains(id));
        running.extend(added);
        callbacks.list = running;
    }
}
