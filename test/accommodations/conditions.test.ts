import assert from 'node:assert/strict';
import { conditionFrom } from '../../src/accommodations/conditions.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();

// What a letter may name, read from a person's words. People playing the bot asked to keep their
// recovery out of a letter and the letter said "I'm in recovery" anyway.
const rows: [said: string, named: ReturnType<typeof conditionFrom>][] = [
  ["i'm in recovery", 'recovery'],
  ['adhd', 'adhd'],
  ['my adhd does not let me focus', 'adhd'],
  ['only ADHD, leave out addiction', 'adhd'],
  ['say adhd not recovery', 'adhd'],
  ['NO dont say recovery', 'private'],
  ['just say health thing. dont want him knowing about rehab', 'health'],
  ['dont want him knowing about rehab', 'private'],
  ['leave out the part about my treatment', 'private'],
  ['say recovery, not adhd', 'recovery'],
  ["i'd rather not say", 'private'],
  ['depression and anxiety', 'depression'],
  // What to leave out, then what to say, in one message: each part is read on its own.
  ['dont mention rehab but i have adhd', 'adhd'],
  ['not the recovery part only the ADHD', 'adhd'],
  ['no treatment stuff and just say anxiety', 'anxiety'],
  ['ok', undefined],
];

describe('the condition a letter may name', () => {
  for (const [said, named] of rows) {
    it(`"${said}" names ${named ?? 'nothing'}`, () => {
      assert.equal(conditionFrom(strings, said), named);
    });
  }
});
