/**
 * Turns the text that describes a field (label, name, id, header…) into lower-case word
 * tokens: "cptCode" → cpt code, "fee_sheet[0][code]" → fee sheet 0 code, "mod1" → mod 1,
 * "HCPCSCode" → hcpcs code, "24D" stays 24d, "Charges ($)" → charges $, "ctl00$txtCPT1" →
 * ctl 00 txt cpt 1. One pass over the characters (it runs for every field of a page).
 */
export function tokenize(raw: string): string[] {
  const tokens: string[] = [];
  let start = -1; // start of the current alphanumeric run
  const flush = (end: number): void => {
    if (start >= 0) splitRun(raw.slice(start, end), tokens);
    start = -1;
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (alnum) {
      if (start < 0) start = i;
      continue;
    }
    flush(i);
    // "$" and "#" are words of their own unless they join two identifier parts ("ctl00$txt").
    if (c === 36 || c === 35) {
      const before = i > 0 && isAlnum(raw.charCodeAt(i - 1));
      const after = i + 1 < raw.length && isAlnum(raw.charCodeAt(i + 1));
      if (!(before && after)) tokens.push(c === 36 ? '$' : '#');
    }
  }
  flush(raw.length);
  return tokens;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Splits one alphanumeric run at case and digit boundaries: "cptCode", "HCPCSCode",
 * "mod1" (two or more letters then digits split; "24d", "l1" stay whole).
 */
function splitRun(run: string, out: string[]): void {
  let from = 0;
  let letters = 0; // letters since the last boundary
  for (let i = 1; i < run.length; i++) {
    const prev = run.charCodeAt(i - 1);
    const c = run.charCodeAt(i);
    letters = isDigit(prev) ? 0 : letters + 1;
    const camel = isLower(prev) && isUpper(c);
    const acronymEnd = isUpper(prev) && isUpper(c) && i + 1 < run.length && isLower(run.charCodeAt(i + 1));
    const wordThenDigit = isDigit(c) && !isDigit(prev) && letters >= 2;
    if (camel || acronymEnd || wordThenDigit) {
      out.push(run.slice(from, i).toLowerCase());
      from = i;
      letters = 0;
    }
  }
  out.push(run.slice(from).toLowerCase());
}
