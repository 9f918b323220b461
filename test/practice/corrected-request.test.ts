import assert from 'node:assert/strict';
import { MemoryStorage, UserState } from 'botbuilder';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PracticeDialog } from '../../dialogs/practice-dialog.js';
import { loadPracticeContent } from '../../src/practice/index.js';
import type { MoveName } from '../../src/practice/scenarios.js';
import { correctedRequest, fillLine } from '../../src/practice/slots.js';
import { openUserProperties } from '../../src/user-properties.js';
import { type Reply, runDialogCase, type Step } from '../support/dialog-case.js';

// Group A (Marcus, sixth people run): he picked the supervisor scene from the list, and "its a
// late start not early finish" and "not early finish. LATE start." were not heard; the supervisor
// kept agreeing to an early finish. The person's own request wins over the scene's.
const content = loadPracticeContent();
const supervisor = content.scenarios.find((s) => s.id === 'supervisor-meetings') ?? assert.fail('supervisor');
const earlyFinish = 'an early finish for recovery meetings';
const played = `${supervisor.label} ${supervisor.goal}`;

function move(name: MoveName, exchange: number, request: string): Reply {
  const lines = supervisor.moves[name];
  const line = fillLine(lines[exchange % lines.length] ?? '', { request });
  return ['practice.counterpartSays', { counterpart: supervisor.counterpart, line }];
}
const opening: Reply = [
  'practice.counterpartSays',
  { counterpart: supervisor.counterpart, line: supervisor.opening },
];

const makePractice = (deps: DialogDeps) =>
  new PracticeDialog(deps, {
    content,
    clock: () => new Date('2026-12-07T15:00:00Z'),
    history: openUserProperties(new UserState(new MemoryStorage())).practiceHistory,
  });

const cases: Array<{ name: string; steps: Step[] }> = [
  {
    name: 'Marcus: "its a late start not early finish. feedback at end" at the coaching question plays a late start',
    steps: [
      ['hi', ['practice.intro', 'practice.scene', 'practice.askMode']],
      ['its a late start not early finish. feedback at end', [opening]],
      [
        'i need to come in at 11 on thursdays for my treatment program. starting this week',
        [move('negotiate', 0, 'a late start')],
      ],
      [
        'stop',
        [
          'practice.stopped',
          ['practiceFeedback.introAbout', { request: 'a late start' }],
          'practice.nextPrompt',
        ],
      ],
    ],
  },
  {
    name: 'Marcus: "not early finish. LATE start. 11am thurs" in the scene turns the supervisor to a late start',
    steps: [
      ['hi', ['practice.intro', 'practice.scene', 'practice.askMode']],
      ['feedback at end', [opening]],
      ['i need to come in at 11 on thursdays for my treatment program', [move('negotiate', 0, earlyFinish)]],
      ['not early finish. LATE start. 11am thurs. i can stay late tues', [move('accept', 1, 'late start')]],
    ],
  },
  {
    name: 'a correction alone at the coaching question sets the scene again on it, then asks again',
    steps: [
      ['hi', ['practice.intro', 'practice.scene', 'practice.askMode']],
      [
        'no its a later start on thursdays, not an early finish',
        [
          [
            'practice.scene',
            { setting: fillLine(supervisor.setting, { request: 'a later start on thursdays' }) },
          ],
          'practice.askMode',
        ],
      ],
    ],
  },
];

describe('practice: the request the person corrects to wins over the scene default (people run six)', () => {
  for (const test of cases)
    it(test.name, () =>
      runDialogCase(makePractice, test.steps, { scenario: supervisor.id }).then(() => undefined),
    );

  it('reads a correction only when it says "not" to the request played', () => {
    const table: Array<[string, string | undefined]> = [
      ['its a late start not early finish. feedback at end', 'a late start'],
      ['not early finish. LATE start. 11am thurs. i can stay late tues', 'late start'],
      ['NOT EARLY FINISH. LATE START', 'late start'],
      ['no, a later start, not an early finish', 'a later start'],
      // Saying "not" to something else is a line, not a correction.
      ["i'm not able to come in before 11", undefined],
      ['not on thursdays. mondays', undefined],
      ['feedback at the end', undefined],
    ];
    for (const [text, want] of table) assert.equal(correctedRequest(text, played), want, text);
    // Chris (group D) at the prescriber scene: the next sentence, without its lead words and tail.
    const prescriber = content.scenarios.find((s) => s.id === 'prescriber-moud') ?? assert.fail('prescriber');
    assert.equal(
      correctedRequest('No, not keeping it. I want to taper off, like last time.', prescriber.label),
      'taper off',
    );
  });
});
