/**
 * Builds the renderer (renderer/ → out/renderer). `base: './'` makes every asset URL
 * relative, so the same build works under Electron's custom scheme and under the harness's
 * HTTP server. Code from src/ is imported by relative path and bundled like any other module.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from './main/electron/csp.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The page's <meta> CSP is the app window's own policy (main/electron/csp.ts), written in at
 * build time so it exists in one place. frame-ancestors is left out: browsers ignore it in a
 * <meta> (the header, sent by the app:// handler and the harness, carries it).
 */
const metaCsp = contentSecurityPolicy
  .split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react(), { name: 'paragraf-csp', transformIndexHtml: (html) => html.replace('%PARAGRAF_CSP%', metaCsp) }],
  build: {
    outDir: here('./out/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    // Electron 45's Chromium and Debian's Chromium are both recent.
    target: 'es2023',
    // No inline <script> (the CSP forbids it): Vite would inline a module-preload polyfill
    // only for old browsers, which this target excludes.
    modulePreload: { polyfill: false },
    // One local bundle loaded from disk (or loopback): splitting it would buy nothing.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // Let the dev server read src/, one level above the root.
    fs: { allow: [here('.')] },
  },
});
