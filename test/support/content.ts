import { type Content, loadContent } from '../../src/content/content.js';

let cached: Content | undefined;

/** The real resource files, loaded once per test run (they are read-only). */
export function testContent(): Content {
  cached ??= loadContent();
  return cached;
}
