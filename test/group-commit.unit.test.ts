import { GroupCommit, GroupPolicy } from '../src/openlineage/group-commit';

/**
 * How GroupCommit forms groups (what the one-event OpenLineage route relies on): the groups each
 * call of applyGroup receives, and when, driven by hand-resolved applications.
 */
function harness(policy: Partial<GroupPolicy> = {}) {
  const groups: string[][] = [];
  const finish: ((errors?: unknown[]) => void)[] = [];
  const commit = new GroupCommit<string>((items) => new Promise<unknown[]>((resolve) => {
    groups.push(items);
    finish.push((errors) => resolve(errors ?? items.map(() => undefined)));
  }), { maxItems: 100, turns: 2, lingerMs: 0, ...policy });
  return { groups, finish, submit: (item: string) => commit.submit(item) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GroupCommit', () => {
  it('starts a lone item at once, and gathers what arrives while every turn is busy into one group', async () => {
    const h = harness({ turns: 1 });
    const answers = ['a', 'b', 'c'].map(h.submit);
    expect(h.groups).toEqual([['a']]);
    h.finish[0]();
    await tick();
    expect(h.groups).toEqual([['a'], ['b', 'c']]);
    h.finish[1]();
    await expect(Promise.all(answers)).resolves.toEqual([undefined, undefined, undefined]);
  });

  it('answers each item with its own error, and every item of a group that throws with that error', async () => {
    const h = harness({ turns: 1 });
    const first = h.submit('a');
    const [b, c] = [h.submit('b'), h.submit('c')];
    h.finish[0]();
    await tick();
    h.finish[1]([undefined, new Error('c refused')]);
    await expect(first).resolves.toBeUndefined();
    await expect(b).resolves.toBeUndefined();
    await expect(c).rejects.toThrow('c refused');

    const g = new GroupCommit<string>(() => Promise.reject(new Error('database away')), { maxItems: 10, turns: 1, lingerMs: 0 });
    await expect(Promise.all([g.submit('x'), g.submit('y')])).rejects.toThrow('database away');
  });

  it('without a linger, fills a free turn with a lone item', () => {
    const h = harness();
    void h.submit('a');
    void h.submit('b');
    expect(h.groups).toEqual([['a'], ['b']]);
  });

  it('with a group running, a lone item waits for a second and they go together', async () => {
    const h = harness({ lingerMs: 10_000 });
    void h.submit('a');
    void h.submit('b');
    await tick();
    expect(h.groups).toEqual([['a']]);
    void h.submit('c');
    expect(h.groups).toEqual([['a'], ['b', 'c']]);
  });

  it('a lone item waits no longer than the linger, nor than the group running', async () => {
    const h = harness({ lingerMs: 40 });
    void h.submit('a');
    const started = performance.now();
    void h.submit('b');
    while (h.groups.length < 2) await sleep(5);
    expect(h.groups).toEqual([['a'], ['b']]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);

    const k = harness({ lingerMs: 10_000 });
    void k.submit('a');
    void k.submit('b');
    await tick();
    expect(k.groups).toEqual([['a']]);
    k.finish[0]();
    await tick();
    expect(k.groups).toEqual([['a'], ['b']]);
    k.finish[1]();
  });
});
