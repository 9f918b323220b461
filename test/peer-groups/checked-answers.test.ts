import assert from 'node:assert/strict';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PeerGroupDialog } from '../../dialogs/peer-group-dialog.js';
import { AnswerReader } from '../../src/peer-groups/answers.js';
import { loadPeerDirectory } from '../../src/peer-groups/directory.js';
import { shippedRecognizer } from '../language/intents/recognizers.js';
import { testContent } from '../support/content.js';
import { runDialogCase, type Step } from '../support/dialog-case.js';
import { recognizing, thursday } from './fixtures.js';

const { strings } = testContent();
const reader = new AnswerReader(strings);
const recognized = (text: string) =>
  shippedRecognizer().recognizeText(text, { timezone: 'America/New_York' });
const make = (deps: DialogDeps) =>
  new PeerGroupDialog(deps, { directory: loadPeerDirectory(), clock: () => thursday });
const open: Step = ['find me a support group', ['peerGroups.intro', 'peerGroups.askFocus']];

describe('Peer groups: what is said is read for what it is', () => {
  for (const typed of ['weed', 'i smoke weed', 'mostly weed and pills'])
    it(`"${typed}" is other drugs`, async () => {
      assert.deepEqual(reader.read('focus', typed, await recognized(typed)), { focus: 'otherDrugs' });
    });

  const cases: [string, Step[]][] = [
    [
      '"ugh" and "this is useless" get a short sorry and the question again, never taken as an answer',
      [
        open,
        ['ugh', ['answers.upset', 'peerGroups.askFocusAgain']],
        ['this is useless', ['answers.upset', 'peerGroups.offerSkip']],
        ['weed', ['peerGroups.askApproach']],
      ],
    ],
    ['"idk" is no answer: the question again in other words', [open, ['idk', ['peerGroups.askFocusAgain']]]],
  ];
  for (const [name, steps] of cases)
    it(name, async () => {
      await runDialogCase(make, steps, undefined, [recognizing]);
    });
});
