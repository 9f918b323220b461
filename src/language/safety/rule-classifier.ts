import {
  buildContext,
  type ClauseFacts,
  type MarkerSpans,
  type MessageContext,
  type Span,
} from './message-context.js';
import { compilePatterns, type Lexicon } from './phrase-pattern.js';
import type { SafetyLevel, SafetyResult } from './safety-result.js';
import type { SafetyRule, SafetyRules } from './safety-rules.js';
import { overdoseCategories, type SafetyCategory } from './safety-taxonomy.js';
import { type FoldedText, foldText, type Spellings } from './safety-text.js';

/**
 * What the rules concluded about one message, and the message as the learned layer reads it. The
 * readings are computed on demand: when the rules already say danger they are not needed.
 */
export interface RuleInspection {
  readonly result: SafetyResult;
  /** The message reads as Spanish (see `readsSpanish`), whatever its level. */
  readonly spanish: boolean;
  /** Danger categories that cues which fired hint at (see SafetyRule.category). */
  readonly hints: ReadonlySet<SafetyCategory>;
  /** True when the rules set some match aside (idiom, negated, hypothetical, past). */
  readonly setAside: boolean;
  /** The folded words within the first `limit` characters (see RuleClassifier.read). */
  reading(): string;
  /** The same, minus every word of a match the rules set aside and of what set it aside. */
  evidence(): string;
}

