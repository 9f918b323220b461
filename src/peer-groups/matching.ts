import type { GroupApproach, GroupFormat } from '../language/intents/entity-lexicon.js';
import { ianaZone, type Zone } from '../language/intents/time-zone.js';
import { normalizeText } from '../language/normalize.js';
import type { PeerDirectory } from './directory.js';
import { type ClockedMeeting, fits, occurrences, onClock, type When } from './schedule.js';
import type { Focus, MedicationPolicy, PeerGroup } from './schema.js';

/** The questions the finder asks, in the order it asks them; each is one filter. */
export const filters = ['focus', 'approach', 'format', 'when', 'place', 'medication'] as const;
export type Filter = (typeof filters)[number];

/** A city (with an optional state) or a ZIP code, and the words the person typed. */
export interface Place {
  text: string;
  city?: string;
  state?: string;
  zip?: string;
}

/** A kind of group wanted, or 'notTwelveStep': any kind but 12-step ("not 12 step"). */
export type ApproachAnswer = GroupApproach | 'notTwelveStep';

/** The person's answers. Missing: not asked yet; 'any': no preference (skipped or relaxed). */
export interface Preferences {
  focus?: Focus | 'any';
  approach?: ApproachAnswer | 'any';
  format?: GroupFormat | 'any';
  when?: When | 'any';
  place?: Place | 'any';
  medication?: 'required' | 'any';
}

/** How a group meets one answer: yes; maybe (worth checking, said in the card); no. */
export type Verdict = 'yes' | 'maybe' | 'no';

/** A group judged against the answers. */
export interface Match {
  group: PeerGroup;
  /** The answers it was judged against (what "why it fits" refers to). */
  prefs: Preferences;
  /** One verdict per answer that narrows the search (and applies to this group). */
  verdicts: Partial<Record<Filter, Verdict>>;
  /** Its next meeting; when the person said when, the next one at such a time. */
  nextMeeting?: Date;
}

/** The person's now and time zone, which "Saturday morning" is read in. */
export interface SearchContext {
  now: Date;
  zone: Zone;
}

/** For each focus a person picks: the group focuses that fit it, and those that may (broader). */
const focusFit: Readonly<Record<Focus, { yes: readonly Focus[]; maybe: readonly Focus[] }>> = {
  alcohol: { yes: ['alcohol', 'anySubstance'], maybe: ['coOccurring'] },
  otherDrugs: { yes: ['otherDrugs', 'anySubstance'], maybe: ['coOccurring'] },
  anySubstance: { yes: ['anySubstance'], maybe: ['alcohol', 'otherDrugs', 'coOccurring'] },
  mentalHealth: { yes: ['mentalHealth'], maybe: ['coOccurring'] },
  coOccurring: { yes: ['coOccurring'], maybe: ['mentalHealth', 'anySubstance'] },
  familyFriends: { yes: ['familyFriends'], maybe: [] },
};

/**
 * When nothing fits, the answer offered to leave out first: the least personal one that helps.
 * Medication is never offered: leaving it out adds only groups that say they do not welcome
 * people on medication (an unknown policy already passes, as "ask them").
 */
const relaxOrder: readonly Filter[] = ['when', 'place', 'format', 'approach', 'focus'];

/** A boundary the person set ("not 12-step") is never offered to be left out, as medication is not. */
function relaxable(filter: Filter, prefs: Preferences): boolean {
  return given(prefs[filter]) !== undefined && !(filter === 'approach' && prefs.approach === 'notTwelveStep');
}

/** An answer that narrows the search: given, and not "no preference". */
function given<T>(answer: T | 'any' | undefined): T | undefined {
  return answer === 'any' ? undefined : answer;
}

/**
 * One search, at one moment, for one person: each group's meetings of the coming week are
 * worked out once (each time zone resolved once) and read on the person's clock, then judged
 * against any set of answers: the person's, each with one answer left out, the national options.
 */
export class PeerSearch {
  /** Each scheduled group's meetings of the coming week, by group id. */
  private readonly meetings = new Map<string, ClockedMeeting[]>();

  constructor(
    private readonly directory: PeerDirectory,
    context: SearchContext,
  ) {
    const zones = new Map<string, Zone | undefined>();
    for (const group of directory.groups) {
      const schedule = group.kind === 'local' ? group.schedule : undefined;
      if (schedule === undefined) continue;
      if (!zones.has(schedule.timeZone)) zones.set(schedule.timeZone, ianaZone(schedule.timeZone));
      const upcoming = occurrences(schedule, context.now, 8, zones.get(schedule.timeZone));
      this.meetings.set(
        group.id,
        upcoming.map((instant) => onClock(instant, context.zone)),
      );
    }
  }

  /** Judges one group against every answer given. */
  judge(group: PeerGroup, prefs: Preferences): Match {
    const verdicts: Partial<Record<Filter, Verdict>> = {};
    const focus = given(prefs.focus);
    if (focus) {
      const fit = focusFit[focus];
      verdicts.focus = group.focus.some((f) => fit.yes.includes(f))
        ? 'yes'
        : group.focus.some((f) => fit.maybe.includes(f))
          ? 'maybe'
          : 'no';
    }
    const approach = given(prefs.approach);
    if (approach) verdicts.approach = approachVerdict(group.approach, approach);
    const format = given(prefs.format);
    if (format) {
      verdicts.format = group.formats.includes(format)
        ? 'yes'
        : group.kind === 'national' && group.formats.length === 0
          ? 'maybe'
          : 'no';
    }
    const when = given(prefs.when);
    const meetings = this.meetings.get(group.id);
    const next = meetings?.find((meeting) => when === undefined || fits(meeting, when))?.instant;
    if (when) verdicts.when = meetings === undefined ? 'maybe' : next ? 'yes' : 'no';
    const place = given(prefs.place);
    if (place && goesInPerson(group, format)) verdicts.place = placeVerdict(group, place);
    if (given(prefs.medication)) verdicts.medication = medicationVerdict(group.medicationFriendly);
    return { group, prefs, verdicts, ...(next ? { nextMeeting: next } : {}) };
  }

