import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { testContent } from '../support/content.js';
import { directLineJoin, directLineSay, exchange, exchangeAll } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();
const textOf = (activities: readonly Partial<Activity>[]) => activities.map((a) => a.text ?? '').join('\n');
const levelOf = (activities: readonly Partial<Activity>[]) =>
  activities.find((a) => a.type === 'trace' && a.name === 'SafetyCheck')?.value;

// The seventh people run: Janet and Ava got "Are you thinking about hurting yourself?" for these.
const plain = [
  'I do not wish to be judged for taking my medicine.',
  'i did say exactly what i need tho?? can we do it again but hes nicer',
  'man this is so frustrating. nobody tells me anything',
];

describe('plain sentences get no check-in (people run 7)', function () {
  this.timeout(60_000);
  const served = useTestApp();
  let sequence = 0;

  for (const started of [true, false]) {
    const how = started ? 'after the welcome' : 'as the first message';
    for (const typed of plain) {
      it(`"${typed}" ${how}: level none, no check-in`, async () => {
        sequence += 1;
        const conversation = `plain-sentence-${sequence}`;
        const user = `plain-sentence-user-${sequence}`;
        if (started) await exchange(served.url, directLineJoin(conversation, user));
        const got = await exchangeAll(served.url, directLineSay(conversation, user, typed));
        assert.deepEqual(levelOf(got), { level: 'none' }, textOf(got));
        for (const check of strings.variants('safety.confirm'))
          assert.ok(!textOf(got).includes(check), textOf(got));
      });
    }
  }
});
