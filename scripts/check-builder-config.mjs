// Checks electron-builder.yml in CI, where installers cannot be built (electron-builder
// downloads NSIS, WiX, AppImage and fpm toolsets on first use). Two layers:
//  1. electron-builder's own validation (the JSON schema in app-builder-lib/scheme.json, run
//     by the same function `electron-builder` calls), so a misspelt or misplaced key fails here;
//  2. Paragraf's release rules: the targets we ship, the production fuses, the asar unpacking
//     that better-sqlite3's native binary needs, no rebuild, files limited to the Vite output.
// Prints one summary line; exits 1 with the list of problems.
// Usage: node scripts/check-builder-config.mjs [path/to/electron-builder.yml]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
// An explicit path is for the script's own tests, which feed it broken copies.
const configPath = path.resolve(process.argv[2] ?? path.join(root, 'electron-builder.yml'));
const problems = [];
const problem = (msg) => problems.push(msg);

function finish(summary) {
  if (problems.length > 0) {
    console.error('builder config: electron-builder.yml har fel / has problems:');
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(summary);
}

let config;
try {
  config = loadYaml(fs.readFileSync(configPath, 'utf8'));
} catch (err) {
  problem(`cannot read or parse ${path.relative(root, configPath)}: ${err.message}`);
  finish('');
}
if (config === null || typeof config !== 'object' || Array.isArray(config)) {
  problem('the file is not a YAML mapping');
  finish('');
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
if (pkg.build !== undefined) problem('package.json has a "build" key: keep the whole configuration in electron-builder.yml');

// 1. electron-builder's own schema validation. It coerces types while validating, so it gets
// a copy; the rules below read the file exactly as written.
let schemaNote;
try {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
  const { version } = require('app-builder-lib/package.json');
  try {
    await validateConfiguration(structuredClone(config), { isEnabled: false, add() {} });
  } catch (err) {
    problem(`electron-builder ${version} rejects the configuration:\n${String(err.message).split('\n').slice(1).join('\n')}`);
  }
  schemaNote = `schema of electron-builder ${version} OK`;
} catch {
  // app-builder-lib is electron-builder's own package; fall back to its schema file with ajv.
  try {
    const Ajv = require('ajv').default ?? require('ajv');
    const scheme = require('app-builder-lib/scheme.json');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(scheme);
    if (!validate(structuredClone(config))) {
      for (const e of validate.errors ?? []) problem(`schema: ${e.instancePath || '(root)'} ${e.message}`);
    }
    schemaNote = 'scheme.json OK (ajv)';
  } catch {
    schemaNote = 'schema NOT checked (app-builder-lib and ajv missing), structural rules only';
  }
}

// 2. Paragraf's rules.
const expect = (key, actual, expected) => {
  if (actual !== expected) problem(`${key} must be ${JSON.stringify(expected)}, is ${JSON.stringify(actual)}`);
};
expect('appId', config.appId, 'se.paragraf.app');
expect('productName', config.productName, 'Paragraf');
expect('directories.output', config.directories?.output, 'dist');
expect('directories.buildResources', config.directories?.buildResources, 'build');
expect('npmRebuild', config.npmRebuild, false);
expect('buildDependenciesFromSource', config.buildDependenciesFromSource, false);
if (config.asar === false) problem('asar must not be false: the integrity fuse and onlyLoadAppFromAsar need app.asar');

const electronPkg = path.join(root, 'node_modules', 'electron', 'package.json');
if (fs.existsSync(electronPkg)) {
  expect('electronVersion', String(config.electronVersion), JSON.parse(fs.readFileSync(electronPkg, 'utf8')).version);
} else if (typeof config.electronVersion !== 'string') {
  problem('electronVersion must be pinned (node_modules/electron is not installed to compare with)');
}

const targetNames = (platform) => {
  const t = config[platform]?.target;
  const list = t === undefined ? [] : Array.isArray(t) ? t : [t];
  return list.map((x) => (typeof x === 'string' ? x : x?.target)).filter((x) => typeof x === 'string');
};
const requiredTargets = { win: ['nsis', 'msi'], mac: ['dmg'], linux: ['AppImage', 'deb'] };
for (const [platform, wanted] of Object.entries(requiredTargets)) {
  const have = targetNames(platform);
  for (const w of wanted) if (!have.some((h) => h.toLowerCase() === w.toLowerCase())) problem(`${platform}.target must include ${w} (has ${JSON.stringify(have)})`);
}

const requiredFuses = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};
const fuses = config.electronFuses ?? {};
for (const [name, value] of Object.entries(requiredFuses)) {
  if (fuses[name] !== value) problem(`electronFuses.${name} must be ${value}, is ${JSON.stringify(fuses[name])}`);
}

// The app must not register app:// (our internal scheme) or anything else with the OS.
if (config.protocols !== undefined && config.protocols !== null) problem('protocols: Paragraf registers no URL scheme with the operating system');

// Glob matching as electron-builder does it (minimatch, dot files included).
let minimatch;
try {
  const m = require('minimatch');
  minimatch = typeof m === 'function' ? m : m.minimatch;
} catch {
  minimatch = (file, pattern) => file === pattern;
}
const matches = (file, pattern) => minimatch(file, pattern, { dot: true });

const files = (Array.isArray(config.files) ? config.files : [config.files]).filter((f) => f !== undefined && f !== null);
const includes = [];
for (const f of files) {
  if (typeof f !== 'string') {
    problem(`files: use plain patterns, not a FileSet (${JSON.stringify(f)})`);
    continue;
  }
  if (f.startsWith('!')) continue;
  includes.push(f);
  if (f !== 'package.json' && !/^out\/(main|preload|renderer)\//.test(f)) problem(`files: "${f}" would ship something other than out/{main,preload,renderer} and package.json`);
}
const isShipped = (file) => {
  let shipped = false;
  for (const f of files) {
    if (typeof f !== 'string') continue;
    if (f.startsWith('!')) {
      if (matches(file, f.slice(1))) shipped = false;
    } else if (matches(file, f)) shipped = true;
  }
  return shipped;
};
for (const file of [pkg.main, 'out/preload/preload.cjs', 'out/renderer/index.html', 'package.json']) {
  if (typeof file !== 'string' || !isShipped(file)) problem(`files: ${JSON.stringify(file)} is needed at run time but not included`);
}
if (isShipped('out/tsc/main/main.d.ts')) problem('files: out/tsc (type declarations) must not ship');

// better-sqlite3 requires prebuilds/<platform>-<arch>.node from inside its package; a native
// library cannot be loaded from inside app.asar, so every one of them must be unpacked.
const unpack = (Array.isArray(config.asarUnpack) ? config.asarUnpack : [config.asarUnpack]).filter((p) => typeof p === 'string');
const prebuildDir = path.join(root, 'node_modules', 'better-sqlite3', 'prebuilds');
const prebuilds = fs.existsSync(prebuildDir) ? fs.readdirSync(prebuildDir).filter((f) => f.endsWith('.node')) : [];
const bindingJs = path.join(root, 'node_modules', 'better-sqlite3', 'lib', 'binding.js');
if (prebuilds.length === 0) problem('node_modules/better-sqlite3/prebuilds has no .node files: the asarUnpack rule below cannot be checked (run npm install)');
else if (fs.existsSync(bindingJs) && !fs.readFileSync(bindingJs, 'utf8').includes("'prebuilds'")) {
  problem('better-sqlite3 no longer loads its binary from prebuilds/: re-check asarUnpack against lib/binding.js');
}
const samples = prebuilds.length > 0 ? prebuilds.map((f) => `node_modules/better-sqlite3/prebuilds/${f}`) : ['node_modules/better-sqlite3/prebuilds/linux-x64.node'];
samples.push('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
for (const s of samples) if (!unpack.some((p) => matches(s, p))) problem(`asarUnpack does not cover ${s}`);
for (const s of ['node_modules/better-sqlite3/lib/index.js', 'out/main/main.cjs']) {
  if (unpack.some((p) => matches(s, p))) problem(`asarUnpack also unpacks ${s}: unpack only the native .node files`);
}

// Each platform keeps its own prebuilds: a per-platform exclude must not remove its own binary.
const ownPrebuild = { win: 'win32-x64.node', mac: 'darwin-arm64.node', linux: 'linux-x64.node' };
for (const [platform, own] of Object.entries(ownPrebuild)) {
  const extra = config[platform]?.files ?? [];
  for (const p of Array.isArray(extra) ? extra : [extra]) {
    if (typeof p === 'string' && p.startsWith('!') && matches(`node_modules/better-sqlite3/prebuilds/${own}`, p.slice(1))) {
      problem(`${platform}.files excludes ${platform}'s own better-sqlite3 binary (${own})`);
    }
  }
}

// The icon electron-builder converts for every platform: a PNG of at least 512x512.
const iconPath = path.join(root, config.directories?.buildResources ?? 'build', 'icon.png');
let iconNote = 'icon missing';
if (!fs.existsSync(iconPath)) problem(`${path.relative(root, iconPath)} is missing`);
else {
  const head = fs.readFileSync(iconPath).subarray(0, 24);
  const isPng = head.subarray(1, 4).toString('latin1') === 'PNG' && head.subarray(12, 16).toString('latin1') === 'IHDR';
  const w = isPng ? head.readUInt32BE(16) : 0;
  const h = isPng ? head.readUInt32BE(20) : 0;
  if (!isPng) problem(`${path.relative(root, iconPath)} is not a PNG`);
  else if (w < 512 || h < 512 || w !== h) problem(`${path.relative(root, iconPath)} is ${w}x${h}; electron-builder needs a square PNG of at least 512x512`);
  iconNote = `icon ${w}x${h}`;
}

const targetSummary = Object.keys(requiredTargets).map((p) => `${p}[${targetNames(p).join(',')}]`).join(' ');
finish(
  `builder config: OK — ${schemaNote}; targets ${targetSummary}; ${Object.keys(requiredFuses).length} fuses; ` +
    `asarUnpack covers ${prebuilds.length} better-sqlite3 prebuilds; electron ${config.electronVersion}; ${iconNote}`,
);
