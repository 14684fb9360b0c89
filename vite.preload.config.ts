// Bundles the preload bridge to out/preload/preload.cjs. CommonJS is required: a sandboxed
// preload cannot be an ES module, and it may require() only 'electron' (and a few timers/
// events shims), so everything it imports is bundled in.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { eventNames } from './src/api/contract';

const contractFile = fileURLToPath(new URL('./src/api/contract.ts', import.meta.url));

/**
 * The preload needs one thing from the contract: isEventName. Importing the real module would
 * bundle zod and every schema (about 170 kB) into the privileged preload world; instead the
 * event names are read from the contract here, at build time, and the preload gets a module
 * with the same isEventName over exactly those names. Any other import from the contract
 * fails the build (missing export) instead of silently growing the preload.
 */
function contractEventNamesOnly(): Plugin {
  return {
    name: 'paragraf:contract-event-names-only',
    enforce: 'pre',
    load(id) {
      if (path.normalize(id.split('?')[0] ?? id) !== contractFile) return null;
      return [
        `const names = new Set(${JSON.stringify(eventNames)});`,
        `export function isEventName(name) { return typeof name === 'string' && names.has(name); }`,
      ].join('\n');
    },
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [contractEventNamesOnly()],
  build: {
    outDir: 'out/preload',
    emptyOutDir: true,
    // The preload runs in Electron 45's renderer (a current Chromium), not in Node.
    target: 'chrome130',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: 'main/electron/preload.ts',
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rolldownOptions: {
      platform: 'browser',
      external: ['electron'],
    },
  },
});
