import { useState } from 'preact/hooks';
import { siteToMatchPattern } from '../settings/overlay-sites';

/** Host permissions asked at run time; called straight from a click (Chrome requires a user gesture). */
export interface SitePermissions {
  request(pattern: string): Promise<boolean>;
  remove(pattern: string): Promise<boolean>;
}

/** Where the overlay runs besides localhost: each site is a permission the user grants. */
export function OverlaySites(props: { sites: string[]; permissions: SitePermissions; onChange: (sites: string[]) => void }) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();

  function add() {
    const pattern = siteToMatchPattern(text);
    if (!pattern) return setMessage({ text: `"${text}" is not a web address (example: portal.example.com).`, error: true });
    if (props.sites.includes(pattern)) return setMessage({ text: `${pattern} is already on the list.`, error: false });
    // No await before request(): the click's user gesture must still be active.
    void props.permissions.request(pattern).then(
      (granted) => {
        if (!granted) return setMessage({ text: `Permission for ${pattern} was not granted; the overlay stays off there.`, error: true });
        props.onChange([...props.sites, pattern]);
        setText('');
        setMessage({ text: `The overlay now runs on ${pattern}.`, error: false });
      },
      (error: unknown) => setMessage({ text: error instanceof Error ? error.message : String(error), error: true }),
    );
  }

  function remove(site: string) {
    props.onChange(props.sites.filter((s) => s !== site));
    void props.permissions.remove(site).catch(() => undefined);
  }

  return (
    <fieldset>
      <legend>Sites where the overlay runs</legend>
      <p class="muted">Always on localhost and 127.0.0.1. Other sites need your permission; nothing runs on every site.</p>
      <ul data-testid="overlay-sites">
        {props.sites.map((site) => (
          <li key={site}>
            {site}{' '}
            <button type="button" class="link" aria-label={`Remove ${site}`} onClick={() => remove(site)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div class="row">
        <label for="site">Add a site</label>
        <input
          id="site"
          type="text"
          placeholder="portal.example.com"
          value={text}
          data-testid="site-input"
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="secondary" onClick={add}>
          Allow
        </button>
      </div>
      {message && (
        <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
