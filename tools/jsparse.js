#!/usr/bin/env node
// Parses packets with the JavaScript classes the Kaitai Struct compiler generates in debug mode,
// on the npm `kaitai-struct` runtime: what the Kaitai Web IDE runs. pkttools' conformance check
// (pkttools/conformance.py) compares the result, field by field, with its Python parse.
//
// Usage: node tools/jsparse.js DIR...   (each DIR holds compiled .js files; NODE_PATH must
// reach node_modules so the generated code finds `kaitai-struct/KaitaiStream`)
//
// Protocol: one JSON request per line on stdin, one JSON answer per line on stdout.
//   request: {"dir": 0, "class": "TmwLoginServer", "hex": "6300..."}
//   answer:  {"ok": true, "tree": <value>, "end": <bytes read>}
//         or {"ok": false, "error": {"name": "EOFError", "message": "..."}, "tree": <partial>}
// Values: a struct is {"$struct": "ClassName", "$fields": {"camelName": value, ...}} with seq
// fields in the order they were read, then instances; bytes are {"$bytes": "hex"}; a number
// with an enum is {"$enum": "NAME" or null, "$value": n}; numbers JSON cannot hold are
// {"$number": "NaN" | "Infinity" | "-Infinity"}; an instance that throws is {"$error": "..."}.
//
// The Web IDE runs in a browser, whose TextDecoder follows the WHATWG Encoding Standard. Node
// 20.18.3 and later decode windows-1252 as ISO-8859-1 (nodejs/node#56542, #60888), and node's
// ICU gives private-use characters for the bytes windows-874 leaves unassigned where browsers
// give U+FFFD. So this runner decodes those two encodings (and their labels, e.g. ISO-8859-11)
// by the Encoding Standard's tables (encoding.spec.whatwg.org, index-windows-1252 and
// index-windows-874), as a browser does; every other encoding goes to node's TextDecoder.
'use strict';

const fs = require('fs');
const path = require('path');
const readline = require('readline');

const KaitaiStream = require('kaitai-struct/KaitaiStream');

// -- browser decoding of single-byte encodings ----------------------------------------------
// windows-1252 bytes 0x80-0x9F (the rest is ISO-8859-1); 0x81, 0x8D, 0x8F, 0x90, 0x9D stay C1.
const WIN1252_HIGH = [
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
];

function win1252(byte) {
  return byte >= 0x80 && byte <= 0x9F ? WIN1252_HIGH[byte - 0x80] : byte;
}

// windows-874: 0x80-0x9F C1 except the nine below; 0xA0 NBSP; 0xA1-0xDA and 0xDF-0xFB Thai
// (U+0E01-U+0E3A, U+0E3F-U+0E5B); 0xDB-0xDE and 0xFC-0xFF unassigned (U+FFFD).
const WIN874_PUNCT = {
  0x80: 0x20AC, 0x85: 0x2026, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D,
  0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014,
};

function win874(byte) {
  if (byte < 0x80) return byte;
  if (byte in WIN874_PUNCT) return WIN874_PUNCT[byte];
  if (byte <= 0xA0) return byte;
  if ((byte >= 0xDB && byte <= 0xDE) || byte >= 0xFC) return 0xFFFD;
  return byte - 0xA0 + 0x0E00;
}

const SINGLE_BYTE = {};
for (const label of ['windows-1252', 'cp1252', 'x-cp1252', 'latin1', 'iso-8859-1',
  'iso8859-1', 'iso_8859-1', 'l1', 'us-ascii']) SINGLE_BYTE[label] = win1252;
for (const label of ['windows-874', 'dos-874', 'iso-8859-11', 'iso8859-11', 'iso885911',
  'tis-620']) SINGLE_BYTE[label] = win874;

