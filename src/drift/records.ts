import fs from 'node:fs';
import readline from 'node:readline';

/**
 * Reads a CSV (with a header row) or JSON Lines file one record at a time, so a file of any size
 * is profiled in constant memory. CSV follows RFC 4180: quoted cells may hold commas, doubled
 * quotes and line breaks (a record then spans several lines). Values come out as JS values:
 * CSV cells that read as numbers or booleans become them; JSONL keeps its JSON types.
 */
export type Format = 'csv' | 'jsonl';
export type Value = string | number | boolean | null;
export type RecordRow = Map<string, Value>;

const NUMBER_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A CSV cell: empty is null, numeric text a number, true/false a boolean, anything else text. */
export function csvValue(cell: string | undefined): Value {
  if (cell === undefined || cell === '') return null;
  if (NUMBER_TEXT.test(cell)) return Number(cell);
  if (cell === 'true' || cell === 'false') return cell === 'true';
  return cell;
}

/** A JSON value keeps its type; nested objects and lists are compared as their JSON text. */
export function jsonValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

export function formatOf(path: string): Format {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  throw new Error(`${path}: only .csv and .jsonl (or .ndjson) files can be profiled`);
}

/** Every record of the file, in order; `onBytes` hears how far the read has got. */
export async function* readRecords(path: string, onBytes: (bytesRead: number) => void = () => {}): AsyncGenerator<RecordRow> {
  const format = formatOf(path);
  const stream = fs.createReadStream(path);
  let bytes = 0;
  stream.on('data', (chunk) => { bytes += chunk.length; onBytes(bytes); });
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let header: string[] | null = null;
  let pending = '';
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (format === 'jsonl') {
      if (line.trim() === '') continue;
      yield jsonRecord(line, path, lineNo);
      continue;
    }
    pending = pending ? `${pending}\n${line}` : line;
    const cells = parseCsvRecord(pending);
    if (!cells) continue; // a quoted cell goes on past this line
    pending = '';
    if (!header) { header = cells; continue; }
    if (cells.length === 1 && cells[0] === '') continue; // blank line
    yield new Map(header.map((name, i) => [name, csvValue(cells[i])]));
  }
  if (pending) throw new Error(`${path}: the file ends inside a quoted CSV cell`);
}

function jsonRecord(line: string, path: string, lineNo: number): RecordRow {
  let value: unknown;
  try { value = JSON.parse(line); } catch { throw new Error(`${path}:${lineNo}: not valid JSON`); }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path}:${lineNo}: a JSON Lines record must be an object`);
  return new Map(Object.entries(value).map(([k, v]) => [k, jsonValue(v)]));
}

/** The cells of one CSV record, or null when the text ends inside a quoted cell. */
export function parseCsvRecord(text: string): string[] | null {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell); cell = ''; } else cell += ch;
  }
  if (quoted) return null;
  cells.push(cell);
  return cells;
}
