import { readLine, watchPage } from '../detect';
import type { DetectPort } from './detect-port';

/** src/detect as the overlay uses it: a 'value' pass means a field changed without an input event. */
export const pageDetection: DetectPort = {
  watch: (doc, onForms) => watchPage(doc, (forms, reason) => onForms(forms, reason === 'value')),
  readLine,
};
