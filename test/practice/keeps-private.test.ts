import assert from 'node:assert/strict';
import type { StringKey } from '../../src/content/strings.js';
import { loadPracticeContent } from '../../src/practice/index.js';
import { withName } from '../../src/practice/names.js';
import { fillLine } from '../../src/practice/slots.js';
import { testContent } from '../support/content.js';
import { playTurns, type PersonTurn as Turn } from '../support/dialog-case.js';
import { testPerson } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

// The seventh people run, typed as people wrote it (group A Marcus, group D Ava and Chris): what
// the person tells the coach stays with the coach, a question about who will know gets no invented
// "yes", and asking the prescriber to plan a taper together is the line rehearsed.
const { strings } = testContent();
const content = loadPracticeContent();
const scenario = (id: string) => content.scenarios.find((s) => s.id === id) ?? assert.fail(id);
const supervisor = scenario('supervisor-meetings');
const office = scenario('school-disability-office');
const mike = withName(supervisor.counterpart, supervisor.name, 'Mike');

/** The counterpart's line, any counterpart. */
const counterpart: StringKey = 'practice.counterpartSays';
const iop = /\biop\b/i;

const marcus: Turn[] = [
  { say: 'practice talkin to my supervsr', expect: ['practice.intro', 'practice.askRequestOwn'] },
  { say: 'later start thurs', expect: ['practice.askReason'] },
  { say: 'idk. need it for iop', expect: ['practice.scene', 'practice.sceneReason', 'practice.askMode'] },
  // The name he gives is the one played from then on (ninth run: "Pat" stayed).
  {
    say: 'his name is mike. feedback at end',
    expect: [['practice.renamed', { counterpart: mike }], counterpart],
  },
  {
    // He said "appt", not IOP: the supervisor offers the middle way without the coach's reason.
    say: 'yeah. can i start at 10 on thurs? got a appt thurs mornings',
    expect: [
      [
        counterpart,
        {
          counterpart: mike,
          line: fillLine(supervisor.moves.negotiate[0] ?? '', { request: 'later start thurs' }),
        },
      ],
    ],
    never: [iop, /You mentioned/],
  },
  {
    say: 'wait i didnt tell him its iop. i dont want him knowing that',
    expect: ['practice.keptPrivate', 'practice.backToScene', counterpart],
    never: [/Fine, let's try/],
  },
  // The feedback never tells him to say what he keeps from his boss.
  {
    say: 'stop',
    expect: ['practice.stopped', 'practiceFeedback.introAbout', 'practice.nextPrompt'],
    never: [iop],
  },
  {
    say: 'no i said i dont want to say iop. try again w out that',
    expect: ['practice.keptPrivateAgain', 'practice.scene', 'practice.askMode'],
    never: ['practice.sceneReason', 'practice.chooseScenario'],
  },
  { say: 'feedback at the end', expect: [counterpart] },
  {
    say: 'can i come in at 10 on thursdays. its for a health thing. ill stay later to make it up',
    expect: [counterpart],
    never: [iop],
  },
  { say: 'stop', expect: ['practice.stopped', 'practice.nextPrompt'], never: [iop] },
  {
    say: 'if mike asks what the health thing is do i gotta tell him',
    expect: ['practice.whoKnowsAnswer', 'practice.nextPrompt'],
    never: ['practice.nextPromptAgain'],
  },
];

const ava: Turn[] = [
  {
    say: 'hey can i practice talking to the disability office? i have to go tomorrow',
    expect: ['practice.intro', 'practice.askRequest'],
  },
  { say: 'extensions on deadlines', expect: ['practice.askReason'] },
  { say: 'i dont want to fail this semester', expect: ['practice.scene', 'practice.askMode'] },
  { say: 'coach me', expect: [counterpart] },
  {
    say: 'hi um. i have a health condition and its making it really hard to keep up. i was hoping i could get extensions on deadlines when i need them',
    expect: ['practiceFeedback.coachNoticed', counterpart],
    // Told to the coach, not to him.
    never: [/fail this semester/],
  },
  {
    say: 'yeah i can ask my therapist. does it have to say what i have?',
    expect: ['practice.whoKnowsCoach', [counterpart, { line: strings.text('practice.whoKnowsLine') }]],
  },
  {
    // Asked again: no invented "Yes", and another answer rather than the same words.
    say: 'ok thank you. and will my professors know why?',
    expect: [[counterpart, { line: strings.text('practice.whoKnowsLineAgain') }]],
    never: [/"Yes/, 'practice.whoKnowsCoach'],
  },
  { say: 'stop', expect: ['practice.stopped', 'practice.nextPrompt'] },
  {
    say: 'thanks. but for real do my profs find out its depression?',
    expect: ['practice.whoKnowsAnswer', 'practice.nextPrompt'],
    never: ['practice.nextPromptAgain'],
  },
  { say: 'im finished, that second one helped. thanks', expect: ['practice.done'] },
];

const chris: Turn[] = [
  {
    say: 'I want to practice talking to my prescriber about tapering off my medication',
    expect: ['practice.intro', 'practice.askReason'],
  },
  { say: 'stable two years, want to try without it', expect: ['practice.scene', 'practice.askMode'] },
  { say: 'coach me as I go', expect: [counterpart] },
  {
    // A figure asked of the prescriber is still stepped out of.
    say: "I've been stable for two years. I'd like to come down slowly. What dose should I drop to first, 50mg?",
    expect: ['advice.medical', 'practice.backToScene', counterpart],
  },
  {
    say: "I understand. Could we make a slow taper plan together, and check in every few weeks? I'd like that in my chart.",
    expect: [[counterpart, { line: strings.text('practice.talkItThrough') }]],
    never: ['advice.medical', 'practice.stepOut'],
  },
  {
    // His complaint to the coach is not a line: only the rest is heard, and it is never praised.
    say: "I wasn't asking you for advice, that was my line to the NP. Anyway. Can we schedule a follow up in 4 weeks to see how it's going?",
    expect: [counterpart],
    never: ['practice.outOfRoleHeard', 'advice.medical'],
  },
  {
    say: "I wasn't asking you for advice, that was my line to the NP.",
    expect: ['practice.outOfRoleHeard', counterpart],
  },
  {
    // Asked of the bot, out of the scene: declined, never answered in the role.
    say: 'ok forget the role play for a sec. generally what is a normal suboxone taper schedule, like how fast do people usually go',
    expect: ['practice.stepOut', 'advice.medical', 'practice.backToScene'],
  },
];

const chrisStops: Turn = {
  say: 'stop',
  expect: ['practice.stopped', 'practiceFeedback.introAbout', 'practice.nextPrompt'],
  never: [/wasn.t asking you/i],
};

const dee: Turn[] = [
  {
    say: "Hello. I'd like to practice what I'm going to say to my prescriber on Tuesday, if that's possible.",
    expect: ['practice.intro'],
  },
  { say: 'Asking about a split dose.', expect: ['practice.askReason'] },
  { say: "I'm too sleepy in the afternoons.", expect: ['practice.scene', 'practice.askMode'] },
  {
    say: 'Coaching as I go would be helpful, thank you.',
    expect: [counterpart],
    never: ['practice.askModeAgain'],
  },
  {
    // She is rehearsing asking her prescriber (group A): played, not declined.
    say: "Yes. I've been on methadone for two years and I'm stable, but lately I'm very sleepy… I read that some people split their dose. Could that be an option for me?",
    expect: [[counterpart, { line: strings.text('practice.talkItThrough') }]],
    never: ['advice.medical', 'practice.stepOut'],
  },
];

/** Ava's second practice (group D): her answer to "what exactly?" moves the scene on. */
const avaAgain: Turn[] = [
  {
    say: 'hey can i practice talking to the disability office? i have to go tomorrow',
    expect: ['practice.intro', 'practice.askRequest'],
  },
  { say: 'extensions on deadlines', expect: ['practice.askReason'] },
  { say: 'idk', expect: ['practice.scene', 'practice.askMode'] },
  { say: 'feedback at the end', expect: [counterpart] },
  {
    say: 'hi. so. ive been dealing with depression and im falling behind. could i get extensions on my assignments',
    expect: [counterpart],
  },
  {
    say: 'like a few extra days on papers when im having a bad week. and maybe splitting big projects into smaller parts',
    expect: [counterpart],
  },
  {
    // The third time she says it, not "Most students manage without changes" again.
    say: 'i just told you. extensions on deadlines',
    expect: [counterpart],
    never: office.moves.brushOff.map((line) => new RegExp(line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))),
  },
  {
    say: 'ugh stop',
    expect: ['practice.stopped', 'practice.nextPrompt'],
    never: [/another student waiting/],
  },
  // The same scene again, not the list of ten.
  {
    say: 'practice again',
    expect: ['practice.againSame', 'practice.scene', 'practice.askMode'],
    never: ['practice.chooseScenario'],
  },
  { say: 'coach me as i go', expect: [counterpart] },
  {
    // "id like", "extensions on deadlines": a specific request, not "Name exactly what you need".
    say: 'hi, i have a health condition and id like to ask for extensions on deadlines when i have a bad week, like 3 extra days',
    expect: ['practiceFeedback.coachNoticed', counterpart],
    never: ['practiceFeedback.coachTry'],
  },
];

/** Luis (group B): a remark to the coach is not praised, and his reason stays with the coach. */
const luis: Turn[] = [
  {
    say: 'i wanna practice talking to my public defender. first time meeting her and i dont wanna sound dumb',
    expect: ['practice.intro', 'practice.askRequestOwn'],
  },
  { say: 'what my options are for the DUI', expect: ['practice.askReason'] },
  {
    say: 'idk i need my license for work. i drive for a landscaping company',
    expect: ['practice.scene', 'practice.askMode'],
  },
  { say: 'feedback at the end', expect: [counterpart] },
  {
    say: 'bro im practicing asking HER lol. ok. can you explain my options and what each one could mean for me?',
    expect: [counterpart],
    never: [/license/, 'practice.outOfRoleHeard'],
  },
  {
    say: 'thursday works i guess. whats the best way to reach you tho, u never called me back last time',
    expect: [counterpart],
  },
  // A what-question gets no "Yes".
  { say: 'ok but like whats ur number or email so i can reach u', expect: [counterpart], never: [/"Yes/] },
  {
    say: 'stop',
    expect: ['practice.stopped', 'practiceFeedback.wentWell', 'practice.nextPrompt'],
    never: [/practicing asking/i],
  },
];

/** Tyler (group B): whether the doctor's note must say everything, asked in the scene. */
const tyler: Turn[] = [
  {
    say: 'yo i made a letter b4 for extra test time. can i practice saying it to the disability office person',
    expect: ['practice.intro', 'practice.askReason'],
  },
  {
    say: 'bc i keep failing tests even tho i know the stuff lol',
    expect: ['practice.scene', 'practice.askMode'],
  },
  { say: 'coach me i guess', expect: [counterpart] },
  {
    say: 'uh yeah hi. so i have adhd and i cant focus on tests… can i get extra time and a quiet room',
    expect: [counterpart],
  },
  {
    say: 'ya i can ask my doctor. does the note have to say like everything? bc theres other stuff i dont wanna share',
    expect: ['practice.whoKnowsCoach', [counterpart, { line: strings.text('practice.whoKnowsLine') }]],
  },
];

/** Marcus without saying "i dont want him knowing": the feedback still never tells him to say IOP. */
const marcusQuiet: Turn[] = [
  ...marcus.slice(0, 5),
  {
    say: 'stop',
    expect: ['practice.stopped', 'practiceFeedback.introAbout', 'practice.nextPrompt'],
    never: [iop],
  },
];

/** Luis (group B, eighth run): "i literally just said" is an aside, never the scene's goal. */
const luisAside: Turn[] = [
  {
    say: 'i want to practice talking to my public defender bc last time i just froze',
    expect: ['practice.intro', 'practice.askRequestOwn'],
  },
  {
    say: 'i literally just said. what happens at my court date',
    expect: ['practice.scene', 'practice.askMode'],
    never: [/literally/i],
  },
  { say: 'lol what. whatever. coach me', expect: [counterpart], never: [/literally/i] },
  {
    // What he needs to know is no question about who will know.
    say: 'no i need to know before. can you explain the next steps now, like what im supposed to say and wear and stuff',
    expect: [counterpart],
    never: ['practice.whoKnowsCoach', [counterpart, { line: strings.text('practice.whoKnowsLine') }]],
  },
  { say: 'stop', expect: ['practice.stopped', 'practice.nextPrompt'], never: [/literally/i] },
];

/** Luis again: the goal he restates after the scene replaces the one played. */
const luisRestates: Turn[] = [
  ...luis.slice(0, 3),
  { say: 'feedback at the end', expect: [counterpart] },
  { say: 'stop', expect: ['practice.stopped', 'practice.nextPrompt'] },
  {
    say: "practice again but the thing i want is: what happens at my court date. not 'what my options are' lol",
    expect: [
      ['practice.againNewGoal', { request: 'what happens at my court date' }],
      'practice.scene',
      'practice.askMode',
    ],
    never: [/options are for the DUI/, 'practice.nextPromptAgain'],
  },
  { say: 'feedback at the end', expect: [counterpart], never: [/options are for the DUI/] },
];

describe('practice keeps what is private, answers in role, and taper talk is not dosing (seventh run)', () => {
  const served = useTestApp();
  const people: [string, Turn[]][] = [
    ['Marcus: the supervisor never hears "iop", told only to the coach', marcus],
    ['Ava: "will my professors know why?" gets no invented yes', ava],
    [
      'Chris: "Could we make a slow taper plan together" is rehearsed with the prescriber',
      [...chris, chrisStops],
    ],
    ['Dee: "Could that be an option for me?" asked of the prescriber is rehearsed', dee],
    [
      'Ava again: her answer to "what exactly?" is heard, "ugh stop" stops, "practice again" replays it',
      avaAgain,
    ],
    ['Luis: "bro im practicing asking HER lol" is said to the coach, never praised', luis],
    ['Marcus, saying nothing of it: the feedback never suggests saying "iop"', marcusQuiet],
    ['Tyler: "does the note have to say like everything?" is a question the scene answers', tyler],
    ['Luis8a: "i literally just said. what happens at my court date" plays his court date', luisAside],
    ['Luis8b: "practice again but the thing i want is: ..." plays the goal as restated', luisRestates],
  ];
  for (const [name, turns] of people)
    for (const welcomed of [true, false])
      it(`${name} (${welcomed ? 'after a conversationUpdate' : 'first message'})`, async () => {
        const send = await testPerson(served.url, `keeps-private-${name.slice(0, 9)}-${welcomed}`, welcomed);
        await playTurns(strings, send, turns);
      });
});
