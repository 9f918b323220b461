import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type restify from 'restify';
import type { Strings } from '../content/strings.js';
import { chatPageScript, renderChatPage } from './chat-page.js';

/**
 * The local chat page: `GET /` (the page), `/chat.js` (its script) and `/webchat.js` (the official
 * Web Chat bundle from node_modules, so nothing loads from a CDN).
 */

/**
 * The hash of an empty inline style. Web Chat's scroller (react-scroll-to-bottom) adds an empty
 * <style> without the nonce and fills it through CSSOM (insertRule), which CSP does not govern;
 * allowing exactly the empty content lets it work without 'unsafe-inline'.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * Allows only this server, plus what Web Chat needs: the styles it injects carry the page's nonce
 * (one empty one is allowed by hash), and its icons use data: and blob: URLs. No 'unsafe-eval'
 * or 'unsafe-inline': the browser suite checks Web Chat runs without any violation.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob: data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Where Web Chat's browser bundle is, and its version (for cache keys). */
export function locateWebChatBundle(): { path: string; version: string } {
  // The package's `exports` hides dist/, so resolve its main and walk up to the package root.
  let dir = dirname(createRequire(import.meta.url).resolve('botframework-webchat'));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('botframework-webchat: package.json not found above its main module');
    dir = parent;
  }
  const manifest: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const version =
    typeof manifest === 'object' && manifest !== null && 'version' in manifest
      ? String(manifest.version)
      : '0';
  const path = join(dir, 'dist', 'webchat.js');
  if (!existsSync(path)) throw new Error(`botframework-webchat: ${path} is missing; reinstall the package`);
  return { path, version };
}

const commonHeaders = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/** Registers the page routes; the bundle is read (and gzipped) on first request, then kept. */
export function registerWebChatPage(server: restify.Server, options: { strings: Strings }): void {
  const bundle = locateWebChatBundle();
  const etag = `"webchat-${bundle.version}"`;
  let plain: Promise<Buffer> | undefined;
  let zipped: Promise<Buffer> | undefined;
  // A failed read is forgotten, so the next request tries again instead of failing for ever.
  const readPlain = () => {
    plain ??= readFile(bundle.path).catch((error: unknown) => {
      plain = undefined;
      throw error;
    });
    return plain;
  };
  const readZipped = () => {
    zipped ??= readPlain()
      .then((data) => promisify(gzip)(data))
      .catch((error: unknown) => {
        zipped = undefined;
        throw error;
      });
    return zipped;
  };

  server.get('/', async (_req, res) => {
    const nonce = randomBytes(16).toString('base64');
    const webChatUrl = `/webchat.js?v=${encodeURIComponent(bundle.version)}`;
    res.writeHead(200, {
      ...commonHeaders,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(nonce),
      // The page carries a fresh nonce each time, so it is never reused from a cache.
      'Cache-Control': 'no-store',
    });
    res.end(renderChatPage(options.strings, { nonce, webChatUrl }));
  });

  server.get('/chat.js', async (_req, res) => {
    res.writeHead(200, {
      ...commonHeaders,
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
    });
    res.end(chatPageScript);
  });

  server.get('/webchat.js', async (req, res) => {
    const headers = {
      ...commonHeaders,
      'Content-Type': 'text/javascript; charset=utf-8',
      // The page asks for ?v=<version>, so a day's caching never outlives an upgrade.
      'Cache-Control': 'public, max-age=86400',
      ETag: etag,
      Vary: 'Accept-Encoding',
    };
    if (req.header('if-none-match') === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const useGzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
    const body = await (useGzip ? readZipped() : readPlain());
    res.writeHead(200, { ...headers, ...(useGzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(body);
  });
}
