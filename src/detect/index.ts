/**
 * Detection of service lines on claim-entry pages (public API of src/detect).
 *
 * Marks (public contract, tests rely on them): every detected field gets
 *   data-claimlens-field = cpt | modifier | units | minutes | dos | icd10 | charge
 *   data-claimlens-line  = 0-based index of its line within its form
 * Elements inside an element carrying `data-claimlens-ui` (ClaimLens's own overlay) are
 * never scanned, and mutations inside them never trigger work.
 *
 * Frames: a scan never enters iframes. The content script runs in every frame (all_frames)
 * and each frame scans and watches itself; cross-origin frames likewise.
 */
import type { ScanRoot } from './candidates';
import { scanDetailed } from './scan';
import { collectCandidates } from './candidates';
import { clearMarks as clearMarksIn } from './marks';
import type { DetectedForm } from './types';

export type { DetectedField, DetectedForm, DetectedLine, FieldKind, ReadLine, WatchReason } from './types';
export { FIELD_KINDS } from './types';
export { UI_ATTRIBUTE } from './candidates';
export { FIELD_ATTRIBUTE, LINE_ATTRIBUTE } from './marks';
export type { WatchCallback, WatchOptions } from './watch';

/**
 * Finds the service lines in a document, shadow root or element (open shadow roots below
 * it included), marks their fields (data-claimlens-field / data-claimlens-line) and returns
 * them grouped by form. Forms come in document order, lines in document order within a form.
 * Pure DOM reads, no layout; classifications are cached per element.
 */
export function scanPage(root: ScanRoot): DetectedForm[] {
  return scanDetailed(root).forms;
}

/**
 * The current values of one line, normalised: code via normalizeCode ("97530 GP 59" →
 * code 97530 + modifiers), modifiers from the code box and one or several modifier boxes,
 * units/minutes as numbers, dates as YYYY-MM-DD (dos = from, dosTo = to), ICD-10 codes,
 * charge as a number. Reads the DOM at call time, so call it after each change callback.
 */
export { readLine } from './read-line';

/**
 * Watches a document (or shadow root / element) and calls onChange(forms, reason): once
 * synchronously with reason 'initial', then after DOM changes that add, remove or
 * reclassify fields ('mutation'), value changes ('value'), late shadow roots ('shadow')
 * and single-page navigations ('navigation'). Batched to at most one call per animation
 * frame. Returns a disposer that removes the observer, listeners, timers and all marks.
 */
export { watchPage } from './watch';

/** Removes every ClaimLens mark from a tree and the open shadow roots below it. */
export function clearMarks(root: ScanRoot): void {
  clearMarksIn(collectCandidates(root).roots);
}

/** Value parsers, for code that reads lines assembled elsewhere (e.g. pasted tables). */
export { parseDate, parseDiagnoses, parseModifiers, parseMoney, parseQuantity } from './values';
