#!/usr/bin/env node
// Drives the pinned npm kaitai-struct-compiler for pkttools' build.
//
// The npm compiler has no command line, only compile(lang, ksyObject, importer, debug), and that
// function hard-codes a read-only RuntimeConfig. This wrapper:
//   * loads the compiler once and compiles many specs in one process;
//   * parses every .ksy with js-yaml (the same YAML reader the Kaitai Web IDE uses);
//   * resolves relative imports against the importing file (the compiler hands the importer a
//     path joined to the top-level spec's folder, `..` not cleaned up);
//   * can produce read-write (serializing) Python classes: it verifies that the compiler file is
//     byte-for-byte the pinned build, then swaps the hard-coded RuntimeConfig for one that takes
//     autoRead / zeroCopySubstream / readWrite / pythonPackage from the request, the same values
//     the JVM compiler's --read-write sets;
//   * reports every problem with the spec's path and the YAML path (or line) it concerns, and
//     unwraps the compiler's "Boxed Exception" into the message underneath.
//
// Protocol: a JSON request on stdin, a JSON answer on stdout.
//   request: {"root": "ksy", "specs": ["pangya/common/pstring.ksy", ...],
//             "targets": [{"name": "ro", "lang": "python", "debug": false, "readWrite": false,
//                          "pythonPackage": "kaitai_gen.ro"}, ...],
//             "files": {"<path>": "<file to read it from>"},   (optional: specs outside root)
//             "documents": {"<path>": <spec as data>}}       (optional: specs already parsed,
//                                                            e.g. dispatchers pkttools completed)
//   With no targets the compiler is not loaded: the answer only holds the parsed specs.
//   answer:  {"ok": true, "compiler": "0.11.0",
//             "specs": {"<path>": <parsed yaml>},
//             "targets": {"<name>": {"<file name>": "<source>"}}}
//         or {"ok": false, "errors": [{"spec": "<path>", "where": "/seq/1/type", "message": "..."}]}
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const vm = require('vm');

// The exact compiler build this wrapper was written against. The patch below depends on its
// text; any other file must be refused, not patched blindly.
const PINNED = {
  package: 'kaitai-struct-compiler',
  version: '0.11.0',
  file: 'kaitai-struct-compiler.js',
  sha256: 'c9aacee51040be0977299210fc2624e6bbf2a51770b3dca579accbbaa84ba353',
};

// The RuntimeConfig that MainJs.compile() builds for every call, and its replacement. Arguments:
// autoRead, readStoresPos, opaqueTypes, zeroCopySubstream, readWrite, cppConfig, goPackage,
// java, dotNetNamespace, phpNamespace, pythonPackage, nimModule, nimOpaque.
const CPP = 'new $c_Lio_kaitai_struct_CppRuntimeConfig($m_sci_Nil$(), false, false, false, '
  + '$m_Lio_kaitai_struct_CppRuntimeConfig$RawPointers$())';
const JAVA = 'new $c_Lio_kaitai_struct_JavaRuntimeConfig("", "io.kaitai.struct.ByteBufferKaitaiStream", '
  + '"java.nio.BufferUnderflowException")';
const ORIGINAL_CONFIG = `new $c_Lio_kaitai_struct_RuntimeConfig((!debug), debug, false, true, false, ${CPP}, "", ${JAVA}, "Kaitai", "", "", "kaitai_struct_nim_runtime", "")`;
const PATCHED_CONFIG = `new $c_Lio_kaitai_struct_RuntimeConfig(((!debug) && __pkttools.autoRead), debug, false, __pkttools.zeroCopySubstream, __pkttools.readWrite, ${CPP}, "", ${JAVA}, "Kaitai", "", __pkttools.pythonPackage, "kaitai_struct_nim_runtime", "")`;

class BuildError extends Error {}

function fail(message) {
  throw new BuildError(message);
}

