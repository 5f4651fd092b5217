import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Send } from '../messaging/client';
import type { LocalityInfo } from '../messaging/responses';

/** Locality by state then locality, or by ZIP code through the CMS ZIP crosswalk. */
export function LocalityPicker({ send, value, onChange }: { send: Send; value: string; onChange: (locality: string) => void }) {
  const [localities, setLocalities] = useState<LocalityInfo[]>([]);
  const [state, setState] = useState('');
  const [zip, setZip] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();

  useEffect(() => {
    void send({ type: 'list-localities' }).then((reply) => {
      if (reply.ok) setLocalities(reply.data);
      else setMessage({ text: reply.error, error: true });
    });
  }, [send]);

  const current = localities.find((l) => l.locality === value);
  useEffect(() => setState(current?.state ?? ''), [current?.state]);
  const states = useMemo(() => [...new Set(localities.map((l) => l.state))].sort(), [localities]);
  const inState = localities.filter((l) => l.state === state);

  async function findZip() {
    const reply = await send({ type: 'lookup-zip', zip });
    if (!reply.ok) return setMessage({ text: reply.error, error: true });
    setMessage({ text: `ZIP ${zip.trim().slice(0, 5)} is in ${reply.data.name} (${reply.data.state}, ${reply.data.locality}).`, error: false });
    onChange(reply.data.locality);
  }

  return (
    <fieldset>
      <legend>Medicare locality</legend>
      <p class="muted" data-testid="locality-current">
        In use: {value === 'national' ? 'National (all GPCIs 1.000)' : current ? `${current.name}, ${current.state} (${value})` : value}
      </p>
      <div class="row">
        <label for="state">State</label>
        <select
          id="state"
          value={state}
          data-testid="state-select"
          onChange={(e) => {
            const next = e.currentTarget.value;
            setState(next);
            if (!next) onChange('national');
            else {
              const only = localities.filter((l) => l.state === next);
              if (only.length === 1 && only[0]) onChange(only[0].locality);
            }
          }}
        >
          <option value="">National (no locality)</option>
          {states.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      {state && (
        <div class="row">
          <label for="locality">Locality</label>
          <select id="locality" value={value} data-testid="locality-select" onChange={(e) => onChange(e.currentTarget.value)}>
            {!inState.some((l) => l.locality === value) && <option value={value}>Choose a locality…</option>}
            {inState.map((l) => (
              <option key={l.locality} value={l.locality}>
                {l.name} ({l.locality})
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="row">
        <label for="zip">Or by ZIP code</label>
        <input
          id="zip"
          type="text"
          inputMode="numeric"
          maxLength={10}
          value={zip}
          data-testid="zip-input"
          onInput={(e) => setZip(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void findZip();
            }
          }}
        />
        <button type="button" class="secondary" data-testid="zip-find" onClick={() => void findZip()}>
          Find locality
        </button>
      </div>
      {message && (
        <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'} data-testid="zip-message">
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
