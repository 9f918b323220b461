import assert from 'node:assert/strict';
import { CommandRecognizer, type GlobalCommand } from '../../src/language/commands.js';
import { testContent } from '../support/content.js';

/** [what a person typed after saying how they feel, the command one of its clauses is]. */
const cases: readonly [string, GlobalCommand | undefined][] = [
  ['i feel so hopeless lately. my safety plan', 'mySafetyPlan'],
  ['im scared ill relapse, delete my data', 'deleteData'],
  ['so alone and empty!! show my data', 'showData'],
  ['giving up on recovery - menu', 'menu'],
  ['craving bad; help', 'help'],
  ['everything is too much... start over', 'cancel'],
  ['hopeless lately, is this private?', 'privacy'],
  // A command word inside a clause is not the clause: "help" here is part of a request.
  ['i feel so hopeless, help me find a group', undefined],
  ['scared. i need help with my landlord', undefined],
  ['menu-driven apps stress me out', undefined],
];

describe('CommandRecognizer.recognizeClause: a command said as one clause of a longer message', () => {
  const commands = new CommandRecognizer(testContent().strings);
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} -> ${expected ?? 'no command'}`, () => {
      assert.equal(commands.recognizeClause(text), expected);
    });
  }
});
