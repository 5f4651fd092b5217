import { useEffect, useRef, useState } from 'preact/hooks';
import type { CodeSearchHit } from '../data/store/api';
import type { Send } from '../messaging/client';
import type { CodeView } from '../messaging/responses';
import { normalizeCode } from '../rules/normalize-code';
import { CodeCardView } from './CodeCardView';

/**
 * The popup's one job: type a code (any format) or words, see the code's card.
 * Keyboard first: the input has focus on open, arrows move through results, Enter picks.
 */
export function CodeLookup({ send, initialQuery = '', today }: { send: Send; initialQuery?: string; today: string }) {
  const [query, setQuery] = useState(initialQuery);
  const [date, setDate] = useState(today);
  const [hits, setHits] = useState<CodeSearchHit[]>([]);
  const [active, setActive] = useState(-1);
  const [view, setView] = useState<CodeView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Answers can arrive out of order while typing: only the latest request may paint.
  const latest = useRef(0);

  useEffect(() => input.current?.focus(), []);

  async function lookup(text: string, onDate: string) {
    const ticket = ++latest.current;
    setBusy(true);
    const reply = await send({ type: 'lookup-code', query: text, date: onDate });
    if (ticket !== latest.current) return;
    setBusy(false);
    if (reply.ok) {
      setView(reply.data);
      setError(undefined);
      setHits([]);
      setActive(-1);
    } else setError(reply.error);
  }

  async function search(text: string) {
    const ticket = ++latest.current;
    setBusy(false); // a search supersedes a pending lookup, whose answer will not paint
    const reply = await send({ type: 'search-codes', query: text, limit: 20 });
    if (ticket !== latest.current) return;
    if (reply.ok) {
      setHits(reply.data);
      setActive(reply.data.length > 0 ? 0 : -1);
      setError(reply.data.length === 0 ? `Nothing found for "${text}".` : undefined);
    } else setError(reply.error);
  }

  function onInput(text: string) {
    setQuery(text);
    const trimmed = text.trim();
    if (!trimmed) {
      latest.current++;
      setBusy(false);
      setHits([]);
      setError(undefined);
      return;
    }
    // A whole code shows its card at once; anything else searches codes and words.
    if (normalizeCode(trimmed)) void lookup(trimmed, date);
    else void search(trimmed);
  }

  function pick(hit: CodeSearchHit) {
    setQuery(hit.code);
    void lookup(hit.code, date);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setActive((i) => (i + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? hits.length - 1 : i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active];
      if (hit) pick(hit);
      else if (query.trim()) void (normalizeCode(query.trim()) ? lookup(query.trim(), date) : search(query.trim()));
    } else if (event.key === 'Escape' && hits.length > 0) {
      event.preventDefault();
      setHits([]);
    }
  }

  const listId = 'code-results';
  return (
    <div class="lookup">
      <div class="row">
        <label for="code-query">Code or words</label>
        <input
          id="code-query"
          ref={input}
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          placeholder="97530, 97530-GP, g0283, therapeutic…"
          value={query}
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `hit-${active}` : undefined}
          aria-describedby={error ? 'lookup-error' : undefined}
          data-testid="code-query"
          onInput={(e) => onInput(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div class="row">
        <label for="dos">Date of service</label>
        <input
          id="dos"
          type="date"
          value={date}
          data-testid="lookup-date"
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (!value) return;
            setDate(value);
            if (view) void lookup(view.query.code, value);
          }}
        />
      </div>
      {hits.length > 0 && (
        <ul id={listId} role="listbox" aria-label="Matching codes" class="results" data-testid="code-results">
          {hits.map((hit, i) => (
            <li
              key={hit.code}
              id={`hit-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault(); // keep focus in the input
                pick(hit);
              }}
            >
              <strong>{hit.code}</strong> {hit.label}
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {error && (
          <p id="lookup-error" class="error" role="alert" data-testid="lookup-error">
            {error}
          </p>
        )}
        {busy && !view && <p class="muted">Looking up…</p>}
      </div>
      {view && <CodeCardView view={view} />}
    </div>
  );
}
