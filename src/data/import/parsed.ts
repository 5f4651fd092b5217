import type { DatasetContent } from '../store/content';
import type { ImportKind } from '../store/api';

/** A CMS file parsed and validated, ready to be staged as a dataset. */
export interface ParsedImport {
  kind: ImportKind;
  /** Id slug, e.g. "v322r0", "2026q2". */
  slug: string;
  version: string;
  /** YYYY-MM-DD, when the file (or its name) tells. */
  effective?: string;
  /** How `effective` was found, for the report. */
  effectiveFrom?: string;
  rows: number;
  content: DatasetContent;
  warnings: string[];
}
