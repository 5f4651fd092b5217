/**
 * Turns the text that describes a field (label, name, id, header…) into lower-case word
 * tokens: "cptCode" → cpt code, "fee_sheet[0][code]" → fee sheet 0 code, "mod1" → mod 1,
 * "HCPCSCode" → hcpcs code, "24D" stays 24d, "Charges ($)" → charges $.
 */
export function tokenize(raw: string): string[] {
  const spaced = raw
    // "ctl00$txtCPT1": a $ or # inside an identifier is a separator, not a currency sign
    .replace(/([A-Za-z0-9])[$#](?=[A-Za-z0-9])/g, '$1 ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    // a word followed by digits: "mod1", "code3", "icd10" → split; "24d" (digits first) stays
    .replace(/([A-Za-z]{2,})(\d)/g, '$1 $2')
    .toLowerCase();
  return spaced.match(/[a-z0-9]+|[$#]/g) ?? [];
}
