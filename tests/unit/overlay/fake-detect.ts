import type { DetectedForm, DetectedLine, FieldKind, ReadLine } from '../../../src/detect/types';
import type { DetectPort } from '../../../src/overlay/detect-port';

/**
 * A stand-in for src/detect on a simple test page: each <tr data-line> is a line, each
 * input carries data-kind. `refresh()` plays the part of detection's MutationObserver.
 */
export function fakeDetect(doc: Document): DetectPort & { refresh(valueChanged?: boolean): void; stopped: boolean } {
  let listener: ((forms: DetectedForm[], valueChanged: boolean) => void) | undefined;
  const scan = (): DetectedForm[] => {
    const rows = [...doc.querySelectorAll('tr[data-line]')];
    if (rows.length === 0) return [];
    const lines: DetectedLine[] = rows.map((row, index) => ({
      index,
      fields: [...row.querySelectorAll<HTMLInputElement>('input[data-kind]')].map((el) => ({
        kind: el.dataset.kind as FieldKind,
        element: el,
      })),
    }));
    return [{ root: doc, lines }];
  };
  const port = {
    stopped: false,
    watch(_doc: Document, onForms: (forms: DetectedForm[], valueChanged: boolean) => void) {
      listener = onForms;
      onForms(scan(), false);
      return () => {
        port.stopped = true;
        listener = undefined;
      };
    },
    readLine(line: DetectedLine): ReadLine {
      const value = (kind: FieldKind) =>
        (line.fields.find((f) => f.kind === kind)?.element as HTMLInputElement | undefined)?.value.trim() ?? '';
      const num = (kind: FieldKind) => (value(kind) ? Number(value(kind)) : undefined);
      return {
        code: value('cpt'),
        modifiers: value('modifier') ? value('modifier').split(/\s+/) : [],
        units: num('units'),
        minutes: num('minutes'),
        dos: value('dos') || undefined,
        diagnoses: [],
      };
    },
    refresh(valueChanged = false) {
      listener?.(scan(), valueChanged);
    },
  };
  return port;
}

export function row(code: string, units = '1', minutes = '', modifiers = 'GP', dos = '2025-03-04'): string {
  return `<tr data-line>
    <td><input data-kind="cpt" value="${code}"></td>
    <td><input data-kind="modifier" value="${modifiers}"></td>
    <td><input data-kind="units" value="${units}"></td>
    <td><input data-kind="minutes" value="${minutes}"></td>
    <td><input data-kind="dos" value="${dos}"></td>
  </tr>`;
}
