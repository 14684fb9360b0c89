// Lint: TypeScript rules plus the layering promise of ARCHITECTURE.md, as errors whose message
// says where the code belongs. src/ is pure; main/ and renderer/ never import each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const envModules = [
  'electron', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util',
  'worker_threads', 'stream', 'events', 'better-sqlite3', 'ws', 'react', 'react-dom', 'slate-react',
];

export const layerRules = {
  src: {
    paths: envModules.map((name) => ({
      name,
      message: `src/ is pure shared code: "${name}" belongs in main/ (Node, Electron, SQLite) or renderer/ (React, DOM). Pass what you need in as a parameter instead.`,
    })),
    patterns: [
      { group: ['node:*'], message: 'src/ is pure shared code: Node built-ins belong in main/ or server/.' },
      { group: ['**/main/**', '**/renderer/**', '**/server/**'], message: 'src/ is imported by everyone and imports none of them: move the shared part into src/.' },
    ],
  },
  main: {
    patterns: [
      { group: ['**/renderer/**', 'react', 'react-dom', 'slate-react'], message: 'main/ never imports renderer/ code: share it through src/ (pure) or the API contract.' },
    ],
  },
  renderer: {
    paths: ['electron', 'better-sqlite3', 'fs', 'path', 'child_process'].map((name) => ({
      name,
      message: `renderer/ is sandboxed web code: "${name}" is main/'s. Ask the Core through the API contract.`,
    })),
    patterns: [
      { group: ['node:*'], message: 'renderer/ is sandboxed web code: Node built-ins are main/’s. Ask the Core through the API contract.' },
      { group: ['**/main/**', '**/server/**'], message: 'renderer/ never imports main/ code: share it through src/ (pure) or the API contract.' },
    ],
  },
  server: {
    patterns: [
      { group: ['**/main/**', '**/renderer/**', 'electron'], message: 'server/ is its own deployable: share code with the app only through src/.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'tests/lint/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['src/**/*.ts'], rules: { 'no-restricted-imports': ['error', layerRules.src] } },
  { files: ['main/**/*.ts'], languageOptions: { globals: globals.node }, rules: { 'no-restricted-imports': ['error', layerRules.main] } },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: globals.browser }, rules: { 'no-restricted-imports': ['error', layerRules.renderer] } },
  { files: ['server/**/*.ts'], languageOptions: { globals: globals.node }, rules: { 'no-restricted-imports': ['error', layerRules.server] } },
  { files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs}', '*.{js,ts}'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
);
