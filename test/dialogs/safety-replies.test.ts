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
});
