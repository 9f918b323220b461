import assert from 'node:assert/strict';
import { ComponentRegistration } from 'botbuilder';
import { exchangeAll, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

/** The dialogs' registration as botbuilder keeps it (one slot, by class name). */
const dialogsRegistration = () =>
  [...ComponentRegistration.components].find((r) => r.constructor.name === 'DialogsComponentRegistration');

/**
 * botbuilder-dialogs made a DialogsComponentRegistration for each dialog context, about 30 a turn
 * (src/platform/one-dialogs-registration.ts): the started app builds it once, and a dialog's
 * memory (the menu's numbers, a prompt's retries) still works turn after turn.
 */
describe('one dialogs registration for the process', () => {
  const served = useTestApp();

  it('keeps one registration through a conversation with dialogs, typed answers and a restart of the menu', async () => {
    const conversation = 'one-registration-1';
    const first = await exchangeAll(served.url, testActivity(conversation, { text: 'hi' }));
    assert.ok(first.some((a) => a.type === 'message'));
    const registration = dialogsRegistration();
    assert.ok(registration);
    for (const text of ['1', 'my counselor', 'idk', 'back', 'menu', '3']) {
      const replies = await exchangeAll(served.url, testActivity(conversation, { text }));
      assert.ok(
        replies.some((a) => a.type === 'message' && a.text),
        `"${text}" is answered`,
      );
    }
    assert.equal(dialogsRegistration(), registration);
  });
});