const runtimeBytesToStr = KaitaiStream.bytesToStr;
KaitaiStream.bytesToStr = function bytesToStr(arr, encoding) {
  const table = encoding ? SINGLE_BYTE[encoding.toLowerCase()] : undefined;
  if (!table) return runtimeBytesToStr(arr, encoding);
  let out = '';
  for (let i = 0; i < arr.length; i += 1) out += String.fromCharCode(table(arr[i]));
  return out;
};

// -- generated classes --------------------------------------------------------------------
function loadDir(dir) {
  const classes = {};
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith('.js')) continue;
    const name = file.slice(0, -3);
    const mod = require(path.resolve(dir, file));
    if (typeof mod[name] === 'function') classes[name] = mod[name];
  }
  return classes;
}

function resolveEnum(classes, enumPath) {
  const parts = enumPath.split('.');
  let cur = classes[parts[0]];
  for (const part of parts.slice(1)) {
    if (cur === undefined || cur === null) return null;
    cur = cur[part];
  }
  return cur || null;
}

function instanceNames(obj) {
  const proto = Object.getPrototypeOf(obj);
  return Object.getOwnPropertyNames(proto).filter((name) => {
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    return desc && typeof desc.get === 'function';
  });
}

function isStruct(value) {
  return value !== null && typeof value === 'object' && value._io !== undefined
    && value._debug !== undefined;
}

function scalar(value, enumObj) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { $number: String(value) };
    if (enumObj) return { $enum: Object.prototype.hasOwnProperty.call(enumObj, value) ? enumObj[value] : null, $value: value };
    return value;
  }
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('hex') };
  return value;
}

function convert(value, classes, enumObj, depth) {
  if (depth > 200) throw new Error('structure nested deeper than 200 levels');
  if (Array.isArray(value)) return value.map((v) => convert(v, classes, enumObj, depth + 1));
  if (isStruct(value)) return struct(value, classes, depth + 1);
  return scalar(value, enumObj);
}

function struct(obj, classes, depth) {
  const fields = {};
  const debug = obj._debug || {};
  for (const name of Object.keys(debug)) {
    if (name.startsWith('_m_')) continue;
    const value = obj[name];
    if (value === undefined || value === null) continue;
    const enumObj = debug[name].enumName ? resolveEnum(classes, debug[name].enumName) : null;
    fields[name] = convert(value, classes, enumObj, depth);
  }
  for (const name of instanceNames(obj)) {
    let value;
    try {
      value = obj[name];
    } catch (e) {
      fields[name] = { $error: `${e && e.name ? e.name : 'Error'}: ${e && e.message ? e.message : e}` };
      continue;
    }
    if (value === undefined || value === null) continue;
    const info = debug[`_m_${name}`];
    const enumObj = info && info.enumName ? resolveEnum(classes, info.enumName) : null;
    fields[name] = convert(value, classes, enumObj, depth);
  }
  return { $struct: obj.constructor.name, $fields: fields };
}

function answer(dirs, request) {
  const classes = dirs[request.dir];
  if (!classes) return { ok: false, error: { name: 'RequestError', message: `no directory ${request.dir}` } };
  const Cls = classes[request.class];
  if (!Cls) return { ok: false, error: { name: 'RequestError', message: `no class ${request.class}` } };
  const io = new KaitaiStream(Buffer.from(request.hex, 'hex'));
  const obj = new Cls(io, null, null);
  try {
    obj._read();
  } catch (e) {
    let tree = null;
    try { tree = struct(obj, classes, 0); } catch (ignored) { tree = null; }
    return { ok: false, error: { name: e && e.constructor ? e.constructor.name : 'Error', message: String(e && e.message ? e.message : e) }, tree, end: io.pos };
  }
  return { ok: true, tree: struct(obj, classes, 0), end: io.pos };
}

function main() {
  const dirs = process.argv.slice(2).map(loadDir);
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => {
    if (!line.trim()) return;
    let reply;
    try {
      reply = answer(dirs, JSON.parse(line));
    } catch (e) {
      reply = { ok: false, error: { name: 'RunnerError', message: String(e && e.stack ? e.stack : e) } };
    }
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  });
}

main();
