/** The suite drives the built renderer: fail early and clearly if it is not there. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function globalSetup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const index = path.join(root, 'out/renderer/index.html');
  if (!fs.existsSync(index)) {
    throw new Error(`${index} is missing: run "npm run build:renderer" (npm run test:e2e does it for you).`);
  }
}
