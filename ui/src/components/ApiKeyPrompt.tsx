import { FormEvent, useState } from 'react';
import { apiKey } from '../api';

/**
 * Asks for an API key when the service has auth on (an answer was UNAUTHENTICATED). The key stays
 * in this tab's sessionStorage: it is sent as a Bearer token and forgotten when the tab closes.
 */
export function ApiKeyPrompt({ onDone }: { onDone: () => void }) {
  const [key, setKey] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!key.trim()) return;
    apiKey.set(key.trim());
    onDone();
  };
  return (
    <div className="modal" role="dialog" aria-label="API key">
      <form onSubmit={submit}>
        <strong>This service needs an API key</strong>
        <span className="muted">Kept for this tab only (sessionStorage); a reader key is enough to look.</span>
        <input type="password" autoFocus placeholder="mg_…" value={key} onChange={(e) => setKey(e.target.value)} aria-label="API key" />
        <div className="toolbar">
          <button type="submit">Use this key</button>
          <button type="button" onClick={onDone}>Cancel</button>
        </div>
      </form>
    </div>
  );
}
