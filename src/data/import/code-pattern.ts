/**
 * A procedure code cell in a CMS file: five letters/digits with at least one digit. Wider
 * than normalizeCode's pattern on purpose: CMS tables hold codes like 0001A–0004A (vaccine
 * administration) and must import whole; the digit rule keeps header cells ("HCPCS") out.
 */
export const CODE_PATTERN = /^(?=[A-Z]*\d)[0-9A-Z]{5}$/;
