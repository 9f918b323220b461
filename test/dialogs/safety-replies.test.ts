import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SafetyLanguage, SafetyReplies } from '../../dialogs/safety-replies.js';
import { resourcesDir } from '../../src/paths.js';
import { findContacts } from '../content/contact-finder.js';
import { testContent } from '../support/content.js';

const { strings, spanish, crisisResources, contacts } = testContent();
const replies = new SafetyReplies(strings, spanish, crisisResources);
const languages: SafetyLanguage[] = ['en', 'es'];
const rounds = [0, 1, 2, 3, 4, 5];

describe('SafetyReplies', () => {
  for (const language of languages) {
    describe(`in ${language}`, () => {
      it('the overdose reply says 911 first, then the steps and not to stay alone, and asks nothing', () => {
        const [first, ...rest] = replies.danger(language, true);
        assert.ok(first?.startsWith(replies.text(language, 'safety.overdoseNow')));
        assert.ok(first?.includes(replies.text(language, 'safety.stepOverdose')));
        assert.ok(first?.includes(replies.text(language, 'safety.overdoseSelf')));
        for (const text of [first, ...rest]) {
          for (const variant of [0, 1])
            assert.ok(!text?.includes(replies.text(language, 'safety.confirm', variant)));
          assert.ok(!text?.includes(replies.text(language, 'safety.safeThanks')));
        }
      });

      it('a second danger or overdose reply is shorter than the first, and never the same twice in a row', () => {
        for (const overdose of [false, true]) {
          const first = replies.danger(language, overdose).join('\n');
          for (const round of rounds) {
            const now = replies.again(language, overdose, round);
            assert.ok(now.length < first.length, `round ${round} is shorter`);
            assert.notEqual(
              now,
              replies.again(language, overdose, round + 1),
              `round ${round} then ${round + 1}`,
            );
          }
        }
      });

      it('a second concern reply is shorter than the first, and never the same twice in a row', () => {
        const first = replies.concern(language, 0, 0);
        for (const round of rounds.slice(1)) {
          assert.ok(replies.concern(language, round, 0).length < first.length);
          assert.notEqual(replies.concern(language, round, 0), replies.concern(language, round + 1, 0));
        }
      });

      it('the questions asked again and the kind words vary from one round to the next', () => {
        for (const key of [
          'safety.choicePrompt',
          'safety.stillHere',
          'safety.confirm',
          'safety.concernNoted',
        ] as const) {
          for (const round of rounds) {
            assert.notEqual(replies.text(language, key, round), replies.text(language, key, round + 1), key);
          }
        }
      });
    });
  }

  it('every phone number and web address in the safety replies is on the verified list', () => {
    const files = [join('locales', 'en', 'core.json'), join('locales', 'es', 'safety.json')];
    for (const file of files) {
      const { safety } = JSON.parse(readFileSync(join(resourcesDir, file), 'utf8')) as { safety: object };
      const found = findContacts(JSON.stringify(safety));
      assert.ok(found.length > 0, file);
      for (const item of found)
        assert.ok(contacts.has(item.text), `${item.text} in ${file} is not a verified line`);
    }
  });

  it('reads a clear "no" in either language, and nothing else', () => {
    for (const no of ['no', 'nope, just tired', "I'm safe", 'estoy bien', 'no, para nada', 'nunca']) {
      assert.ok(replies.isClearNo(no), no);
    }
    for (const unsure of [
      'no estoy bien',
      'no sé',
      'no idea',
      'not sure',
      'no but',
      'no?',
      'yes',
      'sí',
      '',
      '🙂',
    ]) {
      assert.ok(!replies.isClearNo(unsure), unsure);
    }
  });

  // Said by people playing the bot, who then got the crisis reply for a clear no.
  it('hears the no after an opener, and "I am safe" anywhere, unless a word doubts it', () => {
    for (const no of [
      'Goodness, no. I am perfectly safe.',
      'Oh no, nothing like that. I am safe, thank you for asking.',
      'what?? no im fine, i just want to change my letter',
      'honestly no',
      'haha no im good',
      'not in any danger, back to my letter',
      'estoy bien, im safe for real',
      // Emphasis on the no (people playing the bot got the crisis reply for these).
      'no?? im safe',
      "no?? I'm fine",
      'no lol im fine',
      'i said NO. not suicidal',
      'wait what?? no im fine lol i meant the test room',
      // A question to the bot after the answer is not doubt about it.
      "No, I'm safe. I just mean I'll go to the appointment by myself. Why do you keep asking me that?",
      // The check-in came after a goodbye: saying it was only that is a no (fifth people run).
      'No, I am quite safe, thank you. I was simply saying goodbye.',
      'I was simply saying goodbye',
      'i was just saying bye lol',
      'no i meant goodbye for tonight',
    ]) {
      assert.ok(replies.isClearNo(no), no);
    }
    for (const unsure of [
      'oh, I am safe but I keep thinking about it',
      'well maybe',
      'what? yes',
      'haha not really',
      "i'm not safe",
      'i am not safe now',
      'ay, no estoy bien',
      'no?? maybe',
      'no? not sure',
      'i said no but it is getting worse',
      'No. Am I safe?',
      'no. maybe. why do you ask?',
      'i was just saying goodbye but i dont know',
      'i was saying goodbye to my kids',
    ]) {
      assert.ok(!replies.isClearNo(unsure), unsure);
    }
  });

  it('hears "safe now" inside a longer answer, and not when it is doubted', () => {
    for (const safe of [
      'im safe… keep going with court',
      'honestly i am safe now, thanks',
      'estoy bien ya',
    ]) {
      assert.ok(replies.isSafeNow(safe), safe);
    }
    for (const unsure of ['im not safe now', 'i am safe now, i think, but not sure', 'no estoy bien']) {
      assert.ok(!replies.isSafeNow(unsure), unsure);
    }
  });
});
