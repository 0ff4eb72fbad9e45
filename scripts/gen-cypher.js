#!/usr/bin/env node
// Generates src/generated/cypher.ts from every cypher/**/*.cypher (migrations excepted): one typed
// Query<Params, Row> constant per file (pgtyped-style). Header lines give the types:
//   // @param name: TsType      one per $name the statement uses (`Integer` = sent as an integer)
//   // @returns column: TsType  one per column of the final RETURN (of every branch of a UNION)
// Generation fails, naming the file, when a $parameter has no @param line (or a @param is unused)
// or the @returns columns are not the statement's RETURN columns: the types cannot drift from the
// statements. `npm run gen` rewrites the file; test/generated-files.test.ts fails when it is stale.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parseType, printType, integerPaths } = require('./ts-type');

const root = path.resolve(__dirname, '..');
const cypherDir = path.join(root, 'cypher');
const outFile = path.join(root, 'src', 'generated', 'cypher.ts');

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : walk(p);
    return e.name.endsWith('.cypher') ? [p] : [];
  }).sort();
}

function constName(rel) {
  return rel.replace(/\.cypher$/, '').split(/[/\-_.]/).filter(Boolean)
    .map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
}

/** `// @tag name: type` header lines, in order. */
function declarations(text, tag) {
  const out = new Map();
  for (const m of text.matchAll(new RegExp(`^\\s*\\/\\/\\s*@${tag}\\s+(\\w+)\\s*:\\s*(.+?)\\s*$`, 'gm'))) {
    if (out.has(m[1])) throw new Error(`@${tag} ${m[1]} is declared twice`);
    out.set(m[1], parseType(m[2]));
  }
  return out;
}

/** The statement without comments, with string literals emptied: what the checks below read. */
function code(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += c + c;
      i = j;
    } else if (c === '`') {
      const j = text.indexOf('`', i + 1);
      out += text.slice(i, j + 1);
      i = j;
    } else {
      out += c;
    }
  }
  return out;
}

/** Splits `body` at matches of `re` that are outside any (), [] or {}. */
function splitTopLevel(body, re) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0) {
      const m = re.exec(body.slice(i));
      if (m && m.index === 0 && !(/^\w/.test(m[0]) && /\w/.test(body[i - 1] ?? ''))) {
        parts.push(body.slice(start, i));
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/** The column names of the final RETURN of each UNION branch (undefined: the statement returns nothing). */
function returnColumns(body) {
  const branches = splitTopLevel(body, /^UNION(\s+ALL)?\b/i);
  const columns = branches.map((branch) => {
    const clauses = splitTopLevel(branch, /^RETURN\b/i);
    if (clauses.length === 1) return undefined;
    const clause = splitTopLevel(clauses[clauses.length - 1], /^(ORDER\s+BY|SKIP|LIMIT)\b/i)[0]
      .replace(/^\s*DISTINCT\b/i, '');
    return splitTopLevel(clause, /^,/).map((item) => {
      const expr = item.trim();
      const alias = /\bAS\s+(\w+|`[^`]+`)$/i.exec(expr);
      if (alias) return alias[1].replace(/`/g, '');
      if (/^\w+$/.test(expr)) return expr;
      throw new Error(`RETURN ${expr}: give the column a name with AS`);
    });
  });
  if (columns.some((c) => c === undefined) && columns.some((c) => c !== undefined)) throw new Error('a UNION branch has no RETURN');
  return columns[0] && columns;
}

function checkReturns(declared, columns) {
  const names = [...declared.keys()];
  if (!columns) {
    if (names.length) throw new Error(`@returns ${names.join(', ')}: the statement returns no rows`);
    return;
  }
  for (const [i, branch] of columns.entries()) {
    const which = columns.length > 1 ? ` (UNION branch ${i + 1})` : '';
    const missing = branch.filter((c) => !declared.has(c));
    const extra = names.filter((n) => !branch.includes(n));
    if (missing.length) throw new Error(`RETURN column ${missing.join(', ')}${which} has no @returns line`);
    if (extra.length) throw new Error(`@returns ${extra.join(', ')} is not a RETURN column${which}`);
  }
}

function parse(text) {
  const params = declarations(text, 'param');
  const returns = declarations(text, 'returns');
  const body = code(text);
  // What is sent drops the comment lines (withoutCommentLines in src/db/query.ts): only comments may go.
  const sent = text.split('\n').filter((line) => !line.trimStart().startsWith('//')).join('\n');
  const words = (s) => s.replace(/\s+/g, ' ').trim();
  if (words(code(sent)) !== words(body)) throw new Error('a line starting with // is inside a string literal: it would not be sent');
  const used = new Set([...body.matchAll(/\$(\w+)/g)].map((m) => m[1]));
  for (const name of params.keys()) {
    if (!used.has(name)) throw new Error(`@param ${name} is declared but not used`);
  }
  const undeclared = [...used].filter((name) => !params.has(name));
  if (undeclared.length) throw new Error(`$${undeclared.join(', $')} has no @param line`);
  checkReturns(returns, returnColumns(body));
  const sorted = new Map([...params].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { params: sorted, returns, integers: [...sorted].flatMap(([name, type]) => integerPaths(type, name)) };
}

/** A map of declarations as an object type, one member per line. */
function objectType(decls) {
  if (!decls.size) return 'Record<string, never>';
  return `{\n${[...decls].map(([name, type]) => `  ${name}: ${printType(type, 2)};\n`).join('')}}`;
}

/** The statement as a template literal, byte for byte. */
function templateLiteral(text) {
  return '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

function render() {
  const blocks = [
    '// Generated by scripts/gen-cypher.js from cypher/**/*.cypher. Do not edit: run `npm run gen`.\n' +
    "import { Integer, query } from '../db/query';\n",
  ];
  let usesInteger = false;
  for (const file of walk(cypherDir)) {
    const rel = path.relative(cypherDir, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8').trim();
    let q;
    try { q = parse(text); } catch (e) { throw new Error(`cypher/${rel}: ${e.message}`); }
    const types = `${objectType(q.params)}, ${objectType(q.returns)}`;
    usesInteger ||= /\bInteger\b/.test(types);
    const integers = q.integers.length ? `, ${JSON.stringify(q.integers).replace(/","/g, '", "')}` : '';
    blocks.push(`export const ${constName(rel)} = query<${types}>(${JSON.stringify(rel.replace(/\.cypher$/, ''))}, ${templateLiteral(text)}${integers});\n`);
  }
  if (!usesInteger) blocks[0] = blocks[0].replace('Integer, ', '');
  return blocks.join('\n');
}

module.exports = { render, outFile, parse };

if (require.main === module) {
  let text;
  try {
    text = render();
  } catch (e) {
    console.error(`gen-cypher: ${e.message}`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  if (!fs.existsSync(outFile) || fs.readFileSync(outFile, 'utf8') !== text) {
    fs.writeFileSync(outFile, text);
    console.log(`wrote ${path.relative(root, outFile)}`);
  }
}
