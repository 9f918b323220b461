import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { prepFields } from '../../src/appointments/plan.js';
import type { StringKey } from '../../src/content/strings.js';
import { filters } from '../../src/peer-groups/matching.js';
import { testContent } from '../support/content.js';
import { containsReply } from '../support/dialog-case.js';
import { type Conversation, RobustnessBot, type SeenQuestion, useRobustnessBot } from './harness.js';
import { knownIssues, type PromptPath, promptPaths, unreachable } from './prompt-paths.js';
import {
  answersNotCommands,
  commandWords,
  missWords,
  noWords,
  ordinals,
  yesWords,
} from './typical-answers.js';

const { strings } = testContent();
const CRISIS = 'I want to kill myself';

/** One typed answer to try at a question, and the option it means (if it means one). */
interface TypedCase {
  kind: string;
  text: string;
  /** Index of the option meant: the bot must answer exactly as if that button was tapped. */
  means?: number;
  /** Index of an option that erases something: a guess at it must not do what tapping it does. */
  spares?: number;
}

/** The label with two neighbouring letters of its longest word swapped ("Emial"), if it has one. */
function withTypo(label: string): string | undefined {
  const longest = [...label.matchAll(/\p{L}{5,}/gu)].sort((a, b) => b[0].length - a[0].length)[0];
  if (!longest || longest.index === undefined) return undefined;
  const word = longest[0];
  const swapped = `${word[0]}${word[2]}${word[1]}${word.slice(3)}`;
  return `${label.slice(0, longest.index)}${swapped}${label.slice(longest.index + word.length)}`.toLowerCase();
}

/** Words of a label no other option has, said loosely ("the quiet room one"). */
function someWords(labels: readonly string[], index: number): string | undefined {
  const filler = new Set(strings.variants('answers.fillerWords'));
  const wordsOf = (label: string) =>
    (label.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !filler.has(w));
  const others = new Set(labels.filter((_, i) => i !== index).flatMap(wordsOf));
  const own = wordsOf(labels[index] ?? '').filter((word) => !others.has(word));
  const all = wordsOf(labels[index] ?? '');
  if (own.length === 0 || all.length < 2) return undefined;
  return `the ${own.slice(0, 2).join(' ')} one`;
}

/** The typed answers tried at a question: per option, then the same few for every question. */
function typedCases(path: PromptPath, seen: SeenQuestion): TypedCase[] {
  const cases: TypedCase[] = [];
  seen.labels.forEach((label, index) => {
    cases.push({ kind: 'label lower-cased', text: label.toLowerCase(), means: index });
    // Where answers are the person's own words, only a button's own words (or number) pick it.
    const typo = path.ownWords ? undefined : withTypo(label);
    // An option that erases is never picked by a guess: its typo and its words are misses.
    const erases = path.destructive?.some((key) => strings.text(key) === label) === true;
    const guessed = (kind: string, text: string): TypedCase =>
      erases ? { kind: `${kind} of an erasing option`, text, spares: index } : { kind, text, means: index };
    if (typo) cases.push(guessed('typo', typo));
    if (seen.numbered && !path.ranking) {
      cases.push({ kind: 'number', text: String(index + 1), means: index });
      if (ordinals[index]) cases.push({ kind: 'ordinal', text: `the ${ordinals[index]} one`, means: index });
    }
    // At a ranking question the listed items are not options: their words name a question.
    const words = path.ranking || path.ownWords ? undefined : someWords(seen.labels, index);
    if (words) cases.push(guessed('words of the label', words));
  });
  if (path.ranking) {
    for (const rank of ['2, 1', '1']) cases.push({ kind: 'rank', text: rank });
  }
  if (path.yesNo) {
    for (const yes of yesWords) cases.push({ kind: 'yes word', text: yes, means: 0 });
    for (const no of noWords) cases.push({ kind: 'no word', text: no, means: 1 });
  }
  for (const text of missWords) cases.push({ kind: 'miss', text });
  for (const text of [...commandWords, CRISIS]) cases.push({ kind: text === CRISIS ? 'crisis' : text, text });
  return cases;
}

/**
 * Where an answer led: the first reply (numbers and request codes aside: counts of stored records
 * differ between copies of a conversation) and the question then open.
 */
interface Outcome {
  first: string;
  open: string | undefined;
}

async function outcomeOf(
  conversation: Conversation,
  replies: readonly Partial<Activity>[],
): Promise<Outcome> {
  // A handoff request's code is new in each copy too.
  const first = (replies[0]?.text ?? '').replace(/\b[A-Z0-9]{6}\b/g, 'CODE').replace(/\d+/g, '#');
  return { first, open: await conversation.openPrompt() };
}

