import { conditionFrom } from '../accommodations/conditions.js';
import { escapeMarkdown } from '../cards/markdown.js';
import type { Strings } from '../content/strings.js';
import { clausesOf } from '../language/sentences.js';
import { type PracticeHistory, progressOf } from './history.js';
import { askIn, type Skill, skillNames } from './skills.js';

/** One of the person's turns in a role-play, with the skills noticed in it. */
export interface Turn {
  text: string;
  skills: readonly Skill[];
  /** The line proposed changing a medicine without the prescriber: named kindly, never praised. */
  changesMedicine?: true;
}

/** What the person said before the scene: their request and their reason, in their words. */
export interface SaidBefore {
  request?: string;
  reason?: string;
}

/** The order things to try are suggested in: the ones that move a conversation most, first. */
const tryOrder: readonly Skill[] = [
  'specificRequest',
  'inWriting',
  'statesBenefit',
  'iStatement',
  'checksUnderstanding',
  'negotiates',
  'staysOnTrack',
  'factsNoBlame',
  'mentionsSupport',
  'knowsRights',
];

/** The longest quote of the person's words shown back; enough to recognize, not to re-read. */
const MAX_QUOTE = 90;

/**
 * Writes feedback as a peer gives it: what went well first (each skill with the person's own
 * words), then one or two things to try, each with an example built from what they asked for.
 * No scores: a practice with nothing noticed still gets credit for the effort.
 */
export class FeedbackWriter {
  private readonly notThingStarts: ReadonlySet<string>;

  constructor(private readonly strings: Strings) {
    this.notThingStarts = new Set(strings.variants('practice.notThingStarts'));
  }

  /**
   * The feedback after a scene: what they practiced asking for (their request in their words,
   * else the scene's goal), what went well, then things to try, with their reason where it fits
   * (progress is a line of its own).
   */
  summary(turns: readonly Turn[], goal: string, said: SaidBefore = {}): string {
    const { request, reason } = said;
    const { strings } = this;
    const shown = skillsIn(turns);
    const praised = skillNames
      .filter((skill) => shown.has(skill))
      .slice(0, 2)
      .map((skill) => ({ skill, text: turns.find((turn) => turn.skills.includes(skill))?.text ?? '' }));
    const well = praised.map(({ skill, text }) =>
      strings.text('practiceFeedback.wentWell', {
        skill: strings.text(`practiceSkills.${skill}`),
        quote: quote(text),
      }),
    );
    // A line praised for its skill may name treatment ("iop starts monday", group A, Marcus): how
    // much to share stays the person's choice, so that is said beside it.
    if (praised.some(({ text }) => namesTreatment(strings, text)))
      well.push(strings.text('practiceFeedback.sharedHealth'));
    if (well.length === 0)
      well.push(strings.text('practiceFeedback.wentWellEffort', { count: turns.length }));
    const ask = askOf(turns, goal, this.notThingStarts);
    const tries = tryOrder.filter((skill) => !shown.has(skill)).slice(0, 2);
    const intro = request
      ? strings.text('practiceFeedback.introAbout', { request: escapeMarkdown(request) })
      : strings.text('practiceFeedback.introFor', { goal });
    const lines = [intro, ...well];
    const change = turns.find((turn) => turn.changesMedicine);
    if (change) lines.push(strings.text('practiceFeedback.medicineChange', { quote: quote(change.text) }));
    if (tries.length > 0) {
      lines.push(
        [
          strings.text('practiceFeedback.tryIntro'),
          ...tries.map((skill) => this.tryItem(skill, ask, reason)),
        ].join('\n'),
      );
    }
    return lines.join('\n\n');
  }

  /**
   * Coaching as you go, after one turn: names a skill just shown, or else suggests the first
   * skill not yet shown in the scene, with an example from the person's own request.
   */
  live(turn: Turn, earlier: readonly Turn[], goal: string, reason?: string): string {
    const { strings } = this;
    if (turn.changesMedicine)
      return strings.text('practiceFeedback.coachMedicineChange', {
        question: strings.text('advice.medicalQuestion'),
      });
    const noticed = skillNames.find((skill) => turn.skills.includes(skill));
    if (noticed)
      return strings.text('practiceFeedback.coachNoticed', {
        skill: strings.text(`practiceSkills.${noticed}`),
      });
    const all = [...earlier, turn];
    const shown = skillsIn(all);
    const next = tryOrder.find((skill) => !shown.has(skill)) ?? 'specificRequest';
    return strings.text('practiceFeedback.coachTry', {
      tip: strings.text(`practiceTry.${next}`),
      example: this.example(next, askOf(all, goal, this.notThingStarts), reason),
    });
  }

  /** "You made a specific request in 3 of your last 4 practices"; undefined before there is progress to show. */
  progress(history: PracticeHistory): string | undefined {
    const { strings } = this;
    const progress = progressOf(history);
    if (!progress) return undefined;
    const { skill, count, total } = progress;
    return strings.text('practiceFeedback.progress', {
      skill: strings.text(`practiceSkills.${skill}`),
      count,
      total,
    });
  }

  private tryItem(skill: Skill, ask: string, reason: string | undefined): string {
    const { strings } = this;
    return strings.text('practiceFeedback.tryItem', {
      tip: strings.text(`practiceTry.${skill}`),
      example: this.example(skill, ask, reason),
    });
  }

  /** An example line for `skill`; saying why it helps uses the reason they gave, in their words. */
  private example(skill: Skill, ask: string, reason: string | undefined): string {
    if (skill === 'statesBenefit' && reason)
      return this.strings.text('practiceFeedback.benefitWhy', { ask, reason: quote(reason) });
    return this.strings.text(`practiceExamples.${skill}`, { ask });
  }
}

/** Whether `text` names a treatment or a diagnosis ("iop"), not only "health" or what to keep out. */
function namesTreatment(strings: Strings, text: string): boolean {
  // Clause by clause: "no it cant wait, iop starts monday" names IOP though it opens with "no".
  return clausesOf(text).some((clause) => {
    const named = conditionFrom(strings, clause);
    return named !== undefined && named !== 'private' && named !== 'health';
  });
}

/** Every skill shown in any turn. */
export function skillsIn(turns: readonly Turn[]): Set<Skill> {
  return new Set(turns.flatMap((turn) => turn.skills));
}

/**
 * What the person asked for in their own words (the first request that is a thing, so it fits
 * "I'm asking for ..."), else the scene's goal (always a thing: test/practice/content.test.ts).
 */
function askOf(turns: readonly Turn[], goal: string, notThingStarts: ReadonlySet<string>): string {
  for (const turn of turns) {
    const ask = askIn(turn.text);
    if (ask && isThing(ask, notThingStarts)) return ask;
  }
  return goal;
}

/**
 * Whether `ask` reads as a thing asked for ("Fridays off"), not a clause or an action ("you to
 * call me", "to keep my treatment going", "know if it's safe"), judged by its first word.
 */
export function isThing(ask: string, notThingStarts: ReadonlySet<string>): boolean {
  const first = ask.trim().toLowerCase().split(/\s+/)[0] ?? '';
  return first.length > 0 && !ask.includes('?') && !notThingStarts.has(first.replace(/[^\p{L}\p{N}']/gu, ''));
}

/** The person's words, cut to MAX_QUOTE and escaped: they are echoed in a markdown message. */
function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return escapeMarkdown(flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 3).trimEnd()}...` : flat);
}
