import assert from 'node:assert/strict';
import { type AdviceKind, AdviceRequestDetector } from '../../src/language/advice-requests.js';
import { asQuestion } from '../../src/safety/advice-reply.js';

const cases: ReadonlyArray<[text: string, expected: AdviceKind | undefined]> = [
  ['How many mg of suboxone should I take?', 'medical'],
  ['should i stop taking my methadone', 'medical'],
  ['Can I double my dose if I missed one yesterday?', 'medical'],
  ['is it safe to mix xanax and alcohol?', 'medical'],
  ['Can I drink while on naltrexone?', 'medical'],
  ['what meds should I ask for', 'medical'],
  ['How do I taper off my pills?', 'medical'],
  ['Should I plead guilty at my hearing?', 'legal'],
  ['What should I say to the judge so I get off?', 'legal'],
  ['how do I beat a probation violation', 'legal'],
  ['Will I go to jail for missing a drug test?', 'legal'],
  ['can i sue my landlord', 'legal'],
  // Issue 19: as people type them inside a flow.
  ['should I just stop taking the seroquel?', 'medical'],
  ['should i really quit my meds', 'medical'],
  ['is it safe to taper fast?', 'medical'],
  ['how fast can i come off methadone', 'medical'],
  ['can i just go cold turkey?', 'medical'],
  ['can they evict me for this?', 'legal'],
  ['could my boss fire me for going to treatment?', 'legal'],
  ['will i get violated if i miss?', 'legal'],
  ['is that legal?', 'legal'],
  // Group D (Chris): dosing questions typed in a role-play, to the bot or to the character.
  ['(out of character) should i just start taking half in the morning and half at 2?', 'medical'],
  ['should i ask for 24mg instead of 16? whats normal', 'medical'],
  ['wait no i was asking YOU. is 24mg too much? what dose should i ask for', 'medical'],
  ['Two minutes now please. Could splitting it into two doses help, or going up?', 'medical'],
  ['can i cut my strips in half?', 'medical'],
  ['should I take an extra one when it wears off?', 'medical'],
  // Group A (Rosa): about her lithium, named a turn before; "Added." to her questions, no decline.
  ['should I just stop taking it?', 'medical'],
  ['should I stop it myself before friday? the tremor is bad', 'medical'],
  ['should i keep taking these?', 'medical'],
  // The fourth people run: a question about skipping medicine got the safety check-in or the
  // privacy statement, not the decline.
  ['is it safe to skip a day?', 'medical'],
  ['also is it safe to just skip a day here and there to cut down faster?', 'medical'],
  ['is it ok to miss a dose on weekends', 'medical'],
  // Statements and everyday questions are not requests for advice.
  ['is it ok to skip the last question?', undefined],
  ['can i stop this?', undefined],
  ['should i stop by the office first?', undefined],
  ['Can we split the rent in half?', undefined],
  ['should i take more breaks at work?', undefined],
  ['Could I take half the day off on Friday?', undefined],
  ['My clinic gives me my methadone dose at 7am so I need a later start', undefined],
  ['I want to ask my doctor about my dose', undefined],
  ['I take buprenorphine every morning', undefined],
  ['How do I ask my boss for time off for counseling?', undefined],
  ['What should I bring to my appointment?', undefined],
  ['Can I bring a friend to court?', undefined],
  ['I just stopped taking the seroquel last month', undefined],
  ['my landlord wants to evict me', undefined],
  ['Can they see me on Tuesday?', undefined],
  ['', undefined],
];

describe('AdviceRequestDetector', () => {
  const detector = AdviceRequestDetector.load();
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} -> ${expected ?? 'no advice request'}`, () => {
      assert.equal(detector.detect(text), expected);
    });
  }

  it('returns on a 30 KB message', () => {
    assert.equal(detector.detect(`should i double my dose? ${'a '.repeat(15_000)}`), 'medical');
    assert.equal(detector.detect('a '.repeat(15_000)), undefined);
  });

  it('turns the person’s words into a question to ask', () => {
    assert.equal(asQuestion('should i stop my meds...  '), 'Should i stop my meds?');
  });
});