function loadCompiler(nodeModules, settings) {
  const pkgDir = path.join(nodeModules, PINNED.package);
  const file = path.join(pkgDir, PINNED.file);
  if (!fs.existsSync(file)) {
    fail(`${file} not found: run \`npm ci\` in the project root to install the pinned compiler`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.version !== PINNED.version) {
    fail(`${PINNED.package} ${pkg.version} is installed, but pkttools is pinned to ${PINNED.version}: run \`npm ci\``);
  }
  const source = fs.readFileSync(file, 'utf8');
  const digest = crypto.createHash('sha256').update(source, 'utf8').digest('hex');
  if (digest !== PINNED.sha256) {
    fail(`${file} is not the pinned build (sha256 ${digest}, expected ${PINNED.sha256}); `
      + 'the read-write patch in tools/ksc.js was written for that exact file: reinstall with `npm ci`');
  }
  const occurrences = source.split(ORIGINAL_CONFIG).length - 1;
  if (occurrences !== 1) {
    fail(`${file}: expected the RuntimeConfig of MainJs.compile exactly once, found ${occurrences}`);
  }
  const patched = source.replace(ORIGINAL_CONFIG, PATCHED_CONFIG);
  const factory = vm.runInThisContext(
    `(function (module, exports, __pkttools) {${patched}\n})`, { filename: file });
  const mod = { exports: {} };
  factory(mod, mod.exports, settings);
  return mod.exports;
}

function loadYaml(yaml, root, rel, files) {
  const file = files && files[rel] ? files[rel] : path.join(root, rel);
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const why = e.code === 'ENOENT' ? 'no such file' : e.message;
    return { error: { spec: rel, where: '', message: `cannot read ${rel}: ${why}` } };
  }
  try {
    const doc = yaml.load(text, { filename: rel });
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      return { error: { spec: rel, where: '', message: 'a .ksy file must be a YAML mapping' } };
    }
    return { doc };
  } catch (e) {
    const where = e.mark ? `line ${e.mark.line + 1}, column ${e.mark.column + 1}` : '';
    return { error: { spec: rel, where, message: `YAML: ${e.reason || e.message}` } };
  }
}

// The compiler raises Scala exceptions; their text is in jl_Throwable__f_s and their cause in
// jl_Throwable__f_e. "Boxed Exception" is an ExecutionException around the real error.
function describe(err) {
  const messages = [];
  let cur = err;
  for (let depth = 0; cur && depth < 10; depth += 1) {
    let text = null;
    if (typeof cur.jl_Throwable__f_s === 'string') text = cur.jl_Throwable__f_s;
    else if (cur instanceof Error) text = cur.message;
    else if (typeof cur === 'string') text = cur;
    if (text && text !== 'Boxed Exception') messages.push(text.trim());
    cur = cur.jl_Throwable__f_e || null;
  }
  if (messages.length === 0) messages.push(String(err));
  return messages.join('; caused by: ');
}

// "id: /seq/1/type:\n\terror: message" -> {owner id, where, message}
function splitProblem(text) {
  const m = /^([^:\n]+): (\/[^\n]*?):\s*\n\s*error: ([\s\S]*)$/.exec(text);
  if (!m) return { owner: null, where: '', message: text };
  const message = m[3].trim().replace(/\s*\n\s*/g, ' ').replace(/^Error: /, '');
  return { owner: m[1], where: m[2], message };
}

