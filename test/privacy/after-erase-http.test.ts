import { testContent } from '../support/content.js';
import { type KeyTurn, playTurns } from '../support/dialog-case.js';
import { playKeyTurns, testPerson } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// Issue 19, the tenth people run (Chris): after an erase, the record his new messages made is
// explained, a second erase in his words is asked to confirm, "how long do u keep it" or "does
// this crisis thing get saved" gets what is kept, not the handoff or "didn't catch that", and a
// question after his nickname is answered, not saved as the name.

const erased: KeyTurn[] = [
  ['delete my data, all of it', ['data.confirmDelete']],
  ['yes', ['data.deleted']],
];

const cases = [false, true].flatMap((welcomed) => [
  {
    name: `Chris${welcomed ? ', welcomed' : ''}: after an erase, the new record is explained and erased again in his words`,
    welcomed,
    turns: [
      ['how long do u keep it. and is it encrypted', ['privacy.howLong'], ['handoff.offerMessage']],
      ...erased,
      [
        'you said it was all gone. why is there a conversation saved',
        ['data.afterEraseAnswer'],
        ['fallback.notUnderstood', 'data.confirmDelete'],
      ],
      ['delete it again then and dont save anything', ['data.confirmDelete'], ['fallback.stuck']],
      ['yes', ['data.deleted']],
      ['does this crisis thing get saved about me now?', ['privacy.kept'], ['fallback.notUnderstood']],
    ] satisfies KeyTurn[],
  },
  {
    name: `Chris${welcomed ? ', welcomed' : ''}: "delete everything incl that message" after sending a request asks to erase it all`,
    welcomed,
    turns: [
      ['talk to a person', ['handoff.offerMessage']],
      ['leave a message', ['handoff.askAlias']],
      ['Chris', ['handoff.askMessage']],
      [
        'want to talk about how to tell work im in outpatient without them finding out details',
        ['handoff.askContact'],
      ],
      ['here. not my phone', ['handoff.confirmMessage']],
      ['send', ['handoff.messageLeft']],
      [
        'actually no. delete everything incl that message. i dont trust it',
        ['data.confirmDelete'],
        ['fallback.notUnderstood'],
      ],
      ['yes erase it', ['data.deleted']],
    ] satisfies KeyTurn[],
  },
]);

describe('after an erase (issue 19, people10, HTTP)', () => {
  const served = useTestApp();

  for (const [index, { name, turns, welcomed }] of cases.entries()) {
    it(name, async () => {
      await playKeyTurns(served.url, `aftererase10-${index}`, `aftererase10-user-${index}`, welcomed, turns);
    });
  }

  for (const welcomed of [false, true]) {
    it(`Chris${welcomed ? ', welcomed' : ''}: "CJ. and that gets stored right" saves CJ and answers the question`, async () => {
      const say = await testPerson(served.url, `nickname10-${welcomed}`, welcomed);
      await playTurns(testContent().strings, say, [
        { say: 'choose a nickname', expect: ['nickname.ask'] },
        {
          say: 'CJ. and that gets stored right',
          expect: [['nickname.saved', { name: 'CJ' }], 'nickname.storedAnswer'],
          never: [/stored right\. I'll/],
        },
      ]);
    });
  }
});
