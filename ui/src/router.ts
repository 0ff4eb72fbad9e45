import { useEffect, useState } from 'react';

/**
 * Client-side routes on the History API: /models, /models/:name, /deployments/:name,
 * /ensembles/:name, /lineage?…, /impact?…. The service answers every such path with index.html
 * (src/app/web-ui.ts), so a reload or a shared link opens the same page.
 */
export interface Route {
  path: string[];
  params: URLSearchParams;
}

const listeners = new Set<() => void>();

function current(): Route {
  return { path: location.pathname.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(location.search) };
}

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  listeners.forEach((l) => l());
}

/** Replaces some query parameters of the current page (state kept in the address, shareable). */
export function setParams(changes: Record<string, string | null | undefined>): void {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') params.delete(k);
    else params.set(k, v);
  }
  const query = params.toString();
  navigate(`${location.pathname}${query ? `?${query}` : ''}`, true);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => { listeners.delete(update); window.removeEventListener('popstate', update); };
  }, []);
  return route;
}

export const hrefs = {
  models: () => '/models',
  model: (name: string, version?: string) => `/models/${encodeURIComponent(name)}${version ? `?version=${encodeURIComponent(version)}` : ''}`,
  deployment: (name: string) => `/deployments/${encodeURIComponent(name)}`,
  ensemble: (name: string) => `/ensembles/${encodeURIComponent(name)}`,
  lineage: (ref: Record<string, string>) => `/lineage?${new URLSearchParams(ref).toString()}`,
  impact: (ref: Record<string, string> = {}) => `/impact?${new URLSearchParams(ref).toString()}`,
};
