import { useEffect, useState } from 'preact/hooks';
import type { Send } from '../messaging/client';
import type { Payer, UnitMethod } from '../rules/claim';
import type { Settings } from '../settings/schema';
import { exportSettings, importSettings } from '../settings/transfer';
import { DataPanel } from './DataPanel';
import { downloadText } from './file-bytes';
import { LocalityPicker } from './LocalityPicker';
import { OverlaySites, type SitePermissions } from './OverlaySites';

const PAYERS: Array<{ value: Payer; label: string }> = [
  { value: 'medicare', label: 'Medicare' },
  { value: 'commercial', label: 'Commercial' },
  { value: 'workers-comp', label: "Workers' compensation" },
];

/** The practice's settings; every change is validated by the worker and saved at once. */
export function OptionsPage({ send, permissions }: { send: Send; permissions: SitePermissions }) {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [status, setStatus] = useState<{ text: string; error: boolean } | undefined>();

  useEffect(() => {
    void send({ type: 'get-settings' }).then((reply) => {
      if (reply.ok) setSettings(reply.data);
      else setStatus({ text: reply.error, error: true });
    });
  }, [send]);

  async function save(next: Settings) {
    const reply = await send({ type: 'save-settings', settings: next });
    if (reply.ok) {
      setSettings(reply.data);
      setStatus({ text: 'Saved.', error: false });
    } else setStatus({ text: reply.error, error: true });
  }
  const update = (patch: Partial<Settings>) => settings && void save({ ...settings, ...patch });

  if (!settings) return <main class="options"><h1>ClaimLens settings</h1><p role="status">{status?.text ?? 'Loading…'}</p></main>;

  return (
    <main class="options">
      <h1>ClaimLens settings</h1>
      <p class="muted">Used for every claim ClaimLens checks and every fee it shows. Saved in this browser only.</p>
      <p class={status?.error ? 'error' : 'ok'} role="status" aria-live="polite" data-testid="settings-status">
        {status?.text ?? ''}
      </p>

      <LocalityPicker send={send} value={settings.locality} onChange={(locality) => update({ locality })} />

      <fieldset>
        <legend>Place of service</legend>
        {(['non-facility', 'facility'] as const).map((setting) => (
          <label key={setting} class="row">
            <input type="radio" name="setting" value={setting} checked={settings.setting === setting} onChange={() => update({ setting })} />
            {setting === 'non-facility' ? 'Non-facility (private practice, office)' : 'Facility (hospital outpatient, SNF)'}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Payer</legend>
        {PAYERS.map((payer) => (
          <label key={payer.value} class="row">
            <input type="radio" name="payer" value={payer.value} checked={settings.payer === payer.value} onChange={() => update({ payer: payer.value })} data-testid={`payer-${payer.value}`} />
            {payer.label}
          </label>
        ))}
        {(['commercial', 'workers-comp'] as const).map((payer) => (
          <div class="row" key={payer}>
            <label for={`pct-${payer}`}>{payer === 'commercial' ? 'Commercial' : "Workers' comp"} pays (% of Medicare)</label>
            <input
              id={`pct-${payer}`}
              type="number"
              min={1}
              max={1000}
              step={1}
              value={settings.percentOfMedicare[payer]}
              onChange={(e) => update({ percentOfMedicare: { ...settings.percentOfMedicare, [payer]: Number(e.currentTarget.value) } })}
            />
          </div>
        ))}
      </fieldset>

      <fieldset>
        <legend>How timed units are counted</legend>
        {PAYERS.map((payer) => (
          <div class="row" key={payer.value}>
            <label for={`units-${payer.value}`}>{payer.label}</label>
            <select
              id={`units-${payer.value}`}
              value={settings.unitMethods[payer.value]}
              onChange={(e) => update({ unitMethods: { ...settings.unitMethods, [payer.value]: e.currentTarget.value as UnitMethod } })}
            >
              <option value="cms">CMS 8-minute rule (total timed minutes)</option>
              <option value="ama">AMA midpoint rule (each code on its own)</option>
            </select>
          </div>
        ))}
      </fieldset>

      <fieldset>
        <legend>Provider</legend>
        <label class="row">
          <input type="checkbox" checked={settings.participating} onChange={(e) => update({ participating: e.currentTarget.checked })} />
          Participating Medicare provider (non-participating: 95 % of the fee)
        </label>
        <label class="row">
          <input type="checkbox" checked={settings.qualifyingApm} onChange={(e) => update({ qualifyingApm: e.currentTarget.checked })} />
          Qualifying APM participant (2026 conversion factor)
        </label>
        <div class="row">
          <label for="assistant">Services furnished by an assistant</label>
          <select id="assistant" value={settings.assistant} onChange={(e) => update({ assistant: e.currentTarget.value as Settings['assistant'] })}>
            <option value="none">No (therapist)</option>
            <option value="CQ">PT assistant (CQ, 85 %)</option>
            <option value="CO">OT assistant (CO, 85 %)</option>
          </select>
        </div>
        <div class="row">
          <label for="ytd">PT and SLP billed this year ($, for their combined KX threshold)</label>
          <input
            id="ytd"
            type="number"
            min={0}
            step={0.01}
            value={settings.therapyYearToDate}
            onChange={(e) => update({ therapyYearToDate: Number(e.currentTarget.value) })}
          />
        </div>
        <div class="row">
          <label for="ytd-ot">OT billed this year ($, OT has its own KX threshold)</label>
          <input
            id="ytd-ot"
            type="number"
            min={0}
            step={0.01}
            value={settings.therapyYearToDateOt}
            onChange={(e) => update({ therapyYearToDateOt: Number(e.currentTarget.value) })}
          />
        </div>
      </fieldset>

      <OverlaySites sites={settings.overlaySites} permissions={permissions} onChange={(overlaySites) => update({ overlaySites })} />

      <fieldset>
        <legend>Back up settings</legend>
        <div class="row">
          <button type="button" class="secondary" onClick={() => downloadText('claimlens-settings.json', exportSettings(settings))}>
            Export settings
          </button>
          <label for="settings-file">Import settings</label>
          <input
            id="settings-file"
            type="file"
            accept=".json,application/json"
            data-testid="settings-file"
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!file) return;
              const outcome = importSettings(await file.text());
              if (outcome.ok) await save(outcome.settings);
              else setStatus({ text: outcome.error, error: true });
            }}
          />
        </div>
      </fieldset>

      <DataPanel send={send} />
    </main>
  );
}
