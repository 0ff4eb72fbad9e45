import { apiKey } from '../api';
import { hrefs } from '../router';
import { Link } from './Link';

const SECTIONS: [string, string, string][] = [
  ['models', 'Models', hrefs.models()],
  ['lineage', 'Lineage', '/lineage'],
  ['impact', 'Impact', hrefs.impact()],
];

/** The navigation between pages, GraphiQL (a separate page of the service) and the API key. */
export function TopBar({ section, onKey }: { section: string | undefined; onKey: () => void }) {
  return (
    <header className="top">
      <span className="brand">modelgraph</span>
      {SECTIONS.map(([id, label, href]) => (
        <Link key={id} href={href} className={section === id || (id === 'models' && section !== 'lineage' && section !== 'impact') ? 'active' : ''}>{label}</Link>
      ))}
      <span className="spacer" />
      <a href="/graphiql">GraphiQL</a>
      <button type="button" onClick={onKey} title="The key is kept for this tab only">{apiKey.get() ? 'API key ✓' : 'API key'}</button>
    </header>
  );
}