  /** The groups that fit every answer, best fit first, at most `limit`. */
  find(prefs: Preferences, limit = 5): Match[] {
    return this.fitting(this.directory.groups, prefs).slice(0, limit);
  }

  /**
   * When nothing fits: the one answer whose leaving out finds the most groups (ties go to the
   * least personal answer: time before place, format, approach, focus; never medication), and
   * how many it finds. Undefined when leaving out any single answer still finds none.
   */
  relaxation(prefs: Preferences): { filter: Filter; count: number } | undefined {
    let best: { filter: Filter; count: number } | undefined;
    for (const filter of relaxOrder) {
      if (!relaxable(filter, prefs)) continue;
      const relaxed: Preferences = { ...prefs, [filter]: 'any' };
      const count = this.fitting(this.directory.groups, relaxed).length;
      if (count > (best?.count ?? 0)) best = { filter, count };
    }
    return best;
  }

  /**
   * National organizations a person can try from anywhere: those for their focus (never a
   * 12-step one after "not 12-step") that meet online (confirmed first, then
   * those whose formats are not confirmed), and that welcome people on medication or may (when
   * asked), at most `limit`.
   */
  nationalOptions(prefs: Preferences, limit = 3): Match[] {
    const online: Preferences = {
      format: 'online',
      ...(prefs.focus ? { focus: prefs.focus } : {}),
      // A kind asked for may be widened here; a kind ruled out ("not 12-step") stays out.
      ...(prefs.approach === 'notTwelveStep' ? { approach: prefs.approach } : {}),
      ...(prefs.medication ? { medication: prefs.medication } : {}),
    };
    const national = this.directory.groups.filter((group) => group.kind === 'national');
    return this.fitting(national, online).slice(0, limit);
  }

  private fitting(groups: readonly PeerGroup[], prefs: Preferences): Match[] {
    return groups
      .map((group) => this.judge(group, prefs))
      .filter(fitsAll)
      .sort(byFit);
  }
}

/** Only a stated "no" rules a group out; a policy not known, or left to each group, is worth asking. */
function medicationVerdict(policy: MedicationPolicy): Verdict {
  if (policy === 'yes') return 'yes';
  return policy === 'no' ? 'no' : 'maybe';
}

function approachVerdict(tags: readonly GroupApproach[], wanted: ApproachAnswer): Verdict {
  if (wanted === 'notTwelveStep') {
    // A group that names no approach may still follow the 12 steps: worth checking.
    if (tags.includes('twelveStep')) return 'no';
    return tags.length === 0 ? 'maybe' : 'yes';
  }
  if (tags.includes(wanted)) return 'yes';
  // A group for every pathway welcomes this one too; a group with no approach may suit.
  if (tags.length === 0 || (wanted !== 'allPathways' && tags.includes('allPathways'))) return 'maybe';
  return 'no';
}

/** Where the group is matters only when the person would go in person. */
function goesInPerson(group: PeerGroup, format: GroupFormat | undefined): boolean {
  if (format !== undefined) return format === 'inPerson';
  return group.formats.length > 0 && group.formats.every((f) => f === 'inPerson');
}

/**
 * Same ZIP code or same city (and state, when both are known): yes. Same first three ZIP
 * digits (the same mail-sorting area, nearby but maybe not close): maybe. A national
 * organization's meetings are found through its finder: maybe.
 */
function placeVerdict(group: PeerGroup, place: Place): Verdict {
  if (group.kind === 'national') return 'maybe';
  const address = group.address;
  if (address === undefined) return 'no';
  if (place.zip !== undefined) {
    if (place.zip === address.zip) return 'yes';
    return place.zip.slice(0, 3) === address.zip.slice(0, 3) ? 'maybe' : 'no';
  }
  const sameCity = place.city !== undefined && normalizeText(place.city) === normalizeText(address.city);
  const sameState = place.state === undefined || place.state.toUpperCase() === address.state;
  return sameCity && sameState ? 'yes' : 'no';
}

/** True when no answer rules the group out. */
function fitsAll(match: Match): boolean {
  return !Object.values(match.verdicts).includes('no');
}

function maybes(match: Match): number {
  return Object.values(match.verdicts).filter((verdict) => verdict === 'maybe').length;
}

/**
 * Ranks fitting matches: fewest things to check first, then local groups (a real meeting
 * nearby) before national organizations, then the soonest meeting, then by name. The order
 * says how well a group fits the answers, never how good a group or a path is.
 */
function byFit(a: Match, b: Match): number {
  const soonest = (m: Match) => m.nextMeeting?.getTime() ?? Number.POSITIVE_INFINITY;
  return (
    maybes(a) - maybes(b) ||
    Number(a.group.kind === 'national') - Number(b.group.kind === 'national') ||
    soonest(a) - soonest(b) ||
    a.group.name.localeCompare(b.group.name)
  );
}
