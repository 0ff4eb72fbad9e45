import { isTerminal, ReportedState, RunStateName, stateRank, transition } from '../src/run/run-state-machine';

/** The run state machine on its own: no database. */
const at = (state: RunStateName, iso: string | null = null): ReportedState<RunStateName> => ({ state, at: iso ? new Date(iso) : null });
const ALL: RunStateName[] = ['OTHER', 'START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL'];

/** Applies reports in the given order, from a new run. */
function replay(reports: ReportedState<RunStateName>[]): RunStateName {
  let current: ReportedState<RunStateName> | null = null;
  for (const r of reports) if (transition(current, r).advanced) current = r;
  return current!.state;
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('run state machine', () => {
  it('ranks OTHER < START < RUNNING < the terminal states', () => {
    expect(ALL.map(stateRank)).toEqual([0, 1, 2, 3, 3, 3]);
    expect(ALL.filter(isTerminal)).toEqual(['COMPLETE', 'ABORT', 'FAIL']);
    expect(stateRank(null)).toBe(0);
  });

  it('takes any state for a new run', () => {
    for (const s of ALL) expect(transition(null, at(s))).toEqual({ state: s, advanced: true, conflictingTerminal: false });
  });

  it('moves only up: a late START or an OTHER never moves a run back', () => {
    expect(transition(at('START'), at('RUNNING'))).toMatchObject({ state: 'RUNNING', advanced: true });
    expect(transition(at('RUNNING'), at('START'))).toMatchObject({ state: 'RUNNING', advanced: false });
    expect(transition(at('COMPLETE', '2026-01-01T01:00:00Z'), at('START', '2026-01-01T02:00:00Z'))).toMatchObject({ state: 'COMPLETE', advanced: false });
    expect(transition(at('START'), at('OTHER'))).toMatchObject({ state: 'START', advanced: false });
    expect(transition(at('RUNNING'), at('RUNNING'))).toMatchObject({ state: 'RUNNING', advanced: false });
  });

  it('lets the later of two terminal reports win, and flags two different endings', () => {
    const complete = at('COMPLETE', '2026-01-01T01:00:00Z');
    const fail = at('FAIL', '2026-01-01T02:00:00Z');
    expect(transition(complete, fail)).toEqual({ state: 'FAIL', advanced: true, conflictingTerminal: true });
    expect(transition(fail, complete)).toEqual({ state: 'FAIL', advanced: false, conflictingTerminal: true });
    expect(transition(complete, at('COMPLETE', '2026-01-01T03:00:00Z'))).toEqual({ state: 'COMPLETE', advanced: true, conflictingTerminal: false });
  });

  it('without times keeps the stored ending when the same one is reported again', () => {
    expect(transition(at('COMPLETE'), at('COMPLETE'))).toEqual({ state: 'COMPLETE', advanced: false, conflictingTerminal: false });
    expect(transition(at('COMPLETE'), at('ABORT')).conflictingTerminal).toBe(true);
  });

  it('ends in the same state whatever order the reports arrive in, even with equal times', () => {
    const reports = [at('START', '2026-01-01T00:00:00Z'), at('RUNNING', '2026-01-01T00:01:00Z'),
      at('ABORT', '2026-01-01T02:00:00Z'), at('FAIL', '2026-01-01T02:00:00Z'), at('COMPLETE', '2026-01-01T01:00:00Z')];
    const ends = new Set(permutations(reports).map(replay));
    expect([...ends]).toEqual(['FAIL']); // ABORT and FAIL at the same time: the name breaks the tie
  });
});
