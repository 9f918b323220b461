import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { userStateKey } from '../../src/privacy/state-keys.js';
import { safetyPlanProperty } from '../../src/safety-plan/plan-store.js';
import { schedulerKeys } from '../../src/scheduling/index.js';
import { MemoryAppStorage } from '../../src/storage/memory-storage.js';
import { useConnector } from '../support/connector.js';
import { testContent } from '../support/content.js';
import { containsReply, type Reply } from '../support/dialog-case.js';
import { exchange, testActivity, testPerson } from '../support/http.js';
import { conversationIdOf, postTeams, type TeamsPlace, teamsActivity, teamsUser } from '../support/teams.js';
import { useTestApp } from '../support/test-app.js';

const { strings, spanish } = testContent();
const t = (key: Parameters<typeof strings.text>[0]) => strings.text(key);
const part = (number: number): Reply => ['safetyPlan.stepCount', { number, total: 7 }];
const crisisReply: Reply[] = ['safety.dangerIntro', 'crisis.intro', 'safety.choicePrompt'];

/** What the person types, and each message the bot sends back, in order, and nothing more. */
type Step = readonly [text: string, replies: readonly Reply[]];

/** A transcript as data, played over HTTP against the started server, from a first message. */
interface PlanCase {
  name: string;
  steps: readonly Step[];
  /** Checks on the stored plan after the last step. */
  stored?: (plan: StoredPlan | undefined) => void;
  /** The channel, when not the test channel (which shows buttons, as Web Chat does). */
  channel?: string;
}

interface StoredPlan {
  entries: Record<string, string[]>;
  skipped: string[];
  madeAt?: string;
  followUpAsked?: boolean;
  followUpId?: string;
}

/** The whole plan, typed as a person would: examples tapped, own words, "idk", "back", numbers. */
const wholePlan: readonly Step[] = [
  ['make a safety plan', ['safetyPlan.makeCalm', 'safetyPlan.offerMake']],
  ['yes', ['safetyPlan.intro', part(1)]],
  ["can't sleep, i stop answering texts", ['safetyPlan.added', 'safetyPlan.more']],
  [t('safetyPlan.nextStep'), [part(2)]],
  ['idk', ['safetyPlan.skipped', part(3)]],
  ['back', [part(2)]],
  ['Take a walk', ['safetyPlan.added', 'safetyPlan.more']],
  // "lol" is an aside, not part of the plan.
  ['blast music and sing lol', [['safetyPlan.added', {}, 1], 'safetyPlan.more']],
  ['thats it', [part(3)]],
  ['Go to a meeting', ['safetyPlan.added', 'safetyPlan.more']],
  ['no', [part(4)]],
  ['my sister Ana (312) 555-0142', ['safetyPlan.added', 'safetyPlan.more']],
  ['nope', [part(5)]],
  ['Dr Lee, my counselor 312-555-0100', ['safetyPlan.added', 'safetyPlan.more']],
  ['next', [part(6)]],
  ['Keep naloxone nearby', ['safetyPlan.added', 'safetyPlan.more']],
  ["Don't use alone", [['safetyPlan.added', {}, 1], 'safetyPlan.more']],
  ['done', [part(7)]],
  ['my kids', ['safetyPlan.added', 'safetyPlan.more']],
  ['no', ['safetyPlan.saved', 'safetyPlan.followUpAsk']],
];

