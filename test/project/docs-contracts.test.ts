import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpecialistCommand } from '../../src/handoff/specialist-commands.js';
import { ConfigError, loadConfig } from '../../src/host/config.js';
import { CommandRecognizer, globalCommands } from '../../src/language/commands.js';
import { projectRoot } from '../../src/paths.js';
import { testContent } from '../support/content.js';
import { postMessages, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const read = (file: string) => readFileSync(join(projectRoot, file), 'utf8');

/** The table rows (cells, trimmed) of the section under `heading` in a Markdown file. */
function tableRows(file: string, heading: string): string[][] {
  const [, section = ''] = read(file).split(new RegExp(`^#+ ${heading}$`, 'm'));
  const body = section.split(/^#+ /m)[0] ?? '';
  return body
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

/** The code spans in a table cell: `PORT`, `cancel`. */
const codeSpans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map(([, span]) => span ?? '');

/**
 * The environment variables the code parses: the keys of its zod schemas over process.env
 * (config at start, and the Teams package's), read from the source so a new one is seen.
 */
function variablesInCode(): Set<string> {
  const walk = (dir: string): string[] =>
    readdirSync(join(projectRoot, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => join(dir, name));
  const key =
    /^\s+([A-Z][A-Z0-9_]+|Microsoft[A-Za-z]+): (?:z\.|optionalText|booleanFlag|httpsUrl\(|guid\()/gm;
  return new Set(walk('src').flatMap((file) => [...read(file).matchAll(key)].map(([, name]) => name ?? '')));
}

const configRows = tableRows('README.md', 'Configuration');
const detailRows = tableRows('docs/operations.md', 'Configuration');

describe('the docs against the code: configuration, commands, endpoints, folders', () => {
  it('the README and docs/operations.md list exactly the environment variables the code reads', () => {
    const inCode = variablesInCode();
    assert.ok(inCode.size >= 20, `found only ${[...inCode].join(', ')}`);
    for (const rows of [configRows, detailRows]) {
      assert.deepEqual(new Set(rows.flatMap(([names = '']) => codeSpans(names))), inCode);
    }
  });

  it('.env.example lists every variable', () => {
    const listed = new Set([...read('.env.example').matchAll(/^([A-Za-z_]+)=/gm)].map(([, name]) => name));
    assert.deepEqual(
      [...variablesInCode()].filter((name) => !listed.has(name)),
      [],
    );
  });

  it('the defaults and ranges the README gives are the ones config applies', () => {
    const config = loadConfig({}, projectRoot);
    const defaultOf = (name: string) => {
      const row = configRows.find(([names = '']) => codeSpans(names)[0] === name);
      return codeSpans(row?.[2] ?? '')[0];
    };
    assert.equal(defaultOf('PORT'), String(config.port));
    assert.equal(defaultOf('STORAGE'), config.storage.kind);
    assert.equal(join(projectRoot, defaultOf('DATA_DIR') ?? ''), config.storage.dataDir);
    assert.equal(defaultOf('RETENTION_DAYS'), String(config.retentionDays));
    assert.equal(defaultOf('HANDOFF_WAIT_MINUTES'), String(config.handoffWaitMinutes));
    assert.equal(defaultOf('RATE_LIMIT_PER_MINUTE'), String(config.rateLimitPerMinute));
    assert.equal(defaultOf('LOG_LEVEL'), config.logLevel);
    assert.equal(defaultOf('ALLOW_UNAUTHENTICATED'), 'false');
    assert.equal(defaultOf('HOST'), config.host);
    assert.equal(config.localChat, true);
    // "(1-1440)": both ends pass, one past either end stops the start.
    for (const [name = '', meaning = ''] of configRows) {
      const range = /\((\d+)-(\d+)\)/.exec(meaning);
      if (!range) continue;
      const variable = codeSpans(name)[0] ?? '';
      for (const ok of [range[1], range[2]]) assert.doesNotThrow(() => loadConfig({ [variable]: ok }));
      for (const bad of [Number(range[1]) - 1, Number(range[2]) + 1]) {
        assert.throws(() => loadConfig({ [variable]: String(bad) }), ConfigError, `${variable}=${bad}`);
      }
    }
  });

  it('the stores the README offers are the ones the app builds, and config accepts each', () => {
    const [, kinds = ''] = configRows.find(([names = '']) => codeSpans(names)[0] === 'STORAGE') ?? [];
    const offered = codeSpans(kinds);
    const built = [...read('src/storage/create-storage.ts').matchAll(/^\s+case '(\w+)':/gm)].map(
      ([, kind]) => kind,
    );
    assert.deepEqual([...offered].sort(), [...built].sort());
    const blob = { BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true', BLOB_CONTAINER: 'wayfinder' };
    for (const kind of offered)
      assert.equal(loadConfig({ STORAGE: kind, ...blob }, projectRoot).storage.kind, kind);
  });

  it('each command in the README is one the bot recognizes, and every command is there', () => {
    const commands = new CommandRecognizer(testContent().strings);
    const said = tableRows('README.md', 'Commands that work from any state').flatMap(([say = '']) =>
      codeSpans(say),
    );
    const recognized = said.map((phrase) => [phrase, commands.recognize(phrase)] as const);
    assert.deepEqual(
      recognized.filter(([, command]) => command === undefined),
      [],
    );
    assert.deepEqual(new Set(recognized.map(([, command]) => command)), new Set(globalCommands));
  });

  it("each specialist command in docs/handoff.md is one a specialist's message is read as", () => {
    const said = tableRows('docs/handoff.md', 'Talking to a person: peer specialists').flatMap(([say = '']) =>
      codeSpans(say),
    );
    const kinds = said.map((phrase) => parseSpecialistCommand(phrase.replace('CODE', 'abc123'))?.kind);
    assert.deepEqual(new Set(kinds), new Set(['onDuty', 'offDuty', 'queue', 'accept', 'end']));
  });

  it("docs/teams.md names each command of the Teams app's menus", () => {
    const manifest: { bots: { commandLists: { commands: { title: string }[] }[] }[] } = JSON.parse(
      read('appPackage/manifest.json'),
    );
    const page = read('docs/teams.md').toLowerCase().replace(/\s+/g, ' ');
    const titles = manifest.bots.flatMap((bot) =>
      bot.commandLists.flatMap((list) => list.commands.map(({ title }) => title.toLowerCase())),
    );
    assert.ok(titles.length > 0);
    assert.deepEqual(
      titles.filter((title) => !page.includes(title)),
      [],
    );
  });

  describe('on a started app', () => {
    const served = useTestApp();

    it('each endpoint in the README answers on a started app', async () => {
      const { url } = served;
      const routes = tableRows('README.md', 'Endpoints').flatMap(([route = '']) => codeSpans(route));
      assert.ok(routes.includes('POST /api/messages'), routes.join(', '));
      for (const route of routes) {
        const [method, path = ''] = route.split(' ');
        if (method === 'GET') assert.equal((await fetch(`${url}${path}`)).status, 200, route);
      }
      const message = testActivity('docs-contract', { text: 'help' });
      assert.equal((await postMessages(url, message)).status, 200);
      const directLine = routes.find((route) => route.startsWith('/v3/directline'));
      assert.ok(directLine, routes.join(', '));
      const token = await fetch(`${url}/v3/directline/tokens/generate`, { method: 'POST' });
      assert.equal(token.status, 200);
    });
  });

  it("the README's map of the code names every folder of src/", () => {
    const [, section = ''] = read('README.md').split(/^## How the code is organized$/m);
    const block = section.split('```')[1] ?? '';
    const folders = readdirSync(join(projectRoot, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    assert.deepEqual(
      folders.filter((folder) => !new RegExp(`(?<![\\w-])${folder}(?![\\w-])`).test(block)),
      [],
    );
  });

  it('the folder map in docs/architecture.md names every folder of src/ and every dialog', () => {
    const [, map = ''] = read('docs/architecture.md').split(/^## Layout$/m);
    const block = map.split('```')[1] ?? '';
    const folders = readdirSync(join(projectRoot, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${entry.name}/`);
    assert.deepEqual(
      folders.filter((folder) => !new RegExp(`^\\s+${folder}\\s`, 'm').test(block)),
      [],
    );
    const dialogs = readdirSync(join(projectRoot, 'dialogs'))
      .filter((name) => name.endsWith('-dialog.ts') && name !== 'interruptible-dialog.ts')
      .map((name) => name.replace(/-dialog\.ts$/, '').replace(/-/g, ' '));
    const dialogLine = (/^dialogs\/[\s\S]*?(?=^\S)/m.exec(block)?.[0] ?? '').replace(/\s+/g, ' ');
    assert.deepEqual(
      dialogs.filter((dialog) => !dialogLine.includes(dialog)),
      [],
    );
  });
});
