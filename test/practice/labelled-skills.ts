import type { Skill } from '../../src/practice/skills.js';

/** One labelled sentence: what a person might say in a role-play, and the skills it shows. */
export interface Labelled {
  text: string;
  skills: readonly Skill[];
  /** Said right after the counterpart brushed the person off. */
  afterBrushOff?: boolean;
}

const S = 'specificRequest';
const W = 'inWriting';
const B = 'statesBenefit';
const I = 'iStatement';
const F = 'factsNoBlame';
const T = 'staysOnTrack';
const N = 'negotiates';
const C = 'checksUnderstanding';
const P = 'mentionsSupport';
const R = 'knowsRights';

type Row = [text: string, skills: Skill[], afterBrushOff?: boolean];

/**
 * Sentences written for the rubric, labelled by hand from what the words do (not from the
 * rules' patterns): requests, teach-backs, negotiations, plus vague asks, blame and threats that
 * must not count. Used by the precision/recall test and the practice benchmark.
 */
const rows: Row[] = [
  // Specific requests (and vague ones that are not)
  ['I need to leave at 3 on Thursdays for my treatment group.', [S]],
  ["I'd like two minutes to go over the new prescription.", [S]],
  ['Could you explain what the new dose is for?', [S]],
  ['Can I switch my check-in to Tuesdays at 2?', [S]],
  ['I would like a copy of my visit summary.', [S, W]],
  ['Please keep my current prescription going until you talk to my old doctor.', [S]],
  ['Can we move my shift to start at 7 instead of 9?', [S, N]],
  ['I want to know what paperwork you still need for my application.', [S]],
  ['Could you call me this afternoon about the results?', [S]],
  ['I need Fridays off for the next six weeks.', [S]],
  ['Can you give me an extension until the 15th?', [S]],
  ["I'd like to leave early one day a week.", [S]],
  ["Could I get a receipt with today's date?", [S, W]],
  ['I need some help.', []],
  ['Whatever works for you, I guess.', []],
  ['Maybe something could change?', []],
  ['I was hoping things could be better.', []],
  ["I don't know, I just need things to be different.", []],
  ['Is there anything you can do?', []],
  ['Um, could you maybe do something about it?', []],
  ['Can you text me when my application is reviewed?', [S]],
  ['I need you to check whether my forms were scanned on Monday.', [S]],
  ['Could we meet at noon instead?', [S, N]],
  ['I want my sister to call twice a week, not every day.', [S, P]],
  // In writing / restating the next step
  ['Could you put that in writing for me?', [W, S]],
  ['Can you email me a confirmation of the new schedule?', [W, S]],
  ['So the next step is I bring the copies tomorrow and you date them from last month.', [W]],
  ['So we agreed I leave at 4 on Wednesdays and make it up on Friday.', [W]],
  ['Would you send me a letter saying what we decided?', [W]],
  ['Please write it down so I remember.', [W]],
  ["I'd like that in an email, please.", [W, S]],
  ["Can I have a printed copy of today's plan?", [W, S]],
  ['Just so we both have it, can you write that down?', [W]],
  ['Okay, thanks.', []],
  ['That sounds fine to me.', []],
  // Benefit stated calmly, and threats that are not
  ['It would help me keep my job and stay in treatment.', [B]],
  ['That way I can make my group and still cover my shift.', [B]],
  ['I can stay on track with my recovery if I keep this medication.', [B]],
  ["I'll be able to focus better at work once this is settled.", [B]],
  ['Leaving early means I can get to the clinic before it closes.', [B]],
  ['Keeping the same dose keeps me stable.', [B]],
  ['If you do not fix this I will sue you.', []],
  ["Give me the time off or I'll quit.", [S]],
  ["You'll regret it if you say no.", []],
  ['Fix it or else I am calling a lawyer.', []],
  ['I need Tuesdays off so that I can see my counselor.', [S, B, P]],
  ['Could I start at 10 so I can make my morning appointment?', [S, B]],
  // I statements
  ['I feel anxious when the appointment is rushed.', [I]],
  ["I'm worried that stopping my medication will make me relapse.", [I]],
  ["It's hard for me to ask for this.", [I]],
  ['I feel like I am not being heard.', [I]],
  ["I'm scared of losing my place in the program.", [I]],
  ['I get overwhelmed when the rules change without notice.', [I]],
  ['I am frustrated that I have to start over.', [I]],
  ["I'm nervous talking about this at work.", [I]],
  ['You make everything so hard.', []],
  ['You never listen to me.', []],
  ['Why do you always do this?', []],
  ["I'm concerned the schedule will clash with my treatment.", [I]],
  ['It worries me when calls come every day.', [I]],
  // Facts without blame, and blame
  ['I turned in the forms on March 3rd at the front desk.', [F]],
  ['I submitted my application two weeks ago.', [F]],
  ['My group meets every Tuesday at 10.', [F]],
  ['I called three times last week and left messages.', [F]],
  ['I started this medication 18 months ago and it has worked well.', [F]],
  ['You lost my paperwork again, this is ridiculous.', []],
  ["You people are useless, it's your fault.", []],
  ['I emailed the documents yesterday.', [F]],
  ['My appointment is at 9 on Thursdays.', [F]],
  ['I have been in recovery for two years.', [F]],
  ['You clearly never read my file.', []],
  ['I dropped off copies last Friday.', [F]],
  ['You obviously screwed up my application.', []],
  ['I missed one check-in in 6 months because of a bus strike.', [F]],
  // Staying on track after a brush-off
  ['I understand, and I still need to leave at 3 on Thursdays.', [T, S], true],
  ["I hear you, but I'd still like two minutes on the prescription.", [T, S], true],
  ["I know you're busy, but this is important to me.", [T], true],
  ['As I said, I need my check-in moved to the afternoon.', [T, S], true],
  ['I still need Fridays off for the next month.', [T, S], true],
  ['Okay, never mind then.', [], true],
  ["Sorry, sorry, you're right, forget I asked.", [], true],
  ['Could we talk about moving my check-in to 2?', [S, T], true],
  ['Fine.', [], true],
  ["I'm still asking for a receipt for the forms.", [T, S, W], true],
  ['That said, I need a decision by Monday.', [T, S], true],
  ['Alright, whatever.', [], true],
  // Negotiating
  ['What if I come in early on the days I leave early?', [N]],
  ['How about Tuesdays at 2 instead?', [N]],
  ['Would it work if I made up the hours on Saturday?', [N]],
  ["If that doesn't work, could we try every other week?", [N, S]],
  ['I could bring proof of my group times, if that helps.', [N]],
  ["Let's meet in the middle: twice a week.", [N]],
  ['Alternatively, the nurse could call me.', [N]],
  ['Could we try it for a month and see?', [N, S]],
  ['I can make up the time on Friday afternoons.', [N]],
  ['No, that will not work.', []],
  ['That is not acceptable.', []],
  // Checking understanding
  ['Just to make sure, I take one in the morning and one at night?', [C]],
  ["So you're saying I need to bring a reference by Friday?", [C]],
  ['Let me repeat that back: Tuesdays at 2 starting next week.', [C]],
  ['Did I get that right?', [C]],
  ['What do I need to do next?', [C]],
  ['Why is it important for me to take it with food?', [C]],
  ['What are my next steps?', [C]],
  ['To confirm, you will call me on Monday?', [C]],
  ['Do I have that right, two days a week?', [C]],
  ['Okay got it.', []],
  ['Sure, sounds good.', []],
  // Mentioning support
  ['My peer specialist helped me get ready for this talk.', [P]],
  ['Can I bring a friend to the next appointment?', [P, S]],
  ['My counselor suggested I ask about this.', [P]],
  ['My sponsor is helping me keep track of meetings.', [P]],
  ["I'd like my case manager to be on the call.", [P, S]],
  ['I have someone who can come with me to the meeting.', [P]],
  ['My recovery coach can write a letter about my group times.', [P]],
  ['I go to a support group on Wednesdays.', [P, F]],
  ["I'm doing this by myself.", []],
  // Rights and next steps
  ['I think this might count as a reasonable accommodation.', [R]],
  ['Is there an appeal process if the answer is no?', [R]],
  ['I would like to speak with HR about this.', [R, S]],
  ['I believe I have a right to see my file.', [R]],
  ['Could I ask for a second opinion?', [R, S]],
  ['Is there a patient advocate I can talk to?', [R]],
  ['What is the policy on leave for medical treatment?', []],
  ['I may be protected under the ADA.', [R]],
  ['Can I file a grievance about this?', [R, S]],
  ['I know my rights.', [R]],
  ['Then I guess I have no choice.', []],
  // Mixed
  ["I feel stressed when I can't get to group, so I'd like to leave at 4 on Tuesdays.", [I, S]],
  ['My counselor and I worked out that Tuesdays at 2 would let me keep both.', [P, F, B]],
  ["I'm worried, and I'd like to keep my current dose until you talk to my old prescriber.", [I, S]],
  ['Thank you for listening.', []],
  ["Sorry, I know I'm a bother.", []],
  ['Hello, thanks for seeing me.', []],
  // Group A (Marcus, sixth people run): make-up time offered is a middle way, not a benefit.
  ['i can stay late tues and wed to make it up', [N]],
  ['not early finish. LATE start. 11am thurs. i can stay late tues', [N]],
  // Group B (Tyler): "i wanted to get" is a request; the coach asked him four times for one.
  ['uh hi. i have adhd and i wanted to get extra time on tests and like a quiet room', [S]],
];

export const labelledSkills: readonly Labelled[] = rows.map(([text, skills, afterBrushOff]) =>
  afterBrushOff ? { text, skills, afterBrushOff } : { text, skills },
);
