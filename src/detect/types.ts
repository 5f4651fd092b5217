/** What a detected field holds. Public contract: the data-claimlens-field values. */
export type FieldKind = 'cpt' | 'modifier' | 'units' | 'minutes' | 'dos' | 'icd10' | 'charge';

export const FIELD_KINDS: readonly FieldKind[] = ['cpt', 'modifier', 'units', 'minutes', 'dos', 'icd10', 'charge'];

/** A form control or cell that holds a value of a service line. */
export type FieldElement = HTMLElement;

export interface DetectedField {
  kind: FieldKind;
  element: FieldElement;
  /** For dos: 'from' or 'to'; for modifiers: position 0..3 when several boxes. */
  role?: 'from' | 'to' | number;
}

/** One service line as found on the page, fields grouped. */
export interface DetectedLine {
  /** 0-based index within its form/grid (data-claimlens-line). */
  index: number;
  fields: DetectedField[];
}

/** A group of service lines: one form, grid or claim section. */
export interface DetectedForm {
  root: Element | ShadowRoot | Document;
  lines: DetectedLine[];
}

/** Values read from a line's fields, normalised for the engine. */
export interface ReadLine {
  code: string;
  modifiers: string[];
  units?: number;
  minutes?: number;
  dos?: string;
  dosTo?: string;
  diagnoses: string[];
  charge?: number;
}

/** Why watchPage called back: first scan, DOM change, typed value, SPA navigation, late shadow root. */
export type WatchReason = 'initial' | 'mutation' | 'value' | 'navigation' | 'shadow';

/** Where the text describing a field came from; decides how much it weighs. */
export type DescriptorSource =
  | 'label'
  | 'aria-label'
  | 'aria-labelledby'
  | 'column-header'
  | 'name'
  | 'id'
  | 'placeholder'
  | 'title'
  | 'data-attribute'
  | 'nearby-text';

export interface Descriptor {
  source: DescriptorSource;
  text: string;
}
