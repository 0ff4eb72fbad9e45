import { decodeMetricPoint, decodeModel, decodeRun, decodeVersion, MlflowMetricPoint, MlflowModel, MlflowRun, MlflowVersion, MlflowShapeError } from './mlflow.mapper';

const PAGE = 100;

/** An MLflow tracking server that could not be read: its address and what went wrong. */
export class MlflowUnavailableError extends Error {}

/**
 * MLflow's REST API (2.0), read-only: registered models with their aliases, model versions, runs
 * with params, metrics and logged inputs, and metric histories. Every answer is decoded
 * (mlflow.mapper.ts); list endpoints are followed through their page tokens.
 */
export class MlflowClient {
  constructor(readonly trackingUri: string) {}

  async models(): Promise<MlflowModel[]> {
    const pages = await this.all('registered-models/search', {}, 'registered_models');
    return pages.map((m, i) => decodeModel(m, `registered_models[${i}]`));
  }

  async versions(model: string): Promise<MlflowVersion[]> {
    const filter = `name='${model.replace(/'/g, "\\'")}'`;
    const pages = await this.all('model-versions/search', { filter }, 'model_versions');
    return pages.map((v, i) => decodeVersion(v, `model_versions[${i}]`));
  }

  async run(runId: string): Promise<MlflowRun> {
    return decodeRun(await this.get('runs/get', { run_id: runId }), 'runs/get');
  }

  async metricHistory(runId: string, key: string): Promise<MlflowMetricPoint[]> {
    const pages = await this.all('metrics/get-history', { run_id: runId, metric_key: key }, 'metrics');
    return pages.map((p, i) => decodeMetricPoint(p, `metrics[${i}]`));
  }

  async experimentName(experimentId: string): Promise<string> {
    const body = await this.get('experiments/get', { experiment_id: experimentId }) as { experiment?: { name?: unknown } };
    if (typeof body.experiment?.name !== 'string') throw new MlflowShapeError('experiments/get: experiment.name is not a string');
    return body.experiment.name;
  }

  private async all(path: string, params: Record<string, string>, key: string): Promise<unknown[]> {
    const out: unknown[] = [];
    let token: string | undefined;
    do {
      const body = await this.get(path, { ...params, max_results: String(PAGE), ...(token ? { page_token: token } : {}) }) as Record<string, unknown>;
      const items = body[key] ?? [];
      if (!Array.isArray(items)) throw new MlflowShapeError(`${path}: ${key} is not a list`);
      out.push(...items);
      token = typeof body.next_page_token === 'string' && body.next_page_token ? body.next_page_token : undefined;
    } while (token);
    return out;
  }

  private async get(path: string, params: Record<string, string>): Promise<unknown> {
    const url = `${this.trackingUri}/api/2.0/mlflow/${path}?${new URLSearchParams(params)}`;
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause;
      throw new MlflowUnavailableError(`cannot reach MLflow at ${this.trackingUri}: ${cause?.code ?? (e as Error).message}`);
    }
    if (!res.ok) throw new MlflowUnavailableError(`MLflow ${path} answered HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return res.json();
  }
}