const cases: PlanCase[] = [
  {
    name: 'the whole plan in the person’s words, then no check-in: all six parts and the seventh kept as typed',
    steps: [...wholePlan, ['no thanks', ['safetyPlan.followUpNone', 'safetyPlan.closing', 'menu.prompt']]],
    stored: (plan) => {
      assert.deepEqual(plan?.entries, {
        warningSigns: ["can't sleep, i stop answering texts"],
        copingAlone: ['Take a walk', 'blast music and sing'],
        distractions: ['Go to a meeting'],
        helpers: ['my sister Ana (312) 555-0142'],
        professionals: ['Dr Lee, my counselor 312-555-0100'],
        safeSurroundings: ['Keep naloxone nearby', "Don't use alone"],
        reasonForLiving: ['my kids'],
      });
      assert.equal(plan?.followUpAsked, true);
      assert.equal(plan?.followUpId, undefined, 'no check-in without a yes');
    },
  },
  {
    name: 'skipped parts are named as still to fill in, and one is come back to with "Change a part"',
    steps: [
      ['my safety plan', ['safetyPlan.none', 'safetyPlan.offerMake']],
      ["Yes, let's start", ['safetyPlan.intro', part(1)]],
      ['skip', ['safetyPlan.skipped', part(2)]],
      ['not sure', ['safetyPlan.skipped', part(3)]],
      ['pass', ['safetyPlan.skipped', part(4)]],
      ['Mom 3125550199', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(5)]],
      [t('safetyPlan.skip'), ['safetyPlan.skipped', part(6)]],
      ['skip', ['safetyPlan.skipped', part(7)]],
      ['skip', ['safetyPlan.skipped', 'safetyPlan.revisitWhich']],
      // Offered again at the end: a part picked by typed words, skipped again, is not offered twice.
      ['coping', [part(2)]],
      ['skip', ['safetyPlan.skipped', 'safetyPlan.revisitWhich']],
      ['skip', ['safetyPlan.saved', 'safetyPlan.stillEmpty', 'safetyPlan.followUpAsk']],
      ['no', ['safetyPlan.followUpNone', 'safetyPlan.closing', 'menu.prompt']],
      ['my safety plan', ['safetyPlan.current', 'safetyPlan.stillEmpty', 'safetyPlan.actionsPrompt']],
      [t('safetyPlan.edit'), ['safetyPlan.editWhich']],
      [t('safetyPlan.stepWarningSigns'), [part(1)]],
      ['Feeling on edge', [['safetyPlan.editReplaced', { entries: '- Feeling on edge' }], 'safetyPlan.more']],
      [
        'done',
        ['safetyPlan.changed', 'safetyPlan.current', 'safetyPlan.stillEmpty', 'safetyPlan.actionsPrompt'],
      ],
      ['done', ['safetyPlan.closing', 'menu.prompt']],
    ],
    stored: (plan) => {
      assert.deepEqual(plan?.entries.warningSigns, ['Feeling on edge']);
      assert.deepEqual(plan?.entries.helpers, ['Mom 3125550199']);
      assert.ok(!plan?.skipped.includes('warningSigns'), 'a part filled in is no longer skipped');
    },
  },
  {
    name: 'editing a part replaces its words; "Keep it" changes nothing; the plan is offered as text to copy',
    steps: [
      ...wholePlan,
      ['no', ['safetyPlan.followUpNone', 'safetyPlan.closing', 'menu.prompt']],
      // "edit my safety plan" asks which part at once (issue 18).
      ['edit my safety plan', ['safetyPlan.editWhich']],
      [t('safetyPlan.stepDistractions'), [part(3)]],
      [
        'my cousin’s place',
        [['safetyPlan.editReplaced', { entries: '- my cousin’s place' }], 'safetyPlan.more'],
      ],
      ['next', ['safetyPlan.changed', 'safetyPlan.current', 'safetyPlan.actionsPrompt']],
      ['change a part', ['safetyPlan.editWhich']],
      [t('safetyPlan.stepReasonForLiving'), [part(7)]],
      ['keep it', ['safetyPlan.kept', 'safetyPlan.current', 'safetyPlan.actionsPrompt']],
      [t('safetyPlan.copy'), ['safetyPlan.copyIntro', 'safetyPlan.title', 'safetyPlan.actionsPrompt']],
      ['done', ['safetyPlan.closing', 'menu.prompt']],
    ],
    stored: (plan) => {
      assert.deepEqual(plan?.entries.distractions, ['my cousin’s place']);
      assert.deepEqual(plan?.entries.reasonForLiving, ['my kids']);
    },
  },
  {
    name: 'typed "back" to a skipped part, "can we go back to the one i skipped" and "go back to warning signs" move there, are never saved, and the plan goes on where it was',
    steps: [
      ['make a safety plan', ['safetyPlan.makeCalm', 'safetyPlan.offerMake']],
      ['yes', ['safetyPlan.intro', part(1)]],
      ['skip', ['safetyPlan.skipped', part(2)]],
      ['Take a walk', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(3)]],
      ['can we go back to the one i skipped', ['safetyPlan.backToPart', part(1)]],
      ['i stop sleeping', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(3)]],
      ['skip', ['safetyPlan.skipped', part(4)]],
      ['back', [part(3)]],
      ['Go to a meeting', ['safetyPlan.added', 'safetyPlan.more']],
      ['nxt', [part(4)]],
      ['the one i skipped', ['safetyPlan.noneSkipped', part(4)]],
      ['go back to warning signs', ['safetyPlan.backToPart', part(1)]],
      ['i stop eating', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(4)]],
    ],
    stored: (plan) => {
      assert.deepEqual(plan?.entries, {
        warningSigns: ['i stop sleeping', 'i stop eating'],
        copingAlone: ['Take a walk'],
        distractions: ['Go to a meeting'],
      });
      assert.deepEqual(plan?.skipped, []);
    },
  },
  {
    name: 'non-answers are never kept: "ok", "yes", "huh" and frustration get the part again in fewer words; a second one leaves it for later, "no" skips',
    steps: [
      ['make a safety plan', ['safetyPlan.makeCalm', 'safetyPlan.offerMake']],
      ['yes', ['safetyPlan.intro', part(1)]],
      ['ok', ['safetyPlan.simpler']],
      ['what', ['safetyPlan.skipped', part(2)]],
      ['this is useless', ['safetyPlan.frustrated', 'safetyPlan.simpler']],
      ['Listen to music', ['safetyPlan.added', 'safetyPlan.more']],
      ['huh', ['safetyPlan.moreAgain']],
      ['ugh', ['safetyPlan.frustrated', part(3)]],
      ['yes', ['safetyPlan.simpler']],
      ['my cousin 4', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(4)]],
      ['no', ['safetyPlan.skipped', part(5)]],
    ],
    stored: (plan) => {
      assert.deepEqual(plan?.entries, { copingAlone: ['Listen to music'], distractions: ['my cousin 4'] });
      assert.deepEqual(plan?.skipped, ['warningSigns', 'helpers']);
    },
  },
  {
    name: 'a terse person with typos (played through the chat client): "ya", "k", "n", "ys" are never kept; every part gets their words',
    steps: [
      // Read as the menu's "Make a safety plan" (a typo of the command): begun at once.
      ['safty plan', ['safetyPlan.intro', part(1)]],
      ['ya', ['safetyPlan.simpler']],
      ['cant slep, snappin at ppl', ['safetyPlan.added', 'safetyPlan.more']],
      ['nxt', [part(2)]],
      ['walk dog', ['safetyPlan.added', 'safetyPlan.more']],
      ['done', [part(3)]],
      ['mtg', ['safetyPlan.added', 'safetyPlan.more']],
      ['nope', [part(4)]],
      ['bro mike 312 555 0199', ['safetyPlan.added', 'safetyPlan.more']],
      ['k', [part(5)]],
      ['dr shah 3125550123', ['safetyPlan.added', 'safetyPlan.more']],
      ['n', [part(6)]],
      ['narcan nearby', ['safetyPlan.added', 'safetyPlan.more']],
      ['ys', ['safetyPlan.moreAgain']],
      ['no', [part(7)]],
      ['my daughtr', ['safetyPlan.added', 'safetyPlan.more']],
      ['n', ['safetyPlan.saved', 'safetyPlan.followUpAsk']],
    ],
    stored: (plan) =>
      assert.deepEqual(plan?.entries, {
        warningSigns: ['cant slep', 'snappin at ppl'],
        copingAlone: ['walk dog'],
        distractions: ['mtg'],
        helpers: ['bro mike 312 555 0199'],
        professionals: ['dr shah 3125550123'],
        safeSurroundings: ['narcan nearby'],
        reasonForLiving: ['my daughtr'],
      }),
  },
  {
    name: 'one part skipped is offered again at the end ("Add it now?"); a yes asks it, then the plan is saved',
    steps: [
      ['make a safety plan', ['safetyPlan.makeCalm', 'safetyPlan.offerMake']],
      ['yes', ['safetyPlan.intro', part(1)]],
      ['cant sleep', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(2)]],
      ['skip', ['safetyPlan.skipped', part(3)]],
      ['Go to a meeting', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(4)]],
      ['Mom 3125550199', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(5)]],
      ['Dr Lee 312 555 0100', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(6)]],
      ['Keep naloxone nearby', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(7)]],
      ['my kids', ['safetyPlan.added', 'safetyPlan.more']],
      ['no', ['safetyPlan.revisitAsk']],
      ['sure', [part(2)]],
      ['breathe slowly', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', ['safetyPlan.saved', 'safetyPlan.followUpAsk']],
      ['No, thanks', ['safetyPlan.followUpNone', 'safetyPlan.closing', 'menu.prompt']],
    ],
    stored: (plan) => {
      assert.deepEqual(plan?.entries.copingAlone, ['breathe slowly']);
      assert.deepEqual(plan?.skipped, []);
      assert.ok(plan?.madeAt);
    },
  },
  {
    name: '"change my warning signs" typed at the menu opens that part; typed words pick a part to change; "skip" while changing keeps it',
    steps: [
      ...wholePlan,
      ['no', ['safetyPlan.followUpNone', 'safetyPlan.closing', 'menu.prompt']],
      ['change my warning signs', [part(1)]],
      ['feeling wired', [['safetyPlan.editReplaced', { entries: '- feeling wired' }], 'safetyPlan.more']],
      ['done', ['safetyPlan.changed', 'safetyPlan.current', 'safetyPlan.actionsPrompt']],
      ['change a part', ['safetyPlan.editWhich']],
      ['the coping part', [part(2)]],
      ['skip', ['safetyPlan.kept', 'safetyPlan.current', 'safetyPlan.actionsPrompt']],
      ['update my people i can ask for help', [part(4)]],
      [
        'Ana 312-555-0177',
        [['safetyPlan.editReplaced', { entries: '- Ana 312-555-0177' }], 'safetyPlan.more'],
      ],
      ['next', ['safetyPlan.changed', 'safetyPlan.current', 'safetyPlan.actionsPrompt']],
      ['done', ['safetyPlan.closing', 'menu.prompt']],
    ],
    stored: (plan) => {
      assert.deepEqual(plan?.entries.warningSigns, ['feeling wired']);
      assert.deepEqual(plan?.entries.copingAlone, ['Take a walk', 'blast music and sing']);
      assert.deepEqual(plan?.entries.helpers, ['Ana 312-555-0177']);
    },
  },
  {
    name: '"change my warning signs" while making the plan changes that part, then making goes on at the part it was at',
    steps: [
      ['make a safety plan', ['safetyPlan.makeCalm', 'safetyPlan.offerMake']],
      ['yes', ['safetyPlan.intro', part(1)]],
      ['cant sleep', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(2)]],
      ['Take a walk', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(3)]],
      ['change my warning signs', [part(1)]],
      [
        'not sleeping for days',
        [['safetyPlan.editReplaced', { entries: '- not sleeping for days' }], 'safetyPlan.more'],
      ],
      ['next', ['safetyPlan.changed', part(3)]],
    ],
    stored: (plan) => assert.deepEqual(plan?.entries.warningSigns, ['not sleeping for days']),
  },
  {
    name: '"my plan" right after making a safety plan (the only kind saved) opens it',
    steps: [
      ...wholePlan,
      ['no', ['safetyPlan.followUpNone', 'safetyPlan.closing', 'menu.prompt']],
      ['my plan', ['safetyPlan.current', 'safetyPlan.actionsPrompt']],
      ['done', ['safetyPlan.closing', 'menu.prompt']],
    ],
  },
  {
    name: 'a crisis mid-plan gets the crisis reply first; the plan waits and is asked again, nothing lost',
    steps: [
      ['make a safety plan', ['safetyPlan.makeCalm', 'safetyPlan.offerMake']],
      ['sure', ['safetyPlan.intro', part(1)]],
      ['when i stop eating', ['safetyPlan.added', 'safetyPlan.more']],
      ['i want to kill myself', crisisReply],
      ['go back', ['safety.backAgain', 'safetyPlan.more']],
      ['next', [part(2)]],
    ],
    stored: (plan) => assert.deepEqual(plan?.entries.warningSigns, ['when i stop eating']),
  },
  {
    name: 'a crisis at "You skipped ... Add it now?" gets the crisis reply first; the question waits and is asked again',
    steps: [
      ...wholePlan.slice(0, 4),
      ['skip', ['safetyPlan.skipped', part(3)]],
      ...wholePlan.slice(9, 19),
      ['no', ['safetyPlan.revisitAsk']],
      ['i want to kill myself', crisisReply],
      ['go back', ['safety.backAgain', 'safetyPlan.revisitAsk']],
      ['yes', [part(2)]],
      ['Take a walk', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', ['safetyPlan.saved', 'safetyPlan.followUpAsk']],
    ],
    stored: (plan) => assert.deepEqual(plan?.entries.copingAlone, ['Take a walk']),
  },
  {
    // A person playing the bot got "something went wrong" here: the plan, opened from the menu,
    // runs inside the menu's dialog, which could not ask its question again after the check-in.
    name: 'opened from the menu, a check-in mid-plan answered "no im safe" goes back to the part, nothing lost',
    steps: [
      ['menu', ['menu.prompt']],
      // Typed, it is the plan's command, as "make a safety plan" is: the crisis lines come first.
      ['want to make a safety plan', ['safetyPlan.makeCalm', 'safetyPlan.offerMake']],
      ['yes', ['safetyPlan.intro', part(1)]],
      ['i stop eating', ['safetyPlan.added', 'safetyPlan.more']],
      ['everyone would be better off without me', ['safety.confirm']],
      ['no im safe', ['safety.safeThanks', 'safetyPlan.more']],
      ['gym', ['safetyPlan.added', 'safetyPlan.more']],
    ],
    stored: (plan) => assert.deepEqual(plan?.entries.warningSigns, ['i stop eating', 'gym']),
  },
  {
    // A person playing the bot could never save "thinking nobody cares": each time, the concern reply.
    name: 'a warning sign the gate reads as concern is what the part asks for: acknowledged in a line and kept; danger still gets the crisis reply',
    steps: [
      ['make a safety plan', ['safetyPlan.makeCalm', 'safetyPlan.offerMake']],
      ['yes please', ['safetyPlan.intro', part(1)]],
      ['i feel hopeless and alone', ['safetyPlan.concernKept', 'safetyPlan.added', 'safetyPlan.more']],
      ['i stop going out', ['safetyPlan.added', 'safetyPlan.more']],
      ['i want to kill myself', crisisReply],
      ['go back', ['safety.backAgain', 'safetyPlan.more']],
    ],
    stored: (plan) =>
      assert.deepEqual(plan?.entries.warningSigns, ['i feel hopeless and alone', 'i stop going out']),
  },
  {
    name: 'where buttons come as a numbered list (SMS), a number alone picks that button ("2", "the fourth one"); a number inside a sentence stays as typed; typos of next and skip work',
    channel: 'sms',
    steps: [
      ['make a safety plan', ['safetyPlan.makeCalm', 'safetyPlan.offerMake']],
      ['yes', ['safetyPlan.intro', part(1)]],
      ['2', ['safetyPlan.added', 'safetyPlan.more']],
      ['1', [part(2)]],
      ['the fourth one', ['safetyPlan.skipped', part(3)]],
      ['I have 2 kids to play with', ['safetyPlan.added', 'safetyPlan.more']],
      ['nxt', [part(4)]],
      ['skp', ['safetyPlan.skipped', part(5)]],
    ],
    stored: (plan) => {
      assert.deepEqual(plan?.entries.warningSigns, [strings.variants('safetyPlan.examplesWarningSigns')[1]]);
      assert.deepEqual(plan?.skipped, ['copingAlone', 'helpers']);
      assert.deepEqual(plan?.entries.distractions, ['I have 2 kids to play with']);
    },
  },
  {
    name: 'left with "menu" mid-plan, "my safety plan" later picks up at the next part, answers kept',
    steps: [
      ['make a safety plan', ['safetyPlan.makeCalm', 'safetyPlan.offerMake']],
      ['yes', ['safetyPlan.intro', part(1)]],
      ['i stop sleeping', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(2)]],
      ['menu', ['safetyPlan.paused', 'menu.prompt']],
      ['my safety plan', ['safetyPlan.resume', part(2)]],
      ['Breathe slowly', ['safetyPlan.added', 'safetyPlan.more']],
    ],
    stored: (plan) => {
      assert.deepEqual(plan?.entries.warningSigns, ['i stop sleeping']);
      assert.deepEqual(plan?.entries.copingAlone, ['Breathe slowly']);
      assert.equal(plan?.madeAt, undefined);
    },
  },
  {
    name: '"help" and a side question mid-plan are answered, then the same part is asked again',
    steps: [
      ['make a safety plan', ['safetyPlan.makeCalm', 'safetyPlan.offerMake']],
      ['ok', ['safetyPlan.intro', part(1)]],
      ['help', ['help.short', part(1)]],
      ['is this private?', ['privacy.kept', part(1)]],
    ],
  },
  {
    name: 'the crisis reply offers no plan before the person says they are safe; "I\'m safe now" brings the offer',
    steps: [
      ['i want to end my life', crisisReply],
      ['ok', ['safety.stillHere', 'safety.choicePrompt']],
      ["i'm safe now", ['safety.safeNow', 'safetyPlan.offerAfterSafe']],
      ['yes', ['safetyPlan.intro', part(1)]],
      ['cancel', ['safetyPlan.paused', 'menu.prompt']],
    ],
  },
  {
    name: 'after a concern reply, "I\'m safe" brings the offer; "not now" leaves it',
    steps: [
      ['i have been feeling really hopeless lately', ['safety.concernIntro']],
      ["I'm safe", ['safety.safeNow', 'safetyPlan.offerAfterSafe']],
      ['Not now', ['safetyPlan.notNow', 'menu.prompt']],
    ],
    stored: (plan) => assert.equal(plan, undefined, 'nothing is kept without a yes'),
  },
  {
    name: '"My safety plan" on the crisis reply opens the plan at once (one tap), then the reply is there again',
    steps: [
      ...wholePlan,
      ['no', ['safetyPlan.followUpNone', 'safetyPlan.closing', 'menu.prompt']],
      ['i want to die', crisisReply],
      [t('safety.myPlan'), ['safetyPlan.current', 'safetyPlan.actionsPrompt']],
      ['done', ['safetyPlan.closing', ['safety.choicePrompt', {}, 1]]],
    ],
  },
  {
    name: 'Jordan (seventh run): "go back to part 2" goes there, "that wasnt a contact. take it out" and "undo" take out, never kept',
    steps: [
      ['need to make a safety plan. hard week.', ['safetyPlan.intro', part(1)]],
      ['cant sleep. pulling away', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(2)]],
      ['skip', ['safetyPlan.skipped', part(3)]],
      ['gym. my sister Dana', ['safetyPlan.added', 'safetyPlan.more']],
      ['go back to part 2', ['safetyPlan.backToPart', part(2)]],
      ['music. long shower', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(4)]],
      ['Dana 555-201-3344', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(5)]],
      ['my sponsor i guess', ['safetyPlan.added', 'safetyPlan.more']],
      ['that wasnt a contact. take it out', ['safetyPlan.editRemoved', 'safetyPlan.more']],
      ['next', [part(6)]],
      ['dont keep alcohol in the house', ['safetyPlan.added', 'safetyPlan.more']],
      ['my sister holds my meds', [['safetyPlan.added', {}, 1], 'safetyPlan.more']],
      ['undo', ['safetyPlan.editRemoved', 'safetyPlan.more']],
      ['next', [part(7)]],
      ['my dog', ['safetyPlan.added', 'safetyPlan.more']],
    ],
    stored: (plan) =>
      assert.deepEqual(plan?.entries, {
        // Several in one line are kept one by one, so one can be taken out alone.
        warningSigns: ['cant sleep', 'pulling away'],
        copingAlone: ['music', 'long shower'],
        distractions: ['gym', 'my sister Dana'],
        helpers: ['Dana 555-201-3344'],
        professionals: [],
        safeSurroundings: ['dont keep alcohol in the house'],
        reasonForLiving: ['my dog'],
      }),
  },
  {
    name: 'Jordan, next day: "also part 3 has junk in it. fix that", "go to part 3", "change part 3" open that part; "next part" keeps it',
    steps: [
      ...wholePlan,
      ['no', ['safetyPlan.followUpNone', 'safetyPlan.closing', 'menu.prompt']],
      ['change my warning signs', [part(1)]],
      ['also part 3 has junk in it. fix that', ['safetyPlan.backToPart', part(3)]],
      ['go to part 1', ['safetyPlan.backToPart', part(1)]],
      ['next part', ['safetyPlan.kept', 'safetyPlan.current', 'safetyPlan.actionsPrompt']],
      ['done', ['safetyPlan.closing', 'menu.prompt']],
      ['need to make a safety plan', ['safetyPlan.current', 'safetyPlan.actionsPrompt']],
    ],
    stored: (plan) => {
      assert.deepEqual(plan?.entries.warningSigns, ["can't sleep, i stop answering texts"]);
      assert.deepEqual(plan?.entries.distractions, ['Go to a meeting']);
    },
  },
  {
    name: 'Jordan (eighth run): "ok next", "dont have one. skip", "done with this part" move on, never kept; two signs in a line are two; "change warning signs. add ..." adds',
    steps: [
      ['need to make a safety plan. hard week.', ['safetyPlan.intro', part(1)]],
      ['cant sleep. drinking more', ['safetyPlan.added', 'safetyPlan.more']],
      ['next', [part(2)]],
      ['cold shower. walk the dog', ['safetyPlan.added', 'safetyPlan.more']],
      ['next part', [part(3)]],
      ['next part', ['safetyPlan.skipped', part(4)]],
      ['Eli 555-0142', ['safetyPlan.added', 'safetyPlan.more']],
      [
        'wait. change warning signs. add thinking nobody cares',
        ['safetyPlan.concernKept', 'safetyPlan.editAdded', 'safetyPlan.more'],
      ],
      ['ok next', ['safetyPlan.changed', part(5)]],
      ['dont have one. skip', ['safetyPlan.skipped', part(6)]],
      ['give my meds to Eli', ['safetyPlan.added', 'safetyPlan.more']],
      ['done with this part', [part(7)]],
      ['my dog. idk', ['safetyPlan.added', 'safetyPlan.more']],
    ],
    stored: (plan) =>
      assert.deepEqual(plan?.entries, {
        warningSigns: ['cant sleep', 'drinking more', 'thinking nobody cares'],
        copingAlone: ['cold shower', 'walk the dog'],
        helpers: ['Eli 555-0142'],
        safeSurroundings: ['give my meds to Eli'],
        reasonForLiving: ['my dog'],
      }),
  },
  {
    name: 'Jordan, next day (eighth run): "take out drinking more. stopped that" takes out that sign alone; "take out the last one" the last',
    steps: [
      ...wholePlan,
      ['no', ['safetyPlan.followUpNone', 'safetyPlan.closing', 'menu.prompt']],
      ['change warning signs', [part(1)]],
      ['add drinking more, skipping meals', ['safetyPlan.editAdded', 'safetyPlan.more']],
      ['take out drinking more. stopped that', ['safetyPlan.editRemoved', 'safetyPlan.more']],
      ['add thinking nobody cares', ['safetyPlan.concernKept', 'safetyPlan.editAdded', 'safetyPlan.more']],
      // "ugh" is heard before the change is made.
      ['ugh. take out the last one', ['safetyPlan.frustrated', 'safetyPlan.editRemoved', 'safetyPlan.more']],
      ['done with this part', ['safetyPlan.changed', 'safetyPlan.current', 'safetyPlan.actionsPrompt']],
    ],
    stored: (plan) =>
      assert.deepEqual(plan?.entries.warningSigns, ["can't sleep, i stop answering texts", 'skipping meals']),
  },
];

