import {
  buildContext,
  type ClauseFacts,
  type MarkerSpans,
  type MessageContext,
  type Span,
} from './message-context.js';
import { compilePatterns, type Lexicon } from './phrase-pattern.js';
import { loadSafetyRules, type SafetyRule, type SafetyRules } from './safety-rules.js';
import { type FoldedText, foldText, type Spellings } from './safety-text.js';

/**
 * danger: someone may die or be hurt now (suicidal intent or plan, an overdose happening, someone
 * not breathing, self-harm now, harm to others). concern: hopelessness, a strong urge to use, fear
 * of returning to use, not safe at home. none: anything else.
 */
export type SafetyLevel = 'danger' | 'concern' | 'none';

/** What the safety gate concluded about one message. Holds rule ids only, never message text. */
export interface SafetyResult {
  readonly level: SafetyLevel;
  /**
   * True when the words say it outright ("I took all my pills"); false when they are a hint
   * ("everyone would be better off without me"): the bot then checks with the person first.
   */
  readonly explicit: boolean;
  /** Ids of the rules (and combinations) that fired. */
  readonly signals: readonly string[];
  /** `rule-id:reason` for matches set aside as idiom, negated, past or hypothetical. */
  readonly suppressed: readonly string[];
}

interface CompiledRule {
  readonly rule: SafetyRule;
  readonly regex: RegExp;
}

interface CompiledIdiom {
  readonly regex: RegExp;
  readonly unless: RegExp | undefined;
}

/** Everything found in one message before its rule matches are judged. */
interface Scan {
  readonly folded: FoldedText;
  readonly context: MessageContext;
  /** Last word of each negation ("not", "no longer") and of each adjacent-only one ("no"). */
  readonly negationEnds: ReadonlySet<number>;
  readonly adjacentNegationEnds: ReadonlySet<number>;
  readonly idioms: readonly Span[];
}

type Verdict =
  | { readonly counts: true; readonly explicit: boolean }
  | { readonly counts: false; readonly reason: 'idiom' | 'hypothetical' | 'negated' | 'past' };

/** How many words may sit between a negation and the phrase: "not really going to ...". */
const NEGATION_REACH = 3;
/** How far back a past auxiliary reaches: "was so suicidal". */
const AUXILIARY_REACH = 2;
const RANK: Readonly<Record<SafetyLevel, number>> = { none: 0, concern: 1, danger: 2 };

/** Index of the word starting at or before `offset` (binary search over word starts). */
function wordAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Every match of `regex` as word spans, overlapping ones included. */
function spansOf(regex: RegExp, folded: FoldedText): Span[] {
  const spans: Span[] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(folded.text); match !== null; match = regex.exec(folded.text)) {
    const first = wordAt(folded.starts, match.index);
    spans.push({ first, last: wordAt(folded.starts, match.index + Math.max(match[0].length - 1, 0)) });
    regex.lastIndex = match.index + 1;
  }
  return spans;
}

/**
 * The safety gate's classifier: rules from resources/safety-rules.json, compiled once, applied to
 * every inbound message. Pure and synchronous; linear in the message length.
 *
 * A rule match counts unless an idiom covers it ("this form is killing me"), it is about a
 * generic or reported subject ("if someone overdoses", "that song"), it is negated ("I'm not going
 * to hurt myself"), or it is placed in the distant past ("I overdosed three years ago and now I
 * help others"). Recent past or past tense alone keeps the level but asks to confirm.
 */
export class SafetyClassifier {
  private readonly spellings: Spellings;
  private readonly rules: readonly CompiledRule[];
  private readonly idioms: readonly CompiledIdiom[];
  private readonly markers: Readonly<Record<keyof MarkerSpans | 'negations' | 'adjacentNegations', RegExp>>;
  private readonly negationBreakers: ReadonlySet<string>;
  private readonly pastAuxiliaries: ReadonlySet<string>;
  private readonly combos: SafetyRules['combos'];
  private readonly levelOf: ReadonlyMap<string, { level: SafetyLevel | 'cue'; explicit: boolean }>;

