import assert from 'node:assert/strict';
import { type Activity, MemoryStorage, UserState } from 'botbuilder';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { PracticeDialog } from '../../dialogs/practice-dialog.js';
import { loadPracticeContent } from '../../src/practice/index.js';
import { reasonIn } from '../../src/practice/reason.js';
import { moveNames, type Scenario, sceneNamedIn, sceneOf } from '../../src/practice/scenarios.js';
import { openUserProperties } from '../../src/user-properties.js';
import { testContent } from '../support/content.js';
import { containsReply, type Reply, runDialogCase, type Step } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// Issue 19, deliverable 6: practice builds the scene from what the person said they want to ask.
const { strings } = testContent();
const content = loadPracticeContent();
const cues = strings.variants('practice.reasonCues');
const scenarioById = (id: string): Scenario => content.scenarios.find((s) => s.id === id) ?? assert.fail(id);
const landlord = scenarioById('landlord-application');
const supportAnimal = sceneOf(landlord, 'support-animal');

describe('practice: the scene comes from what the person wants to ask', () => {
  const asked: readonly [text: string, scenario: string | undefined, situation?: string][] = [
    [
      'practice asking my landlord about an emotional support animal',
      'landlord-application',
      'support-animal',
    ],
    ['i want to practise asking my landlord if i can keep my dog', 'landlord-application', 'support-animal'],
    ['can I practice asking about my ESA?', 'landlord-application', 'support-animal'],
    ['practice asking my landlord to fix the heater', 'landlord-application', 'repair'],
    ['landlord about paying my rent late', 'landlord-application', 'rent-plan'],
    ['practice telling my doctor about side effects', 'rushed-doctor', 'side-effects'],
    ['practice talking to my landlord', 'landlord-application'],
    ['practice asking hr about a schedule change', 'hr-schedule'],
    // A counterpart named with a request this library has no scene for: that counterpart's general scene.
    ['practice asking my boss about my dog', 'supervisor-meetings'],
    ['practice something', undefined],
  ];
  for (const [text, scenario, situation] of asked) {
    it(`"${text}": ${scenario ?? 'no scene'}${situation ? ` about ${situation}` : ''}`, () => {
      const found = sceneNamedIn(content.scenarios, text);
      assert.equal(found?.scenario, scenario);
      assert.equal(found?.situation, situation);
    });
  }

  const reasons: readonly [string, string | undefined][] = [
    ['my landlord about my dog because she helps me stay calm', 'she helps me stay calm'],
    ['about my ESA cuz my anxiety is bad at night. thanks', 'my anxiety is bad at night'],
    ['about my emotional support animal', undefined],
    ['because', undefined],
  ];
  for (const [text, reason] of reasons) {
    it(`the reason in "${text}" is ${reason ? `"${reason}"` : 'none'}`, () => {
      assert.equal(reasonIn(text, cues), reason);
    });
  }

  it('each request scene has all its own lines, none copied from the general scene', () => {
    for (const scenario of content.scenarios) {
      for (const situation of scenario.situations ?? []) {
        const scene = sceneOf(scenario, situation.id);
        for (const move of moveNames) {
          for (const line of scene.moves[move]) assert.ok(!scenario.moves[move].includes(line), line);
        }
        assert.notEqual(scene.opening, scenario.opening);
      }
    }
  });
});

describe('practice: a scene about an emotional support animal (transcript)', () => {
  const says = (line: string): Reply => [
    'practice.counterpartSays',
    { counterpart: landlord.counterpart, line },
  ];
  const animalLines = new Set(moveNames.flatMap((move) => supportAnimal.moves[move]));
  const makePractice = (deps: DialogDeps) =>
    new PracticeDialog(deps, {
      content,
      clock: () => new Date('2026-01-05T15:00:00Z'),
      history: openUserProperties(new UserState(new MemoryStorage())).practiceHistory,
    });

  it('built from the first message (counterpart, request, reason), and the landlord stays on the animal', async () => {
    const text =
      'practice asking my landlord about an emotional support animal because she helps me stay calm';
    const { setting, counterpart, persona } = supportAnimal;
    const steps: Step[] = [
      [
        text,
        [
          'practice.intro',
          ['practice.scene', { setting, counterpart, persona }],
          ['practice.sceneReason', { reason: 'she helps me stay calm' }],
          'practice.askMode',
        ],
      ],
      ['at the end', [says(supportAnimal.opening)]],
    ];
    const { client } = await runDialogCase(makePractice, steps, { text });
    // Whatever the person says, the landlord answers about the animal.
    const lines = ['ok', 'i really need her, she helps me a lot', 'what do you need from me?', 'idk'];
    for (const line of lines) {
      const reply: Partial<Activity> | undefined = await client.sendActivity(line);
      const said = /"(.*)"$/s.exec(reply?.text ?? '')?.[1] ?? '';
      assert.ok(animalLines.has(said), `off topic after "${line}": ${reply?.text}`);
      while (client.getNextReply()) {
        // coaching and the scene's end are not the point here
      }
    }
  });

  it('chosen at the scene list by typing the request ("my landlord, about my cat")', async () => {
    const { setting, counterpart, persona } = supportAnimal;
    const steps: Step[] = [
      ['practice', ['practice.intro', 'practice.chooseScenario']],
      [
        'my landlord, about my cat',
        [['practice.scene', { setting, counterpart, persona }], 'practice.askMode'],
      ],
      ['2', [says(supportAnimal.opening)]],
    ];
    await runDialogCase(makePractice, steps);
  });
});

describe('practice over HTTP: a conversation that starts by asking for the scene', () => {
  const served = useTestApp();

  it('"can i practice asking my landlord about my emotional support animal?" sets that scene', async () => {
    const send = async (text: string) =>
      (await exchange(served.url, testActivity('practice-animal', { text }))).map(
        (reply) => reply.text ?? '',
      );
    // The first message of the conversation: no conversationUpdate, no "hi".
    const replies = await send('can i practice asking my landlord about my emotional support animal?');
    assert.ok(
      replies.some((reply) => reply.includes(supportAnimal.setting)),
      replies.join('\n'),
    );
    const [opening = ''] = await send('feedback at the end');
    assert.ok(opening.includes(supportAnimal.opening), opening);
    assert.ok(containsReply(strings, 'practice.counterpartSays', opening));
  });
});
