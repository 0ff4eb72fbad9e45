import { useEffect, useState } from 'react';
import { onAuthRequired } from './api';
import { ApiKeyPrompt } from './components/ApiKeyPrompt';
import { TopBar } from './components/TopBar';
import { ImpactPage } from './pages/ImpactPage';
import { LineagePage } from './pages/LineagePage';
import { ModelsPage } from './pages/ModelsPage';
import { TargetPage } from './pages/TargetPage';
import { navigate, Route, useRoute } from './router';

/** The page for a route: /models[/name], /deployments/name, /ensembles/name, /lineage, /impact. */
function page(route: Route) {
  const [section, name] = route.path;
  switch (section) {
    case 'models': return name ? <TargetPage kind="model" name={name} /> : <ModelsPage />;
    case 'deployments': return name ? <TargetPage kind="deployment" name={name} /> : null;
    case 'ensembles': return name ? <TargetPage kind="ensemble" name={name} /> : null;
    case 'lineage': return <LineagePage />;
    case 'impact': return <ImpactPage />;
    default: return null;
  }
}

export function App() {
  const route = useRoute();
  const [askKey, setAskKey] = useState(false);
  useEffect(() => onAuthRequired(() => setAskKey(true)), []);
  useEffect(() => { if (route.path.length === 0) navigate('/models', true); }, [route.path.length]);
  const content = page(route) ?? <p className="muted">No such page. <a href="/models">Models</a></p>;
  return (
    <>
      <TopBar section={route.path[0]} onKey={() => setAskKey(true)} />
      <main key={route.path.join('/')}>{content}</main>
      {askKey && <ApiKeyPrompt onDone={() => setAskKey(false)} />}
    </>
  );
}
