import assert from 'node:assert/strict';
import type { StringKey, StringVars } from '../../src/content/strings.js';
import { testContent } from '../support/content.js';
import { templatePattern } from '../support/dialog-case.js';
import { newYorkPeople } from './new-york-person.js';

const { strings } = testContent();
/** Tuesday December 8 2026, 10 AM in New York: the morning Dee and Luis typed these words. */
const now = new Date('2026-12-08T15:00:00Z');

/**
 * Dee's and Luis's turns from the ninth people run, in their words: what is said beside an answer
 * (a complaint, a question put to the bot, a reminder asked for, "not in recovery") is not kept as
 * the answer; each case runs with and without a conversationUpdate first.
 */
describe('words beside an answer are heard, not kept (Dee and Luis, ninth run), over HTTP', () => {
  const people = newYorkPeople(now);
  // The text and the cards, so a plan's lines are seen as well as the bot's words.
  const person = async (conversation: string, welcomed: boolean) => {
    const say = await people(conversation, welcomed);
    return async (text: string) => JSON.stringify(await say(text));
  };
  const pattern = (key: StringKey, vars: StringVars) =>
    templatePattern(JSON.stringify(strings.text(key, vars)).slice(1, -1));
  const shows = (seen: string, key: StringKey, vars: StringVars = {}) =>
    assert.match(seen, pattern(key, vars), `${key} in ${seen.slice(0, 400)}`);
  const lacks = (seen: string, words: string) =>
    assert.ok(!seen.toLowerCase().includes(words.toLowerCase()), `no "${words}" in ${seen.slice(0, 400)}`);

  for (const welcomed of [false, true]) {
    const first = welcomed ? 'after a conversationUpdate' : 'with no conversationUpdate';

    it(`Dee, ${first}: "dr appt" is no name, her question to the bot is handed back, "no im asking YOU" is never kept, and the reminder she asked for mid-plan is used`, async () => {
      const say = await person(`dee-${welcomed}`, welcomed);
      let seen = await say('hi i have a dr appt thursday with dr okafor need to get ready for it');
      if (welcomed) seen = await say('yes');
      lacks(seen, 'Dr. Appt');
      shows(await say('10am'), 'appointment.askGoal');
      const asked = await say(
        'ask about the night sweats and being so sleepy in the afternoon. is that from the methadone?',
      );
      shows(asked, 'appointment.askedUsHandBack', { whom: 'Dr. Okafor' });
      shows(asked, 'appointment.ventKeepQuestion', { question: 'Is that from the methadone?' });
      shows(await say('yes'), 'appointment.questionAdded');
      const again = await say('no im asking YOU. is it from the methadone');
      shows(again, 'appointment.askedUsHandBack', { whom: 'Dr. Okafor' });
      shows(await say('no'), 'appointment.ventLeftOut');
      shows(await say('ugh.'), 'answers.upset');
      shows(await say('done'), 'appointment.askBarriers');
      const reminder = await say('nothing. can i get a reminder the night before');
      shows(reminder, 'appointment.reminderNoted');
      const bringLast = strings.text('appointment.askBring', { type: '', checklist: '' }).split('\n').at(-1);
      assert.ok(
        bringLast && reminder.includes(JSON.stringify(bringLast).slice(1, -1)),
        'the bring question next',
      );
      shows(await say('nothing else. reminder??'), 'appointment.reminderNoted');
      await say('no');
      await say("i'll decide there");
      const plan = await say('none');
      lacks(plan, 'asking YOU');
      lacks(plan, 'reminder');
      const saved = await say('save it');
      shows(saved, 'appointment.saved');
      shows(saved, 'appointment.checkReminder', { at: 'Wednesday, December 9 at 8:00 PM' });
    });

    it(`Luis, ${first}: "not in recovery" in his first words means no recovery question, line or item, his complaints are not kept, and no Medicaid ride tip for court`, async () => {
      const say = await person(`luis-${welcomed}`, welcomed);
      await say(
        'i have court next month and a public defender. i want to know what to ask him. and fyi im not in recovery or anything so dont go there',
      );
      shows(await say('yeah'), 'appointment.recoveryNoted');
      shows(await say('not sure yet, its on the paper somewhere'), 'appointment.askGoal');
      const goal = await say(
        'a clear idea of whats gonna happen. also can u give me the public defenders number',
      );
      // The number is answered beside the task: none here, never guessed, where it is found.
      shows(goal, 'asides.noNumberAnswer');
      await say('can the case get dismissed since its old');
      await say('done');
      const tips = await say('getting there');
      lacks(tips, 'Medicaid');
      const bring = await say('thats all');
      lacks(bring, 'meeting attendance');
      await say('nothing else');
      shows(await say('my sister maybe'), 'appointment.askTalk');
      shows(
        await say('i told u im NOT in recovery. this whole thing doesnt apply to me. why do u keep asking'),
        'appointment.recoveryLeftOut',
      );
      const plan = await say('skip. this doesnt apply to me');
      shows(plan, 'appointment.review');
      lacks(plan, strings.text('planCard.shareHeading'));
      lacks(plan, 'apply to me');
      lacks(plan, 'public defenders number');
      lacks(plan, 'Medicaid');
    });
    it(`Rosa, ${first}: "the day before at 8 in the night, and the morning at 7" is two reminders, both kept and shown; "monday 8 night AND tuesday 7 mañana" moves both, never to an hour she did not say; her award letter is kept`, async () => {
      const say = await person(`rosa-${welcomed}`, welcomed);
      const seen = await say(
        'hola i have cita at benefits office next tuesday 9am for my snap recertification',
      );
      shows(seen, 'appointment.noted', { facts: 'Benefits office, Tuesday, December 15 at 9:00 AM' });
      for (const text of ['keep my snap', 'done', 'nothing', 'my award letter. nothing else', 'no sola'])
        await say(text);
      await say('nothing');
      const talk = await say('plain words slowly. and spanish interpreter maybe');
      for (const key of ['appointmentTalk.plainWordsSay', 'appointmentTalk.interpreterSay'] as const)
        shows(talk, 'appointment.talkSay', { say: strings.text(key) });
      const plan = await say('done');
      shows(plan, 'appointment.review');
      assert.ok(plan.includes('award letter'), 'her award letter in the plan');
      shows(await say('save'), 'appointment.askReminder');
      const first = 'Monday, December 14 at 8:00 PM';
      const second = 'Tuesday, December 15 at 7:00 AM';
      shows(
        await say('the day before at 8 in the night, and the morning at 7'),
        'appointment.checkReminder',
        {
          at: first,
        },
      );
      const next = await say('sí');
      shows(next, 'appointment.reminderSet', { at: first });
      shows(next, 'appointment.checkReminder', { at: second });
      shows(await say('sí'), 'appointment.reminderSet', { at: second });
      await say('no');
      await say('my plans');
      const open = await say('benefits office');
      shows(open, 'planCard.reminderAt', { at: first });
      shows(open, 'planCard.reminderAt', { at: second });
      const moved = await say('change the reminder. i want monday 7 night AND tuesday 6 mañana');
      shows(moved, 'appointment.checkReminder', { at: 'Monday, December 14 at 7:00 PM' });
      lacks(moved, '9:00 AM');
      shows(await say('sí'), 'appointment.checkReminder', { at: 'Tuesday, December 15 at 6:00 AM' });
      shows(await say('sí'), 'appointment.reminderSet', { at: 'Tuesday, December 15 at 6:00 AM' });
      // Back at the menu, the time of the saved plan changed in her words; the reminders move with it.
      await say('done');
      const retimed = await say('hola. actually its 9:30 my cita not 9');
      shows(retimed, 'appointment.retimed', {
        type: 'Benefits office',
        when: 'Tuesday, December 15 at 9:30 AM',
      });
      shows(retimed, 'appointment.review');
      shows(await say('save it'), 'appointment.updated');
      await say('done');
      await say('my plans');
      const after = await say('benefits office');
      assert.ok(after.includes('Tuesday, December 15 at 9:30 AM'), 'the new time on her plan');
      shows(after, 'planCard.reminderAt', { at: 'Monday, December 14 at 7:00 PM' });
      shows(after, 'planCard.reminderAt', { at: 'Tuesday, December 15 at 6:00 AM' });
      // In "my plans", with the plan open: "now" is no time, the 10 is.
      shows(await say('no. the time is 10 now not 9:30. how i change'), 'appointment.retimed', {
        type: 'Benefits office',
        when: 'Tuesday, December 15 at 10:00 AM',
      });
    });
    it(`Luis and Dee, ${first}: "stop adding stuff. remove the last 2" takes out the last two, "remove the last question" at a later question takes it out, and "i dont go to meetings" leaves recovery out instead of offering a group`, async () => {
      const say = await person(`last-${welcomed}`, welcomed);
      await say('help me get ready for my counselor appointment december 15 at 3pm');
      await say('feel less stuck');
      for (const question of [
        'is it ok to miss a week',
        'can we meet online',
        'can the case get dismissed since its old',
      ])
        shows(await say(question), 'appointment.questionAdded');
      const join = strings.text('answers.listJoin');
      const removed = await say('stop adding stuff. remove the last 2');
      shows(removed, 'appointment.questionsRemoved', { numbers: `2${join} 3` });
      shows(await say('done'), 'appointment.askBarriers');
      const last = await say('remove the last question');
      shows(last, 'appointment.questionsRemoved', { numbers: '1' });
      shows(last, 'appointment.askBarriers');
      await say("that's all");
      // Luis: not taken as asking for a peer group; recovery is left out, and not asked about.
      const meetings = await say(
        'why does it say meeting attendance. i dont go to meetings. this doesnt apply to me',
      );
      shows(meetings, 'appointment.recoveryLeftOut');
      await say('nothing else');
      shows(await say('no'), 'appointment.askTalk');
      const plan = await say('done');
      lacks(plan, strings.text('planCard.shareHeading'));
      lacks(plan, 'remove the last');
      lacks(plan, 'miss a week');
    });
  }
});
