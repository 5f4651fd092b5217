/**
 * Timing of the overlay. Named so tests, benchmarks and the report speak of the same numbers.
 */

/** Quiet time after the last keystroke before a line set is checked: a biller types a
 * five-character code in well under a second, and one check per pause is enough. */
export const CHECK_DEBOUNCE_MS = 150;

/** Waits before asking again while the worker says its reference data is still loading
 * (first install or a data import): backs off so a slow import is not flooded. */
export const LOADING_RETRY_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 4000, 8000, 15000];

/** Longest stretch of reading lines or rendering badges before yielding to the page: keeps
 * every task of a 200-line claim well under the 50 ms long-task threshold while typing stays
 * responsive. */
export const RENDER_SLICE_MS = 12;

/** Claims up to this many lines are read, and render, in one task (no extra wait). */
export const RENDER_AT_ONCE_LINES = 24;

/** Most new badges that join the page in one frame: bounds the style and layout work a frame
 * spends on them (a 200-line claim appears over five frames, not in one long one). Not much
 * smaller: each such frame also repaints the page around the badges, a cost that grows with
 * the page, not with the batch (Chromium trace of the 200-line demo: ~10 ms of paint per
 * frame whether it adds 5 or 40 badges). */
export const ATTACH_PER_FRAME = 40;
