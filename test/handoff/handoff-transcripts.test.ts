import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { HandoffStore } from '../../src/handoff/handoff-store.js';
import { Conversation, RobustnessBot } from '../robustness/harness.js';
import { type StandInConnector, startConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import { containsReply, type Reply } from '../support/dialog-case.js';
import { changeTheMessage, MESSAGE } from './message-change.js';

const { strings } = testContent();
const text = (key: Parameters<typeof strings.text>[0]) => strings.text(key);
const CRISIS = 'I want to kill myself';
const KIM =
  "I'm a nurse, on leave for burnout and drinking more than I should. I'd like to talk to someone who gets it. Evenings are best.";
const KIM_WITHOUT =
  "I'm a nurse, on leave for burnout. I'd like to talk to someone who gets it. Evenings are best.";

/** A reply by key; '...' ends the check (the rest of that turn is not this test's). */
type Expected = Reply | '...';

/** A step: what the person types, and every message the bot sends back, in order, by key. */
type Step = [said: string, replies: readonly Expected[]];

/** A transcript through the whole bot (safety gate, menu, handoff), as data. */
interface HandoffCase {
  name: string;
  /** A peer specialist is on duty. */
  onDuty?: boolean;
  /** Web Chat shows buttons; SMS numbered lists. */
  channel?: 'webchat' | 'sms';
  steps: readonly Step[];
  /** The person's channel id (SMS: their phone number). */
  from?: string;
  /** No request is kept at the end (nothing typed was sent on). */
  nothingKept?: boolean;
  /** The message the specialist would get, once sent. */
  sent?: { text: string; contact: string };
  /** The conversation opens with a conversationUpdate (the welcome is not this test's). */
  join?: boolean;
  /** The same person later, in a new conversation: opened by a conversationUpdate or by a message. */
  again?: { join: boolean; steps: readonly Step[] };
}

/** The first message of a new conversation asking for a person, with nobody on duty. */
const askNobody: Step = [
  'I want to talk to a real person',
  ['firstMessage.disclosure', 'handoff.intro', 'handoff.nobodyNow', 'handoff.offerMessage'],
];
const toAlias: readonly Step[] = [askNobody, ['Leave a message', ['handoff.askAlias']]];
const toMessage: readonly Step[] = [...toAlias, ['Sam', ['handoff.askMessage']]];
const toContact: readonly Step[] = [...toMessage, [MESSAGE, ['handoff.askContact']]];
const toConfirm: readonly Step[] = [
  ...toContact,
  [
    'here in this chat',
    [['handoff.confirmMessage', { name: 'Sam', message: MESSAGE, contact: 'here in this chat' }]],
  ],
];
const toSent: readonly Step[] = [...toConfirm, ['Send it', ['handoff.messageLeft', 'menu.promptAgain']]];
const askOnDuty: Step = [
  'I want to talk to a real person',
  ['firstMessage.disclosure', 'handoff.intro', 'handoff.onDutyNow', 'handoff.askAlias'],
];
const consentTo = (summary: string): Reply => ['handoff.summaryAsk', { summary }];
const asked = consentTo(text('handoff.summaryAsked'));
/** A crisis message at a question: the crisis reply, then "Go back" asks the question again. */
const crisisThenBack = (question: Reply): Step[] => [
  [CRISIS, ['safety.callNow', 'crisis.intro', 'safety.choicePrompt']],
  [text('safety.goBack'), ['safety.backAgain', question]],
];

const cases: HandoffCase[] = [
  // Nobody on duty: said first, then "Would you like to leave a message?"
  { name: 'leave a message?: "yep" is yes', steps: [askNobody, ['yep', ['handoff.askAlias']]] },
  { name: 'leave a message?: "sure" is yes', steps: [askNobody, ['sure', ['handoff.askAlias']]] },
  {
    name: 'leave a message?: "nah" carries on, back at the menu',
    steps: [askNobody, ['nah', ['handoff.carryingOn', 'menu.promptAgain']]],
  },
  {
    name: 'leave a message?: a typo of "Crisis lines" shows them',
    steps: [askNobody, ['crisis lnes', ['crisis.intro', 'menu.promptAgain']]],
  },
  {
    name: 'leave a message?: "idk" twice gets two different re-asks, the second with the menu and a person',
    steps: [askNobody, ['idk', ['answers.retry']], ['idk', ['answers.stuck']]],
  },
  {
    name: 'leave a message?: a number where buttons show no numbers is not a pick',
    steps: [askNobody, ['2', ['answers.retry']]],
  },
  {
    name: 'leave a message?: in SMS the options are numbered, so "2" picks the crisis lines',
    channel: 'sms',
    steps: [askNobody, ['2', ['crisis.intro', 'menu.promptAgain']]],
  },
  {
    name: 'leave a message?: "back" has nothing before it: a re-ask naming the options',
    steps: [askNobody, ['back', ['answers.retry']]],
  },
  {
    name: 'leave a message?: a side question is answered, then the question again',
    steps: [
      askNobody,
      ['what is a peer specialist', ['flowQuestions.peerSpecialist', 'handoff.offerMessage']],
    ],
  },
  {
    name: 'leave a message?: a crisis message is answered first',
    steps: [askNobody, ...crisisThenBack('handoff.offerMessage')],
  },

  // The name for the message.
  {
    name: 'name: "ok" and "idk" are no names (two different re-asks), then a name',
    steps: [
      ...toAlias,
      ['ok', [['handoff.aliasNotName', {}, 0]]],
      ['idk', [['handoff.aliasNotName', {}, 1]]],
      ['Sam', ['handoff.askMessage']],
    ],
  },
  {
    name: 'name: a question about it is answered, not kept as the name',
    steps: [
      ...toAlias,
      ['why do you need my name?', [['handoff.aliasWhy', {}, 0]]],
      ['why does it matter', [['handoff.aliasWhy', {}, 1]]],
      ['J', ['handoff.askMessage']],
    ],
  },
  { name: 'name: a number is a name', steps: [...toAlias, ['22', ['handoff.askMessage']]] },
  {
    name: 'name: "back" returns to "leave a message?"',
    steps: [...toAlias, ['back', ['handoff.offerMessage']]],
  },
  {
    name: 'name: a crisis message is answered first',
    steps: [...toAlias, ...crisisThenBack('handoff.askAlias')],
  },

  // The message.
  {
    name: 'message: "idk", "yes" and "ok" are not a message (re-asks that differ)',
    steps: [
      ...toMessage,
      ['idk', [['handoff.messageRetry', {}, 0]]],
      ['yes', [['handoff.messageRetry', {}, 1]]],
      ['ok', [['handoff.messageRetry', {}, 0]]],
      [MESSAGE, ['handoff.askContact']],
    ],
  },
  { name: 'message: "back" asks the name again', steps: [...toMessage, ['back', ['handoff.askAlias']]] },
  {
    name: 'message: words that sound like a command are the message ("please call me back")',
    steps: [...toMessage, ['please call me back', ['handoff.askContact']]],
  },
  {
    name: 'message: a crisis message is answered first',
    steps: [...toMessage, ...crisisThenBack('handoff.askMessage')],
  },

  // How to reach them.
  {
    name: 'contact: "ok" is no way to reach them; a phone number is',
    steps: [
      ...toContact,
      ['ok', ['handoff.contactRetry']],
      ['555-0100', [['handoff.confirmMessage', { name: 'Sam', message: MESSAGE, contact: '555-0100' }]]],
    ],
  },
  ...['same as before', 'here is fine'].map(
    (said): HandoffCase => ({
      name: `contact: "${said}" is this chat, said so in the preview`,
      steps: [
        ...toContact,
        [
          said,
          [['handoff.confirmMessage', { name: 'Sam', message: MESSAGE, contact: text('handoff.thisChat') }]],
        ],
      ],
    }),
  ),
  ...(
    [
      ['You can call me Dee', 'Dee'],
      ['K is fine', 'K'],
    ] as const
  ).map(
    ([said, name]): HandoffCase => ({
      name: `name: "${said}" is ${name}, the name shown in the preview before sending`,
      steps: [
        ...toAlias,
        [said, ['handoff.askMessage']],
        [MESSAGE, ['handoff.askContact']],
        ['555-0100', [['handoff.confirmMessage', { name, message: MESSAGE, contact: '555-0100' }]]],
      ],
    }),
  ),
  { name: 'contact: "back" asks the message again', steps: [...toContact, ['back', ['handoff.askMessage']]] },

  // The message shown back before it is kept.
  {
    name: 'confirm: "yep" sends it',
    steps: [...toConfirm, ['yep', ['handoff.messageLeft', 'menu.promptAgain']]],
  },
  {
    // A person playing the bot asked a question first; her message was replaced by her next words.
    name: 'confirm: the answer in the last sentence ("Will they see my name? Yes, please send it.") sends it',
    steps: [
      ...toConfirm,
      ['Will they see my name as Janet? Yes, please send it.', ['handoff.messageLeft', 'menu.promptAgain']],
    ],
  },
  {
    name: 'confirm: "I do not wish to change it. Please send it as it is." sends it',
    steps: [
      ...toConfirm,
      ['I do not wish to change it. Please send it as it is.', ['handoff.messageLeft', 'menu.promptAgain']],
    ],
  },
  {
    name: 'confirm: a typo of "Send it" sends it',
    steps: [...toConfirm, ['sned it', ['handoff.messageLeft', 'menu.promptAgain']]],
  },
  {
    name: 'confirm: "no" asks which part; the message is asked again, then shown again with the rest kept',
    steps: [...toConfirm, ...changeTheMessage, ['Send it', ['handoff.messageLeft', 'menu.promptAgain']]],
  },
  // A message left waits: what people type then.
  ...['when will someone be on??', 'is anyone there', 'Hello?'].map(
    (said): HandoffCase => ({
      name: `waiting: "${said}" is answered honestly (no one can say when), not missed`,
      steps: [...toSent, [said, ['handoff.waitingAnswer']]],
    }),
  ),
  // Sam (people run 7), 11:30 pm with a request waiting: the lines that answer now come first.
  ...['i really need to talk to someone now', 'can i talk to a hotline person tonight'].map(
    (said): HandoffCase => ({
      name: `waiting: "${said}" gets the crisis lines, and the waiting request in one line`,
      steps: [...toSent, [said, ['crisis.intro', 'handoff.waitingNow', 'menu.promptAgain']]],
    }),
  ),
  // Sam (people run 7), 11:30 pm: questions about tonight are answered, and the message stays.
  {
    name: 'the name: Kim\'s "K" is her name, shown in the preview',
    steps: [
      ...toAlias,
      ['K', ['handoff.askMessage']],
      [MESSAGE, ['handoff.askContact']],
      ['here in this chat', [['handoff.confirmMessage', { name: 'K', message: MESSAGE }]]],
    ],
  },
  // Kim (people run 7): privacy asked mid-request is answered; the message is kept as it is.
  {
    name: 'confirm: "no. do you keep what I type or not" says what is kept; the message is not changed',
    steps: [
      ...toConfirm,
      ['no. do you keep what I type or not', ['privacy.whoSees']],
      ['Send it', ['handoff.messageLeft', 'menu.promptAgain']],
    ],
    sent: { text: MESSAGE, contact: 'here in this chat' },
  },
  {
    name: 'confirm: "will they answer tonight tho" is answered (nobody on duty), the message kept',
    steps: [
      ...toConfirm,
      ['will they answer tonight tho', ['handoff.howLongNobody']],
      ['Send it', ['handoff.messageLeft', 'menu.promptAgain']],
    ],
    sent: { text: MESSAGE, contact: 'here in this chat' },
  },
  {
    name: 'which part: "idk. nothing its fine. i asked if theyll answer tonight" answers, never replaces the message',
    steps: [
      ...toConfirm,
      ['change it', ['handoff.askWhichPart']],
      ['idk. nothing its fine. i asked if theyll answer tonight', ['handoff.howLongNobody']],
      ['send it', [['handoff.confirmMessage', { name: 'Sam', message: MESSAGE }]]],
      ['Send it', ['handoff.messageLeft', 'menu.promptAgain']],
    ],
    sent: { text: MESSAGE, contact: 'here in this chat' },
  },
  {
    name: 'confirm: "no. like a hotline or something" gets the lines, then a short line; the message kept',
    steps: [
      ...toConfirm,
      ['no. like a hotline or something', ['crisis.intro']],
      ['is there anyone else i can talk to tonight', ['handoff.linesAgain']],
      ['Send it', ['handoff.messageLeft', 'menu.promptAgain']],
    ],
    sent: { text: MESSAGE, contact: 'here in this chat' },
  },
  {
    name: 'leave a message?: "when will someone be on? its 11pm here" is answered, not kept as the message',
    steps: [
      askNobody,
      ['when will someone be on? its 11pm here', ['handoff.howLongNobody']],
      ['ok leave a message', ['handoff.askAlias']],
    ],
    nothingKept: true,
  },
  {
    name: 'waiting: "so will they answer tonight or not" at the menu is answered, with the request',
    steps: [
      ...toSent,
      [
        'so will they answer tonight or not',
        ['handoff.howLongNobody', 'handoff.waitingNow', 'menu.promptAgain'],
      ],
    ],
  },
  {
    name: 'waiting: "who else can i talk to tonight" gets the lines at once, no "did you mean"',
    steps: [
      ...toSent,
      ['who else can i talk to tonight', ['crisis.intro', 'handoff.waitingNow', 'menu.promptAgain']],
    ],
  },
  {
    name: 'waiting: "no. like a hotline or something" at a "did you mean" gets the lines and the request',
    steps: [
      ...toSent,
      ['idk what to do with myself till then', ['routing.confirm']],
      ['no. like a hotline or something', ['crisis.intro', 'handoff.waitingNow', 'menu.promptAgain']],
    ],
  },
  {
    name: 'no request: "no. like a hotline or something" at a "did you mean" gets the lines, after a conversationUpdate',
    join: true,
    steps: [
      ['idk what to do with myself till then', ['routing.confirm']],
      ['no. like a hotline or something', ['crisis.intro', 'menu.promptAgain']],
    ],
    nothingKept: true,
  },
  {
    name: 'waiting: "goodnight" is answered: the request stays open',
    steps: [...toSent, ['goodnight', ['handoff.waitingGoodnight']]],
  },
  {
    name: 'waiting: a second "talk to a person" says one waits; "change it" shows the message to add to',
    steps: [
      ...toSent,
      ['can I talk to a real person', ['handoff.alreadyWaitingAsk']],
      ['change it', [['handoff.askMessageAgain', { message: MESSAGE }]]],
      ['and I work mornings', ['handoff.askContact']],
      // An addition is added to the end (the eighth people run: Dee's first words were lost).
      ['here', [['handoff.confirmMessage', { name: 'Sam', message: `${MESSAGE} And I work mornings` }]]],
    ],
  },
  {
    name: 'waiting: a second request kept as it is says so; a typo of "Withdraw" withdraws nothing',
    steps: [
      ...toSent,
      ['talk to a person', ['handoff.alreadyWaitingAsk']],
      ['withdrw', ['answers.retry']],
      ['keep it', ['handoff.alreadyWaiting', 'menu.promptAgain']],
    ],
  },
  {
    name: 'waiting: "Withdraw it" withdraws it and says the message is deleted',
    steps: [
      ...toSent,
      ['talk to a person', ['handoff.alreadyWaitingAsk']],
      ['withdraw it', ['handoff.cancelled', 'menu.promptAgain']],
      ['talk to a person', ['handoff.intro', 'handoff.nobodyNow', 'handoff.offerMessage']],
    ],
  },
  {
    name: 'confirm: "back" asks how to reach them again',
    steps: [...toConfirm, ['back', ['handoff.askContact']]],
  },
  {
    name: 'confirm: "idk" gets a re-ask naming the options',
    steps: [...toConfirm, ['idk', ['answers.retry']]],
  },
  {
    name: 'confirm: a crisis message is answered first',
    steps: [
      ...toConfirm,
      ...crisisThenBack([
        'handoff.confirmMessage',
        { name: 'Sam', message: MESSAGE, contact: 'here in this chat' },
      ]),
    ],
  },

  // A message left waits, and the person comes back in a new conversation (Web Chat reopened,
  // Teams after its state was gone): asking again says one waits, when, and what it says.
  ...[false, true].flatMap((join): HandoffCase[] => {
    const opened = join ? 'after a conversationUpdate' : 'starting with a message';
    const first: Reply[] = join ? [] : ['firstMessage.disclosure'];
    const waits: Reply = [
      'handoff.alreadyWaitingAsk',
      { message: ` ${strings.text('handoff.waitingSays', { message: MESSAGE })}` },
    ];
    return [
      {
        name: `waiting, new conversation ${opened}: "talk to a person" says one waits and what it says; "keep it" keeps one`,
        steps: toSent,
        again: {
          join,
          steps: [
            ['talk to a person', [...first, waits]],
            ['keep it', ['handoff.alreadyWaiting', 'menu.promptAgain']],
            ['when will someone answer', ['handoff.waitingAnswer']],
          ],
        },
      },
      {
        name: `waiting, new conversation ${opened}: "Has the peer specialist answered my message yet?" says it waits`,
        steps: toSent,
        again: {
          join,
          steps: [
            ['Has the peer specialist answered my message yet?', [...first, 'handoff.waitingAnswer']],
            ['ok thanks. goodnight', ['handoff.waitingGoodnight']],
          ],
        },
      },
      {
        name: `waiting, new conversation ${opened}: "Withdraw it" withdraws the one from before`,
        steps: toSent,
        again: {
          join,
          steps: [
            ['i want to talk to a real person', [...first, waits]],
            ['withdraw it', ['handoff.cancelled', 'menu.promptAgain']],
            ['talk to a person', ['handoff.intro', 'handoff.nobodyNow', 'handoff.offerMessage']],
          ],
        },
      },
    ];
  }),

  // Leaving said first, then why, at every step: nothing typed is kept as a name or a message.
  ...(
    [
      ['the offer', [askNobody]],
      ['the name', toAlias],
      ['the message', toMessage],
      ['how to reach them', toContact],
      ['the preview', toConfirm],
      ['which part', [...toConfirm, ['Change it', ['handoff.askWhichPart']]]],
    ] satisfies [string, readonly Step[]][]
  ).flatMap(([step, before]): HandoffCase[] =>
    [
      'Cancel, please. I said I do not want a second message.',
      'stop. i didnt want to leave a new message',
      'Never mind. I will wait for the one I left.',
    ].map((said) => ({
      name: `${step}: "${said}" leaves it, and nothing is kept`,
      steps: [...before, [said, ['interruptions.cancelled', 'menu.promptAgain']]],
      nothingKept: true,
    })),
  ),
  {
    name: 'on duty, the consent: "Cancel, please. I changed my mind." leaves it',
    onDuty: true,
    steps: [
      askOnDuty,
      ['Sam', [asked]],
      ['Cancel, please. I changed my mind.', ['interruptions.cancelled', 'menu.promptAgain']],
    ],
  },
  {
    name: 'already waiting: "Stop. I only wanted to know if it was read." leaves it waiting',
    steps: [
      ...toSent,
      ['talk to a person', ['handoff.alreadyWaitingAsk']],
      ['Stop. I only wanted to know if it was read.', ['interruptions.cancelled', 'menu.promptAgain']],
      ['talk to a person', ['handoff.alreadyWaitingAsk']],
    ],
  },

  // A way to reach them with no number: asked for once, never kept empty.
  {
    name: 'contact: "phone. call me" asks for the number once; the number is kept with it',
    steps: [
      ...toContact,
      ['phone. call me', ['handoff.askContactDetail']],
      ['555-201-4477', [['handoff.confirmMessage', { contact: 'phone. call me: 555-201-4477' }]]],
      ['send it', ['handoff.messageLeft', 'menu.promptAgain']],
    ],
    sent: { text: MESSAGE, contact: 'phone. call me: 555-201-4477' },
  },
  {
    name: 'contact: "text me" then no number is this chat, said so, never an empty way',
    steps: [
      ...toContact,
      ['text me', ['handoff.askContactDetail']],
      [
        'idk my number',
        ['handoff.contactHereForNow', ['handoff.confirmMessage', { contact: 'here in this chat' }]],
      ],
    ],
  },
  {
    name: 'contact: "back" at the number asks how to reach them again',
    steps: [...toContact, ['email', ['handoff.askContactDetail']], ['back', ['handoff.askContact']]],
  },
  {
    name: 'contact: "Here in this chat is fine. I would rather not give my telephone number." is this chat',
    steps: [
      ...toContact,
      ['Here in this chat is fine. I would rather not give my telephone number.', ['handoff.confirmMessage']],
    ],
  },
  {
    name: 'contact in SMS: "call me" uses the number the channel knows',
    channel: 'sms',
    from: '+15552014477',
    steps: [...toContact, ['call me', [['handoff.confirmMessage', { contact: 'call me: +15552014477' }]]]],
  },

  // Kim: the first part answers the step, the rest takes part of her message out, shown before sending.
  {
    name: 'contact: "here is fine. actually can you delete what i said about drinking?" answers and takes that part out',
    steps: [
      ...toAlias,
      ['Kay', ['handoff.askMessage']],
      [KIM, ['handoff.askContact']],
      [
        "here is fine. actually can you delete what i said about drinking? i don't want that written down",
        [
          'handoff.tookOut',
          ['handoff.confirmMessage', { message: KIM_WITHOUT, contact: 'here in this chat' }],
        ],
      ],
      ['send it', ['handoff.messageLeft', 'menu.promptAgain']],
    ],
    sent: { text: KIM_WITHOUT, contact: 'here in this chat' },
  },
  {
    name: 'preview: "no don\'t send that. change it. take out the drinking part" takes it out',
    steps: [
      ...toAlias,
      ['Kay', ['handoff.askMessage']],
      [KIM, ['handoff.askContact']],
      ['here in this chat', ['handoff.confirmMessage']],
      [
        "no don't send that. change it. take out the drinking part",
        ['handoff.tookOut', ['handoff.confirmMessage', { message: KIM_WITHOUT }]],
      ],
    ],
  },

  // Questions about the specialists, at any step: answered, then the step goes on.
  ...(
    [
      ['the offer', [askNobody]],
      ['the name', toAlias],
      ['the message', toMessage],
      ['how to reach them', toContact],
      ['the preview', toConfirm],
    ] satisfies [string, readonly Step[]][]
  ).flatMap(([step, before]): HandoffCase[] =>
    (
      [
        [
          'ok but who are the peer specialists. do they work for my hospital or are they separate',
          'handoff.whoTheyAre',
        ],
        ['are they real people?', 'handoff.whoTheyAre'],
        // Nobody is on duty at these steps: the answer says so.
        ['how long will it take', 'handoff.howLongNobody'],
      ] as const
    ).map(([said, answer]) => ({
      name: `${step}: "${said}" is answered, then the step goes on`,
      steps: [...before, [said, [[answer, {}]]]],
      nothingKept: true,
    })),
  ),
  {
    name: 'on duty, the name: "how long will it take" is answered without "nobody is on duty"',
    onDuty: true,
    steps: [askOnDuty, ['how long will it take', ['handoff.howLong']]],
    nothingKept: true,
  },
  {
    name: 'already waiting: "who are the peer specialists?" and "is it still waiting?" are answered; "keep it" keeps it',
    steps: [
      ...toSent,
      ['talk to a person', ['handoff.alreadyWaitingAsk']],
      ['who are the peer specialists?', ['handoff.whoTheyAre']],
      [
        'i already left one yesterday. is it still waiting? i dont want to send two',
        ['handoff.waitingAnswer'],
      ],
      ['keep it', ['handoff.alreadyWaiting', 'menu.promptAgain']],
    ],
  },
  {
    name: 'the message: "i dont know how long i can keep going like this" is the message, not a question',
    steps: [
      ...toMessage,
      ['i dont know how long i can keep going like this', ['handoff.concernKept', 'handoff.askContact']],
    ],
  },

  // Someone on duty: the name, then consent to a summary of how they came to ask.
  {
    name: 'on duty: name, "sure" shares the summary, queued',
    onDuty: true,
    steps: [askOnDuty, ['Sam', [asked]], ['sure', ['handoff.queued', 'menu.promptAgain']]],
  },
  {
    name: 'on duty: "nah" does not share, still queued',
    onDuty: true,
    steps: [askOnDuty, ['Sam', [asked]], ['nah', ['handoff.queued', 'menu.promptAgain']]],
  },
  {
    name: 'on duty: "back" at the consent asks the name again; at the name there is nothing before',
    onDuty: true,
    steps: [
      askOnDuty,
      ['Sam', [asked]],
      ['back', ['handoff.askAlias']],
      ['back', ['answers.nothingBefore', 'handoff.askAlias']],
      ['Sam', [asked]],
    ],
  },
  {
    name: 'on duty: a typo of "Don\'t share" does not share',
    onDuty: true,
    steps: [askOnDuty, ['Sam', [asked]], ['dont shaer', ['handoff.queued', 'menu.promptAgain']]],
  },
  {
    name: 'on duty: a crisis message at the consent is answered first',
    onDuty: true,
    steps: [askOnDuty, ['Sam', [asked]], ...crisisThenBack(asked)],
  },

  // The summary says how the person came to ask, never their words.
  {
    name: 'summary: the menu button',
    onDuty: true,
    steps: [
      ['hi', ['firstMessage.disclosure', 'smallTalk.greeting', 'menu.prompt']],
      ['Talk to a person', ['handoff.intro', 'handoff.onDutyNow', 'handoff.askAlias']],
      ['Sam', [consentTo(text('handoff.summaryMenu'))]],
    ],
  },
  {
    name: 'summary: after the menu missed twice',
    onDuty: true,
    steps: [
      ['hi', ['firstMessage.disclosure', 'smallTalk.greeting', 'menu.prompt']],
      ['zzz', ['fallback.notUnderstood']],
      ['qqq', ['fallback.stuck']],
      ['Talk to a person', ['handoff.intro', 'handoff.onDutyNow', 'handoff.askAlias']],
      ['Sam', [consentTo(`${text('handoff.summaryMenu')} ${text('handoff.summaryMisunderstood')}`)]],
    ],
  },
  {
    name: 'summary: during an accommodation request',
    onDuty: true,
    steps: [
      ['I need an accommodation at work', ['firstMessage.disclosure', '...']],
      ['actually can I talk to a real person', ['handoff.intro', 'handoff.onDutyNow', 'handoff.askAlias']],
      [
        'Sam',
        [consentTo(strings.text('handoff.summaryDuring', { flow: text('handoff.flowAccommodation') }))],
      ],
    ],
  },
  {
    // The flow left (pausedIn) says where they were; its open question's missed tries say the rest.
    name: 'summary: during an accommodation request whose question had missed an answer',
    onDuty: true,
    steps: [
      ['I need an accommodation at work', ['firstMessage.disclosure', '...']],
      ['zzz', ['...']],
      ['actually can I talk to a real person', ['handoff.intro', 'handoff.onDutyNow', 'handoff.askAlias']],
      [
        'Sam',
        [
          consentTo(
            `${strings.text('handoff.summaryDuring', { flow: text('handoff.flowAccommodation') })} ${text('handoff.summaryMisunderstood')}`,
          ),
        ],
      ],
    ],
  },
  {
    name: 'summary: after finding peer groups',
    onDuty: true,
    steps: [
      ['find a group', ['firstMessage.disclosure', 'peerGroups.intro', 'peerGroups.askFocus']],
      ['Alcohol', ['peerGroups.askApproach']],
      ['No preference', ['peerGroups.askFormat']],
      ['Online', ['peerGroups.askWhen']],
      ['Any time', ['peerGroups.askMedication']],
      ['Skip', ['peerGroups.resultsIntro', '...']],
      [text('peerGroupChoices.connectPeer'), ['handoff.intro', 'handoff.onDutyNow', 'handoff.askAlias']],
      ['Sam', [consentTo(strings.text('handoff.summaryAfter', { flow: text('handoff.flowPeerGroup') }))]],
    ],
  },
];

describe('handoff transcripts: every question, typed answers, through the whole bot', function () {
  this.timeout(60_000);
  let connector: StandInConnector;
  const bots = new Map<string, RobustnessBot>();
  before(async () => {
    connector = await startConnector();
  });
  after(() => connector.close());

  for (const testCase of cases) {
    it(testCase.name, async () => {
      const channel = testCase.channel ?? 'webchat';
      const bot = bots.get(channel) ?? new RobustnessBot(channel);
      bots.set(channel, bot);
      await bot.specialistOnDuty(testCase.onDuty ? connector.url : undefined);
      const conversation = testCase.from
        ? new Conversation(bot, `c-${testCase.from}`, testCase.from)
        : bot.conversation();
      if (testCase.join) await conversation.join();
      await play(conversation, testCase.steps);
      const store = new HandoffStore(bot.storage);
      const codes = await store.codesOf(conversation.userKey);
      if (testCase.nothingKept) assert.deepEqual(codes, [], 'nothing typed is kept');
      if (testCase.sent) {
        const request = (await store.request(codes.at(-1) ?? ''))?.request;
        assert.deepEqual(request?.leftMessage, testCase.sent, 'the message as the person last saw it');
      }
      if (!testCase.again) return;
      const later = bot.conversation(conversation);
      if (testCase.again.join) await later.join();
      await play(later, testCase.again.steps, 'again, ');
      assert.equal((await store.codesOf(later.userKey)).length, 1, 'one request, never a second');
    });
  }

  it('a message left with nobody on duty is kept with the name and contact, and no summary', async () => {
    const bot = new RobustnessBot();
    const conversation = bot.conversation();
    for (const [said] of toConfirm) await conversation.say(said);
    const store = new HandoffStore(bot.storage);
    assert.deepEqual(await store.openCodes(), [], 'nothing is kept before they confirm');
    await conversation.say('Send it');
    const [code = ''] = await store.openCodes();
    const request = (await store.request(code))?.request;
    assert.equal(request?.member.alias, 'Sam');
    assert.deepEqual(request?.leftMessage, { text: MESSAGE, contact: 'here in this chat' });
    assert.equal(request?.summary, undefined, 'nothing beyond what they typed for the specialist');
    assert.equal(request?.topic, text('features.handoff'), 'the topic names no flow without consent');
  });
});

/** Plays `steps`, checking every reply; never the same words twice in a row. */
async function play(conversation: Conversation, steps: readonly Step[], label = ''): Promise<void> {
  let before = '';
  for (const [index, [said, expected]] of steps.entries()) {
    const replies = await conversation.say(said);
    const where = `${label}step ${index + 1} (${JSON.stringify(said)})`;
    assertReplies(replies, expected, where);
    for (const reply of replies) {
      assert.notEqual(reply.text, before, `${where}: the same text twice in a row`);
      before = reply.text ?? '';
    }
  }
}

function assertReplies(
  replies: readonly Partial<Activity>[],
  expected: readonly Expected[],
  where: string,
): void {
  const texts = replies.map((reply) => reply.text ?? '');
  for (const [i, want] of expected.entries()) {
    if (want === '...') return;
    const got = texts[i];
    assert.ok(
      got !== undefined,
      `${where}: expected ${JSON.stringify(want)}, got no reply in ${JSON.stringify(texts)}`,
    );
    assert.ok(
      containsReply(strings, want, got),
      `${where}: expected ${JSON.stringify(want)} in ${JSON.stringify(got)}`,
    );
  }
  assert.equal(
    texts.length,
    expected.length,
    `${where}: unexpected extra replies ${JSON.stringify(texts.slice(expected.length))}`,
  );
}
