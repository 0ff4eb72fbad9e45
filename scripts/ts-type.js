// The small part of TypeScript's type syntax that .cypher headers use (`{ a: T; b?: U }`, `T[]`,
// `T | null`, names with type arguments, literals), for scripts/gen-cypher.js: parsed to find
// where the `Integer`s of a parameter are, and printed back one member per line when long.
'use strict';

function tokenize(text) {
  const tokens = [];
  const re = /\s*(\w+|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\[\s*\]|[{}()<>;:,|?&])/y;
  let m;
  while (re.lastIndex < text.length && (m = re.exec(text))) tokens.push(m[1].startsWith('[') ? '[]' : m[1]);
  if (re.lastIndex < text.length && text.slice(re.lastIndex).trim()) {
    throw new Error(`cannot read the type "${text}" at "${text.slice(re.lastIndex).trim()}"`);
  }
  return tokens;
}

/** Type → { kind: 'union'|'array'|'object'|'name', ... } */
function parseType(text) {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected) => {
    const t = tokens[i++];
    if (expected !== undefined && t !== expected) throw new Error(`cannot read the type "${text}": expected ${expected}, found ${t ?? 'the end'}`);
    return t;
  };
  function union() {
    const members = [intersection()];
    while (peek() === '|') { take(); members.push(intersection()); }
    return members.length === 1 ? members[0] : { kind: 'union', op: '|', members };
  }
  function intersection() {
    const members = [postfix()];
    while (peek() === '&') { take(); members.push(postfix()); }
    return members.length === 1 ? members[0] : { kind: 'union', op: '&', members };
  }
  function postfix() {
    let t = primary();
    while (peek() === '[]') { take(); t = { kind: 'array', element: t }; }
    return t;
  }
  function primary() {
    const t = take();
    if (t === '(') { const inner = union(); take(')'); return { kind: 'paren', inner }; }
    if (t === '{') {
      const fields = [];
      while (peek() !== '}') {
        const name = take();
        const optional = peek() === '?' ? (take(), true) : false;
        take(':');
        fields.push({ name, optional, type: union() });
        if (peek() === ';' || peek() === ',') take();
      }
      take('}');
      return { kind: 'object', fields };
    }
    if (t === undefined || !/^[\w'"]/.test(t)) throw new Error(`cannot read the type "${text}" at ${t ?? 'the end'}`);
    const args = [];
    if (peek() === '<') {
      take();
      args.push(union());
      while (peek() === ',') { take(); args.push(union()); }
      take('>');
    }
    return { kind: 'name', name: t, args };
  }
  const type = union();
  if (i < tokens.length) throw new Error(`cannot read the type "${text}" at ${tokens[i]}`);
  return type;
}

const WIDTH = 110;

/** The type as source: on one line when it fits in WIDTH at `indent`, else objects one member per line. */
function printType(t, indent = 0) {
  const flat = print(t, indent, true);
  return flat.length + indent <= WIDTH ? flat : print(t, indent, false);
}

function print(t, indent, flat) {
  switch (t.kind) {
    case 'union': return t.members.map((m) => print(m, indent, flat)).join(` ${t.op} `);
    case 'paren': return `(${print(t.inner, indent, flat)})`;
    case 'array': return `${print(t.element, indent, flat)}[]`;
    case 'name': return t.args.length ? `${t.name}<${t.args.map((a) => print(a, indent, flat)).join(', ')}>` : t.name;
    case 'object': {
      const member = (f, i) => `${f.name}${f.optional ? '?' : ''}: ${i === undefined ? print(f.type, 0, true) : printType(f.type, i)}`;
      if (flat) return t.fields.length ? `{ ${t.fields.map((f) => member(f)).join('; ')} }` : '{}';
      const pad = ' '.repeat(indent + 2);
      return `{\n${t.fields.map((f) => `${pad}${member(f, indent + 2)};\n`).join('')}${' '.repeat(indent)}}`;
    }
    default: throw new Error(`unknown type node ${t.kind}`);
  }
}

/** Where `Integer`s are in a value of type `t` named `at`: 'limit', 'fields[].position', 'points[]'. */
function integerPaths(t, at) {
  switch (t.kind) {
    case 'union': return [...new Set(t.members.flatMap((m) => integerPaths(m, at)))];
    case 'paren': return integerPaths(t.inner, at);
    case 'array': return integerPaths(t.element, `${at}[]`);
    case 'object': return t.fields.flatMap((f) => integerPaths(f.type, `${at}.${f.name}`));
    case 'name': return t.name === 'Integer' ? [at] : [];
    default: return [];
  }
}

module.exports = { parseType, printType, integerPaths };
