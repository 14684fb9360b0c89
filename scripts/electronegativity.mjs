// Runs Doyensec's electronegativity (Electron security anti-patterns) over the Electron shell,
// main/electron, and fails on any finding of MEDIUM severity or above unless the flagged line,
// or the line above it, says why it is fine: `// electronegativity-ok: <reason>`.
//
// Offline and fast: electronegativity fetches fresh translations and Electron's release list
// over the network; here its HTTP client is replaced by one that fails at once (it then uses
// its bundled English texts), and the release-list check (AVAILABLE_SECURITY_FIXES) is skipped,
// since it cannot work without the network. Keeping Electron patched is Dependabot's job.
//
// Its CSP check only recognises a CSP written as a literal in webRequest.onHeadersReceived or an
// HTML <meta>. Ours is a response header of the app:// handler, built from main/electron/csp.ts,
// so this script evaluates that very policy with the same evaluator (@doyensec/csp-evaluator)
// and checks protocol.ts sends it, instead of accepting a "no CSP" finding or waiving it blindly.
//
// Usage: node scripts/electronegativity.mjs [dir]   (default: main/electron)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const input = path.resolve(root, process.argv[2] ?? 'main/electron');
const WAIVER = /\/\/\s*electronegativity-ok:\s*\S.{3,}/;

const fail = (lines) => {
  console.error('electronegativity: misslyckades / failed');
  for (const l of lines) console.error(`  - ${l}`);
  process.exit(1);
};

if (!fs.existsSync(input)) fail([`${path.relative(root, input)} does not exist`]);

// No network: a `got` that rejects immediately, installed before electronegativity loads it.
const engEntry = require.resolve('@doyensec/electronegativity');
const gotPath = require.resolve('got', { paths: [path.dirname(engEntry)] });
const offlineGot = () => Promise.reject(new Error('offline: electronegativity runs without network in Paragraf'));
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(offlineGot, { default: offlineGot }) };
process.env.LANG = 'en-US';

const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const runEng = require('@doyensec/electronegativity');
const run = runEng.default ?? runEng;

// The tool chats on the console (translation fallback, progress); keep our output to one line.
const quiet = [console.log, console.info, console.warn];
const chatter = [];
console.log = console.info = console.warn = (...args) => chatter.push(args.join(' '));
let result;
const started = Date.now();
try {
  result = await run({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
} catch (err) {
  [console.log, console.info, console.warn] = quiet;
  fail([`electronegativity crashed: ${err instanceof Error ? err.message : String(err)}`, ...chatter]);
} finally {
  [console.log, console.info, console.warn] = quiet;
}
const ms = Date.now() - started;

const problems = [];
// A file the tool could not parse is a file nobody checked.
for (const e of result.errors ?? []) problems.push(`could not parse ${e.file}: ${e.message}`);

// The CSP (see the header comment).
let cspNote = '';
const cspModule = path.join(root, 'main/electron/csp.ts');
const protocolModule = path.join(root, 'main/electron/protocol.ts');
async function checkOwnCsp() {
  let contentSecurityPolicy;
  try {
    // Node 22.18+ runs a TypeScript file with only erasable types (csp.ts is one) directly.
    ({ contentSecurityPolicy } = await import(pathToFileURL(cspModule).href));
  } catch (err) {
    problems.push(`cannot load main/electron/csp.ts (${err.code ?? err.message}); run through "npm run test:config", which uses the project's Node 22`);
    return;
  }
  const csp = require('@doyensec/csp-evaluator');
  const parsed = new csp.CspParser(contentSecurityPolicy);
  const findings = new csp.CspEvaluator(parsed.csp, csp.Version.CSP3).evaluate();
  const serious = findings.filter((f) => [csp.severities.HIGH, csp.severities.MEDIUM, csp.severities.SYNTAX].includes(f.severity));
  for (const f of serious) problems.push(`CSP (main/electron/csp.ts) ${f.directive}: ${f.description}`);
  const d = parsed.csp.directives ?? parsed.csp;
  const need = { 'script-src': ["'self'"], 'object-src': ["'none'"], 'base-uri': ["'none'"], 'frame-ancestors': ["'none'"] };
  for (const [name, values] of Object.entries(need)) {
    if (JSON.stringify(d[name]) !== JSON.stringify(values)) problems.push(`CSP ${name} must be exactly ${values.join(' ')}, is ${JSON.stringify(d[name])}`);
  }
  for (const [name, values] of Object.entries(d)) {
    if (values.some((v) => /^'unsafe-(eval|inline|hashes)'$|^'wasm-unsafe-eval'$|^\*$|^https?:$|^data:$/.test(v)) && name !== 'img-src') {
      problems.push(`CSP ${name} allows ${values.join(' ')}`);
    }
  }
  if (!/securityHeaders\(/.test(fs.readFileSync(protocolModule, 'utf8'))) problems.push('protocol.ts no longer sends securityHeaders(): the CSP would not reach the page');
  cspNote = `; CSP header evaluated (${findings.length - serious.length} informational notes)`;
}

const sourceCache = new Map();
const lineOf = (file, n) => {
  const abs = path.resolve(input, file);
  if (!sourceCache.has(abs)) sourceCache.set(abs, fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8').split('\n') : []);
  return sourceCache.get(abs)[n - 1] ?? '';
};

const counts = {};
let waived = 0;
for (const issue of result.issues) {
  const sev = issue.severity.name;
  counts[sev] = (counts[sev] ?? 0) + 1;
  if (issue.severity.value < 2) continue; // LOW and INFORMATIONAL are counted, not enforced.
  if (issue.id === 'CSP_GLOBAL_CHECK' && issue.file === 'N/A') {
    await checkOwnCsp();
    waived++;
    continue;
  }
  const line = issue.location?.line ?? 0;
  if (line > 0 && (WAIVER.test(lineOf(issue.file, line)) || WAIVER.test(lineOf(issue.file, line - 1)))) {
    waived++;
    continue;
  }
  problems.push(
    line > 0
      ? `${sev} ${issue.id} at ${issue.file}:${line}: ${issue.description} (${issue.shortenedURL}). ` +
          'Fix it, or add "// electronegativity-ok: <why>" on or above that line.'
      : `${sev} ${issue.id} (whole app): ${issue.description} (${issue.shortenedURL}). Fix it; a global finding has no line to justify.`,
  );
}

const countText = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].map((s) => `${counts[s] ?? 0} ${s.toLowerCase()}`).join(', ');
if (problems.length > 0) fail([`findings in ${path.relative(root, input)}: ${countText}; ${waived} justified`, ...problems]);
console.log(
  `electronegativity: OK — ${path.relative(root, input)}: ${countText}; ${waived} MEDIUM+ justified, 0 open` +
    `${cspNote}; ${result.atomicChecks} atomic + ${result.globalChecks} global checks, Electron ${electronVersion}, ${ms} ms`,
);
