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

describe('group finder: the ninth run in people’s words (HTTP)', function () {
  this.timeout(60_000);
  const served = useTestApp();

  for (const welcomed of [false, true]) {
    const how = welcomed ? 'after a conversationUpdate' : 'no conversationUpdate';
    it(`Janet: a worry about her own medication gets reassurance and her prescriber, never advice (${how})`, async () => {
      await playKeyTurns(
        served.url,
        `groups10-janet-${welcomed}`,
        `groups10-janet-user-${welcomed}`,
        welcomed,
        janet,
      );
    });
  }
});
