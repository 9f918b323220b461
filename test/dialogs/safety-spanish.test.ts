import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Activity, AutoSaveStateMiddleware } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import type { SafetyDialogOptions } from '../../dialogs/safety-dialog.js';
import type { SpanishStrings } from '../../src/content/content.js';
import { resourcesDir } from '../../src/paths.js';
import { testContent } from '../support/content.js';
import { makeDialogDeps } from '../support/dialog-case.js';
import { GatedSafety, type GateSetup } from '../support/gated-safety.js';

const { strings, spanish } = testContent();
type SpanishKey = Parameters<SpanishStrings['text']>[0];

/** A reply: a Spanish safety string (variant), or an English string of another part of the bot. */
type Said = SpanishKey | [SpanishKey, number] | { en: Parameters<typeof strings.text>[0] };

const danger: SafetyDialogOptions = { level: 'danger', explicit: true, overdose: false, language: 'es' };
const flags: Record<string, SafetyDialogOptions> = {
  'me quiero matar': danger,
  'mi amigo no respira': { ...danger, overdose: true },
  'ya no aguanto más': { ...danger, explicit: false },
  'me siento sin esperanza': { ...danger, level: 'concern' },
  'todo me pesa mucho': { ...danger, level: 'concern' },
};

const textOf = (said: Said): string =>
  typeof said === 'string'
    ? spanish.text(said)
    : Array.isArray(said)
      ? spanish.text(said[0], {}, said[1])
      : strings.text(said.en);

/** English safety sentences: none may appear in a reply to someone who wrote in Spanish. */
const englishSafety = Object.entries(
  (
    JSON.parse(readFileSync(join(resourcesDir, 'locales', 'en', 'core.json'), 'utf8')) as {
      safety: Record<string, unknown>;
    }
  ).safety,
)
  .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
  .map(([, text]) => text);

/** Plays the steps; every reply must contain its string, in order, and nothing more. */
async function play(steps: [string, Said[]][], setup: GateSetup = {}): Promise<Partial<Activity>[][]> {
  const deps = makeDialogDeps();
  const client = new DialogTestClient('test', new GatedSafety(deps, { ...setup, flags }), undefined, [
    new AutoSaveStateMiddleware(deps.userState),
  ]);
  const all: Partial<Activity>[][] = [];
  for (const [text, expected] of steps) {
    const got: Partial<Activity>[] = [];
    for (let reply = await client.sendActivity(text); reply; reply = client.getNextReply()) got.push(reply);
    const texts = got.map((a) => a.text ?? '');
    assert.equal(got.length, expected.length, `${JSON.stringify(text)}: ${JSON.stringify(texts)}`);
    for (const [i, said] of expected.entries()) {
      assert.ok(texts[i]?.includes(textOf(said)), `${JSON.stringify(said)} in ${texts[i]}`);
    }
    all.push(got);
  }
  return all;
}

const titles = (activity: Partial<Activity> | undefined) =>
  activity?.suggestedActions?.actions.map((action) => action.title) ?? [];
const bilingual = (key: SpanishKey & Parameters<typeof strings.text>[0]) =>
  `${spanish.text(key)} / ${strings.text(key)}`;
const reply = ['safety.dangerIntro', 'safety.englishOnly', 'safety.choicePrompt'] as const;