interface CompiledRule {
  readonly rule: SafetyRule;
  readonly regex: RegExp;
  /** Ordinary contexts that set the rule's matches in the same sentence aside (see SafetyRule.unless). */
  readonly unless: RegExp | undefined;
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

/**
 * Words a set-aside match takes out of the learned layer's view: a span (the idiom, or the
 * negation through the phrase) or a whole clause (about the past, or about someone in general).
 */
type SetAside = { readonly span: Span } | { readonly clause: number };

type Verdict =
  | { readonly counts: true; readonly explicit: boolean }
  | {
      readonly counts: false;
      readonly reason: 'idiom' | 'ordinary' | 'hypothetical' | 'negated' | 'past';
      readonly setAside: SetAside;
    };

/** How many words may sit between a negation and the phrase: "not really going to ...". */
const NEGATION_REACH = 3;
/** How far back a past auxiliary reaches: "was so suicidal". */
const AUXILIARY_REACH = 2;
const RANK: Readonly<Record<SafetyLevel, number>> = { none: 0, concern: 1, danger: 2 };

/** What a rule or combination that fired says about the message. */
interface RuleInfo {
  readonly level: SafetyLevel | 'cue';
  readonly explicit: boolean;
  readonly category: SafetyCategory | undefined;
  readonly spanish: boolean;
}

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

/** The words from the first of two spans to the last of them. */
function joined(a: Span, b: Span): Span {
  return { first: Math.min(a.first, b.first), last: Math.max(a.last, b.last) };
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
 * The safety gate's first layer: rules from resources/safety-rules.json, compiled once, applied to
 * every inbound message. Pure and synchronous; linear in the message length.
 *
 * A rule match counts unless an idiom covers it ("this form is killing me"), it is about a
 * generic or reported subject ("if someone overdoses", "that song"), it is negated ("I'm not going
 * to hurt myself"), or it is placed in the distant past ("I overdosed three years ago and now I
 * help others"). Recent past or past tense alone keeps the level but asks to confirm.
 */
export class RuleClassifier {
  private readonly spellings: Spellings;
  private readonly rules: readonly CompiledRule[];
  private readonly idioms: readonly CompiledIdiom[];
  private readonly markers: Readonly<Record<keyof MarkerSpans | 'negations' | 'adjacentNegations', RegExp>>;
  private readonly negationBreakers: ReadonlySet<string>;
  private readonly pastAuxiliaries: ReadonlySet<string>;
  private readonly combos: SafetyRules['combos'];
  private readonly info: ReadonlyMap<string, RuleInfo>;
  private readonly spanishWords: ReadonlySet<string>;
  private readonly englishWords: ReadonlySet<string>;

  constructor(rules: SafetyRules) {
    const lexicon: Lexicon = new Map(Object.entries(rules.lexicon));
    const compile = (patterns: readonly string[]) => compilePatterns(patterns, lexicon);
    this.spellings = {
      tokens: new Map(Object.entries(rules.spellings.tokens)),
      emoji: new Map(
        Object.entries(rules.spellings.emoji).map(([emoji, word]) => [emoji.replace(/\ufe0f/g, ''), word]),
      ),
    };
    this.rules = rules.rules.map((rule) => ({
      rule,
      regex: compile(rule.patterns),
      unless: rule.unless.length > 0 ? compile(rule.unless) : undefined,
    }));
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
      over: compile(m.over),
    };
    this.negationBreakers = new Set(m.negationBreakers);
    this.pastAuxiliaries = new Set(m.pastAuxiliaries);
    this.combos = rules.combos;
    const infoOf = (entry: SafetyRule | SafetyRules['combos'][number]): readonly [string, RuleInfo] => [
      entry.id,
      {
        level: entry.level,
        explicit: entry.explicit,
        category: entry.category,
        spanish: 'lang' in entry && entry.lang === 'es',
      },
    ];
    this.info = new Map([...rules.rules.map(infoOf), ...rules.combos.map(infoOf)]);
    this.spanishWords = new Set(rules.languages.es);
    this.englishWords = new Set(rules.languages.en);
  }

  /** Classifies one message. Linear in its length; returns for any string. */
  classify(message: string): SafetyResult {
    return this.inspect(message).result;
  }

  /**
   * The message as the learned layer reads it: folded as the rules fold it (so "kms" and "💊"
   * mean the same to both layers), words within the first `limit` characters, commas dropped.
   * The limit bounds that layer's cost whatever the message length; the rules read everything.
   */
  read(message: string, limit = Number.POSITIVE_INFINITY): string {
    return wordsOf(foldText(message, this.spellings), undefined, [], limit);
  }

  /** Classifies one message and keeps its readings for the learned layer (see `read`). */
  inspect(message: string, limit = Number.POSITIVE_INFINITY): RuleInspection {
    const folded = foldText(message, this.spellings);
    if (folded.words.length === 0) {
      const result: SafetyResult = {
        level: 'none',
        explicit: false,
        signals: [],
        suppressed: [],
        overdose: false,
      };
      return {
        result,
        spanish: false,
        hints: new Set(),
        setAside: false,
        reading: () => '',
        evidence: () => '',
      };
    }
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
        over: find(this.markers.over),
      }),
      negationEnds: new Set(find(this.markers.negations).map((span) => span.last)),
      adjacentNegationEnds: new Set(find(this.markers.adjacentNegations).map((span) => span.last)),
      idioms: this.idiomSpans(folded),
    };
    const fired = new Map<string, boolean>();
    const suppressed = new Set<string>();
    const setAside: SetAside[] = [];
    for (const { rule, regex, unless } of this.rules) {
      const matches = find(regex);
      const ordinary = matches.length > 0 && unless ? find(unless) : [];
      for (const span of matches) {
        const context = ordinary.find(
          (other) => folded.sentenceOf[other.first] === folded.sentenceOf[span.first],
        );
        const verdict: Verdict = context
          ? { counts: false, reason: 'ordinary', setAside: { span: joined(span, context) } }
          : this.judge(rule, span, scan);
        if (verdict.counts) {
          fired.set(rule.id, (fired.get(rule.id) ?? false) || verdict.explicit);
        } else {
          suppressed.add(`${rule.id}:${verdict.reason}`);
          setAside.push(verdict.setAside);
        }
      }
    }
    for (const combo of this.combos) {
      if (combo.all.every((id) => fired.has(id))) fired.set(combo.id, combo.explicit);
    }
    const spanish = this.readsSpanish(folded.words);
    const hints = new Set(
      [...fired.keys()].flatMap((id) => {
        const info = this.info.get(id);
        return info?.level === 'cue' && info.category ? [info.category] : [];
      }),
    );
    return {
      result: this.result(fired, suppressed, spanish),
      spanish,
      hints,
      setAside: setAside.length > 0,
      reading: () => wordsOf(folded, undefined, [], limit),
      evidence: () => wordsOf(folded, scan.context, setAside, limit),
    };
  }

  /** Whether one match counts, and if so whether it is explicit; if not, why it was set aside. */
  private judge(rule: SafetyRule, span: Span, scan: Scan): Verdict {
    const idiom = this.idiomAround(span, scan.idioms);
    if (idiom) return { counts: false, reason: 'idiom', setAside: { span: idiom } };
    const clause = scan.context.clauseOf[span.first] ?? -1;
    const hypotheticalFrom = this.clauseOf(span, scan.context).hypotheticalFrom;
    if (hypotheticalFrom !== undefined && hypotheticalFrom <= span.first) {
      return { counts: false, reason: 'hypothetical', setAside: { clause } };
    }
    const negation = this.negation(span, scan);
    if (negation !== undefined) {
      return { counts: false, reason: 'negated', setAside: { span: { first: negation, last: span.last } } };
    }
    const tense = this.tense(rule, span, scan.folded, scan.context);
    if (tense === 'past') return { counts: false, reason: 'past', setAside: { clause } };
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

  /**
   * The match joined with every idiom that covers it, or undefined when none does. An idiom the
   * match contains whole does not cover it (the match is then a more specific phrase).
   */
  private idiomAround(span: Span, idioms: readonly Span[]): Span | undefined {
    let around: Span | undefined;
    for (const idiom of idioms) {
      const covers =
        idiom.first <= span.last &&
        span.first <= idiom.last &&
        !(span.first <= idiom.first && idiom.last <= span.last);
      if (!covers) continue;
      const base = around ?? span;
      around = { first: Math.min(base.first, idiom.first), last: Math.max(base.last, idiom.last) };
    }
    return around;
  }

  private clauseOf(span: Span, context: MessageContext): ClauseFacts {
    const clause = context.clauses[context.clauseOf[span.first] ?? -1];
    if (!clause) throw new Error('a match outside every clause: foldText and buildContext disagree');
    return clause;
  }

  /**
   * Where the negation of the match ends (a word index), or undefined when it is not negated: a
   * negation ends just before the match, with no breaker ("stop", ",") in between.
   */
  private negation(span: Span, { folded, negationEnds, adjacentNegationEnds }: Scan): number | undefined {
    const before = span.first - 1;
    if (adjacentNegationEnds.has(before) && folded.sentenceOf[before] === folded.sentenceOf[span.first]) {
      return before;
    }
    for (let index = span.first - 1; index >= 0 && index >= span.first - 1 - NEGATION_REACH; index -= 1) {
      if (folded.sentenceOf[index] !== folded.sentenceOf[span.first]) return undefined;
      if (negationEnds.has(index)) return index;
      if (this.negationBreakers.has(folded.words[index] ?? '')) return undefined;
    }
    return undefined;
  }

  private pastAuxiliaryBefore(span: Span, folded: FoldedText): boolean {
    for (let index = span.first - 1; index >= 0 && index >= span.first - AUXILIARY_REACH; index -= 1) {
      if (folded.sentenceOf[index] !== folded.sentenceOf[span.first]) return false;
      if (this.pastAuxiliaries.has(folded.words[index] ?? '')) return true;
    }
    return false;
  }

  /**
   * Where the match sits in time. `as-is`: now, or no sign otherwise. `confirm`: told in the past
   * tense, recent or with no time given, still counted but the bot asks. `past`: a distant or
   * finished event.
   */
  private tense(
    rule: SafetyRule,
    span: Span,
    folded: FoldedText,
    context: MessageContext,
  ): 'as-is' | 'confirm' | 'past' {
    const clause = this.clauseOf(span, context);
    if (clause.present || context.recurrence) return 'as-is';
    const pastForm = rule.pastForm || this.pastAuxiliaryBefore(span, folded);
    // Told in the past and said to be over ("od'd last night, hes ok now"): not happening now.
    // Words about now ("still", "right now") were heard above, and other rules read the rest.
    if (pastForm && context.over) return 'past';
    // "this weekend" is recent for "I relapsed", but ahead for "I'm going to kill myself".
    if (clause.recent) return pastForm ? 'confirm' : 'as-is';
    if (clause.distant) return 'past';
    const sentence = clause.sentence;
    if (!clause.presentIntro && context.sentenceDistant[sentence] && !context.sentencePresent[sentence]) {
      return 'past';
    }
    if (pastForm && (context.story || clause.laterPresentIntro)) return 'past';
    return pastForm ? 'confirm' : 'as-is';
  }

  /**
   * The result: the highest level a rule set, explicit when a rule at that level is, an overdose
   * when a rule at danger is of an overdose category, and Spanish when the message reads as
   * Spanish or every rule that set the level is a Spanish one ("my brother no respira").
   */
  private result(
    fired: ReadonlyMap<string, boolean>,
    suppressed: ReadonlySet<string>,
    spanishMessage: boolean,
  ): SafetyResult {
    let level: SafetyLevel = 'none';
    for (const id of fired.keys()) {
      const ruleLevel = this.info.get(id)?.level;
      if (ruleLevel && ruleLevel !== 'cue' && RANK[ruleLevel] > RANK[level]) level = ruleLevel;
    }
    const deciding = [...fired].flatMap(([id, isExplicit]) => {
      const info = this.info.get(id);
      return info && info.level === level ? [{ ...info, isExplicit }] : [];
    });
    const spanish = level !== 'none' && (spanishMessage || deciding.every((rule) => rule.spanish));
    return {
      level,
      explicit: level !== 'none' && deciding.some((rule) => rule.isExplicit),
      signals: [...fired.keys()],
      suppressed: [...suppressed].filter((entry) => !fired.has(entry.slice(0, entry.indexOf(':')))),
      overdose:
        level === 'danger' &&
        deciding.some((rule) => rule.category !== undefined && overdoseCategories.has(rule.category)),
      ...(spanish ? { language: 'es' as const } : {}),
    };
  }

  /** At least two Spanish words and more Spanish than English ones (the lists hold none in both). */
  private readsSpanish(words: readonly string[]): boolean {
    let spanish = 0;
    let english = 0;
    for (const word of words) {
      if (this.spanishWords.has(word)) spanish += 1;
      else if (this.englishWords.has(word)) english += 1;
    }
    return spanish >= 2 && spanish > english;
  }
}

/**
 * The words of `folded` that start before `limit`, minus commas and those set aside, joined by
 * spaces. One pass over the words (a difference array marks the spans), so linear whatever was
 * set aside.
 */
function wordsOf(
  folded: FoldedText,
  context: MessageContext | undefined,
  setAside: readonly SetAside[],
  limit: number,
): string {
  const clauses = new Set<number>();
  const depth = new Int32Array(folded.words.length + 1);
  for (const entry of setAside) {
    if ('clause' in entry) {
      clauses.add(entry.clause);
    } else {
      depth[entry.span.first] = (depth[entry.span.first] ?? 0) + 1;
      depth[entry.span.last + 1] = (depth[entry.span.last + 1] ?? 0) - 1;
    }
  }
  const kept: string[] = [];
  let inside = 0;
  for (let index = 0; index < folded.words.length && (folded.starts[index] ?? 0) < limit; index += 1) {
    inside += depth[index] ?? 0;
    const word = folded.words[index] ?? '';
    const inClause = context !== undefined && clauses.has(context.clauseOf[index] ?? -1);
    if (inside === 0 && word !== ',' && !inClause) kept.push(word);
  }
  return kept.join(' ');
}
