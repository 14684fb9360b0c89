import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, resolveAppRequest } from '../../../main/electron/urlPolicy';

const root = path.resolve('/srv/paragraf/out/renderer');

function resolved(url: string): string | number {
  const r = resolveAppRequest(url, root);
  return r.ok ? path.relative(root, r.filePath) : r.status;
}

describe('resolveAppRequest', () => {
  it('serves the entry page and assets under the root', () => {
    expect(resolved('app://paragraf/')).toBe('index.html');
    expect(resolved('app://paragraf')).toBe('index.html');
    expect(resolved('app://paragraf/index.html')).toBe('index.html');
    expect(resolved('app://paragraf/assets/index-abc123.js')).toBe(path.join('assets', 'index-abc123.js'));
    expect(resolved('app://paragraf/assets/Åtgärder%20lista.css?v=1#x')).toBe(path.join('assets', 'Åtgärder lista.css'));
  });

  it('gives each served file a fixed MIME type', () => {
    const html = resolveAppRequest('app://paragraf/', root);
    const js = resolveAppRequest('app://paragraf/a.js', root);
    expect(html.ok && html.mimeType).toBe('text/html; charset=utf-8');
    expect(js.ok && js.mimeType).toBe('text/javascript; charset=utf-8');
  });

  it('refuses path traversal that survives URL parsing', () => {
    for (const url of [
      'app://paragraf/..%2f..%2fmain%2fmain.cjs',
      'app://paragraf/assets/..%2F..%2F..%2Fpackage.json',
      'app://paragraf/..%5c..%5csecret.txt',
      'app://paragraf/a/..%2f..%2f..%2f..%2f..%2fetc/hosts.txt',
      'app://paragraf/%2e%2e%2f%2e%2e%2fsecret.txt',
    ]) {
      const r = resolveAppRequest(url, root);
      expect(r.ok, url).toBe(false);
    }
  });

  it('keeps dot segments the URL parser folds inside the root', () => {
    expect(resolved('app://paragraf/../../../etc/passwd.txt')).toBe(path.join('etc', 'passwd.txt'));
    expect(resolved('app://paragraf/%2e%2e/%2e%2e/index.html')).toBe('index.html');
    expect(resolved('app://paragraf/assets/./../index.html')).toBe('index.html');
  });

  it('never yields a path outside the root, whatever the input', () => {
    const parts = ['..', '%2e%2e', '%2E%2E', '.%2e', '%2f', '%2F', '%5c', '/', 'a', '.', '%00', '%25', 'index.html', 'x.js'];
    for (const a of parts)
      for (const b of parts)
        for (const c of parts) {
          const r = resolveAppRequest(`app://paragraf/${a}${b}/${c}`, root);
          if (r.ok) expect(r.filePath.startsWith(root + path.sep), r.filePath).toBe(true);
        }
  });

  it('refuses other hosts, schemes and credentials', () => {
    expect(resolved('app://paragraf.evil/index.html')).toBe(403);
    expect(resolved('app://evil@paragraf/index.html')).toBe(403);
    expect(resolved('app://paragraf:99/index.html')).toBe(403);
    expect(resolved('https://paragraf/index.html')).toBe(403);
    expect(resolved('file:///srv/paragraf/out/renderer/index.html')).toBe(403);
    expect(resolved('::not a url')).toBe(400);
  });

  it('refuses NUL, backslashes, broken escapes, directories and unknown file types', () => {
    expect(resolved('app://paragraf/index.html%00.js')).toBe(400);
    expect(resolved('app://paragraf/assets%5cindex.js')).toBe(400);
    expect(resolved('app://paragraf/%E0%A4%A.js')).toBe(400);
    expect(resolved('app://paragraf/assets')).toBe(404);
    expect(resolved('app://paragraf/better_sqlite3.node')).toBe(404);
    expect(resolved('app://paragraf/paragraf.sqlite')).toBe(404);
  });
});

describe('isAppUrl', () => {
  it('is true only for our origin', () => {
    expect(isAppUrl('app://paragraf/index.html')).toBe(true);
    expect(isAppUrl('app://paragraf.evil/index.html')).toBe(false);
    expect(isAppUrl('https://paragraf/')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('lets https links go to the browser', () => {
    expect(isSafeExternalUrl('https://www.riksdagen.se/sv/dokument-och-lagar/')).toBe(true);
  });
  it('keeps everything else in', () => {
    for (const url of [
      'http://example.com/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'javascript:alert(1)',
      'data:text/html,hi',
      'app://paragraf/index.html',
      'https://user:pass@example.com/',
      'not a url',
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
