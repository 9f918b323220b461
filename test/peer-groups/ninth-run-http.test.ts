import type { KeyTurn } from '../support/dialog-case.js';
import { playKeyTurns } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// The ninth people run at the group finder, in the people's own words, both ways in. Janet: a
// worry about her own medication is answered (a recognized path; a decision for her and her
// prescriber; no advice) and feeling judged is heard, at a question and at the results.

const janet: KeyTurn[] = [
  [
    'Hello. I hope you can help me. I take buprenorphine and I would like to find a support group where that is accepted.',
    ['peerGroups.askFocus'],
  ],
  ['Opioids. I have been on buprenorphine for four years and I am doing well.', ['peerGroups.askApproach']],
  [
    'I am not sure. I went to a meeting once and someone told me I was not really sober because of my medication. Should I stop the medication to fit in?',
    ['peerGroups.feltJudged', 'peerGroups.medicationReassure', 'peerGroups.askApproach'],
    ['advice.medical'],
  ],
  ['I will try secular then.', ['peerGroups.askFormat']],
  ['In person, please. Weekday mornings suit me best.', ['peerGroups.resultsIntro']],
  [
    'Should I stop my buprenorphine so that I fit in at meetings?',
    ['peerGroups.medicationReassure', 'peerGroups.nextPrompt'],
    ['advice.medical', 'peerGroupResults.medicationIntro'],
  ],
  [
    'I understand you cannot advise on medication. I only hoped for some reassurance. I will speak to my doctor.',
    ['peerGroups.medicationReassure'],
    ['peerGroupResults.medicationIntro'],
  ],
  [
    'Thank you, that is helpful. May I ask, do you think I am doing something wrong by staying on my medication?',
    ['peerGroups.medicationReassure'],
    ['peerGroupResults.medicationIntro'],
  ],
  [
    'That does not answer my question. I asked whether it is wrong of me to stay on it. I am beginning to feel judged here as well.',
    ['peerGroups.feltJudged', 'peerGroups.medicationReassure'],
  ],
  [
    'my question was whether I should stop the medication itself',
    ['peerGroups.medicationReassure'],
    ['peerGroupResults.medicationIntro'],
  ],
];

// Ray: SMART Recovery explained from resources however he asks, a question never changes an
// answer (the secular choice survives "is it like AA"), "weeknights after 6" is a time, "pills"
// is kept beside the drinking, and an answer said with the choice to change it is taken.
const ray: KeyTurn[] = [
  [
    'i need to find a meeting, smart style, online weeknights after 6pm',
    ['peerGroups.prefilled', 'peerGroups.askFocus'],
  ],
  [
    'wait what was smart again',
    ['peerGroups.explainSmartMeeting', 'peerGroups.askFocus'],
    ['peerGroups.updated'],
  ],
  [
    'no i mean what IS smart recovery, like what do they do',
    ['peerGroups.explainSmartMeeting', 'peerGroups.askFocus'],
  ],
  ['pills mostly. and some drinking', ['peerGroups.askMedication'], ['peerGroups.askWhen']],
  ['doesnt matter', ['peerGroups.resultsIntro']],
  [
    'ok but what happens at a smart meeting. is it like AA',
    ['peerGroups.explainSmartMeeting'],
    ['peerGroups.resultsIntro'],
  ],
  ['its not just alcohol its pills mostly', ['peerGroups.updated', 'peerGroups.nextPrompt']],
  ['change an answer', ['peerGroups.whichChange']],
  ['what its for. pills and alcohol', ['peerGroups.resultsIntro'], ['peerGroups.askFocus']],
];

// Pat: "depression. not drugs or alcohol" is mental health: no addiction kinds of group are
// offered, and the mental health organizations are shown.
const pat: KeyTurn[] = [
  ['find a group', ['peerGroups.askFocus']],
  [
    'depression. not drugs or alcohol',
    ['peerGroups.askFormat'],
    ['peerGroups.askApproach', 'peerGroups.explainTwelveStep'],
  ],
  // "not great with video" refuses online: in person is the answer.
  ["in person if possible, i'm not great with video. weekday evenings", ['peerGroups.resultsIntro']],
];

/** Each person: who, what the case shows, and their turns. */
const people: ReadonlyArray<[who: string, shows: string, turns: readonly KeyTurn[]]> = [
  ['janet', 'a worry about her own medication gets reassurance and her prescriber, never advice', janet],
  ['ray', 'SMART explained, his answers kept through questions, weeknights after 6, pills and drinking', ray],
  ['pat', 'depression, not drugs or alcohol, is mental health, with no addiction kinds offered', pat],
];

describe('group finder: the ninth run in people’s words (HTTP)', function () {
  this.timeout(60_000);
  const served = useTestApp();

  for (const welcomed of [false, true]) {
    const how = welcomed ? 'after a conversationUpdate' : 'no conversationUpdate';
    for (const [who, shows, turns] of people) {
      it(`${who}: ${shows} (${how})`, async () => {
        const id = `groups10-${who}-${welcomed}`;
        await playKeyTurns(served.url, id, `${id}-user`, welcomed, turns);
      });
    }
  }
});