  constructor(rules: SafetyRules) {
    const lexicon: Lexicon = new Map(Object.entries(rules.lexicon));
    const compile = (patterns: readonly string[]) => compilePatterns(patterns, lexicon);
    this.spellings = {
      tokens: new Map(Object.entries(rules.spellings.tokens)),
      emoji: new Map(
        Object.entries(rules.spellings.emoji).map(([emoji, word]) => [emoji.replace(/\ufe0f/g, ''), word]),
      ),
    };
    this.rules = rules.rules.map((rule) => ({ rule, regex: compile(rule.patterns) }));
    this.idioms = rules.idioms.map((idiom) => ({
      regex: compile(idiom.patterns),
      unless: idiom.unless.length > 0 ? compile(idiom.unless) : undefined,
    }));
    const m = rules.markers;
    this.markers = {
      negations: compile(m.negations),
      adjacentNegations: compile(m.adjacentNegations),
      clauseBreaks: compile(m.clauseBreaks),
      presentIntros: compile(m.presentIntros),
      distantPast: compile(m.distantPast),
      recentPast: compile(m.recentPast),
      present: compile(m.present),
      hypothetical: compile(m.hypothetical),
      recurrence: compile(m.recurrence),
      story: compile(m.story),
    };
    this.negationBreakers = new Set(m.negationBreakers);
    this.pastAuxiliaries = new Set(m.pastAuxiliaries);
    this.combos = rules.combos;
    this.levelOf = new Map([
      ...rules.rules.map((rule) => [rule.id, { level: rule.level, explicit: rule.explicit }] as const),
      ...rules.combos.map((combo) => [combo.id, { level: combo.level, explicit: combo.explicit }] as const),
    ]);
  }

  /** Classifies one message. Linear in its length; returns for any string. */
  classify(message: string): SafetyResult {
    const folded = foldText(message, this.spellings);
    if (folded.words.length === 0) return { level: 'none', explicit: false, signals: [], suppressed: [] };
    const find = (regex: RegExp) => spansOf(regex, folded);
    const scan: Scan = {
      folded,
      context: buildContext(folded, {
        clauseBreaks: find(this.markers.clauseBreaks),
        presentIntros: find(this.markers.presentIntros),
        distantPast: find(this.markers.distantPast),
        recentPast: find(this.markers.recentPast),
        present: find(this.markers.present),
        hypothetical: find(this.markers.hypothetical),
        recurrence: find(this.markers.recurrence),
        story: find(this.markers.story),
      }),
      negationEnds: new Set(find(this.markers.negations).map((span) => span.last)),
      adjacentNegationEnds: new Set(find(this.markers.adjacentNegations).map((span) => span.last)),
      idioms: this.idiomSpans(folded),
    };
    const fired = new Map<string, boolean>();
    const suppressed = new Set<string>();
    for (const { rule, regex } of this.rules) {
      for (const span of find(regex)) {
        const verdict = this.judge(rule, span, scan);
        if (verdict.counts) fired.set(rule.id, (fired.get(rule.id) ?? false) || verdict.explicit);
        else suppressed.add(`${rule.id}:${verdict.reason}`);
      }
    }
    for (const combo of this.combos) {
      if (combo.all.every((id) => fired.has(id))) fired.set(combo.id, combo.explicit);
    }
    return this.result(fired, suppressed);
  }

  /** Whether one match counts, and if so whether it is explicit; if not, why it was set aside. */
  private judge(rule: SafetyRule, span: Span, scan: Scan): Verdict {
    if (this.inIdiom(span, scan.idioms)) return { counts: false, reason: 'idiom' };
    if (this.clauseOf(span, scan.context).hypothetical) return { counts: false, reason: 'hypothetical' };
    if (this.negated(span, scan)) return { counts: false, reason: 'negated' };
    const tense = this.tense(rule, span, scan.folded, scan.context);
    if (tense === 'past') return { counts: false, reason: 'past' };
    return { counts: true, explicit: rule.explicit && tense === 'as-is' };
  }

