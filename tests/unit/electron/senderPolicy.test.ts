import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderFacts } from '../../../main/electron/senderPolicy';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../main/electron/urlPolicy';

const ok: SenderFacts = { frameUrl: APP_ENTRY_URL, isMainFrame: true, isAppWindow: true };

describe('isTrustedSender', () => {
  it('accepts the main frame of our window on app://paragraf/', () => {
    expect(isTrustedSender(ok)).toBe(true);
    expect(isTrustedSender({ ...ok, frameUrl: 'app://paragraf/' })).toBe(true);
    expect(isTrustedSender({ ...ok, frameUrl: 'app://paragraf/index.html?x=1#§12' })).toBe(true);
    expect(isTrustedSender({ ...ok, frameUrl: 'app://paragraf' }, APP_ORIGIN)).toBe(true);
  });

  it('refuses a subframe, even on our origin', () => {
    expect(isTrustedSender({ ...ok, isMainFrame: false })).toBe(false);
  });

  it('refuses a WebContents that is not one of our windows (devtools, a popup)', () => {
    expect(isTrustedSender({ ...ok, isAppWindow: false })).toBe(false);
  });

  it('refuses a frame that is gone', () => {
    expect(isTrustedSender({ ...ok, frameUrl: null })).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: undefined })).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: '' })).toBe(false);
  });

  const hostile = [
    'https://paragraf.se/',
    'http://localhost:5173/',
    'app://paragraf.evil/',
    'app://evil.paragraf/',
    'app://paragrafx/',
    'app://PARAGRAF/',
    'app://paragraf:443/',
    'app://evil@paragraf/',
    'app://paragraf:secret@paragraf/',
    'app://paragraf@evil/',
    'app://paragraf\\@evil/',
    'app:paragraf/index.html',
    'app:///paragraf/index.html',
    'apps://paragraf/',
    'file:///work/main/out/renderer/index.html',
    'file:///etc/passwd',
    'file://paragraf/index.html',
    'data:text/html,<script>1</script>',
    'about:blank',
    'about:srcdoc',
    'blob:app://paragraf/0b6e8f0a-1111-2222-3333-444455556666',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    'chrome-error://chromewebdata/',
    'not a url',
  ];
  for (const frameUrl of hostile) {
    it(`refuses ${frameUrl}`, () => {
      expect(isTrustedSender({ ...ok, frameUrl })).toBe(false);
    });
  }

  it('refuses everything when the expected origin itself is malformed or file-based', () => {
    expect(isTrustedSender(ok, 'not an origin')).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'file:///x/index.html' }, 'file:///x')).toBe(false);
  });
});
