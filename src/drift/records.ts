import { CsvError, parse } from 'csv-parse';
import fs from 'node:fs';
import readline from 'node:readline';

/**
 * Reads a CSV (with a header row) or JSON Lines file one record at a time, so a file of any size
 * is profiled in constant memory. CSV is read by csv-parse (RFC 4180: quoted cells may hold
 * commas, doubled quotes and line breaks, kept as they are; a UTF-8 BOM is not part of the first
 * header). Values come out as JS values: CSV cells that read as numbers or booleans become them;
 * JSONL keeps its JSON types.
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
export function readRecords(path: string, onBytes: (bytesRead: number) => void = () => {}): AsyncGenerator<RecordRow> {
  const format = formatOf(path);
  const stream = fs.createReadStream(path);
  let bytes = 0;
  stream.on('data', (chunk) => { bytes += chunk.length; onBytes(bytes); });
  return format === 'csv' ? csvRecords(stream, path) : jsonlRecords(stream, path);
}

async function* csvRecords(stream: fs.ReadStream, path: string): AsyncGenerator<RecordRow> {
  // Rows may be shorter or longer than the header (missing cells are null); a quote inside an
  // unquoted cell is taken literally.
  const parser = stream.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }));
  let header: string[] | null = null;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!header) { header = cells; continue; }
      yield new Map(header.map((name, i) => [name, csvValue(cells[i])]));
    }
  } catch (e) {
    if (e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED') throw new Error(`${path}: the file ends inside a quoted CSV cell`);
    if (e instanceof CsvError) throw new Error(`${path}: ${e.message}`);
    throw e;
  }
}

async function* jsonlRecords(stream: fs.ReadStream, path: string): AsyncGenerator<RecordRow> {
  let lineNo = 0;
  for await (const line of readline.createInterface({ input: stream, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() !== '') yield jsonRecord(line, path, lineNo);
  }
}

function jsonRecord(line: string, path: string, lineNo: number): RecordRow {
  let value: unknown;
  try { value = JSON.parse(line); } catch { throw new Error(`${path}:${lineNo}: not valid JSON`); }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path}:${lineNo}: a JSON Lines record must be an object`);
  return new Map(Object.entries(value).map(([k, v]) => [k, jsonValue(v)]));
}
