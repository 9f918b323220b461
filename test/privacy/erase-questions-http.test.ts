import type { KeyTurn } from '../support/dialog-case.js';
import { playKeyTurns } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// Issue 19, the eighth people run (Chris, Kim): a question about erasing is answered with what
// erase removes and what is kept now, never an erase offer, and "no" to one never says "all still here".

const erased: KeyTurn[] = [
  ['delete my data please', ['data.confirmDelete']],
  ['yes', ['data.deleted']],
];

/** Kim's request, sent: something to erase that a specialist would read. */
const sent: KeyTurn[] = [
  ['talk to a person', ['handoff.offerMessage']],
  ['leave a message', ['handoff.askAlias']],
  ['K', ['handoff.askMessage']],
  ['im a nurse on medical leave, burned out and not sleeping. evenings are best', ['handoff.askContact']],
  ['here in this chat', ['handoff.confirmMessage']],
  ['send it', ['handoff.messageLeft']],
];

const cases = [false, true].flatMap((welcomed) => [
  {
    name: `Chris${welcomed ? ', welcomed' : ''}: "is it really all gone?" after an erase gets the truth and what is kept now`,
    welcomed,
    turns: [
      ...erased,
      ['Thanks. Is it really all gone?', ['data.eraseAnswer'], ['data.confirmDelete', 'smallTalk.thanks']],
      ['I asked if my data is really all gone', ['data.eraseAnswer'], ['data.confirmDelete']],
      ['Is it all gone now?', ['data.eraseAnswer'], ['data.confirmDelete']],
      ['show me my data', ['data.intro'], ['data.confirmDelete']],
    ] satisfies KeyTurn[],
  },
  {
    name: `Kim${welcomed ? ', welcomed' : ''}: a question about deleting, with a request sent, is answered, not an erase`,
    welcomed,
    turns: [
      ...sent,
      [
        'if i delete my data later does the specialist still get the message? and does it delete it from teams too',
        ['data.eraseAnswer'],
        ['data.confirmDelete'],
      ],
      [
        'so does delete my data also remove the chat from teams? like the history',
        ['data.eraseAnswer'],
        ['data.confirmDelete'],
      ],
      // Asking to erase still asks to confirm; "no" there never claims everything is still here.
      ['delete my data', ['data.confirmDelete'], ['data.eraseAnswer']],
      ['No. Just show me what you have on me now.', ['data.keptData'], ['data.deleted']],
    ] satisfies KeyTurn[],
  },
]);

describe('questions about erasing (issue 19, HTTP)', () => {
  const served = useTestApp();

  for (const [index, { name, turns, welcomed }] of cases.entries()) {
    it(name, async () => {
      await playKeyTurns(served.url, `erase9-${index}`, `erase9-user-${index}`, welcomed, turns);
    });
  }
});
