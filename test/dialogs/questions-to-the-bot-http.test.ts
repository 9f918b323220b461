import type { KeyTurn } from '../support/dialog-case.js';
import { playKeyTurns } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// Issue 18, typed6: questions to the bot inside a step, commands typed at any question, and the
// menu's plain words, as people of the fifth people run typed them (Pat, Rosa, Sam, Kim).

/** The handoff's message typed up to its last question, nobody on duty. */
const toMessage: KeyTurn[] = [
  ['talk to a person', ['handoff.offerMessage']],
  ['leave a message', ['handoff.askAlias']],
  ['Sam', ['handoff.askMessage']],
];

const cases: { name: string; turns: KeyTurn[]; welcomed?: boolean }[] = [
  {
    name: 'Kim, Sam: "why do you need that?" and "crisis lines" at the message are answered, then it is asked again, never kept',
    turns: [
      ...toMessage,
      ['why do you need that?', ['handoff.messageWhy', 'handoff.askMessage'], ['handoff.askContact']],
      // Kim, Sam: a shrug about what to write gets help with it, and is never the message.
      ['idk what to put', ['handoff.messageRetry'], ['handoff.askContact']],
      ['crisis lines', ['crisis.intro', 'handoff.askMessage'], ['handoff.askContact']],
      ["i've been struggling a lot lately and nights are the worst", ['handoff.askContact']],
      ['whats that for', ['handoff.contactWhy', 'handoff.askContact'], ['handoff.confirmMessage']],
      ['here', ['handoff.confirmMessage']],
      ['send it', ['handoff.messageLeft']],
      // Sam at 11 pm, with the message sent: the waiting answer (no hours known; 988 now).
      ['what do i do til then', ['handoff.waitingAnswer'], ['fallback.stuck']],
      ['what now', ['handoff.waitingAnswer'], ['fallback.stuck']],
      ['so when do they come on. tomorrow morning?', ['handoff.waitingAnswer'], ['fallback.notUnderstood']],
    ],
  },
  {
    name: 'a question to the bot at a safety-plan entry is answered and not added',
    turns: [
      ['make a safety plan'],
      ["yes, let's start"],
      ['i stop eating', ['safetyPlan.added', 'safetyPlan.more']],
      ['what did you add', ['safetyPlan.showPart', 'safetyPlan.more'], ['safetyPlan.added']],
      ['why do you need that?', ['answers.sideWhy', 'safetyPlan.more'], ['safetyPlan.added']],
    ],
  },
  {
    name: 'Sam: "i need the hotline" at an appointment question gives the lines, then the question again',
    turns: [
      ['I see my counselor on May 20 at 3pm', ['appointment.askGoal']],
      ['i need the hotline', ['crisis.intro', 'appointment.askGoal'], ['fallback.notUnderstood']],
    ],
  },
  {
    name: 'Kim: "delete what i said" asks to erase, twice missed or not, never a 988 "trouble understanding"',
    turns: [
      ['the first version, with nurse in it. is that gone?'],
      ['delete what i said', ['data.confirmDelete'], ['fallback.stuck']],
      // "delete my data" said again at its own question is an answer to it, not a second question.
      [
        'ugh. you said type delete my data. but i dont want to cancel my message to the person. will it erase that too?',
        ['data.confirmRetry'],
        ['data.confirmDelete'],
      ],
      ['no keep it', ['data.keptData'], ['data.confirmDelete', 'data.confirmRetry']],
    ],
  },
  {
    name: 'Kim: privacy in her words is the privacy answer',
    turns: [
      ['can my manager see it', ['privacy.whoSees', 'privacy.workplace']],
      ['who can read this', ['privacy.whoSees']],
    ],
  },
  ...[false, true].map((welcomed) => ({
    name: `Pat at the menu${welcomed ? ', welcomed' : ''}: "letter", "job", "back" and a goodbye in thanks`,
    welcomed,
    turns: [
      ['letter', ['accommodation.intro'], ['fallback.notUnderstood']],
      ['menu'],
      ['job', ['accommodation.intro'], ['fallback.notUnderstood']],
      ['menu'],
      ['back', ['menu.nothingBack'], ['fallback.notUnderstood', 'fallback.stuck']],
      ["i'm finished. thanks that actually helped", ['smallTalk.goodbye'], ['fallback.notUnderstood']],
    ] satisfies KeyTurn[],
  })),
];

describe('questions to the bot and commands typed at any question (issue 18, HTTP)', () => {
  const served = useTestApp();

  for (const [index, { name, turns, welcomed }] of cases.entries()) {
    it(name, async () => {
      await playKeyTurns(served.url, `typed6-${index}`, `typed6-user-${index}`, welcomed ?? false, turns);
    });
  }
});
