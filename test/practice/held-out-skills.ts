import type { Skill } from '../../src/practice/skills.js';
import type { Labelled } from './labelled-skills.js';

type Row = [text: string, skills: Skill[], afterBrushOff?: boolean];

/**
 * Sentences written after the rules were tuned and never used to tune them: the benchmark
 * reports them apart, as the honest estimate of how the detector does on new wording.
 */
const rows: Row[] = [
  ['Would you be able to see me again in two weeks?', ['specificRequest']],
  ['I need the refill sent to the pharmacy on Main Street today.', ['specificRequest']],
  ["I'm hoping to work the early shift on Mondays and Wednesdays.", ['specificRequest']],
  ['Is it possible to get the decision by email?', ['inWriting', 'specificRequest']],
  ['Can you confirm that in a text message?', ['inWriting', 'specificRequest']],
  [
    "Let's say it back: you call my old clinic, and I come back Thursday.",
    ['checksUnderstanding', 'inWriting'],
  ],
  ['This would let me keep both my job and my treatment.', ['statesBenefit']],
  ['If I can get there on time, I will do better at work too.', ['statesBenefit']],
  ['I feel embarrassed bringing this up, but it matters.', ['iStatement']],
  ['Honestly I am anxious about losing this apartment.', ['iStatement']],
  ['The office closed early on the day I came by, so I could not hand them in.', ['factsNoBlame']],
  ['I mailed the form on the 2nd and have the post office receipt.', ['factsNoBlame']],
  [
    'I get that the schedule is tight, but I still need Thursday afternoons.',
    ['staysOnTrack', 'specificRequest'],
    true,
  ],
  ['Right, and I am still asking to move the check-in.', ['staysOnTrack'], true],
  ['Could we split it, one early day and one late day?', ['negotiates', 'specificRequest']],
  ['Suppose I swap shifts with a coworker, would that be okay?', ['negotiates']],
  ['Is there a way to try it for two weeks first?', ['negotiates', 'specificRequest']],
  ['Just checking I understood: the nurse calls me today?', ['checksUnderstanding']],
  ['Can I say the plan back to you to be sure?', ['checksUnderstanding']],
  ['My peer mentor will come with me next time.', ['mentionsSupport']],
  ['My partner is helping me keep track of appointments.', ['mentionsSupport']],
  ['Under the ADA I think I can ask for this change.', ['knowsRights']],
  ['If you say no, who can I appeal to?', ['knowsRights']],
  ['I might ask the clinic for a patient advocate.', ['knowsRights']],
  ['I guess it is fine.', []],
  ['Forget it, it does not matter.', []],
  ['You never return my calls.', []],
  ['This place is a joke.', []],
  ['Sorry to bother you again.', []],
  ['Thanks anyway.', []],
  ['Do whatever you think is best.', []],
  ['Okay.', []],
];

export const heldOutSkills: readonly Labelled[] = rows.map(([text, skills, afterBrushOff]) =>
  afterBrushOff ? { text, skills, afterBrushOff } : { text, skills },
);
