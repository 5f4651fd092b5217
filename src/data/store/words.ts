/** Words of labels for the search index: lower case, no punctuation, no filler words. */
const FILLER = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'each', 'for', 'in', 'of', 'on', 'or', 'per', 'the', 'to', 'with', 'w']);

export function labelWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length >= 2 && !FILLER.has(word)) words.add(word);
  }
  return [...words];
}
