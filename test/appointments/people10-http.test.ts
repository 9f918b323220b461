import assert from 'node:assert/strict';
import type { StringKey, StringVars } from '../../src/content/strings.js';
import { testContent } from '../support/content.js';
import { templatePattern } from '../support/dialog-case.js';
import { newYorkPeople } from './new-york-person.js';

const { strings } = testContent();
/** Tuesday December 8 2026, 10 PM in New York: the evening Dee and Pat typed these words. */
const now = new Date('2026-12-09T03:08:00Z');

/**
 * Dee's and Pat's turns from the tenth people run, in their words, with and without a conversationUpdate
 * first: what she says to accept an offered question is not kept as the question, and
 * questions before a closing "thats it done" are kept; a sentence opening "Now" and a day and
 * time split by a comma are read as the day said.
 */
describe('Dee, Pat and Luis, tenth run: questions and dates kept as they meant them, over HTTP', () => {
  const people = newYorkPeople(now);
  const person = async (conversation: string, welcomed: boolean) => {
    const say = await people(conversation, welcomed);
    return async (text: string) => JSON.stringify(await say(text));
  };
  const shows = (seen: string, key: StringKey, vars: StringVars = {}) =>
    assert.match(
      seen,
      templatePattern(JSON.stringify(strings.text(key, vars)).slice(1, -1)),
      `${key} in ${seen.slice(0, 400)}`,
    );
  const lacks = (seen: string, words: string) =>
    assert.ok(!seen.toLowerCase().includes(words.toLowerCase()), `no "${words}" in ${seen.slice(0, 400)}`);

  for (const welcomed of [false, true]) {
    const first = welcomed ? 'after a conversationUpdate' : 'with no conversationUpdate';

    it(`${first}: "yes put it on there" adds the offered question, not her words`, async () => {
      const say = await person(`dee10-offer-${welcomed}`, welcomed);
      shows(
        await say('hi im dee. got my prescriber appt thursday at 10 w dr okafor, need to get ready'),
        'appointment.askGoal',
      );
      const asked = await say(
        'want to ask about night sweats and being so sleepy in the afternoon. is that from the methadone?',
      );
      shows(asked, 'appointment.ventKeepQuestion', { question: 'Is that from the methadone?' });
      const added = await say('yes put it on there');
      shows(added, 'appointment.questionAdded');
      assert.match(added, /1\. Is that from the methadone\?/);
      lacks(added, 'put it on there');
    });

    it(`${first}: "why am i so sleepy... thats it done" keeps her questions before the done`, async () => {
      const say = await person(`dee10-done-${welcomed}`, welcomed);
      await say('hi im dee. got my prescriber appt thursday at 10 w dr okafor, need to get ready');
      shows(await say('less sleepy in the afternoons'), 'appointment.askQuestions');
      shows(await say('is the night sweats from the methadone'), 'appointment.questionAdded');
      const moved = await say(
        'why am i so sleepy in the afternoons. and can we look at my dose. thats it done',
      );
      // Both on her list, shown to be put in order; none lost.
      assert.match(moved, /1\. is the night sweats from the methadone/);
      assert.match(moved, /2\. why am i so sleepy in the afternoons\. and can we look at my dose\./);
      lacks(moved, 'thats it done');
    });

    it(`${first}: Pat's "Now I have a counselor appointment on the 10th at 2:15" is the 10th, not now`, async () => {
      const say = await person(`pat10-now-${welcomed}`, welcomed);
      const noted = await say(
        'Thank you, DBSA looks right. Now I have a counselor appointment on the 10th at 2:15 and I want to prepare',
      );
      assert.match(noted, /Thursday, December 10 at 2:15 PM/);
      lacks(noted, 'already passed');
    });

    it(`${first}: Pat's "no. December 10, 2:15 pm" after a passed date is December 10, not today`, async () => {
      const say = await person(`pat10-fix-${welcomed}`, welcomed);
      const passed = await say('I have a counselor appointment today at 9am and I want to prepare');
      assert.match(passed, /already passed/);
      const fixed = await say('no. December 10, 2:15 pm');
      assert.match(fixed, /Thursday, December 10 at 2:15 PM/);
      lacks(fixed, 'December 8');
    });

    it(`${first}: Luis's "no. thx bye" at the reminder question after saving is a goodbye, not the next question`, async () => {
      const say = await person(`luis10-bye-${welcomed}`, welcomed);
      await say(
        'need help getting ready for a meeting with my public defender on thursday december 10 at 4pm',
      );
      for (const answer of ['a clear answer', 'done', 'nothing', 'nothing else', 'no', 'skip', 'skip'])
        await say(answer);
      shows(await say('save it'), 'appointment.saved');
      const bye = await say('no. thx bye');
      assert.ok(
        strings.variants('smallTalk.goodbye').some((line) => bye.includes(line)),
        `a goodbye in ${bye.slice(0, 400)}`,
      );
      lacks(bye, 'check in');
    });
  }
});