  private idiomSpans(folded: FoldedText): Span[] {
    const spans: Span[] = [];
    for (const idiom of this.idioms) {
      const found = spansOf(idiom.regex, folded);
      if (found.length === 0) continue;
      const blocked = new Set(
        idiom.unless ? spansOf(idiom.unless, folded).map((span) => folded.sentenceOf[span.first]) : [],
      );
      for (const span of found) {
        if (!blocked.has(folded.sentenceOf[span.first])) spans.push(span);
      }
    }
    return spans;
  }

  /** Covered by an idiom, unless the match contains the whole idiom (a more specific phrase). */
  private inIdiom(span: Span, idioms: readonly Span[]): boolean {
    return idioms.some(
      (idiom) =>
        idiom.first <= span.last &&
        span.first <= idiom.last &&
        !(span.first <= idiom.first && idiom.last <= span.last),
    );
  }

  private clauseOf(span: Span, context: MessageContext): ClauseFacts {
    const clause = context.clauses[context.clauseOf[span.first] ?? -1];
    if (!clause) throw new Error('a match outside every clause: foldText and buildContext disagree');
    return clause;
  }

  /** A negation ends just before the match, with no breaker ("stop", ",") in between. */
  private negated(span: Span, { folded, negationEnds, adjacentNegationEnds }: Scan): boolean {
    const before = span.first - 1;
    if (adjacentNegationEnds.has(before) && folded.sentenceOf[before] === folded.sentenceOf[span.first]) {
      return true;
    }
    for (let index = span.first - 1; index >= 0 && index >= span.first - 1 - NEGATION_REACH; index -= 1) {
      if (folded.sentenceOf[index] !== folded.sentenceOf[span.first]) return false;
      if (negationEnds.has(index)) return true;
      if (this.negationBreakers.has(folded.words[index] ?? '')) return false;
    }
    return false;
  }

  private pastAuxiliaryBefore(span: Span, folded: FoldedText): boolean {
    for (let index = span.first - 1; index >= 0 && index >= span.first - AUXILIARY_REACH; index -= 1) {
      if (folded.sentenceOf[index] !== folded.sentenceOf[span.first]) return false;
      if (this.pastAuxiliaries.has(folded.words[index] ?? '')) return true;
    }
    return false;
  }

  /**
   * Where the match sits in time. `as-is`: now, or no sign otherwise. `confirm`: recent or told in
   * the past tense, still counted but the bot asks. `past`: a distant or finished event.
   */
  private tense(
    rule: SafetyRule,
    span: Span,
    folded: FoldedText,
    context: MessageContext,
  ): 'as-is' | 'confirm' | 'past' {
    const clause = this.clauseOf(span, context);
    if (clause.present || context.recurrence) return 'as-is';
    if (clause.recent) return 'confirm';
    if (clause.distant) return 'past';
    const sentence = clause.sentence;
    if (!clause.presentIntro && context.sentenceDistant[sentence] && !context.sentencePresent[sentence]) {
      return 'past';
    }
    const pastForm = rule.pastForm || this.pastAuxiliaryBefore(span, folded);
    if (pastForm && (context.story || clause.laterPresentIntro)) return 'past';
    return pastForm ? 'confirm' : 'as-is';
  }

  private result(fired: ReadonlyMap<string, boolean>, suppressed: ReadonlySet<string>): SafetyResult {
    let level: SafetyLevel = 'none';
    for (const id of fired.keys()) {
      const ruleLevel = this.levelOf.get(id)?.level;
      if (ruleLevel && ruleLevel !== 'cue' && RANK[ruleLevel] > RANK[level]) level = ruleLevel;
    }
    const explicit = [...fired].some(
      ([id, isExplicit]) => isExplicit && this.levelOf.get(id)?.level === level,
    );
    return {
      level,
      explicit: level !== 'none' && explicit,
      signals: [...fired.keys()],
      suppressed: [...suppressed].filter((entry) => !fired.has(entry.slice(0, entry.indexOf(':')))),
    };
  }
}

/** Builds the classifier from the shipped rules file (or `dir`); throws a ResourceError if invalid. */
export function loadSafetyClassifier(dir?: string): SafetyClassifier {
  return new SafetyClassifier(loadSafetyRules(dir));
}