const DISCLOSURE: Reply = 'firstMessage.disclosure';

/** True when a conversation's first replies are a crisis or concern reply (the disclosure waits). */
const opensWithCrisis = (replies: readonly Reply[]) =>
  replies.some((reply) => (typeof reply === 'string' ? reply : reply[0]).startsWith('safety.'));

describe('safety plan: transcripts over HTTP (issue 20)', function () {
  this.timeout(60_000);
  let storage: MemoryAppStorage;
  let conversation = 0;
  const served = useTestApp({
    per: 'test',
    env: { RATE_LIMIT_PER_MINUTE: '0' },
    overrides: () => {
      storage = new MemoryAppStorage();
      return { storage };
    },
    manualScheduler: true,
  });

  /** One message in the case's conversation; the messages the person sees. */
  async function say(id: string, text: string, fields: Record<string, unknown> = {}) {
    return exchange(served.url, testActivity(id, { text, ...fields }, 'planner'));
  }

  /** `started`: the conversation is under way already (the disclosure was made). */
  async function play(
    id: string,
    steps: readonly Step[],
    fields: Record<string, unknown> = {},
    { started = false } = {},
  ) {
    let last: Partial<Activity>[] = [];
    for (const [index, [text, said]] of steps.entries()) {
      // Every conversation here starts with a message (no conversationUpdate): the one-line
      // disclosure that this is an automated coach comes with the first reply, or, when the
      // first message was a crisis (its reply comes first, alone), with the second.
      const crisisFirst = opensWithCrisis(steps[0]?.[1] ?? []);
      const disclose = !started && (crisisFirst ? index === 1 : index === 0);
      const expected: readonly Reply[] = disclose ? [DISCLOSURE, ...said] : said;
      last = await say(id, text, fields);
      const texts = last.map((reply) => reply.text ?? '');
      const where = `step ${index + 1} (${JSON.stringify(text)}): got ${JSON.stringify(texts)}`;
      assert.equal(texts.length, expected.length, where);
      for (const [i, want] of expected.entries())
        assert.ok(containsReply(strings, want, texts[i] ?? ''), where);
    }
    return last;
  }

  async function storedPlan(channel = 'test'): Promise<StoredPlan | undefined> {
    const key = userStateKey(channel, 'planner');
    const user = (await storage.read([key]))[key] as Record<string, unknown> | undefined;
    return user?.[safetyPlanProperty.name] as StoredPlan | undefined;
  }

  for (const testCase of cases) {
    it(testCase.name, async () => {
      conversation += 1;
      const channel = testCase.channel ? { channelId: testCase.channel } : {};
      await play(`plan-${conversation}`, testCase.steps, channel);
      testCase.stored?.(await storedPlan(testCase.channel));
    });
  }

  for (const welcomed of [false, true]) {
    it(`"had a hard week. want to make a safety plan" offers the plan, never a "did you mean" without it (${welcomed ? 'after a conversationUpdate' : 'no conversationUpdate'})`, async () => {
      const person = await testPerson(served.url, `plan-hard-week-${welcomed}`, welcomed);
      const replies = await person('had a hard week. want to make a safety plan');
      assert.ok(
        containsReply(strings, 'safetyPlan.offerMake', replies.at(-1) ?? ''),
        JSON.stringify(replies),
      );
      // At the "did you mean" question too (Jordan's second try).
      const route = await testPerson(served.url, `plan-route-${welcomed}`, welcomed);
      await route('need help with something');
      const again = await route('something else. safety plan');
      assert.ok(containsReply(strings, 'safetyPlan.offerMake', again.at(-1) ?? ''), JSON.stringify(again));
    });
  }

  it('"my plan" with a safety plan and an accommodation request saved asks which; typed words open either', async () => {
    await play('plan-kinds', [
      ...wholePlan,
      ['no', ['safetyPlan.followUpNone', 'safetyPlan.closing', 'menu.prompt']],
    ]);
    const accommodation = ['Accommodations', 'At work', 'Treatment or meeting times', 'A later start'];
    const details = [
      'My supervisor or manager',
      'Email',
      'As soon as possible',
      'Nothing specific',
      // The request is shown for review and kept only on "Save it".
      'Save it',
      "I'm done",
    ];
    for (const text of [...accommodation, ...details]) await say('plan-kinds', text);
    const which = await say('plan-kinds', 'my plan');
    assert.ok(containsReply(strings, 'myPlans.which', which.at(-1)?.text ?? ''), JSON.stringify(which));
    const titles = which.at(-1)?.suggestedActions?.actions.map((action) => action.title);
    assert.ok(titles?.includes(t('myPlans.safetyPlan')), JSON.stringify(titles));
    const steps: Step[] = [
      ['the safety plan', ['safetyPlan.current', 'safetyPlan.actionsPrompt']],
      // The menu, asked again in its other wording, under the plans.
      ['done', ['safetyPlan.closing', 'menu.promptAgain']],
      ['my plans', ['myPlans.which']],
      ['accommodation requests', ['accommodationSaved.askWhich']],
    ];
    await play('plan-kinds', steps, {}, { started: true });
  });

  it('after a crisis reply in Spanish, the two-language "My safety plan" button opens the plan too', async () => {
    const reply = await say('plan-es', 'quiero morir');
    assert.equal(reply.at(-1)?.text, spanish.text('safety.choicePrompt'));
    const bilingual = `${spanish.text('safety.myPlan')} / ${t('safety.myPlan')}`;
    const titles = reply.at(-1)?.suggestedActions?.actions.map((action) => action.title);
    assert.ok(titles?.includes(bilingual), JSON.stringify(titles));
    await play('plan-es', [
      [bilingual, ['safetyPlan.none', 'safetyPlan.offerMake']],
      ['no', ['safetyPlan.notNow', 'menu.prompt']],
    ]);
  });

  it('a yes to the check-in files it for tomorrow in the person’s zone, with nothing of the plan in it', async () => {
    const activity = { localTimezone: 'America/Denver', serviceUrl: 'https://smba.example.test/' };
    await play(
      'plan-consent',
      [...wholePlan, ['Yes, check in', ['safetyPlan.followUpSet', 'safetyPlan.closing', 'menu.prompt']]],
      activity,
    );
    const plan = await storedPlan();
    assert.ok(plan?.followUpId, 'the check-in is noted in the plan');
    const item = await served.app.scheduler.get(plan.followUpId);
    assert.equal(item?.status, 'pending');
    assert.ok(item?.status === 'pending');
    assert.equal(item.timezone, 'America/Denver');
    assert.deepEqual(item.payload, { kind: 'safetyPlanCheckIn' });
    assert.equal(item.userKey, userStateKey('test', 'planner'));
    const hours = (Date.parse(item.dueAt) - Date.now()) / 3_600_000;
    assert.ok(hours > 23 && hours <= 24 + 11, `due about a day later (or the morning after): ${hours} h`);
    const stored = JSON.stringify(
      (await storage.read([schedulerKeys.item(plan.followUpId)]))[schedulerKeys.item(plan.followUpId)],
    );
    assert.ok(
      !stored.includes('555-0142') && !stored.includes('kids'),
      'no words of the plan in the scheduler',
    );
  });

  it('"show my data" names the plan and its JSON file holds it in full; "delete my data" erases it', async () => {
    await play('plan-data', [
      ...wholePlan,
      ['no', ['safetyPlan.followUpNone', 'safetyPlan.closing', 'menu.prompt']],
    ]);
    const [report] = await say('plan-data', 'show my data');
    assert.ok(report?.text?.includes(t('safetyPlan.dataLine')), report?.text);
    const file = report?.attachments?.[0];
    const json = JSON.parse(
      Buffer.from(String(file?.contentUrl).split(',')[1] ?? '', 'base64').toString('utf8'),
    );
    assert.deepEqual(json.user[safetyPlanProperty.name].entries.reasonForLiving, ['my kids']);
    await say('plan-data', 'delete my data');
    await say('plan-data', 'yes');
    assert.equal(await storedPlan(), undefined);
    const after = await say('plan-data', 'my safety plan');
    assert.ok(
      after.some((reply) => containsReply(strings, 'safetyPlan.none', reply.text ?? '')),
      'no plan after erasure',
    );
  });
});

