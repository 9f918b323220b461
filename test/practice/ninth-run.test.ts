import type { StringKey } from '../../src/content/strings.js';
import { testContent } from '../support/content.js';
import { type PersonTurn, playTurns } from '../support/dialog-case.js';
import { testPerson } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// The ninth people run, typed as people wrote it (group A Marcus and Dee, group B Tyler, group D
// Ava): a name the person gives is the one played, a choice said with more words keeps the words,
// a question or a request for something else after the scene is answered, and the counterpart
// answers what was said.
const { strings } = testContent();
const counterpart: StringKey = 'practice.counterpartSays';
const specific = [
  'practiceFeedback.coachNoticed',
  { skill: strings.text('practiceSkills.specificRequest') },
] as [StringKey, Record<string, string>];

const marcus: PersonTurn[] = [
  {
    say: 'practice asking my supervisor mike for a later start on tuesdays and thursdays',
    expect: ['practice.intro', 'practice.askReason'],
  },
  { say: 'skip', expect: ['practice.scene', /I'll play Your supervisor, Mike\./], never: [/\bPat\b/] },
  { say: 'his name is mike not pat. coach me', expect: [counterpart, /Mike:/], never: [/\bPat\b/] },
  {
    // "i got something going on" is no vague ask: he said what he needs and when.
    say: 'hey mike, i got something going on health wise and i need to come in later tuesdays and thursdays for a few weeks',
    expect: [specific, counterpart],
    never: [/\bPat\b/, /Name exactly what you need/],
  },
  {
    say: 'no it cant wait, iop starts monday. i need later start tue and thu, like 11 instead of 7',
    expect: [counterpart],
  },
  {
    say: 'stop',
    expect: ['practice.stopped', 'practiceFeedback.introAbout', 'practice.nextPrompt'],
    never: [/\bPat\b/, /finish early|early finish/i, /without later start/, /like 11 instead of 7,/],
  },
  {
    say: 'wait i said iop to him. i didnt want him knowing that. is that bad',
    expect: ['practice.saidInPractice', 'practice.nextPrompt'],
    never: ['practice.nextPromptAgain', 'practice.done'],
  },
  {
    say: 'i asked u a question. i said iop to mike in the practice, is that gonna out me',
    expect: ['practice.saidInPractice', 'practice.nextPrompt'],
    never: ['practice.done'],
  },
  {
    say: 'practice again',
    expect: ['practice.againSame', /I'll play Your supervisor, Mike\./],
    never: ['practice.sceneReason'],
  },
];

/** Marcus: his saved letter practiced with the supervisor he names as he asks. */
const marcusFromLetter: PersonTurn[] = [
  { say: 'need a letter for work', expect: ['accommodation.askBarrier'] },
  { say: 'the treatment times. IOP is thurs 8 to 11', expect: ['accommodation.askIdea'] },
  { say: 'a later start time on thursdays, 11:30', expect: ['accommodation.askWho'] },
  { say: '2', expect: ['accommodation.askFormat'] },
  { say: 'email then', expect: ['accommodation.askStart'] },
  { say: 'asap', expect: ['accommodation.askDisclosure'] },
  { say: 'health condition', expect: ['accommodation.askReview'] },
  { say: 'k save it', expect: ['accommodation.saved'] },
  {
    say: 'practice saying it. i gotta talk to mike in person',
    expect: ['practice.scene', /I'll play Your supervisor, Mike\./],
    never: [/\bPat\b/],
  },
  { say: 'feedback at the end', expect: [counterpart, /Mike:/], never: [/\bPat\b/] },
];

/** Dee: a number with her words, then the coaching choice with her first line. */
const dee: PersonTurn[] = [
  { say: 'practice a talk', expect: ['practice.chooseScenario'] },
  {
    say: '2 i guess but i want to ask for a dose review not about stopping',
    expect: ['practice.askReason'],
    never: ['practice.chooseScenarioAgain'],
  },
  { say: 'skip', expect: ['practice.scene', /dose review/, 'practice.askMode'] },
  {
    say: 'coach me. hi doctor, before you go, ive been having night sweats and im sleepy every afternoon. can we do a dose review',
    expect: [counterpart, specific],
    never: ['practice.askModeAgain'],
  },
];

/** Dee: her own doctor's name, said with the scene. */
const deeNames: PersonTurn[] = [
  { say: 'practice a talk', expect: ['practice.chooseScenario'] },
  { say: 'a doctor in a hurry. i want to ask dr okafor for a dose review', expect: ['practice.askReason'] },
  { say: 'skip', expect: [/I'll play Dr\. Okafor\./], never: [/Reyes/] },
  { say: 'menu', expect: ['interruptions.toMenu'] },
  // Her first message names her doctor: the doctor's scene, on her dose review.
  { say: 'i want to practise asking dr okafor for a dose review', expect: ['practice.askReason'] },
  { say: 'skip', expect: [/I'll play Dr\. Okafor\./, /dose review/], never: [/Reyes/] },
];

/** Ava: a man for a landlord, and lines about her dog answered about her dog. */
const ava: PersonTurn[] = [
  { say: 'practice', expect: ['practice.chooseScenario'] },
  { say: 'a landlord', expect: ['practice.askRequest'] },
  { say: 'about my dog and the late rent', expect: ['practice.askReason'] },
  { say: 'skip', expect: ['practice.scene', 'practice.askMode'] },
  {
    say: 'coach me. also can it be a guy, my landlord is a guy and kinda scary',
    expect: ['practice.renamed', counterpart, /Mr\. Duarte, the landlord:/],
    never: ['practice.askModeAgain', /Ms\. Duarte/],
  },
  {
    say: 'um yeah. so im in treatment right now and i fell behind. can we do like a payment plan? and my dog helps me a lot',
    expect: [counterpart],
  },
  {
    say: 'shes not a pet shes an emotional support animal. i can get a letter from my therapist',
    expect: [counterpart, /animal/],
    never: [/\bshes\b/i, /What exactly do you want to know/],
  },
  {
    say: 'can i keep her and can we do a payment plan for the 2 months i owe',
    expect: [counterpart],
    never: [/\bshes\b/i],
  },
  { say: 'stop. what does shes mean lol', expect: ['practice.stopped'], never: [/\bshes\b/i] },
  {
    say: 'ok whatever. do i actually need a therapist letter for the dog or no',
    expect: ['practice.cannotAnswer', 'practice.nextPrompt'],
    never: ['practice.done', 'practice.nextPromptAgain'],
  },
];

/** Ava again: a side question before the scene, her dog in the rent scene, then a letter. */
const avaAgain: PersonTurn[] = [
  {
    say: 'i want to practice asking my landlord for a payment plan, i owe like 2 months rent bc im in rehab outpatient',
    expect: ['practice.scene', 'practice.askMode'],
  },
  {
    say: 'wait before that can i ask for an extension too? like more time to pay',
    expect: ['practice.bringItUp', 'practice.askModeAgain'],
  },
  { say: 'feedback at the end i guess', expect: [counterpart] },
  { say: 'the 15th and the 30th. i can do 400 each time', expect: [counterpart] },
  {
    say: 'also um, i have a dog. shes my emotional support animal. is that ok even tho the lease says no pets',
    expect: [counterpart, /animal|pets/],
    never: [/what we agreed about the rent/],
  },
  { say: 'stop', expect: ['practice.stopped', 'practice.nextPrompt'], never: [/, i owe/, /rent because/] },
  {
    say: 'ok can u help me write a letter for the dog thing. emotional support animal. housing',
    expect: ['accommodation.intro'],
    never: ['practice.nextPromptAgain', 'practice.done'],
  },
];

/** After a scene: a letter asked for, or a saved one to change or delete. */
const after: PersonTurn[] = [
  { say: 'practice asking my boss for a later start', expect: ['practice.askReason'] },
  { say: 'skip', expect: ['practice.askMode'] },
  { say: 'feedback at the end', expect: [counterpart] },
  { say: 'i need a later start on thursdays', expect: [counterpart] },
  { say: 'stop', expect: ['practice.nextPrompt'] },
];
const letters: [string, PersonTurn][] = [
  [
    'Marcus: "can the letter not say health condition" points to his saved letter',
    {
      say: 'actually can the letter not say health condition at all. just a schedule thing',
      expect: ['practice.savedLetters'],
      never: ['practice.nextPromptAgain', 'practice.done'],
    },
  ],
  [
    'Tyler: "can u delete the letter" points to his saved letter',
    {
      say: 'im finished. can u delete the letter tho i made a new one at school',
      expect: ['practice.savedLetters'],
      never: ['practice.done'],
    },
  ],
  [
    'Ava: "im finished with practice. i want a letter" starts one',
    {
      say: 'im finished with practice. i want a letter',
      expect: ['accommodation.intro'],
      never: ['practice.done', 'practice.nextPromptAgain'],
    },
  ],
];

describe('practice keeps names, choices with words, and what is asked after the scene (ninth run)', () => {
  const served = useTestApp();
  const people: [string, PersonTurn[]][] = [
    ['Marcus: Mike stays Mike, and "is that gonna out me" is answered', marcus],
    ['Marcus: "i gotta talk to mike" after his letter plays Mike', marcusFromLetter],
    ['Dee: "2 i guess but..." and "coach me. hi doctor..." keep her words', dee],
    ['Dee: "dr okafor" is the doctor played', deeNames],
    ['Ava: "can it be a guy" and "shes not a pet"', ava],
    ['Ava again: a side question, her dog in the rent scene, then a letter', avaAgain],
    ...letters.map(([name, turn]): [string, PersonTurn[]] => [name, [...after, turn]]),
  ];
  for (const [name, turns] of people)
    for (const welcomed of [true, false])
      it(`${name} (${welcomed ? 'after a conversationUpdate' : 'first message'})`, async () => {
        const send = await testPerson(served.url, `ninth-${name.slice(0, 12)}-${welcomed}`, welcomed);
        await playTurns(strings, send, turns);
      });
});
