import assert from 'node:assert/strict';
import type { StringKey } from '../../src/content/strings.js';
import { testContent } from '../support/content.js';
import { containsReply } from '../support/dialog-case.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings } = testContent();

/** Janet's first two messages in the seventh people run (group B): the results are shown. */
const janet = [
  'Good evening. I am looking for a recovery support group that meets in person, in the evenings, here in Dayton, Ohio. I would prefer one that is not a twelve-step program and is not religious in nature. Could you help me with that?',
  'It is for opioids. I have been on buprenorphine for about two years now, and I would want a group that accepts people who take medication.',
];

describe('a question at the group results is answered and the results stay open (Janet, group B)', () => {
  const served = useTestApp();
  for (const welcomed of [false, true])
    it(`"Thank you. Is SMART Recovery free of charge? And where ... in Dayton?" answers both, not goodbye (${welcomed ? 'after' : 'without'} a conversationUpdate)`, async () => {
      const id = `results-janet-${welcomed}`;
      if (welcomed)
        await exchange(
          served.url,
          testActivity(id, { type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'user' }] }),
        );
      const send = async (text: string) =>
        (await exchange(served.url, testActivity(id, { text }))).map((reply) => reply.text ?? '');
      for (const text of janet) await send(text);
      const has = (texts: string[], key: StringKey) =>
        assert.ok(
          texts.some((text) => containsReply(strings, key, text)),
          `${key} in:\n${texts.join('\n')}`,
        );
      const lacks = (texts: string[], key: StringKey) =>
        assert.ok(
          !texts.some((text) => containsReply(strings, key, text)),
          `no ${key} in:\n${texts.join('\n')}`,
        );

      const both = await send(
        'Thank you. Is SMART Recovery free of charge? And where exactly would the meeting be held here in Dayton?',
      );
      has(both, 'peerGroupResults.cost');
      has(both, 'peerGroupResults.noLocalList');
      has(both, 'peerGroupResults.nextAfterAnswer');
      lacks(both, 'peerGroups.done');
      const again = await send('I am sorry, but you did not answer my question. Is it free?');
      has(again, 'peerGroupResults.cost');
      lacks(again, 'peerGroups.done');
      // A thank-you alone still closes the results.
      has(await send('That is all for tonight, thank you.'), 'peerGroups.done');
    });
});
