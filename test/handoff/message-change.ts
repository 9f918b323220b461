import type { Reply } from '../support/dialog-case.js';

/** The message the person leaves for a peer specialist in the handoff tests. */
export const MESSAGE = 'I would like help with a hard week at work';

/** The words that replace it when the person changes the message. */
export const NEW_MESSAGE = 'I want to talk about court';

/**
 * At "send this?": "no" asks which part, "the message" asks for it again, and the new words are
 * shown back. The dialog's own test and the whole bot's transcript both walk these turns.
 */
export const changeTheMessage: readonly [said: string, replies: readonly Reply[]][] = [
  ['no', ['handoff.askWhichPart']],
  ['the message', [['handoff.askMessageAgain', { message: MESSAGE }]]],
  [NEW_MESSAGE, [['handoff.confirmMessage', { name: 'Sam', message: NEW_MESSAGE }]]],
];
