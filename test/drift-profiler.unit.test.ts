import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diffFields } from '../src/drift/diff';
import { parseFieldProfile } from '../src/drift/profile';
import { profileFile, Progress } from '../src/drift/profiler';
import { readRecords } from '../src/drift/records';

/* The streaming profiler on small files whose profiles are worked out by hand. */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelgraph-profiler-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const asDiff = (f: { name: string; type?: string | null; profile?: unknown }) => ({ name: f.name, type: f.type ?? null, profile: f.profile ?? null });

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

const CSV = 'id,amount,city,note\n1,10.5,Paris,"hello, world"\n2,20,Berlin,"multi\nline"\n3,,Paris,\n4,30.5,"Paris",plain\n5,40,Rome,"say ""hi"""\n';

describe('profileFile', () => {
  it('profiles a CSV file: types, counts, moments, quantiles, histograms and top values', async () => {
    const fields = await profileFile(file('orders.csv', CSV), { histogramBins: 4 });
    const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(fields.map((f) => [f.name, f.type])).toEqual([['id', 'integer'], ['amount', 'double'], ['city', 'string'], ['note', 'string']]);
    expect(byName.id.profile).toMatchObject({
      count: 5, nulls: 0, distinct: 5, min: 1, max: 5, mean: 3,
      quantiles: { '0.25': 2, '0.5': 3, '0.75': 4 }, histogram: { edges: [1, 2, 3, 4, 5], counts: [1, 1, 1, 2] },
    });
    expect(byName.id.profile!.std).toBeCloseTo(Math.sqrt(2.5), 12); // sample std of 1..5
    expect(byName.amount.profile).toMatchObject({
      count: 5, nulls: 1, min: 10.5, max: 40, mean: 25.25, histogram: { edges: [10.5, 17.875, 25.25, 32.625, 40], counts: [1, 1, 1, 1] },
    });
    expect(byName.city.profile).toEqual({
      count: 5, nulls: 0, distinct: 3, topValues: [{ value: 'Paris', count: 3 }, { value: 'Berlin', count: 1 }, { value: 'Rome', count: 1 }],
    });
    expect(byName.note.profile).toMatchObject({ count: 5, nulls: 1, distinct: 4 });
    expect((byName.note.profile!.topValues as { value: string }[]).map((t) => t.value).sort())
      .toEqual(['hello, world', 'multi\nline', 'plain', 'say "hi"']);
    for (const f of fields) expect(() => parseFieldProfile(f.profile, f.name)).not.toThrow();
  });

  it('profiles JSON Lines, counting a key missing from some records as null there', async () => {
    const text = ['{"score": 0.5, "label": "a"}', '', '{"score": 1.5, "label": "b", "flag": true}', '{"score": null, "label": "a", "flag": false}'].join('\n');
    const fields = await profileFile(file('events.jsonl', text));
    expect(fields.map((f) => [f.name, f.type, f.profile!.count, f.profile!.nulls])).toEqual([
      ['score', 'double', 3, 1], ['label', 'string', 3, 0], ['flag', 'boolean', 3, 1]]);
    expect(fields[2].profile!.topValues).toEqual([{ value: 'false', count: 1 }, { value: 'true', count: 1 }]);
  });

  it('stays bounded on a large column and gives the same profile for the same file', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},user${i}`).join('\n');
    const p = file('big.csv', `n,user\n${rows}\n`);
    const progress: Progress[] = [];
    const options = { sampleSize: 1000, maxTracked: 500, onProgress: (x: Progress) => progress.push(x) };
    const [n, user] = await profileFile(p, options);
    expect(n.profile).toMatchObject({ count: 20_000, nulls: 0, min: 0, max: 19_999, mean: expect.closeTo(9999.5, 6), distinct: 500, distinctIsLowerBound: true });
    expect((n.profile!.histogram as { counts: number[] }).counts).toEqual(new Array(20).fill(1000)); // exact: second pass
    expect(Math.abs((n.profile!.quantiles as Record<string, number>)['0.5'] - 9999.5)).toBeLessThan(1500); // from a 1,000 sample
    expect(user.profile!.topValues).toHaveLength(20);
    expect(await profileFile(p, { ...options, onProgress: () => {} })).toEqual([n, user]);
    expect(progress.some((x) => x.pass === 2 && x.bytesRead === x.totalBytes)).toBe(true);
  });

  it('profiles ISO-8601 timestamp columns as timestamps: numbers in epoch seconds, with a histogram', async () => {
    const csv = 'at,day\n2026-01-01T00:00:00Z,2026-01-01\n2026-01-01T06:00:00.500+02:00,2026-01-02\n,2026-01-03\n2026-01-01 12:00:00,2026-01-03\n';
    const [at, day] = await profileFile(file('times.csv', csv), { histogramBins: 2 });
    const jan1 = Date.UTC(2026, 0, 1) / 1000;
    expect(at).toMatchObject({ type: 'timestamp', profile: { count: 4, nulls: 1, distinct: 3, unit: 'epoch-seconds', min: jan1, max: jan1 + 12 * 3600 } });
    expect(at.profile!.histogram).toEqual({ edges: [jan1, jan1 + 6 * 3600, jan1 + 12 * 3600], counts: [2, 1] }); // 06:00+02:00 is 04:00Z
    expect((at.profile!.quantiles as Record<string, number>)['0.5']).toBe(jan1 + 4 * 3600 + 0.5);
    expect(at.profile!.topValues).toBeUndefined();
    expect(day).toMatchObject({ type: 'timestamp', profile: { min: jan1, max: jan1 + 2 * 86400, mean: jan1 + (0 + 1 + 2 + 2) * 86400 / 4 } });
    for (const f of [at, day]) expect(() => parseFieldProfile(f.profile, f.name)).not.toThrow();
    // Not a timestamp: an impossible date, a time alone, or a mix with other text.
    const other = await profileFile(file('not-times.csv', 'a,b,c\n2026-02-30,10:00,2026-01-01\n2026-01-01,11:00,soon\n'));
    expect(other.map((f) => f.type)).toEqual(['string', 'string', 'string']);
  });

  it('finds drift between two versions of a timestamp column with disjoint values (PSI ≥ 0.2)', async () => {
    const times = (month: number) => 'id,at\n' + Array.from({ length: 2000 }, (_, i) =>
      `${i},${new Date(Date.UTC(2026, month, 1) + i * 1000 * 60).toISOString()}`).join('\n') + '\n'; // one a minute, all distinct
    const v1 = await profileFile(file('jan.csv', times(0)));
    const v2 = await profileFile(file('feb.csv', times(1)));
    const at = diffFields(v1.map(asDiff), v2.map(asDiff)).fields.find((f) => f.field === 'at')!;
    expect(at).toMatchObject({ kind: 'NUMERIC', drifted: true });
    expect(at.psi).toBeGreaterThanOrEqual(0.2);
    // The same timestamps profiled as text (top 20 of 2,000 distinct values) drift too.
    const asText = (fields: typeof v1) => fields.map((f) => f.name !== 'at' ? asDiff(f) : {
      name: 'at', type: 'string', profile: { count: 2000, nulls: 0, topValues: times(fields === v1 ? 0 : 1).split('\n').slice(1, 21).map((l) => ({ value: l.split(',')[1], count: 1 })) },
    });
    const text = diffFields(asText(v1), asText(v2)).fields.find((f) => f.field === 'at')!;
    expect(text).toMatchObject({ kind: 'CATEGORICAL', drifted: true });
    expect(text.psi).toBeGreaterThanOrEqual(0.2);
  });

  it('rejects unknown formats, bad JSON and an unterminated quote', async () => {
    await expect(profileFile(file('x.parquet', ''))).rejects.toThrow(/only .csv and .jsonl/);
    await expect(profileFile(file('bad.jsonl', '{"a": 1}\n{oops\n'))).rejects.toThrow(/bad.jsonl:2: not valid JSON/);
    await expect(profileFile(file('bad.csv', 'a,b\n1,"open\n'))).rejects.toThrow(/ends inside a quoted CSV cell/);
  });

  it('reads RFC 4180 cells, a BOM before the first header, and CRLF kept inside a quoted cell', async () => {
    const rows = async (name: string, text: string) => {
      const out: Record<string, unknown>[] = [];
      for await (const r of readRecords(file(name, text))) out.push(Object.fromEntries(r));
      return out;
    };
    expect(await rows('cells.csv', 'a,b,c,d\nx,"b,c","d ""e""",\n')).toEqual([{ a: 'x', b: 'b,c', c: 'd "e"', d: null }]);
    expect(await rows('bom.csv', '\uFEFFid,note\r\n1,"two\r\nlines"\r\n\r\n2,short\r\n')).toEqual([
      { id: 1, note: 'two\r\nlines' }, { id: 2, note: 'short' },
    ]);
    expect(await rows('ragged.csv', 'a,b\n1\n2,3,4\n')).toEqual([{ a: 1, b: null }, { a: 2, b: 3 }]);
  });
});
