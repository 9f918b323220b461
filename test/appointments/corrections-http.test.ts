import assert from 'node:assert/strict';
import type { StringKey, StringVars } from '../../src/content/strings.js';
import { testContent } from '../support/content.js';
import { templatePattern } from '../support/dialog-case.js';
import { newYorkPeople } from './new-york-person.js';

const { strings } = testContent();
/** Monday December 7 2026, 10 AM in New York: the day Rosa typed these words. */
const now = new Date('2026-12-07T15:00:00Z');

/**
 * Rosa's date corrections from the seventh people run, in her words: a day of the month alone is
 * the next such day and is asked back; a correction in several sentences changes the date, never
 * her goal; "back" at the first question asked reaches the date her first message gave.
 */
describe('dates corrected and vents heard, in words, over HTTP (Rosa and Luis, seventh run)', () => {
  const people = newYorkPeople(now);
  const person = async (conversation: string, welcomed: boolean) => {
    const say = await people(conversation, welcomed);
    return async (text: string) => (await say(text)).map((reply) => reply.text ?? '').join('\n\n');
  };
  const shows = (seen: string, key: StringKey, vars: StringVars = {}) =>
    assert.match(seen, templatePattern(strings.text(key, vars)), `${key} in ${JSON.stringify(seen)}`);
  const lacks = (seen: string, key: StringKey, vars: StringVars = {}) =>
    assert.doesNotMatch(
      seen,
      templatePattern(strings.text(key, vars)),
      `no ${key} in ${JSON.stringify(seen)}`,
    );

  it('"the 13 at 9 in the morning" is December 13, asked back; "No no, not December 8! ... is December 15 at 9am" answers the check', async () => {
    const say = await person('rosa-2', true);
    shows(await say('Hola. I need help for my cita with the caseworker, is for SNAP'), 'routing.confirm', {
      feature: strings.text('features.appointment'),
    });
    shows(await say('Sí'), 'appointment.askWhen');
    shows(await say('the 13 at 9 in the morning'), 'appointment.askWhenCheck', {
      when: 'Sunday, December 13 at 9:00 AM',
    });
    const fixed = await say('No no, not December 8! Sorry, I said wrong before too, is December 15 at 9am');
    shows(fixed, 'appointment.whenNoted', { when: 'Tuesday, December 15 at 9:00 AM' });
    shows(fixed, 'appointment.askGoal');
  });

  it('a correction typed at a later question changes the date, not the goal, "back" reaches the date, and a question before "done" is kept', async () => {
    const say = await person('rosa-1', false);
    shows(
      await say(
        'Hola, I have appointment with my caseworker for the SNAP recertification, December 16 at 9am. Can you help me get ready?',
      ),
      'appointment.askGoal',
    );
    const first = await say('Ay perdón, I look at my letter, is December 15 not 16. Same time 9am.');
    shows(first, 'appointment.dateChanged', { when: 'Tuesday, December 15 at 9:00 AM' });
    shows(first, 'appointment.askGoal');
    const second = await say('No, wait. The date is wrong. December 15.');
    shows(second, 'appointment.dateChanged', { when: 'Tuesday, December 15 at 9:00 AM' });
    lacks(second, 'answers.corrected', { answer: 'The date is wrong. December 15' });
    shows(await say('back'), 'appointment.currentAnswer', { answer: 'Tuesday, December 15 at 9:00 AM' });
    shows(await say('December 14 at 9am'), 'appointment.askGoal');
    shows(
      await say('Ok. I want to keep my SNAP benefits, no problems with the recertification.'),
      'appointment.askQuestions',
    );
    shows(await say('What papers do I need to bring for the recertification?'), 'appointment.questionAdded');
    // "done" on the line of the last question: that question is kept too.
    const ranked = await say('When I will know if my benefits continue? done');
    shows(ranked, 'appointment.askTopQuestions', { questions: '' });
    assert.match(ranked, /2\. When I will know if my benefits continue\?/, ranked);
  });
  for (const welcomed of [false, true])
    it(`an aside before "my question is" is left out, "ugh no clear the list" clears, a vent is heard and its question kept only on a yes (Luis, ${welcomed ? 'after' : 'without'} a conversationUpdate)`, async () => {
      const say = await person(`luis-${welcomed}`, welcomed);
      if (!welcomed) await say('hi');
      shows(
        await say('i meet my public defender before court, can you help me get ready'),
        'appointment.askWhen',
      );
      shows(await say('not sure yet'), 'appointment.askGoal');
      shows(await say('knowing what my options are'), 'appointment.askQuestions');
      const aside = await say('those are kinda weird for a lawyer lol. my question is will i go to jail');
      shows(aside, 'appointment.questionAdded');
      assert.doesNotMatch(aside, /weird/, aside);
      shows(await say('ugh no clear the list'), 'appointment.cleared');
      const vent = await say('man this is stressing me out. should i just plead guilty and get it over with');
      shows(vent, 'appointment.ventHeard');
      shows(vent, 'appointment.ventKeepQuestion', {
        question: 'should i just plead guilty and get it over with',
      });
      lacks(vent, 'appointment.questionAdded');
      shows(await say('yes'), 'appointment.questionAdded');
      const unfair = await say('this whole thing is so unfair. why do they take my license');
      shows(unfair, 'appointment.ventKeepQuestion', { question: 'why do they take my license' });
      shows(await say('no'), 'appointment.ventLeftOut');
      shows(await say('this whole thing is so unfair'), 'appointment.ventHeard');
      const list = await say('done');
      assert.doesNotMatch(list, /unfair|stressing/, list);
      shows(list, 'appointment.askBarriers');
      shows(await say('nothing'), 'appointment.askBring');
      shows(await say('nothing else'), 'appointment.askSupport');
      // Someone named is a yes ("Sí, my sister maybe comes" a maybe), not asked again.
      shows(await say('my brother probably, he can drive me'), 'appointment.askShare');
    });
});
