/**
 * The run state machine: the one table of run states and the one rule for moving between them,
 * used by the recordRun mutation (run.rules.ts) and by OpenLineage ingestion
 * (openlineage/run-state.ts). Pure: no database, no GraphQL types.
 */
export type RunStateName = 'START' | 'RUNNING' | 'COMPLETE' | 'ABORT' | 'FAIL' | 'OTHER';

/**
 * Every state with its rank. A state replaces only a lower-ranked one, so a late or resent START
 * never moves a RUNNING or ended run back, and OTHER (an event that only carries facets) never
 * changes the state of a run that has one. The terminal states share the highest rank.
 */
const RANK: Record<RunStateName, number> = { OTHER: 0, START: 1, RUNNING: 2, COMPLETE: 3, ABORT: 3, FAIL: 3 };
const TERMINAL_RANK = 3;

export function stateRank(state: RunStateName | null | undefined): number {
  return state ? RANK[state] : 0;
}

export function isTerminal(state: RunStateName): boolean {
  return RANK[state] === TERMINAL_RANK;
}

/** A state as someone reported it; `at` is when it happened (an event's time), null when unknown. */
export interface ReportedState<S extends RunStateName> {
  state: S;
  at: Date | null;
}

export interface RunTransition<S extends RunStateName> {
  /** The state the run is in afterwards. */
  state: S;
  /** The incoming report took over (its state, and for a terminal state its time, are the run's now). */
  advanced: boolean;
  /** Both states are terminal and differ: the run was reported to have ended in two ways. */
  conflictingTerminal: boolean;
}

/**
 * The state after `incoming` is applied to a run in `current` (null: a new run).
 *
 * A second terminal state: the later report (by `at`; an unknown time counts as earliest) wins,
 * ties broken by state name. OpenLineage integrations resend events and deliver them out of
 * order, so the result must depend only on the set of reports seen, never on their arrival
 * order; any rule that looked at arrival order would leave two copies of the same history in
 * different states. A different second terminal state is still flagged as `conflictingTerminal`,
 * so a caller that has no event times to order two endings by (the recordRun mutation, where a
 * client states what it knows now) can refuse it instead.
 */
export function transition<S extends RunStateName>(current: ReportedState<S> | null, incoming: ReportedState<S>): RunTransition<S> {
  if (!current) return { state: incoming.state, advanced: true, conflictingTerminal: false };
  const a = RANK[incoming.state];
  const b = RANK[current.state];
  const bothTerminal = a === TERMINAL_RANK && b === TERMINAL_RANK;
  const advanced = a !== b ? a > b : bothTerminal && endsLater(incoming, current);
  return {
    state: advanced ? incoming.state : current.state,
    advanced,
    conflictingTerminal: bothTerminal && incoming.state !== current.state,
  };
}

function endsLater(incoming: ReportedState<RunStateName>, current: ReportedState<RunStateName>): boolean {
  const u = incoming.at?.getTime() ?? -Infinity;
  const t = current.at?.getTime() ?? -Infinity;
  return u > t || (u === t && incoming.state > current.state);
}
