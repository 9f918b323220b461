import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testContent } from '../support/content.js';
import { makeTempDir } from '../support/temp-dir.js';
import { linesAfter, runChat } from './run-chat.js';

const { strings } = testContent();
const isTrace = (line: string) => line.startsWith('  · ');
/** A button line as the client prints it: the label as the channel shows it, then its /tap. */
const choice = (label: string) =>
  new RegExp(`^\\s+\\[${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\] +/tap \\d+$`);
/** The label of a button line, if the line is one. */
const buttonLabel = (line: string) => /^\s+\[(.+)\] +\/tap \d+$/.exec(line)?.[1];

describe('npm run chat against the in-process bot', function () {
  // Each run starts the real app in a child process; the CPU is shared.
  this.timeout(120_000);

  it('opens with a conversationUpdate, then prints replies, buttons (unnumbered, /tap beside) and traces', async () => {
    const run = await runChat(['hi']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const [header = '', ...rest] = run.lines;
    assert.match(header, /in-process \(memory\) · emulator · --user \S+ --conversation \S+/);
    const beforeMessage = rest.slice(0, rest.indexOf('you> hi'));
    assert.ok(
      beforeMessage.includes(`bot: ${strings.text('welcome.greeting')}`),
      `welcomed before the first message:\n${run.stdout}`,
    );
    for (const key of ['menu.appointment', 'menu.accommodation', 'menu.peerGroup', 'menu.handoff'] as const)
      assert.ok(
        beforeMessage.some((line) => choice(strings.text(key)).test(line)),
        `${key} as a button`,
      );
    const afterMessage = linesAfter(run, 'you> hi');
    assert.equal(afterMessage[0], '  · SafetyCheck level=none');
    assert.match(afterMessage[1] ?? '', /^ {2}· IntentRecognizer \S+ \d\.\d\d \{.*\}$/);
  });

  it('begins with the first message with --no-start, reads --file, taps with /tap and hides traces', async () => {
    const data = await makeTempDir();
    try {
      const script = join(data.path, 'script.txt');
      await writeFile(script, 'hi\n\n/tap 1\n');
      const run = await runChat(['--file', script, '--no-start', '--quiet-traces', '--data', data.path]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.lines[0] ?? '', /in-process \(file store /);
      assert.equal(run.lines[1], 'you> hi', 'nothing is sent before the first message');
      assert.ok(!run.lines.some(isTrace), 'no traces printed');
      const replyToHi = linesAfter(run, 'you> hi');
      const first = replyToHi.map(buttonLabel).find(Boolean);
      assert.ok(first, `the reply to "hi" shows buttons:\n${run.stdout}`);
      assert.ok(
        replyToHi.includes(`     [${first}]   /tap 1`),
        'the first button is tapped with /tap 1, and no number is in its label',
      );
      const tapped = linesAfter(run, 'you> /tap 1');
      assert.equal(tapped[0], `  (tapped [${first}])`);
      assert.ok(
        tapped.some((line) => line.startsWith('bot: ')),
        'the tap got a reply',
      );
      assert.ok((await readdir(data.path)).length > 1, 'the file store in --data holds the conversation');
    } finally {
      await data.remove();
    }
  });

  it('plays a Teams personal chat with --channel msteams: Teams ids, the install welcome, the card buttons', async () => {
    const run = await runChat(['--channel', 'msteams', 'help']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.lines[0] ?? '', / · msteams · --user 29:\S+ --conversation a:\S+/);
    const beforeMessage = run.lines.slice(1, run.lines.indexOf('you> help'));
    assert.ok(beforeMessage.includes(`bot: ${strings.text('welcome.greeting')}`), run.stdout);
    // The menu comes as a hero card: its text, then its buttons, labels as Teams shows them.
    const menu = beforeMessage.indexOf(`bot: ${strings.text('menu.prompt')}`);
    assert.ok(menu > 0, run.stdout);
    assert.match(beforeMessage[menu + 1] ?? '', choice(strings.text('menu.appointment')));
    assert.equal(linesAfter(run, 'you> help')[0], '  · SafetyCheck level=none');
  });

  it('reads piped stdin: /new opens a new conversation, /quit ends before the lines after it', async () => {
    const run = await runChat(['--quiet-traces'], 'hi\n/new\n/quit\nnot sent\n');
    assert.equal(run.code, 0, run.stderr);
    const greeting = `bot: ${strings.text('welcome.greeting')}`;
    assert.equal(run.lines.filter((line) => line === greeting).length, 2, 'welcomed again after /new');
    const conversation = /--conversation (\S+)/.exec(run.lines[0] ?? '')?.[1];
    const renewed = linesAfter(run, 'you> /new')[0] ?? '';
    assert.match(renewed, /^ {2}new conversation: --conversation \S+$/);
    assert.ok(!renewed.endsWith(` ${conversation}`), 'a different conversation id');
    assert.ok(!run.stdout.includes('not sent'));
  });

  it('answers a bad command line with what was wrong, the usage and exit code 2', async () => {
    for (const args of [['--bogus'], ['--channel', 'sms'], ['--timezone', 'Mars/Olympus'], ['--url', 'x']]) {
      const run = await runChat([...args, 'hi']);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.ok(run.stderr.includes(args[args.length - 1] ?? ''), `names ${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /usage: npm run chat/);
    }
  });
});
