// Bundles the Electron main process (main/electron/main.ts and the Core it imports) into one
// CommonJS file, out/main/main.cjs (package.json "main"). CommonJS because better-sqlite3 is
// a CommonJS native addon and Electron's main needs no ESM feature; one file because the
// packaged app then ships only better-sqlite3 from node_modules at run time.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Loaded by Electron/Node at run time, never bundled: electron itself, the native addon
// (it finds its prebuilds/*.node relative to its own files), and Node's built-ins.
const runtimeModules = new Set(['electron', 'better-sqlite3', ...builtinModules]);
const isExternal = (id: string): boolean =>
  id.startsWith('node:') || runtimeModules.has(id) || runtimeModules.has(id.split('/')[0] ?? id);

export default defineConfig({
  publicDir: false,
  // Resolve packages as Node sees them, not as a browser would: `ws` (the sync client's
  // WebSocket, main/sync) has a browser entry that only throws, and lib0 and others have
  // browser variants too. Electron's main process is Node.
  resolve: {
    conditions: ['module', 'node', 'development|production'],
    mainFields: ['module', 'jsnext:main', 'jsnext', 'main'],
  },
  build: {
    outDir: 'out/main',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    lib: {
      entry: 'main/electron/main.ts',
      formats: ['cjs'],
      fileName: () => 'main.cjs',
    },
    rolldownOptions: {
      platform: 'node',
      external: isExternal,
    },
  },
});
