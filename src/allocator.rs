//! Asks the system allocator to give back memory the program freed.
//!
//! glibc's malloc keeps freed memory for reuse instead of returning it to the system: with a
//! 10,000-brief library, a few tens of megabytes that loading used for a moment (rows read,
//! texts being lower-cased) stay resident. The app lets malloc keep two arenas instead of
//! eight per core, and hands the free pages back after each stage of loading a library.
//!
//! Tried and not kept: serving every block of 64 KiB or more from its own mapping
//! (`M_MMAP_THRESHOLD`), given back as soon as it is freed. The window's peak fell by about
//! 20 MiB, but every large buffer then starts as fresh pages: the first sort of the News
//! text column at 150,000 items went from 35 to 53 ms, over its 50 ms target.
//! Elsewhere (other C libraries, other systems) both calls do nothing.

/// Limits malloc to two arenas. Call before any thread starts.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    glibc::limit_arenas();
}

/// Returns the free pages of every malloc arena to the system.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    glibc::release_free_memory();
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
mod glibc {
    pub fn limit_arenas() {
        // SAFETY: `mallopt` only sets an allocator parameter; called before other threads.
        unsafe { libc::mallopt(libc::M_ARENA_MAX, 2) };
    }

    pub fn release_free_memory() {
        // SAFETY: `malloc_trim` is thread-safe (it locks each arena) and frees nothing in
        // use.
        unsafe { libc::malloc_trim(0) };
    }
}
