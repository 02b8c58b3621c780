// Prints the layout counts that issue 12 tracks, so a change to the code's
// structure can be measured before and after:
//   - registration points: for every contract variant id, the engine and
//     component files outside the id's own folder (and its shaders, the
//     registry, lessons, content and tests) that spell the id as a string;
//   - deep imports: files outside src/engine that import a module of
//     src/engine other than its public face, src/engine/index.ts;
//   - long functions in src/components, src/app and src/lessons (over 80, 150
//     and 200 lines) and the longest ones;
//   - source files over 500 lines (data tables listed apart);
//   - the entry chunk of dist/ (raw and gzipped) and which WGSL it carries,
//     when a build is present.
// Usage: node scripts/layout-report.mjs [--json]
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');
const asJson = process.argv.includes('--json');

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}
const rel = (p) => relative(root, p).split(sep).join('/');
const files = walk(src).filter((p) => /\.(ts|tsx)$/.test(p));
const text = new Map(files.map((p) => [p, readFileSync(p, 'utf8')]));
// Tests and their material (a view's fixture.ts is the example props its test renders).
const isTest = (r) =>
  /\.test\.tsx?$/.test(r) ||
  /(^|\/)(testing|testSetup|testProblems|testMatrices|testLessons|fixture\.ts$)/.test(r);

// Contract ids, from the engine's own list.
const idsFile = [join(src, 'engine/variants/registry/ids.ts'), join(src, 'engine/types.ts')].find(existsSync);
const typesSrc = readFileSync(idsFile, 'utf8');
const idBlock = /VARIANT_IDS\s*=\s*\[([\s\S]*?)\]/.exec(typesSrc);
const ids = idBlock ? [...idBlock[1].matchAll(/'([^']+)'/g)].map((m) => m[1]) : [];

function registrationPoints(id) {
  const hits = [];
  for (const [p, t] of text) {
    const r = rel(p);
    if (!t.includes(`'${id}'`)) continue;
    if (r.startsWith(`src/engine/variants/${id}/`) || r.startsWith(`src/shaders/${id}/`)) continue;
    if (/src\/engine\/variants\/registry(\.ts|\/)/.test(r)) continue;
    if (r.startsWith('src/lessons/') || r.startsWith('src/content/') || isTest(r)) continue;
    if (!(
      r.startsWith('src/engine/') ||
      r.startsWith('src/components/') ||
      r.startsWith('src/app/') ||
      r.startsWith('src/state/')
    ))
      continue;
    hits.push(r);
  }
  return hits.sort();
}

function deepImports() {
  const out = [];
  const importRe = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;
  for (const [p, t] of text) {
    const r = rel(p);
    if (r.startsWith('src/engine/')) continue;
    for (const m of t.matchAll(importRe)) {
      const spec = m[1];
      if (!spec.startsWith('.')) continue;
      const target = rel(resolve(dirname(p), spec)).replace(/\?.*$/, '');
      if (!target.startsWith('src/engine/')) continue;
      if (target === 'src/engine' || target === 'src/engine/index' || target === 'src/engine/index.ts')
        continue;
      out.push(`${r} -> ${target}`);
    }
  }
  return out.sort();
}

