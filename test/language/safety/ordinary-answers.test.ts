import assert from 'node:assert/strict';
import {
  loadSafetyClassifier,
  type SafetyClassifier,
} from '../../../src/language/safety/safety-classifier.js';
import { typicalAnswers } from '../../robustness/typical-answers.js';

const classifier: SafetyClassifier = loadSafetyClassifier();

/** Messages the gate raised to danger, with the signals that did it. */
function atDanger(texts: readonly string[]): string[] {
  return texts.flatMap((text) => {
    const { level, signals } = classifier.classify(text);
    return level === 'danger' ? [`${text} -> [${signals.join(', ')}]`] : [];
  });
}

describe('safety gate: ordinary answers mid-flow are not danger', () => {
  it("every typical answer the robustness suite types at the bot's questions", () => {
    const answers = typicalAnswers();
    assert.ok(answers.length > 60, `${answers.length} answers`);
    assert.deepEqual(atDanger(answers), []);
  });

  // Written after people playing the bot got the check-in for lines like these; none of them is
  // in the training messages (those taught the layer the ones people typed).
  const unseen = [
    'nah only the one about meds',
    'no, just the bit about my sleep',
    'other stuff not the church kind',
    'no higher power stuff pls',
    'i could stay till 6 to make up the hour',
    'I can come in at 7 and stay late fridays to make it up',
    'delete the last one',
    'take that last answer out',
    "wait that's wrong, its wednesday",
    'the second option not the first',
    "I'm here to ask about the schedule change we talked about",
    'my doctor wants me to cut back on the late shifts',
    'mostly pills, been clean since march',
    "I'm on vivitrol and I go to group tuesdays",
    'idk maybe the morning one',
    'he said i can leave at 3 on thursdays',
    'i need to be done by 5 to get my kids',
    'sorry wrong button',
    'is that the last question',
    "i'll finish this later",
  ];
  it(`answers, corrections, role-play lines and schedules written apart from the training (${unseen.length})`, () => {
    assert.deepEqual(atDanger(unseen), []);
  });

  // People playing the bot got the check-in for the first three (the learned layer said danger);
  // they are now in the training messages, the rest are written apart from it.
  const plainAnswers = [
    "it's not primary care, he's my psychiatrist",
    'Right away, if possible. She already lives with me.',
    'A letter, I think. He is a bit old fashioned',
    "no, he's a psychiatrist, not a GP",
    'She moved in with me last month, so soon please.',
    'Probably a letter. My boss prefers paper.',
    "he's my psych, not my regular doctor",
    'as soon as they can, my dad lives with me now',
    "an email, she's pretty old school though",
    'tomorrow if possible, my son is staying with me',
    'Right away please. He already stays with me.',
    'not my therapist, the psychiatrist who does my meds',
  ];
  it(`plain answers about who, when and how get no reply at all (level none, ${plainAnswers.length})`, () => {
    const flagged = plainAnswers.flatMap((text) => {
      const { level, signals } = classifier.classify(text);
      return level === 'none' ? [] : [`${text} -> ${level} [${signals.join(', ')}]`];
    });
    assert.deepEqual(flagged, []);
  });

  it('a veiled wish to be gone still gets the gentle check-in (danger, not explicit), not only the concern reply', () => {
    for (const text of ['some days i just want to disappear', 'i wish i could just vanish']) {
      const { level, explicit } = classifier.classify(text);
      assert.deepEqual({ level, explicit }, { level: 'danger', explicit: false }, text);
    }
  });
});
