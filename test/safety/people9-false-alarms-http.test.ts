import type { StringKey } from '../../src/content/strings.js';
import type { KeyTurn } from '../support/dialog-case.js';
import { playKeyTurns } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

/** A conversation to play, typed turn by typed turn, as the ninth people run's players wrote it. */
interface Played {
  name: string;
  turns: readonly KeyTurn[];
}

const crisis: StringKey[] = ['safety.callNow', 'safety.stepGeneral'];
const checkIn: StringKey = 'safety.confirm';
const concern: StringKey = 'safety.concernAsk';
const planOffer: StringKey = 'safetyPlan.offerAfterSafe';

// Janet: a question about her medication with "I do not want to be a burden" got the check-in
// (fair), then "No, I am safe. I meant..." got the full crisis script.
const JANET_ASKS =
  'I see. Should I stop my medication so that I fit in better at these groups? I do not want to be a burden.';
const JANET_SAFE =
  'No, I am safe. I meant that I do not want to be a burden to the group. I am asking about my medication.';
const JANET_AGAIN =
  'I am not in any danger. I said I am safe. Please, I only wanted to know about my medication and the groups.';

const cases: readonly Played[] = [
  {
    name: 'Sam, waiting for a peer (tenth run): "no im fine. not like that. just lonely" answers the check-in, and his next question gets no crisis reply',
    turns: [
      ['i want to talk to a peer specialist'],
      ['leave a message'],
      ['sam'],
      ['cant sleep, feel alone, 8 months sober and nights are the worst'],
      ['here'],
      ['send'],
      ['nvm. is anyone even awake. how long do ppl usually wait', [checkIn]],
      ['no im fine. not like that. just lonely', ['safety.safeThanks'], crisis],
      ['how long do ppl usually wait', [], [...crisis, checkIn]],
    ],
  },
  {
    name: 'Chris (tenth run): "wtf no. im asking about my data" is a no to the check-in',
    turns: [
      [JANET_ASKS, [checkIn]],
      ['wtf no. im asking about my data', ['safety.safeThanks'], crisis],
    ],
  },
  {
    name: 'Janet: "No, I am safe. I meant ... a burden to the group": believed, her medication question handed back',
    turns: [
      ['I would like to find a support group'],
      [JANET_ASKS, [checkIn]],
      [JANET_SAFE, ['safety.safeThanks', 'advice.medical'], [...crisis, checkIn]],
    ],
  },
  {
    name: 'a near neighbour: "no im safe, i just meant i dont want to be a burden to my group" is a clear no',
    turns: [
      [JANET_ASKS, [checkIn]],
      ['no im safe, i just meant i dont want to be a burden to my group', ['safety.safeThanks'], crisis],
    ],
  },
  {
    name: 'danger said in the answer is not swallowed: "no. i feel like a burden to my family"',
    turns: [
      [JANET_ASKS, [checkIn]],
      ['no. i feel like a burden to my family', crisis, ['safety.safeThanks']],
    ],
  },
  {
    name: 'danger said in the answer is not swallowed: "I\'m safe now but I have the pills with me"',
    turns: [
      [JANET_ASKS, [checkIn]],
      ["I'm safe now but I have the pills with me", crisis, ['safety.safeThanks']],
    ],
  },
  {
    name: 'Janet: "I said I am safe" after a crisis reply is believed: thanks and back, no plan pushed',
    turns: [
      ['everyone would be better off without me', [checkIn]],
      ['idk', crisis],
      [JANET_AGAIN, ['safety.safeThanks'], [planOffer, ...crisis]],
    ],
  },
  {
    name: '"i\'m safe now" after a crisis reply still offers the plan (not a restatement)',
    turns: [
      ['everyone would be better off without me', [checkIn]],
      ['idk', crisis],
      ["ok i'm safe now", ['safety.safeNow', planOffer]],
    ],
  },
  {
    name: 'Janet: "Done. Thank you for your time. Goodbye." is a goodbye, not a goodbye note',
    turns: [['Done. Thank you for your time. Goodbye.', ['smallTalk.goodbye'], [checkIn, ...crisis]]],
  },
  {
    name: 'Janet: "Thank you for your help. I appreciate it. Goodbye, and have a pleasant day." is a goodbye',
    turns: [
      [
        'Thank you for your help. I appreciate it. Goodbye, and have a pleasant day.',
        ['smallTalk.goodbye'],
        [checkIn, ...crisis],
      ],
    ],
  },
  {
    name: 'a farewell with finality keeps its check-in: "thanks for everything, bye forever"',
    turns: [['thanks for everything, bye forever', [checkIn], ['smallTalk.goodbye']]],
  },
  {
    name: 'a farewell with finality keeps its check-in: "ok thanks for your help. this is goodbye"',
    turns: [['ok thanks for your help. this is goodbye', [checkIn], ['smallTalk.goodbye']]],
  },
  {
    name: 'Sam: after "no im safe. just lonely", "i just feel like nobody is around" gets a warm word and a person',
    turns: [
      ['no im safe. just lonely'],
      ['this kinda sucks honestly. i just feel like nobody is around', [concern], [checkIn, ...crisis]],
      ['no. i told you im safe. im just sad', ['safety.concernNoted'], [planOffer, checkIn, ...crisis]],
    ],
  },
  {
    name: 'Sam: after a check-in answered "safe", later sadness is not asked about again',
    turns: [
      [JANET_ASKS, [checkIn]],
      ['no god. im fine. just sad and tired', ['safety.safeThanks'], crisis],
      ['this kinda sucks honestly. i just feel like nobody is around', [concern], [checkIn, ...crisis]],
    ],
  },
  {
    name: 'after "safe", a rule\'s new danger finding still gets its check-in: "nobody would miss me"',
    turns: [['no im safe. just lonely'], ['nobody would miss me', [checkIn], [concern]]],
  },
  {
    name: 'after "safe", pills at hand still get the check-in: "I\'m safe now but I have the pills with me"',
    turns: [['no im safe. just lonely'], ["I'm safe now but I have the pills with me", [checkIn], [concern]]],
  },
  {
    name: 'after "safe", explicit danger still gets the crisis reply at once: "i want to kill myself"',
    turns: [['no im safe. just lonely'], ['i want to kill myself', crisis, [concern, checkIn]]],
  },
  {
    name: 'Sam: "something else. i just want to vent a bit honestly" gets a warm word and a person',
    turns: [['something else. i just want to vent a bit honestly', [concern], [checkIn, ...crisis]]],
  },
  {
    name: 'Ray: "i just told you all of it??" is frustration, not risk',
    turns: [['i just told you all of it??', [], [checkIn, ...crisis]]],
  },
  {
    name: 'a near neighbour: "i already told you" said alone',
    turns: [['i already told you', [], [checkIn, ...crisis]]],
  },
  {
    name: '"i just told you everything" typed at the appointment question: no concern reply (the layer says concern)',
    turns: [
      ['help me get ready for my appointment', ['appointment.askType']],
      ['i just told you everything', [], [concern, checkIn, ...crisis]],
      ['I already told you everything!!', [], [concern, checkIn, ...crisis]],
    ],
  },
  {
    name: 'Ray\'s words with danger after them keep the danger: "i just told you i want to die"',
    turns: [['i just told you i want to die', crisis]],
  },
  {
    name: 'Sam: "i dont want a crisis line i just want to talk to an actual peer" gets the peer, not the lines',
    turns: [
      [
        'cant sleep again. i dont want a crisis line i just want to talk to an actual peer',
        ['handoff.nobodyNow', 'handoff.offerMessage'],
        ['crisis.intro'],
      ],
    ],
  },
  {
    name: 'Sam: "i dont want a hotline. i just want a normal person" at the offer to leave a message is kept',
    turns: [
      ['i want to talk to a peer specialist', ['handoff.offerMessage']],
      [
        'i dont want a hotline. i just want a normal person who gets it',
        ['handoff.askAlias'],
        ['crisis.intro', checkIn],
      ],
      ['sam', [], ['crisis.intro']],
    ],
  },
  {
    name: 'a hotline asked for at the offer still gets the lines: "like a hotline or something"',
    turns: [
      ['i want to talk to a peer specialist', ['handoff.offerMessage']],
      ['like a hotline or something', ['crisis.intro']],
    ],
  },
  {
    name: 'Jordan: "safety plan pls. rough month, not in danger or anything": one line, not the wall of lines',
    turns: [
      [
        'safety plan pls. rough month, not in danger or anything, just want it written down',
        ['safetyPlan.noneSafe', 'safetyPlan.offerMake'],
        ['safetyPlan.none', ...crisis],
      ],
    ],
  },
  {
    name: 'Jordan: "i want to make a safety plan. had a really hard month. im ok right now tho"',
    turns: [
      [
        'i want to make a safety plan. had a really hard month. im ok right now tho',
        ['safetyPlan.noneSafe', 'safetyPlan.offerMake'],
        ['safetyPlan.none'],
      ],
    ],
  },
  {
    name: '"my safety plan" with none yet still shows the lines',
    turns: [['my safety plan', ['safetyPlan.none', 'safetyPlan.offerMake'], ['safetyPlan.noneSafe']]],
  },
  {
    name: 'a safety plan asked for with a doubt keeps the lines: "safety plan. not in danger but not sure"',
    turns: [['safety plan. not in danger but not sure', ['safetyPlan.none'], ['safetyPlan.noneSafe']]],
  },
];

/**
 * The ninth people run's false alarms, in the players' own words with near neighbours, and the
 * danger lines they must not swallow, with and without a conversationUpdate first.
 */
describe("false alarms around the safety gate, in the people's words (HTTP)", () => {
  const served = useTestApp();
  let conversations = 0;
  for (const welcomed of [true, false]) {
    describe(welcomed ? 'after the welcome' : 'as the first message (no conversationUpdate)', () => {
      for (const { name, turns } of cases) {
        it(name, async () => {
          conversations += 1;
          const id = `people9-${conversations}`;
          await playKeyTurns(served.url, id, `${id}-user`, welcomed, turns);
        });
      }
    });
  }
});
