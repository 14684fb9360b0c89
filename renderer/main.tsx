/**
 * Renderer entry: i18n first (every screen is translated), then the connection to the Core,
 * then React. If there is no way to reach the Core at all, say so in both languages rather
 * than showing a blank window.
 */
import { StrictMode } from 'react';
import { config as zodConfig } from 'zod';
import { createRoot } from 'react-dom/client';
import { createConnection } from './api';
import { App } from './app/App';
import { ConnectionContext } from './app/ConnectionContext';
import { initI18n } from './i18n';
import './styles.css';

// zod probes for eval() to speed up parsing; the CSP forbids eval, and the probe's refusal
// would be reported as a violation on every start. The schemas are small: no JIT needed.
zodConfig({ jitless: true });
initI18n();
const root = createRoot(document.getElementById('root')!);
try {
  const connection = createConnection();
  root.render(
    <StrictMode>
      <ConnectionContext.Provider value={connection}>
        <App />
      </ConnectionContext.Provider>
    </StrictMode>,
  );
} catch (err) {
  console.error(err);
  root.render(
    <main className="fatal" role="alert">
      <h1>Paragraf</h1>
      <p lang="sv">Paragraf kunde inte ansluta till sin kärna. Starta programmet igen, eller öppna adressen som skrevs ut när webbläsarläget startades.</p>
      <p lang="en">Paragraf could not connect to its core. Restart the app, or open the address printed when browser mode started.</p>
    </main>,
  );
}
