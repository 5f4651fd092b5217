import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { InputFormat } from './args';
import { parseClaimCsv } from './claim-csv';
import { parseClaimJson, type ParsedClaim } from './claim-json';
import type { ContextOverrides } from './context-overrides';
import { InputError } from './input-error';

export interface RawInput {
  text: string;
  /** How messages name the input: the path, or "standard input". */
  name: string;
  format: InputFormat;
}

/** Reads FILE or "-" (standard input) and decides whether it is JSON or CSV. */
export async function readInput(
  input: string,
  format: InputFormat | undefined,
  readStdin: () => Promise<string>,
): Promise<RawInput> {
  const name = input === '-' ? 'standard input' : input;
  const text = input === '-' ? await readStdin() : await readFileText(input);
  return { text, name, format: format ?? formatOf(input, text) };
}

export function parseClaimInput(raw: RawInput, overrides: ContextOverrides): ParsedClaim {
  return raw.format === 'csv'
    ? parseClaimCsv(raw.text, overrides, raw.name)
    : parseClaimJson(raw.text, overrides, raw.name);
}

function formatOf(path: string, text: string): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.json') return 'json';
  return /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) ? 'json' : 'csv';
}

async function readFileText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : ((error as Error).message ?? String(error));
    throw new InputError(`cannot read "${path}": ${why}`);
  }
}