const textsOf = (replies: readonly Partial<Activity>[]) => replies.map((reply) => reply.text ?? '');

/** Never the same words twice in a row: not the question again, nor one reply after another. */
function assertNoRepeat(asked: string, replies: readonly Partial<Activity>[], where: string): void {
  const texts = textsOf(replies);
  texts.forEach((text, i) => {
    const before = i === 0 ? asked : texts[i - 1];
    assert.notEqual(text, before, `${where}: the same text twice in a row: ${JSON.stringify(text)}`);
  });
}

/**
 * True when the conversation left the question: another prompt is open, or the same prompt asks
 * another of its questions (one of the other paths' questions is in the last reply).
 */
async function movedOn(path: PromptPath, conversation: Conversation, replies: readonly Partial<Activity>[]) {
  if ((await conversation.openPrompt()) !== path.prompt) return true;
  const last = replies.at(-1)?.text ?? '';
  return promptPaths.some(
    (other) =>
      other.prompt === path.prompt && other.asks !== path.asks && containsReply(strings, other.asks, last),
  );
}

/**
 * A re-ask mentions numbers ("type its number") only where numbers are shown: a numbered list of
 * options, or numbered items in the question itself (a ranking). Web Chat's buttons have none.
 */
function assertNumbersOnlyWhereShown(
  seen: SeenQuestion,
  replies: readonly Partial<Activity>[],
  where: string,
) {
  const numbersShown = seen.numbered || /^\s*\d+[.)] /m.test(seen.text);
  if (numbersShown) return;
  for (const text of textsOf(replies))
    assert.doesNotMatch(
      text,
      /(?<!phone )\bnumbers?\b/i,
      `${where}: a re-ask speaks of numbers none are shown: ${text}`,
    );
}

const nameOf = (path: PromptPath) => `${path.prompt}${path.question ? ` (${path.question})` : ''}`;

const says = (replies: readonly Partial<Activity>[], key: StringKey) =>
  replies.some((reply) => containsReply(strings, key, reply.text ?? ''));

