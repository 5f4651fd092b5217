import { useEffect, useState } from 'preact/hooks';
import type { DatasetStatus, ImportReport } from '../data/store/api';
import type { Send } from '../messaging/client';
import { IMPORT_MAX_BYTES } from '../messaging/messages';
import { fileToBase64 } from './file-bytes';

/** Loaded datasets, and importing a newer CMS file (PTP, MUE, PFS RVU, GPCI). */
export function DataPanel({ send }: { send: Send }) {
  const [datasets, setDatasets] = useState<DatasetStatus[]>([]);
  const [progress, setProgress] = useState<{ complete: boolean; progress: number; error?: string } | undefined>();
  const [result, setResult] = useState<{ report?: ImportReport; error?: string; busy?: string; removed?: string } | undefined>();

  async function refresh() {
    const reply = await send({ type: 'data-status' });
    if (reply.ok) {
      setDatasets(reply.data.datasets);
      setProgress({ complete: reply.data.complete, progress: reply.data.progress, error: reply.data.error });
      return reply.data.complete;
    }
    setProgress({ complete: false, progress: 0, error: reply.error });
    return false;
  }

  useEffect(() => {
    let stop = false;
    const poll = async () => {
      if (stop) return;
      const complete = await refresh();
      if (!complete && !stop) setTimeout(poll, 1000);
    };
    void poll();
    return () => {
      stop = true;
    };
  }, []);

  async function importFile(file: File) {
    if (file.size > IMPORT_MAX_BYTES) {
      return setResult({ error: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the largest file accepted is ${IMPORT_MAX_BYTES / 1024 / 1024} MB.` });
    }
    setResult({ busy: `Importing ${file.name}…` });
    let bytes: string;
    try {
      bytes = await fileToBase64(file);
    } catch (error) {
      // A file moved or locked after it was picked: say so instead of "Importing…" forever.
      return setResult({ error: `${file.name} could not be read (${error instanceof Error ? error.message : String(error)}). The data in use is unchanged.` });
    }
    const reply = await send({ type: 'import-dataset', fileName: file.name, bytes });
    setResult(reply.ok ? { report: reply.data } : { error: `${file.name} was not imported: ${reply.error} The data in use is unchanged.` });
    void refresh();
  }

  async function remove(dataset: DatasetStatus) {
    const reply = await send({ type: 'remove-dataset', datasetId: dataset.id });
    setResult(reply.ok ? { removed: `Removed ${dataset.version}; the bundled data answers for its dates again.` } : { error: reply.error });
    void refresh();
  }

  return (
    <fieldset>
      <legend>Reference data</legend>
      <p data-testid="data-progress" role="status">
        {progress === undefined
          ? 'Reading…'
          : progress.error
            ? `Problem: ${progress.error}`
            : progress.complete
              ? 'All bundled CMS data is loaded.'
              : `Loading bundled CMS data: ${Math.round(progress.progress * 100)} %`}
      </p>
      <table class="rvu" data-testid="datasets">
        <thead>
          <tr>
            <th scope="col">Dataset</th>
            <th scope="col">Version</th>
            <th scope="col">In use from</th>
            <th scope="col">Rows</th>
            <th scope="col">From</th>
            <th scope="col"><span class="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={d.id} data-dataset={d.id}>
              <th scope="row">{d.kind}</th>
              <td>{d.version}</td>
              <td>{d.effective}</td>
              <td>
                {d.rows.toLocaleString('en-US')}
                {d.complete ? '' : ' (loading)'}
              </td>
              <td>{d.origin === 'import' ? 'imported' : 'bundled'}</td>
              <td>
                {d.origin === 'import' && (
                  <button type="button" class="link" aria-label={`Remove imported ${d.version}`} onClick={() => void remove(d)}>
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="row">
        <label for="cms-file">Import a newer CMS file</label>
        <input
          id="cms-file"
          type="file"
          accept=".zip,.txt,.csv"
          data-testid="import-file"
          aria-describedby="import-help"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void importFile(file);
            e.currentTarget.value = '';
          }}
        />
      </div>
      <p id="import-help" class="muted">
        NCCI practitioner PTP zip or one of its .txt parts, practitioner MUE CSV, PFS RVU (PPRRVU) CSV, or GPCI CSV, as downloaded from CMS.
      </p>
      <div aria-live="polite" data-testid="import-result">
        {result?.busy && <p>{result.busy}</p>}
        {result?.removed && <p class="ok">{result.removed}</p>}
        {result?.error && (
          <p class="error" role="alert">
            {result.error}
          </p>
        )}
        {result?.report?.staged && (
          <p class="notice">
            Part {result.report.staged.have.map((p) => `f${p}`).join(', ')} of {result.report.version} kept; it is used once{' '}
            {result.report.staged.missing.map((p) => `f${p}`).join(', ')} {result.report.staged.missing.length > 1 ? 'are' : 'is'} imported too.
          </p>
        )}
        {result?.report && !result.report.staged && (
          <p class="ok">
            Imported {result.report.version}: {result.report.rows.toLocaleString('en-US')} rows, used for dates of service from{' '}
            {result.report.effective}.{result.report.warnings.length > 0 && ` Warnings: ${result.report.warnings.join('; ')}`}
          </p>
        )}
      </div>
    </fieldset>
  );
}
