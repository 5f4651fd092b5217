import type { DetectedForm, DetectedLine, ReadLine } from '../detect/types';

/**
 * What the overlay needs from detection (src/detect): the forms on the page as they change,
 * and the values of one line. The content script adapts src/detect/index.ts to this, so the
 * overlay can be tested with a fake page model.
 */
export interface DetectPort {
  /**
   * Calls onForms now and whenever fields appear, move or disappear (valueChanged: detection
   * saw a field's value change without an input event); returns a stop function.
   */
  watch(doc: Document, onForms: (forms: DetectedForm[], valueChanged: boolean) => void): () => void;
  readLine(line: DetectedLine): ReadLine;
}
