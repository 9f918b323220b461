import type { Strings } from '../content/strings.js';
import { chatPageStyle } from './chat-page-style.js';

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
<style nonce="${nonce}">${chatPageStyle}</style>
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
  var styleOptions = {
    hideUploadButton: true,
    // The default carousel hides buttons past the edge behind arrow buttons and does not announce
    // them; 'flow' wraps every button into view and its container is a polite live region.
    suggestedActionLayout: 'flow',
    // The focused message in the history gets a solid frame instead of a faint dashed one.
    transcriptActivityVisualKeyboardIndicatorStyle: 'solid',
    transcriptActivityVisualKeyboardIndicatorWidth: 2
  };
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
        { directLine: directLine, nonce: nonce, locale: document.documentElement.lang, styleOptions: styleOptions },
        document.getElementById('webchat')
      );
    })
    .catch(failed);
})();
`;
