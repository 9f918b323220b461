import assert from 'node:assert/strict';
import { CommandRecognizer } from '../../src/language/commands.js';
import { typedAnswerReader } from '../../src/language/typed-answer.js';
import type { PlanStep } from '../../src/safety-plan/plan.js';
import { type PartAnswer, PlanWords } from '../../src/safety-plan/plan-words.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();
const words = new PlanWords(strings);

/** [typed, the part a change names (undefined: no change asked for)] */
const edits: [string, PlanStep | undefined][] = [
  ['change my warning signs', 'warningSigns'],
  ['Edit my Warning Signs!', 'warningSigns'],
  ['update coping', 'copingAlone'],
  ['change the people i can ask for help part', 'helpers'],
  ['fix my surroundings', 'safeSurroundings'],
  ['add to my reasons for living', 'reasonForLiving'],
  ['change my counselor', 'professionals'],
  ['change my safety plan', undefined],
  ['change my mind', undefined],
  ['my warning signs', undefined],
  ['i stop sleeping', undefined],
];

/** [typed mid-plan, where it goes back to (undefined: an answer, kept as typed)] */
const returns: [string, PlanStep | 'skipped' | undefined][] = [
  ['can we go back to the one i skipped', 'skipped'],
  ['the one i skipped', 'skipped'],
  ['go back to the skipped one', 'skipped'],
  ['back to what i skipped', 'skipped'],
  ['go back to warning signs', 'warningSigns'],
  ['back to the coping part', 'copingAlone'],
  ['return to my people', 'helpers'],
  ['Go to a meeting', undefined],
  ['i skipped meals', undefined],
  ['go back to bed', undefined],
  ['back pain', undefined],
];

/** [typed, what the shared reader finds it to be: no answer to keep, or content (undefined)] */
const nonAnswers: [string, 'filler' | 'frustration' | undefined][] = [
  ['ok', 'filler'],
  ['what', 'filler'],
  ['?', 'filler'],
  ['??', 'filler'],
  ['idk', 'filler'],
  ['yes', 'filler'],
  ['hmm...', 'filler'],
  ['ugh', 'frustration'],
  ['this is useless', 'frustration'],
  ['omg this is stupid', 'frustration'],
  ['you dont understand', 'frustration'],
  // A feeling named as a warning sign is content, whatever word it uses.
  ['when i feel useless', undefined],
  ['feeling stupid around people', undefined],
  ['i stop answering texts', undefined],
  ['my mom', undefined],
  ['988', undefined],
];

/** [typed, at which question, changing a part?, what it asks for] */
const answers: [string, 'part' | 'more', boolean, PartAnswer['kind']][] = [
  ['skip', 'part', false, 'skip'],
  ['no one', 'part', false, 'skip'],
  ['nope', 'part', false, 'skip'],
  ['back', 'part', false, 'back'],
  ['the one i skipped', 'part', false, 'back'],
  ['ok', 'part', false, 'none'],
  ['ugh', 'part', false, 'none'],
  ['Take a walk', 'part', false, 'words'],
  ['skip', 'part', true, 'keep'],
  ['no', 'part', true, 'keep'],
  ['keep it', 'part', true, 'keep'],
  // Changing one part, "back" leaves it as it was (it is never kept as an entry).
  ['back', 'part', true, 'keep'],
  ['next', 'more', false, 'next'],
  // The eighth run (Jordan): ways on, with a filler word or said twice, are never kept.
  ['ok next', 'more', false, 'next'],
  ['done with this part', 'more', false, 'next'],
  ['dont have one. skip', 'part', false, 'skip'],
  ['next part', 'part', false, 'skip'],
  ['k', 'more', false, 'next'],
  ['no', 'more', true, 'next'],
  ['back', 'more', false, 'back'],
  ['huh', 'more', false, 'none'],
  ['call my sponsor', 'more', false, 'words'],
  // Said by a person playing the bot, and saved as entries before.
  ['can i skip this one', 'part', false, 'skip'],
  ['skip this one pls', 'part', false, 'skip'],
  ['i dont have one', 'part', false, 'skip'],
  ['ugh. next part', 'more', false, 'next'],
  ['no thats it', 'more', false, 'next'],
  ['ok. skip', 'part', false, 'skip'],
  // Content before an instruction is kept: nothing typed is lost.
  ['I stop eating. next', 'more', false, 'words'],
  ['i skip meals', 'part', false, 'words'],
  ['skipping meetings', 'part', false, 'words'],
];

/** [typed as one answer, the entries it is kept as] */
const entries: [string, string[]][] = [
  ['cant sleep. drinking more', ['cant sleep', 'drinking more']],
  ['drinking more, cant sleep', ['drinking more', 'cant sleep']],
  ['my dog. idk', ['my dog']],
  // A name with its number, or a longer thought with a comma, stays whole.
  ['Eli, 555-0142', ['Eli, 555-0142']],
  ["can't sleep, i stop answering texts", ["can't sleep, i stop answering texts"]],
  ['call Dr. Lee', ['call Dr. Lee']],
];

describe('safety plan: the words people use for its parts (issue 20)', () => {
  for (const [typed, kept] of entries) {
    it(`${JSON.stringify(typed)} is kept as ${kept.length} entries`, () => {
      assert.deepEqual(words.entriesIn(typed), kept);
    });
  }

  for (const [typed, at, editing, kind] of answers) {
    it(`${JSON.stringify(typed)} at ${at}${editing ? ' (changing a part)' : ''} is ${kind}`, () => {
      assert.equal(words.read(typed, at, editing).kind, kind);
    });
  }

  for (const [typed, part] of edits) {
    it(`${JSON.stringify(typed)} asks to change ${part ?? 'no part'}`, () => {
      assert.equal(words.editRequest(typed), part);
    });
  }

  it('every "change my <part>" wording is the "my safety plan" command, so it works from any state', () => {
    const commands = new CommandRecognizer(strings, { mySafetyPlan: words.editPhrases() });
    for (const [typed, part] of edits.filter(([typed]) => !typed.endsWith(' part'))) {
      assert.equal(
        commands.recognize(typed) === 'mySafetyPlan',
        part !== undefined || /safety plan/.test(typed),
        typed,
      );
    }
    assert.equal(new CommandRecognizer(strings).recognize('change my warning signs'), undefined);
  });

  for (const [typed, target] of returns) {
    it(`${JSON.stringify(typed)} mid-plan goes back to ${target ?? 'nothing: it is an answer'}`, () => {
      assert.equal(words.returnRequest(typed), target);
    });
  }

  for (const [typed, kind] of nonAnswers) {
    it(`${JSON.stringify(typed)} is ${kind ?? 'content, kept as typed'}`, () => {
      assert.equal(typedAnswerReader(strings).nonAnswer(typed), kind);
    });
  }
});
