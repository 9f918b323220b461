import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** One import of a source file: who imports, what (a project path, `.ts`), and the line it stands on. */
export interface ImportEdge {
  from: string;
  to: string;
  line: number;
}

// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`, type-only ones too:
// a type import is still a dependency a reader follows. Relative specifiers only: packages are
// outside the layering.
const specifier = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The relative imports of every `.ts` file under `dirs` (relative to `root`), as project paths. */
export function readImports(root: string, dirs: readonly string[]): ImportEdge[] {
  const files = dirs.flatMap((dir) =>
    readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => relative(root, join(entry.parentPath, entry.name))),
  );
  return files.flatMap((file) => importsOf(file, readFileSync(join(root, file), 'utf8')));
}

/** The relative imports written in `text`, the source of project file `file`. */
export function importsOf(file: string, text: string): ImportEdge[] {
  return text.split('\n').flatMap((source, index) =>
    [...source.matchAll(specifier)].map((match) => ({
      from: file,
      to: normalize(join(dirname(file), String(match[1]).replace(/\.js$/, '.ts'))),
      line: index + 1,
    })),
  );
}

/** A layering rule: a name, and the imports that break it. */
interface Rule {
  name: string;
  breaks(edge: ImportEdge): boolean;
}

const under = (folder: string) => (path: string) => path.startsWith(`${folder}/`);
const inPlatform = under('src/platform');
const inHost = under('src/host');
const inDialogs = under('dialogs');
const inSrc = under('src');
const inTurn = under('src/turn');

/**
 * The layers, bottom up: src/platform (log, timers, retries, env) imports nothing of the project;
 * src/host (the composition root and server wiring) is the top, imported only by the entry point;
 * dialogs/ sit above the rest of src/ and are wired in only by the composition root and the bot
 * (src/bot.ts and the stages of its turn, src/turn/).
 */
export const layerRules: readonly Rule[] = [
  {
    name: 'src/platform/ imports only src/platform/',
    breaks: (e) => inPlatform(e.from) && !inPlatform(e.to),
  },
  {
    name: 'only src/host/ and src/index.ts import src/host/',
    breaks: (e) => inHost(e.to) && !inHost(e.from) && e.from !== 'src/index.ts',
  },
  {
    name: 'under src/, only src/host/app.ts, src/bot.ts and src/turn/ import dialogs/',
    breaks: (e) =>
      inSrc(e.from) &&
      inDialogs(e.to) &&
      e.from !== 'src/host/app.ts' &&
      e.from !== 'src/bot.ts' &&
      !inTurn(e.from),
  },
];

/** Each broken rule as one line naming the importing file, its line, and what it imports. */
export function brokenLayerRules(edges: readonly ImportEdge[]): string[] {
  return layerRules.flatMap((rule) =>
    edges.filter((e) => rule.breaks(e)).map((e) => `${rule.name}: ${e.from}:${e.line} imports ${e.to}`),
  );
}

/**
 * Every import cycle, each once, as `a -> b -> a` with the line of each import, found by a depth-first
 * walk that reports a cycle when it meets a file still on its path.
 */
export function importCycles(edges: readonly ImportEdge[]): string[] {
  const out = new Map<string, ImportEdge[]>();
  for (const edge of edges) out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  const done = new Set<string>();
  const path: ImportEdge[] = [];
  const onPath = new Set<string>();
  const found = new Map<string, string>();
  const visit = (file: string) => {
    onPath.add(file);
    for (const edge of out.get(file) ?? []) {
      if (onPath.has(edge.to)) {
        const loop = [...path.slice(path.findIndex((e) => e.from === edge.to)), edge];
        // The same loop entered at another file is one cycle: key it by its sorted files.
        const key = loop
          .map((e) => e.from)
          .sort()
          .join(' ');
        found.set(key, `${edge.to} -> ${loop.map((e) => `${e.to} (${e.from}:${e.line})`).join(' -> ')}`);
      } else if (!done.has(edge.to)) {
        path.push(edge);
        visit(edge.to);
        path.pop();
      }
    }
    onPath.delete(file);
    done.add(file);
  };
  for (const file of out.keys()) if (!done.has(file)) visit(file);
  return [...found.values()];
}