async function main() {
  const request = JSON.parse(fs.readFileSync(0, 'utf8'));
  const root = path.resolve(request.root);
  const nodeModules = path.resolve(request.nodeModules || path.join(__dirname, '..', 'node_modules'));
  let yaml;
  try {
    yaml = require(path.join(nodeModules, 'js-yaml'));
  } catch (e) {
    fail(`js-yaml not found in ${nodeModules}: run \`npm ci\` in the project root`);
  }
  const settings = { autoRead: true, zeroCopySubstream: true, readWrite: false, pythonPackage: '' };
  const compiler = request.targets.length ? loadCompiler(nodeModules, settings) : null;
  const files = request.files || {};
  const documents = request.documents || {};

  const errors = [];
  const specs = {};
  const idToSpec = {};
  for (const rel of request.specs) {
    const { doc, error } = rel in documents ? { doc: documents[rel] } : loadYaml(yaml, root, rel, files);
    if (error) { errors.push(error); continue; }
    specs[rel] = doc;
    const id = doc.meta && doc.meta.id;
    if (typeof id !== 'string') {
      errors.push({ spec: rel, where: '/meta/id', message: 'every spec needs meta/id' });
    } else if (idToSpec[id]) {
      errors.push({ spec: rel, where: '/meta/id', message: `meta/id '${id}' is already used by ${idToSpec[id]}; ids are global type names and must be unique` });
    } else {
      idToSpec[id] = rel;
    }
  }
  if (errors.length) return { ok: false, errors };

  const targets = {};
  for (const target of request.targets) {
    const files = {};
    const origin = {};
    for (const rel of request.specs) {
      const topDir = path.posix.dirname(rel);
      const importer = {
        importYaml(name, mode) {
          if (mode !== 'rel') {
            return Promise.reject(new Error(`absolute import '${name}' is not supported: pkttools specs import files by relative path`));
          }
          const wanted = path.posix.normalize(path.posix.join(topDir, `${name}.ksy`));
          if (wanted.startsWith('../')) {
            return Promise.reject(new Error(`import '${name}' resolves to ${wanted}, outside ${request.root}/`));
          }
          if (specs[wanted]) return Promise.resolve(JSON.parse(JSON.stringify(specs[wanted])));
          if (documents[wanted]) return Promise.resolve(JSON.parse(JSON.stringify(documents[wanted])));
          const loaded = loadYaml(yaml, root, wanted, files);
          if (loaded.error) return Promise.reject(new Error(`import '${name}': ${loaded.error.message}`));
          return Promise.resolve(loaded.doc);
        },
      };
      settings.readWrite = Boolean(target.readWrite);
      settings.autoRead = !target.readWrite;
      settings.zeroCopySubstream = !target.readWrite;
      settings.pythonPackage = target.pythonPackage || '';
      let out;
      try {
        // The compiler mutates the object it is given; hand it a copy.
        out = await compiler.compile(target.lang, JSON.parse(JSON.stringify(specs[rel])), importer, Boolean(target.debug));
      } catch (e) {
        const problem = splitProblem(describe(e));
        const owner = problem.owner && problem.owner !== '(main)' && idToSpec[problem.owner]
          ? idToSpec[problem.owner] : rel;
        const via = owner === rel ? '' : ` (while compiling ${rel})`;
        errors.push({ spec: owner, where: problem.where, message: problem.message + via, target: target.name });
        continue;
      }
      for (const [name, source] of Object.entries(out)) {
        if (name in files && files[name] !== source) {
          errors.push({ spec: rel, where: '', message: `${name} differs when compiled from ${origin[name]} and from ${rel}`, target: target.name });
        }
        files[name] = source;
        origin[name] = origin[name] || rel;
      }
    }
    targets[target.name] = files;
    if (errors.length) break;
  }
  if (errors.length) {
    // One problem per spec and place is enough; the same error repeats for every importer.
    const seen = new Set();
    return {
      ok: false,
      errors: errors.filter((e) => {
        const key = `${e.spec}\u0000${e.where}\u0000${e.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    };
  }
  return { ok: true, compiler: PINNED.version, specs, targets };
}

main().then((answer) => {
  process.stdout.write(JSON.stringify(answer));
  process.exitCode = answer.ok ? 0 : 1;
}).catch((e) => {
  const message = e instanceof BuildError ? e.message : `internal error: ${e && e.stack ? e.stack : e}`;
  process.stdout.write(JSON.stringify({ ok: false, errors: [{ spec: '', where: '', message }] }));
  process.exitCode = 1;
});
