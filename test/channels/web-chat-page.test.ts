import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../src/channels/chat-page.js';
import { locateWebChatBundle } from '../../src/channels/web-chat-page.js';
import { testContent } from '../support/content.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();

describe('local chat page', () => {
  const served = useTestApp();

  it('serves the page with its words from chatPage strings, escaped, and strict headers', async () => {
    const response = await fetch(`${served.url}/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const html = await response.text();
    for (const key of [
      'chatPage.title',
      'chatPage.heading',
      'chatPage.notice',
      'chatPage.loading',
    ] as const) {
      assert.ok(html.includes(escapeHtml(strings.text(key))), key);
    }
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const emptyStyle = createHash('sha256').update('').digest('base64');
    assert.ok(csp.includes(`'sha256-${emptyStyle}'`), 'only an empty inline style is allowed by hash');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && html.includes(`nonce="${nonce}"`), 'the inline style carries the CSP nonce');
    assert.doesNotMatch(html, /<script>/, 'no inline script');
    assert.doesNotMatch(html, /https?:\/\//, 'nothing loads from another origin');
  });

  it('uses a fresh nonce for every page', async () => {
    const nonces = await Promise.all(
      [1, 2].map(async () => (await fetch(`${served.url}/`)).headers.get('content-security-policy')),
    );
    assert.notEqual(nonces[0], nonces[1]);
  });

  it('serves the Web Chat bundle from node_modules, cacheable, gzipped on request, 304 when unchanged', async () => {
    const { version } = locateWebChatBundle();
    const plain = await fetch(`${served.url}/webchat.js?v=${version}`, {
      headers: { 'accept-encoding': 'identity' },
    });
    assert.equal(plain.status, 200);
    assert.match(plain.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(plain.headers.get('x-content-type-options'), 'nosniff');
    assert.match(plain.headers.get('cache-control') ?? '', /max-age=\d+/);
    const text = await plain.text();
    assert.ok(text.length > 1_000_000 && text.includes('renderWebChat'));

    const etag = plain.headers.get('etag') ?? '';
    assert.ok(etag.includes(version));
    const cached = await fetch(`${served.url}/webchat.js`, { headers: { 'if-none-match': etag } });
    assert.equal(cached.status, 304);

    // fetch() decompresses on its own: the header shows gzip was sent, the text that it was whole.
    const zipped = await fetch(`${served.url}/webchat.js`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.equal((await zipped.text()).length, text.length);
  });

  it('serves the page script, which asks Web Chat to poll this server', async () => {
    const response = await fetch(`${served.url}/chat.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
    const script = await response.text();
    assert.match(script, /webSocket: false/);
    assert.match(script, /\/v3\/directline\/tokens\/generate/);
  });
});
