import assert from 'node:assert/strict';
import { testContent } from '../support/content.js';
import type { KeyTurn } from '../support/dialog-case.js';
import { directLineSeen, exchange, playKeyTurns, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// The ninth people run (issues 18/19): words typed beside the task, in the people's own words,
// each answered for what it is, never kept as an answer nor met with "didn't catch that".

const missed = ['fallback.notUnderstood', 'fallback.stuck'] as const;

/** Kim's request, made up to the question for her message. */
const toMessage: KeyTurn[] = [
  ['talk to a person', ['handoff.offerMessage']],
  ['leave a message', ['handoff.askAlias']],
  ['K', ['handoff.askMessage']],
];

const people: { name: string; turns: KeyTurn[] }[] = [
  {
    name: 'Ray at the menu: naloxone questions get the naloxone answer, no dosing, never "didn\'t catch that"',
    turns: [
      ['should i be carrying narcan myself or is that overkill', ['asides.naloxoneAnswer'], missed],
      [
        'in the meantime is there anything i should do if i use. like so i dont end up like him',
        ['asides.naloxoneAnswer'],
        missed,
      ],
      ['narcan', ['asides.naloxoneAnswer'], missed],
    ],
  },
  {
    name: "Luis: a public defender's number we do not have is said plainly, with where it is usually found",
    turns: [
      ['whats the number for the public defender', ['asides.noNumberAnswer'], missed],
      ['is there a number for the public defender office i lost it', ['asides.noNumberAnswer'], missed],
    ],
  },
  {
    name: 'Janet, Pat, Chris: feeling judged and frustration are acknowledged; a polite goodbye is a goodbye',
    turns: [
      ['I am beginning to feel judged', ['asides.judgedAnswer'], missed],
      ['nvm this is kinda useless', ['asides.frustratedAnswer'], missed],
      ['you lied', ['asides.frustratedAnswer'], missed],
      ['Thank you, that is all for today. Goodbye.', ['smallTalk.goodbye'], ['appointment.intro', ...missed]],
      ['Goodbye, and have a pleasant day.', ['smallTalk.goodbye'], missed],
    ],
  },
  {
    name: 'Janet inside a flow: "I am beginning to feel judged here as well." is heard, then the question again',
    turns: [
      ['appointment prep', ['appointment.intro']],
      [
        'That does not answer my question. I am beginning to feel judged here as well.',
        ['asides.judgedAnswer'],
        missed,
      ],
    ],
  },
  {
    name: 'a wrong guess, then "no": the guess owned, not a bare menu',
    turns: [
      ['i need help with my landlord being loud', ['routing.confirm']],
      ['no', ['routing.guessWrong'], missed],
    ],
  },
  {
    name: 'Marcus: "need later start thurs for iop" starts the accommodation request',
    turns: [['need later start thurs for iop', ['accommodation.intro'], ['menu.prompt']]],
  },
  {
    name: 'Sam: "i dont want a crisis line" with a peer asked for gets the peer offer, not the lines',
    turns: [
      [
        'cant sleep again. i dont want a crisis line i just want to talk to an actual peer',
        ['handoff.offerMessage'],
        ['crisis.intro'],
      ],
      ['no', ['handoff.carryingOn']],
      ['i literally said no crisis line. a PEER', ['handoff.offerMessage'], ['crisis.intro', ...missed]],
    ],
  },
  {
    name: 'Kim: a question at the message is answered, never kept; "dont keep that" keeps nothing',
    turns: [
      ...toMessage,
      [
        'are the peer people hospital employees? like could they know my coworkers',
        ['handoff.whoTheyWorkFor', 'handoff.askMessage'],
        ['handoff.askContact'],
      ],
      [
        'wait what? that was a question for you, not a message. dont keep that',
        ['handoff.notKept', 'handoff.askMessage'],
        ['handoff.askContact'],
      ],
      ['who will read this, one person or a bunch', ['handoff.whoReadsIt'], ['handoff.askContact']],
      ['im going back to work after 3 months of leave and i feel nervous', ['handoff.askContact']],
      // Said after the message was kept: the message is taken out and asked for again.
      ['that was for you, dont keep that', ['handoff.tookOutMessage', 'handoff.askMessage']],
      ['im going back to work after leave and want to talk it through', ['handoff.askContact']],
      ['here', ['handoff.confirmMessage']],
      ['send it', ['handoff.messageLeft']],
    ],
  },
  {
    name: 'Ray: his story after "yeah." is his message and "name is ray" his name; nothing asked twice',
    turns: [
      ['connect me to a peer', ['handoff.offerMessage']],
      [
        "yeah. tell them my friend od'd last night on pills, he got narcan and hes ok now. it scared the hell out of me. i use too sometimes. name is ray",
        ['handoff.askContact'],
        ['handoff.askAlias', 'handoff.askMessage'],
      ],
      ['here', ['handoff.confirmMessage']],
    ],
  },
  {
    name: 'Sam, waiting: "if i close this" is answered',
    turns: [
      ...toMessage,
      ['i want to talk about going back to school after a long break', ['handoff.askContact']],
      ['here', ['handoff.confirmMessage']],
      ['send it', ['handoff.messageLeft']],
      ['ok ill try to sleep. will they msg me here tomorrow if i close this', ['handoff.closeIt'], missed],
      ['still nothing?', ['handoff.waitingAnswer'], missed],
    ],
  },
  {
    name: 'Luis: "does a real person work here? i want a person" inside the appointment plan leaves for a person',
    turns: [
      ['appointment prep', ['appointment.intro']],
      ['lawyer', []],
      ['does a real person work here? i want a person', ['handoff.offerMessage']],
    ],
  },
  {
    name: 'Tyler: "delete my letter" is one saved item, never all the data',
    turns: [
      ['how do i delete my letter', ['data.deleteOneItem'], ['data.confirmDelete', ...missed]],
      ['delete my letter', ['data.deleteOneItem'], ['data.confirmDelete']],
    ],
  },
  {
    name: 'Kim: a number added at the preview is added; "change how to reach me: ..." is the way alone',
    turns: [
      ...toMessage,
      ['im going back to work after leave and want to talk it through', ['handoff.askContact']],
      ['change how to reach me: text 555-0199', ['handoff.confirmMessage']],
      ['they can text 555-0100 too', ['handoff.confirmMessage'], ['handoff.askWhichPart']],
    ],
  },
  {
    name: 'Kim: "can you delete what i said about hospital IT" at the offer says nothing is kept yet',
    turns: [
      ['talk to a person', ['handoff.offerMessage']],
      [
        'can you delete what i said about hospital IT',
        ['handoff.nothingKeptYet', 'handoff.offerMessage'],
        missed,
      ],
    ],
  },
  {
    name: 'Kim, with her message sent: "edit my message" finds it; "is the old version gone" is answered',
    turns: [
      ...toMessage,
      ['im going back to work after leave and want to talk it through', ['handoff.askContact']],
      ['here', ['handoff.confirmMessage']],
      ['send it', ['handoff.messageLeft']],
      ['edit my message', ['handoff.alreadyWaitingAsk'], missed],
      ['keep it as it is', []],
      [
        'is the old version with the hospital stuff gone for real? not in some log?',
        ['asides.oldVersionAnswer'],
        missed,
      ],
      ['why 3 records? i only sent one message', ['data.intro'], missed],
    ],
  },
  {
    name: 'Chris: his delete requests are heard; his boss question gets a plain answer first, alone when asked again',
    turns: [
      ['delete my data. all of it', ['data.confirmDelete']],
      ['no', ['data.keptData']],
      ['delete everything. all my data', ['data.confirmDelete']],
      ['what are the 3 other records', ['data.intro', 'data.confirmDelete']],
      ['no', ['data.keptData']],
      ['can my boss see it', ['privacy.employerAnswer', 'privacy.kept']],
      ['yes or no, can my employer read this teams chat', ['privacy.employerAnswerTeams'], ['privacy.kept']],
    ],
  },
];

const cases = [false, true].flatMap((welcomed) =>
  people.map((person) => ({ ...person, welcomed, name: `${person.name}${welcomed ? ' (welcomed)' : ''}` })),
);

describe('asides and requests typed beside the task (ninth people run, HTTP)', () => {
  const served = useTestApp();

  for (const [index, { name, turns, welcomed }] of cases.entries()) {
    it(name, async () => {
      await playKeyTurns(served.url, `aside9-${index}`, `aside9-user-${index}`, welcomed, turns);
    });
  }

  it('Kim: the preview keeps both numbers, and no words of the step', async () => {
    const say = (text: string) => directLineSeen(served.url, 'aside9-contact', 'aside9-kim', text);
    for (const [text] of toMessage) await say(text);
    await say('im going back to work after leave and want to talk it through');
    const first = await say('change how to reach me: text 555-0199');
    assert.ok(first.includes('How to reach you: text 555-0199'), first);
    const both = await say('they can text 555-0100 too');
    assert.ok(both.includes('555-0199') && both.includes('555-0100'), both);
  });

  // Chris in Teams: "can my boss see it" names no Teams, but the chat is in Teams.
  it('Chris in Teams: "can my boss see it" says the organization\'s Teams rules apply', async () => {
    const { strings } = testContent();
    const conversation = { id: 'aside9-teams', conversationType: 'personal', isGroup: false, name: '' };
    const say = (text: string) =>
      testActivity('aside9-teams', { text, channelId: 'msteams', conversation }, 'teams-chris');
    await exchange(served.url, say('hi'));
    const replies = await exchange(served.url, say('can my boss see it'));
    const text = replies.map((reply) => reply.text ?? '').join('\n\n');
    assert.ok(text.startsWith(strings.text('privacy.employerAnswerTeams')), text);
  });
});
