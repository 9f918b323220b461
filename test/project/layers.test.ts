import assert from 'node:assert/strict';
import { projectRoot } from '../../src/paths.js';
import {
  brokenLayerRules,
  type ImportEdge,
  importCycles,
  importsOf,
  readImports,
} from '../support/import-graph.js';

const edge = (from: string, to: string, line = 1): ImportEdge => ({ from, to, line });

describe('the layers of src/ and dialogs/', () => {
  const edges = readImports(projectRoot, ['src', 'dialogs']);

  it('reads the imports of the real tree (the composition root imports dialogs and the platform)', () => {
    const fromApp = edges.filter((e) => e.from === 'src/host/app.ts').map((e) => e.to);
    assert.ok(fromApp.includes('dialogs/main-dialog.ts'));
    assert.ok(fromApp.includes('src/platform/log.ts'));
  });

  it('keep every layer rule', () => {
    assert.deepEqual(brokenLayerRules(edges), []);
  });

  it('have no import cycle', () => {
    assert.deepEqual(importCycles(edges), []);
  });
});

describe('the layer check', () => {
  it('reads import, export-from, side-effect and dynamic imports, type-only ones included, with their lines', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../lib/b.js';",
      "export { c } from './c.js';",
      "import './d.js';",
      "const e = await import('./e.js');",
      "import { z } from 'zod';",
    ].join('\n');
    assert.deepEqual(importsOf('src/x/file.ts', source), [
      edge('src/x/file.ts', 'src/x/a.ts', 1),
      edge('src/x/file.ts', 'src/lib/b.ts', 2),
      edge('src/x/file.ts', 'src/x/c.ts', 3),
      edge('src/x/file.ts', 'src/x/d.ts', 4),
      edge('src/x/file.ts', 'src/x/e.ts', 5),
    ]);
  });

  it('names the platform file that imports from above it', () => {
    assert.deepEqual(brokenLayerRules([edge('src/platform/log.ts', 'src/content/strings.ts', 7)]), [
      'src/platform/ imports only src/platform/: src/platform/log.ts:7 imports src/content/strings.ts',
    ]);
  });

  it('names a lower folder that imports the host, and lets the entry point do it', () => {
    assert.deepEqual(
      brokenLayerRules([
        edge('src/channels/direct-line.ts', 'src/host/messages.ts', 3),
        edge('src/index.ts', 'src/host/app.ts'),
        edge('src/host/app.ts', 'src/host/config.ts'),
      ]),
      [
        'only src/host/ and src/index.ts import src/host/: src/channels/direct-line.ts:3 imports src/host/messages.ts',
      ],
    );
  });

  it('names a file under src/ that imports dialogs/, and lets the composition root, the bot and its stages do it', () => {
    assert.deepEqual(
      brokenLayerRules([
        edge('src/teams/group-turns.ts', 'dialogs/crisis-lines.ts', 2),
        edge('src/host/app.ts', 'dialogs/main-dialog.ts'),
        edge('src/bot.ts', 'dialogs/dialog-ids.ts'),
        edge('src/turn/command-stage.ts', 'dialogs/dialog-ids.ts'),
        edge('dialogs/main-dialog.ts', 'dialogs/dialog-ids.ts'),
      ]),
      [
        'under src/, only src/host/app.ts, src/bot.ts and src/turn/ import dialogs/: src/teams/group-turns.ts:2 imports dialogs/crisis-lines.ts',
      ],
    );
  });

  it('names each cycle once, with the line of every import in it', () => {
    assert.deepEqual(
      importCycles([
        edge('dialogs/practice-dialog.ts', 'src/practice/index.ts', 18),
        edge('src/practice/index.ts', 'dialogs/practice-dialog.ts', 3),
        edge('src/a.ts', 'src/b.ts', 1),
        edge('src/b.ts', 'src/c.ts', 2),
        edge('src/c.ts', 'src/a.ts', 3),
        edge('src/b.ts', 'src/d.ts', 4),
      ]),
      [
        'dialogs/practice-dialog.ts -> src/practice/index.ts (dialogs/practice-dialog.ts:18) -> dialogs/practice-dialog.ts (src/practice/index.ts:3)',
        'src/a.ts -> src/b.ts (src/a.ts:1) -> src/c.ts (src/b.ts:2) -> src/a.ts (src/c.ts:3)',
      ],
    );
  });

  it('finds no cycle where imports only meet (a diamond)', () => {
    assert.deepEqual(
      importCycles([edge('a.ts', 'b.ts'), edge('a.ts', 'c.ts'), edge('b.ts', 'd.ts'), edge('c.ts', 'd.ts')]),
      [],
    );
  });
});
