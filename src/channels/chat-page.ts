import type { Strings } from '../content/strings.js';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The chat page. Its words come from the `chatPage.*` strings, escaped; the scripts are files on
 * this server (no inline script, no CDN), and the one inline style carries the request's CSP nonce.
 * The notice sits outside Web Chat so it stays visible however long the transcript grows.
 */
export function renderChatPage(strings: Strings, options: { nonce: string; webChatUrl: string }): string {
  const t = (key: Parameters<Strings['text']>[0]) => escapeHtml(strings.text(key));
  const nonce = escapeHtml(options.nonce);
  return `<!doctype html>
<html lang="${escapeHtml(strings.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('chatPage.title')}</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; color: #1b1b1b; background: #f6f6f4; }
  header { padding: 0.75rem 1rem; background: #1f4e5f; color: #fff; }
  h1 { margin: 0; font-size: 1.2rem; }
  .notice { margin: 0.4rem 0 0; font-size: 0.95rem; }
  .status { margin: 1rem; }
  .status[hidden] { display: none; }
  main { flex: 1; min-height: 0; display: flex; flex-direction: column; max-width: 52rem; width: 100%; margin: 0 auto; background: #fff; }
  #webchat { flex: 1; min-height: 0; }
</style>
</head>
<body>
<header>
  <h1>${t('chatPage.heading')}</h1>
  <p class="notice" role="note">${t('chatPage.notice')}</p>
</header>
<main>
  <p id="status" class="status" role="status" data-failed="${t('chatPage.failed')}">${t('chatPage.loading')}</p>
  <div id="webchat" role="region" aria-label="${t('chatPage.title')}"></div>
</main>
<script src="${escapeHtml(options.webChatUrl)}"></script>
<script src="/chat.js" nonce="${nonce}"></script>
</body>
</html>
`;
}

/**
 * The page's script: gets a token, then renders Web Chat polling this server's Direct Line subset.
 * Plain browser JavaScript served as a file, so the CSP needs no 'unsafe-inline' for scripts.
 * Web Chat gets the CSP nonce for the styles it injects; upload is hidden (this channel has none).
 */
export const chatPageScript = `'use strict';
(function () {
  var nonce = document.currentScript && document.currentScript.nonce;
  var status = document.getElementById('status');
  function failed() {
    status.textContent = status.getAttribute('data-failed');
    status.hidden = false;
  }
  // "/?user=peer-1" opens the page as that user (local demo of a peer specialist).
  var user = new URLSearchParams(location.search).get('user');
  fetch('/v3/directline/tokens/generate', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(user ? { user: { id: user } } : {})
  })
    .then(function (response) {
      if (!response.ok) throw new Error('token request failed: ' + response.status);
      return response.json();
    })
    .then(function (body) {
      var directLine = window.WebChat.createDirectLine({
        token: body.token,
        domain: location.origin + '/v3/directline',
        webSocket: false,
        pollingInterval: 500
      });
      directLine.connectionStatus$.subscribe(function (connectionStatus) {
        // 2 = Online; 4 = FailedToConnect; 5 = Ended (see botframework-directlinejs ConnectionStatus).
        if (connectionStatus === 2) status.hidden = true;
        if (connectionStatus === 4 || connectionStatus === 5) failed();
      });
      window.WebChat.renderWebChat(
        { directLine: directLine, nonce: nonce, locale: document.documentElement.lang, styleOptions: { hideUploadButton: true } },
        document.getElementById('webchat')
      );
    })
    .catch(failed);
})();
`;