function functionSpans() {
  const spans = [];
  for (const [p, t] of text) {
    const r = rel(p);
    if (!/^src\/(components|app|lessons)\//.test(r) || isTest(r)) continue;
    const sf = ts.createSourceFile(
      p,
      t,
      ts.ScriptTarget.Latest,
      true,
      r.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const visit = (node) => {
      if (
        ts.isFunctionDeclaration(node) ||
        ts.isFunctionExpression(node) ||
        ts.isArrowFunction(node) ||
        ts.isMethodDeclaration(node)
      ) {
        const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
        let name = node.name?.getText(sf);
        if (!name && ts.isVariableDeclaration(node.parent)) name = node.parent.name.getText(sf);
        if (!name && ts.isCallExpression(node.parent) && ts.isVariableDeclaration(node.parent.parent))
          name = node.parent.parent.name.getText(sf);
        spans.push({ file: r, name: name ?? '(anonymous)', line: start + 1, lines: end - start + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return spans.sort((a, b) => b.lines - a.lines);
}

// Data tables: files that are mostly literal data (references, glossary, open problems, messages).
const isDataTable = (r) => /src\/content\/|src\/i18n\/messages\/|\/messages\.ts$|\/strings\.ts$/.test(r);
function largeFiles() {
  const out = [];
  for (const p of walk(src)) {
    const r = rel(p);
    if (!/\.(ts|tsx|wgsl|css)$/.test(r) || isTest(r)) continue;
    const lines = readFileSync(p, 'utf8').split('\n').length;
    if (lines > 500) out.push({ file: r, lines, dataTable: isDataTable(r) });
  }
  return out.sort((a, b) => b.lines - a.lines);
}

function entryChunk() {
  const html = join(root, 'dist/index.html');
  if (!existsSync(html)) return null;
  const m = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(readFileSync(html, 'utf8'));
  if (!m) return null;
  const buf = readFileSync(join(root, 'dist', m[1]));
  const body = buf.toString('utf8');
  // A WGSL kernel shows as its entry point attribute in the bundled string.
  const wgslKernels = (body.match(/@compute\s+@workgroup_size/g) ?? []).length;
  return { file: m[1], bytes: buf.length, gzipBytes: gzipSync(buf).length, wgslComputeKernels: wgslKernels };
}

const registration = Object.fromEntries(ids.map((id) => [id, registrationPoints(id)]));
const deep = deepImports();
const spans = functionSpans();
const large = largeFiles();
const entry = entryChunk();
const report = {
  registrationPoints: Object.fromEntries(Object.entries(registration).map(([id, h]) => [id, h.length])),
  registrationFiles: registration,
  deepImports: {
    count: deep.length,
    files: new Set(deep.map((d) => d.split(' -> ')[0])).size,
    modules: new Set(deep.map((d) => d.split(' -> ')[1])).size,
  },
  functions: {
    over80: spans.filter((s) => s.lines > 80).length,
    over150: spans.filter((s) => s.lines > 150).length,
    over200: spans.filter((s) => s.lines > 200).length,
    longest: spans.slice(0, 10),
  },
  filesOver500: large,
  entryChunk: entry,
};

if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(
    'Registration points per variant id (engine, component, app and state files outside its folder):',
  );
  for (const [id, h] of Object.entries(registration))
    console.log(`  ${id.padEnd(16)} ${String(h.length).padStart(3)}  ${h.join(', ')}`);
  console.log(
    `\nDeep imports into src/engine from outside: ${deep.length} import lines in ${report.deepImports.files} files, ${report.deepImports.modules} engine modules`,
  );
  console.log(
    `\nFunctions in src/components, src/app, src/lessons: ${report.functions.over80} over 80 lines, ${report.functions.over150} over 150, ${report.functions.over200} over 200`,
  );
  for (const s of report.functions.longest)
    console.log(`  ${String(s.lines).padStart(4)}  ${s.name}  ${s.file}:${s.line}`);
  console.log(
    `\nSource files over 500 lines: ${large.filter((f) => !f.dataTable).length} (plus ${large.filter((f) => f.dataTable).length} data tables)`,
  );
  for (const f of large)
    console.log(`  ${String(f.lines).padStart(5)}  ${f.file}${f.dataTable ? '  (data table)' : ''}`);
  if (entry)
    console.log(
      `\nEntry chunk ${entry.file}: ${(entry.bytes / 1024).toFixed(1)} KB, ${(entry.gzipBytes / 1024).toFixed(1)} KB gzipped, ${entry.wgslComputeKernels} WGSL compute kernels`,
    );
  else console.log('\nEntry chunk: no dist/ (run npm run build first)');
}
