import { log } from './log';

/** Stops a periodic task: no new run starts, and a run under way is waited for. */
export type Stop = () => Promise<void>;

/**
 * Runs `task` `intervalMs` after the end of its previous run (the first after `firstAfterMs`), so
 * two never overlap; a failure is logged and the next run tries again. The timer does not keep
 * the process alive.
 */
export function every(intervalMs: number, name: string, task: () => Promise<unknown>, firstAfterMs = intervalMs): Stop {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    running = task().then(() => undefined, (err: unknown) => { log.warn({ err, task: name }, `${name} failed; retrying at the next interval`); })
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(run, intervalMs).unref();
      });
  };
  let timer = setTimeout(run, firstAfterMs).unref();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