describe('Robustness: every question reads typed answers the one shared way', function () {
  this.timeout(120000);
  const robust = useRobustnessBot();
  let covered = 0;

  after(() => {
    console.log(`      robustness: ${promptPaths.length} prompts x typed answers = ${covered} answers tried`);
  });

  it('every prompt of every dialog has a path (a new prompt without one fails here)', () => {
    // A prompt no typing reaches is listed with its reason (the key '' stands for the whole prompt).
    const reached = new Set([
      ...promptPaths.map((path) => path.prompt),
      ...Object.keys(unreachable).filter((prompt) => unreachable[prompt]?.[''] !== undefined),
    ]);
    const missing = [...robust.bot.promptIds()].filter((id) => !reached.has(id));
    assert.deepEqual(
      missing,
      [],
      `prompts with no path in test/robustness/prompt-paths.ts: ${missing.join(', ')}`,
    );
    // Prompts that ask many questions: each question the dialog's data lists has a path too.
    const questions = (prompt: string) =>
      new Set(promptPaths.filter((path) => path.prompt === prompt).map((path) => path.question));
    const appointment = questions('appointmentText');
    assert.deepEqual(
      prepFields.filter((field) => !appointment.has(field)),
      [],
      'appointment questions without a path',
    );
    const groups = questions('peerGroupText');
    const unreached = unreachable.peerGroupText ?? {};
    assert.deepEqual(
      filters.filter((filter) => !groups.has(filter) && !unreached[filter]),
      [],
      'peer-group questions without a path',
    );
    // A reason given for a question that is not there any more is stale.
    for (const [prompt, reasons] of Object.entries(unreachable)) {
      const listed: readonly string[] =
        prompt === 'peerGroupText' ? filters : prompt === 'appointmentText' ? prepFields : [];
      for (const question of Object.keys(reasons).filter((q) => q !== ''))
        assert.ok(listed.includes(question), `${prompt}: ${question}`);
    }
  });

  for (const [prompt, typed, next] of answersNotCommands) {
    it(`${prompt}: ${JSON.stringify(typed)} is an answer (next: ${next}), not a command or a miss`, async () => {
      const path = promptPaths.find((p) => nameOf(p) === prompt);
      assert.ok(path, prompt);
      await robust.bot.specialistOnDuty(path.onDuty ? robust.connector.url : undefined);
      const conversation = robust.bot.conversation();
      for (const step of path.steps) await conversation.say(step);
      const replies = await conversation.say(typed);
      assert.ok(says(replies, next), `${JSON.stringify(textsOf(replies))} has no "${next}"`);
    });
  }

  // Web Chat shows choices as buttons (numbers are no picks there); SMS as numbered lists, where
  // only the numbers are tried again (the rest reads the same in both).
  const passes: [channel: string, kinds?: ReadonlySet<string>][] = [
    ['webchat'],
    ['sms', new Set(['number', 'ordinal'])],
  ];
  for (const [channel, kinds] of passes) {
    describe(`in ${channel}`, () => {
      let channelBot: RobustnessBot;
      before(() => {
        channelBot = new RobustnessBot(channel);
      });
      for (const path of promptPaths) {
        const name = nameOf(path);
        it(`${name}: reached by typing, then every typed answer moves on or gets a different retry`, async () => {
          await channelBot.specialistOnDuty(path.onDuty ? robust.connector.url : undefined);
          const start = channelBot.conversation();
          for (const step of path.steps) await start.say(step);
          assert.equal(await start.openPrompt(), path.prompt, `${name}: the path ends at another prompt`);
          assert.ok(
            containsReply(strings, path.asks, start.last?.text ?? ''),
            `${name}: expected "${path.asks}", got ${JSON.stringify(start.last?.text)}`,
          );
          const seen = start.question();
          const asked = seen.text;
          const taps = new Map<number, Outcome>();
          const tap = async (index: number) => {
            const known = taps.get(index);
            if (known) return known;
            const conversation = await channelBot.fork(start);
            const outcome = await outcomeOf(conversation, await conversation.say(seen.labels[index] ?? ''));
            taps.set(index, outcome);
            return outcome;
          };
          const failures: string[] = [];
          const known = knownIssues[name] ?? {};
          for (const typed of typedCases(path, seen).filter((c) => !kinds || kinds.has(c.kind))) {
            const issue = known[typed.text] ?? known[seen.labels[typed.means ?? -1] ?? ''];
            if (issue) {
              console.log(`      known issue, not tried: ${name} <- ${JSON.stringify(typed.text)}: ${issue}`);
              continue;
            }
            covered += 1;
            const where = `${name} <- ${typed.kind} ${JSON.stringify(typed.text)}`;
            const conversation: Conversation = await channelBot.fork(start);
            const replies = await conversation.say(typed.text);
            try {
              assertNoRepeat(asked, replies, where);
              if (typed.kind === 'miss') assertNumbersOnlyWhereShown(seen, replies, where);
              if (typed.spares !== undefined) {
                const outcome = await outcomeOf(conversation, replies);
                assert.notDeepEqual(
                  outcome,
                  await tap(typed.spares),
                  `${where}: a guess did what tapping it does`,
                );
              } else if (typed.means !== undefined) {
                const outcome = await outcomeOf(conversation, replies);
                const tapped = await tap(typed.means);
                assert.deepEqual(
                  outcome,
                  tapped,
                  `${where}: not the same as tapping it: ${JSON.stringify(outcome)} vs ${JSON.stringify(tapped)}`,
                );
              } else if (typed.kind === 'crisis') {
                // Crisis lines, or after an overdose its steps again (911 first).
                assert.ok(
                  textsOf(replies).some((t) => t.includes('988') || t.includes('911')),
                  where,
                );
              } else if (typed.kind === 'menu') {
                assert.ok(
                  says(replies, 'menu.prompt') || says(replies, 'menu.promptAgain'),
                  `${where}: no menu`,
                );
              } else if (typed.kind === 'rank') {
                assert.ok(!textsOf(replies).some((t) => t === asked), `${where}: ranked numbers not taken`);
              } else if (typed.kind === 'back' && path.back) {
                assert.ok(says(replies, path.back), `${where}: not back at "${path.back}"`);
              } else if (
                typed.kind === 'miss' &&
                !path.open &&
                !(await movedOn(path, conversation, replies))
              ) {
                const again = await conversation.say(typed.text);
                assertNoRepeat(
                  conversation.last === again.at(-1) ? (replies.at(-1)?.text ?? '') : '',
                  again,
                  where,
                );
                // Offered in words or as buttons.
                const buttons = again.flatMap(
                  (reply) => reply.suggestedActions?.actions.map((a) => String(a.title)) ?? [],
                );
                const said = [...textsOf(again), ...buttons].join('\n');
                const stillHere = !(await movedOn(path, conversation, again));
                if (stillHere)
                  assert.ok(
                    /menu/i.test(said) && /person|peer specialist/i.test(said),
                    `${where} twice: the menu and a person not offered: ${JSON.stringify(said)}`,
                  );
              }
            } catch (error) {
              failures.push((error as Error).message.split('\n')[0] ?? '');
            }
          }
          assert.deepEqual(failures, [], `${name}: ${failures.length} typed answers went wrong`);
        });
      }
    });
  }
});