describe('safety plan in Teams groups and channels (issue 20)', () => {
  let storage: MemoryAppStorage;
  const channel: TeamsPlace = {
    kind: 'channel',
    channel: '19:general@thread.tacv2',
    thread: '1700000000002',
  };
  const groupChat: TeamsPlace = { kind: 'groupChat', id: '19:group-chat-plan@thread.v2' };

  const connector = useConnector();
  const served = useTestApp({
    per: 'test',
    overrides: () => {
      storage = new MemoryAppStorage();
      return { storage };
    },
  });

  it('a crisis message in a channel gets the crisis lines there, with no plan button and nothing asked', async () => {
    await postTeams(
      served.url,
      teamsActivity(channel, teamsUser('ana'), { text: 'i want to kill myself' }, connector.url),
    );
    const [reply, ...more] = connector.newTexts(conversationIdOf(channel));
    assert.deepEqual(more, []);
    assert.ok(reply?.startsWith(t('safety.dangerIntro')), reply);
    assert.ok(!reply?.includes(t('safety.myPlan')));
    assert.equal(connector.received.at(-1)?.suggestedActions, undefined);
  });

  for (const place of [channel, groupChat]) {
    for (const words of ['my safety plan', 'make a safety plan', 'change my warning signs']) {
      it(`"${words}" in a ${place.kind} points to the personal chat; nothing is asked, shown or kept`, async () => {
        await postTeams(served.url, teamsActivity(place, teamsUser('ana'), { text: words }, connector.url));
        const replies = connector.newTexts(conversationIdOf(place));
        assert.equal(replies.length, 1);
        assert.ok(replies[0]?.startsWith(t('safetyPlan.inGroup')), replies[0]);
        assert.ok(!replies[0]?.includes(t('safetyPlan.title')), 'no plan shown');
        assert.equal(connector.received.at(-1)?.attachments, undefined, 'no card');
        assert.equal(connector.received.at(-1)?.suggestedActions, undefined, 'no question');
        const stored = await storage.read([userStateKey('msteams', teamsUser('ana').id)]);
        assert.deepEqual(stored, {}, 'nothing stored about the person');
      });
    }
  }
});