describe('SafetyDialog in Spanish', () => {
  it('danger: the whole reply in Spanish with the Spanish options, the note on English, and a person', async () => {
    const [first] = await play([['me quiero matar', [...reply]]]);
    const text = (first ?? []).map((a) => a.text).join('\n');
    for (const key of ['safety.callNow', 'safety.personNow', 'safety.stepGeneral'] as const) {
      assert.ok(text.includes(spanish.text(key)), key);
    }
    for (const option of ['911', '988', 'marca 2', 'AYUDA', '988lifeline.org'])
      assert.ok(text.includes(option), option);
    for (const sentence of englishSafety) assert.ok(!text.includes(sentence), `no English: ${sentence}`);
  });

  it('the buttons after a Spanish reply carry both languages', async () => {
    const [first] = await play([['me quiero matar', [...reply]]]);
    assert.deepEqual(titles(first?.at(-1)), [
      bilingual('safety.talkToPerson'),
      bilingual('safety.showLines'),
      bilingual('safety.goBack'),
      bilingual('safety.toMenu'),
      bilingual('safety.myPlan'),
    ]);
  });

  it('an overdose: 911 first and the overdose steps in Spanish; "qué hago" gets the steps again', async () => {
    const [first] = await play([
      ['mi amigo no respira', ['safety.overdoseNow', 'safety.englishOnly', 'safety.choicePrompt']],
      [
        'qué hago',
        [
          ['safety.overdoseAgain', 0],
          ['safety.choicePrompt', 1],
        ],
      ],
      ['Volver', ['safety.backAgain']],
    ]);
    const text = first?.[0]?.text ?? '';
    assert.ok(text.startsWith(spanish.text('safety.overdoseNow')), '911 first');
    assert.ok(text.includes(spanish.text('safety.stepOverdose')));
    assert.ok(text.includes(spanish.text('safety.overdoseSelf')));
  });

  it('a hint: the check-in in Spanish; "no sé" takes the safe reading', async () => {
    const [asked] = await play([
      ['ya no aguanto más', ['safety.confirm']],
      ['no sé', [...reply]],
    ]);
    assert.deepEqual(titles(asked?.[0]), [bilingual('safety.confirmYes'), bilingual('safety.confirmNo')]);
  });

  for (const answer of ['sí', 'no estoy bien', 'tal vez', '...']) {
    it(`a hint in Spanish, then ${JSON.stringify(answer)}: the crisis reply in Spanish`, async () => {
      await play([
        ['ya no aguanto más', ['safety.confirm']],
        [answer, [...reply]],
      ]);
    });
  }

  for (const answer of ['estoy a salvo', bilingual('safety.confirmNo'), 'no, para nada', 'No, I am safe']) {
    it(`a hint in Spanish, then ${JSON.stringify(answer)}: thanks in Spanish, then the paused question`, async () => {
      await play(
        [
          ['hola', [{ en: 'nickname.ask' }]],
          ['ya no aguanto más', ['safety.confirm']],
          [answer, ['safety.safeThanks', { en: 'nickname.ask' }]],
        ],
        { paused: true },
      );
    });
  }

  it('concern: acknowledged in Spanish with a person offered and the note on English; a second is shorter', async () => {
    const [first] = await play([
      ['me siento sin esperanza', [['safety.concernIntro', 'me siento sin esperanza'.length]]],
      ['todo me pesa mucho', [['safety.concernAgain', 0]]],
    ]);
    const text = first?.[0]?.text ?? '';
    assert.ok(text.includes(spanish.text('safety.concernAsk')));
    assert.ok(text.includes(spanish.text('safety.englishOnly')));
    assert.deepEqual(titles(first?.[0]), [
      bilingual('safety.talkToPerson'),
      bilingual('safety.keepGoing'),
      bilingual('safety.myPlan'),
    ]);
  });

  it('concern in Spanish: "Seguir" returns to the paused question; "una persona" asks for a person', async () => {
    await play(
      [
        ['hola', [{ en: 'nickname.ask' }]],
        ['me siento sin esperanza', [['safety.concernIntro', 'me siento sin esperanza'.length]]],
        ['Seguir', ['safety.backAgain', { en: 'nickname.ask' }]],
      ],
      { paused: true },
    );
    await play([
      ['me siento sin esperanza', [['safety.concernIntro', 'me siento sin esperanza'.length]]],
      ['una persona', ['safety.talkToPersonAnswer', { en: 'handoff.intro' }]],
    ]);
  });

  it('after a Spanish reply the English buttons still work, answered in Spanish', async () => {
    await play([
      ['me quiero matar', [...reply]],
      ['Crisis lines', ['safety.lines', ['safety.choicePrompt', 1]]],
      [
        'gracias',
        [
          ['safety.stillHere', 1],
          ['safety.choicePrompt', 2],
        ],
      ],
      ['Go back', ['safety.backAgain']],
    ]);
  });
});
