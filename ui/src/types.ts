/** The shapes of the answers the pages read (the fields their queries select; schema.graphql). */
export interface VersionSummary {
  id: string;
  version: string;
  createdAt: string;
  metrics: Record<string, unknown> | null;
  supersededAt: string | null;
  tags?: string[];
  aliases?: string[];
  deployments: { name: string; environment: string }[];
  /** The ensembles that have this version as a member, and the deployments serving each. */
  ensembles: { name: string; deployments: { name: string; environment: string }[] }[];
}

export interface ModelSummary {
  id: string;
  name: string;
  createdAt: string;
  description?: string | null;
  aliases: { name: string; from?: string; modelVersion: { version: string } }[];
  versions: VersionSummary[];
}

/** One episode of an alert rule's condition on a target (the `alerts` query). */
export interface AlertSummary {
  id: string; rule: string; metric: string; severity: string; state: string; value: number | null;
  startedAt: string; firedAt: string | null; acknowledgedAt: string | null; resolvedAt: string | null;
}

export interface MetricValue { start: string; value: number; count: number }

export interface MetricTarget { model?: string; version?: string; deployment?: string; ensemble?: string }

export interface LineageNode { id: string; type: string; label: string }
export interface LineageEdge { from: string; to: string; type: string }
export interface LineageGraph { truncated: boolean; origins: { id: string }[]; nodes: LineageNode[]; edges: LineageEdge[] }

export type ServedTarget = { __typename: 'ModelVersion'; version: string; model: { name: string } } | { __typename: 'Ensemble'; name: string };

/** A model version's offline metric names (its `metrics` JSON): suggestions for the metric pickers. */
export function metricNames(versions: VersionSummary[]): string[] {
  const names = new Set<string>();
  for (const v of versions) for (const [k, value] of Object.entries(v.metrics ?? {})) if (typeof value === 'number') names.add(k);
  return [...names].sort();
}

export function newest<T extends { createdAt: string }>(items: T[]): T | undefined {
  return [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).pop();
}

export const formatNumber = (v: number | null | undefined, digits = 4): string =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : Number(v.toPrecision(digits)).toString();

export const formatTime = (iso: string | null | undefined): string => (iso ? iso.replace('T', ' ').slice(0, 16) : '—');
