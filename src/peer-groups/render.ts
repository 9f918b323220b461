import { type Activity, ActivityTypes, type Attachment } from 'botbuilder';
import { adaptiveCard, type OpenUrlAction, textBlock } from '../cards/adaptive-card.js';
import { cardSafe } from '../cards/plain-text.js';
import { sayDay, sayMoment, sayZone } from '../content/say-date.js';
import type { StringKey, Strings } from '../content/strings.js';
import type { GroupFormat } from '../language/intents/index.js';
import { parseWallTime, wallTimeAt, type Zone } from '../language/intents/time-zone.js';
import { type ApproachAnswer, type Filter, filters, type Match, type Preferences } from './matching.js';
import type { Daypart, When } from './schedule.js';
import type { Focus, PeerGroup } from './schema.js';

const focusTerms: Readonly<Record<Focus, StringKey>> = {
  alcohol: 'peerGroupTerms.focusAlcohol',
  otherDrugs: 'peerGroupTerms.focusOtherDrugs',
  anySubstance: 'peerGroupTerms.focusAnySubstance',
  mentalHealth: 'peerGroupTerms.focusMentalHealth',
  coOccurring: 'peerGroupTerms.focusCoOccurring',
  familyFriends: 'peerGroupTerms.focusFamilyFriends',
};
const approachTerms: Readonly<Record<ApproachAnswer, StringKey>> = {
  twelveStep: 'peerGroupTerms.approachTwelveStep',
  notTwelveStep: 'peerGroupTerms.approachNotTwelveStep',
  secular: 'peerGroupTerms.approachSecular',
  faithBased: 'peerGroupTerms.approachFaithBased',
  buddhist: 'peerGroupTerms.approachBuddhist',
  allPathways: 'peerGroupTerms.approachAllPathways',
};
const formatTerms: Readonly<Record<GroupFormat, StringKey>> = {
  online: 'peerGroupTerms.formatOnline',
  inPerson: 'peerGroupTerms.formatInPerson',
  phone: 'peerGroupTerms.formatPhone',
};
const partTerms: Readonly<Record<Daypart, StringKey>> = {
  morning: 'peerGroupWhen.partMorning',
  afternoon: 'peerGroupWhen.partAfternoon',
  evening: 'peerGroupWhen.partEvening',
  night: 'peerGroupWhen.partNight',
};
/** How each answer is named when offering to leave it out ("medication-friendly"). */
export const filterTerms: Readonly<Record<Filter, StringKey>> = {
  focus: 'peerGroupTerms.filterFocus',
  approach: 'peerGroupTerms.filterApproach',
  format: 'peerGroupTerms.filterFormat',
  when: 'peerGroupTerms.filterWhen',
  place: 'peerGroupTerms.filterPlace',
  medication: 'peerGroupTerms.filterMedication',
};

/** One result as the message text says it and as a card shows it (the same lines). */
export interface RenderedMatch {
  text: string;
  card: Attachment;
}

/**
 * Puts the finder's answers and results into words, all from resources/locales: the text every
 * channel shows, and Adaptive Cards (escaped, see cards/) for channels that render them.
 */
export class PeerGroupWriter {
  private readonly and: Intl.ListFormat;
  private readonly or: Intl.ListFormat;

  constructor(
    private readonly strings: Strings,
    /** The person's zone: meeting times are said on their clock, named ("EDT"). */
    private readonly zone: Zone,
  ) {
    this.and = new Intl.ListFormat(strings.locale, { type: 'conjunction' });
    this.or = new Intl.ListFormat(strings.locale, { type: 'disjunction' });
  }

  /** "Saturday, May 10 at 10:00 AM EDT": a meeting on the person's clock, written as every date is. */
  meetingTime(at: Date): string {
    const wall = wallTimeAt(at, this.zone);
    return `${sayMoment(wall, this.strings, wall.year)} ${sayZone(at, this.zone.name, this.strings.locale)}`;
  }

  /**
   * The results as one message, shown once: where the channel renders cards (`cards`), a short
   * intro and a card per group, each card carrying its own text as fallback; elsewhere the
   * whole list as plain text.
   */
  matchesActivity(matches: readonly Match[], intro: readonly string[], cards: boolean): Partial<Activity> {
    const rendered = matches.map((match, index) => this.match(match, index + 1));
    const message = { type: ActivityTypes.Message, textFormat: 'plain' } as const;
    if (!cards) return { ...message, text: [...intro, ...rendered.map((r) => r.text)].join('\n\n') };
    return {
      ...message,
      text: intro.join('\n\n'),
      attachments: rendered.map((r) => r.card),
      attachmentLayout: 'list',
    };
  }

  /** The answers that narrow the search, as a phrase: "for alcohol, 12-step, and online". */
  summary(prefs: Preferences): string {
    const given = filters.filter((filter) => prefs[filter] !== undefined && prefs[filter] !== 'any');
    return given.length > 0
      ? this.and.format(given.map((filter) => this.value(filter, prefs, true)))
      : this.strings.text('peerGroupTerms.anyGroup');
  }

  /** One answer in words ("by phone", "evenings on weekdays"); "no preference" when open. */
  value(filter: Filter, prefs: Preferences, inSummary = false): string {
    const { strings } = this;
    const { focus, approach, format, when, place, medication } = prefs;
    switch (filter) {
      case 'focus': {
        if (focus === undefined || focus === 'any') break;
        const term = strings.text(focusTerms[focus]);
        return inSummary ? strings.text('peerGroupTerms.summaryFocus', { focus: term }) : term;
      }
      case 'approach':
        if (approach === undefined || approach === 'any') break;
        return strings.text(approachTerms[approach]);
      case 'format':
        if (format === undefined || format === 'any') break;
        return strings.text(formatTerms[format]);
      case 'when':
        if (when === undefined || when === 'any') break;
        return this.when(when);
      case 'place':
        if (place === undefined || place === 'any') break;
        return inSummary ? strings.text('peerGroupTerms.summaryPlace', { place: place.text }) : place.text;
      case 'medication':
        if (medication !== 'required') break;
        return strings.text('peerGroupTerms.medicationRequired');
    }
    return strings.text('peerGroupTerms.noPreference');
  }

  /** "evenings on weekdays", "Saturdays", "mornings or evenings". */
  when(when: When): string {
    const { strings } = this;
    const parts =
      when.parts.length > 0 ? this.or.format(when.parts.map((p) => strings.text(partTerms[p]))) : '';
    const days = this.days(when.days);
    if (parts && days) return strings.text('peerGroupWhen.partsOnDays', { parts, days });
    if (days) return strings.text('peerGroupWhen.daysOnly', { days });
    return parts || strings.text('peerGroupWhen.anyTime');
  }

  private days(days: readonly number[]): string {
    const key = days.join();
    if (key === '1,2,3,4,5') return this.strings.text('peerGroupWhen.weekdays');
    if (key === '0,6') return this.strings.text('peerGroupWhen.weekends');
    return this.and.format(days.map((day) => this.strings.text('peerGroupWhen.dayNames', {}, day)));
  }

  /** A result: its name, why it fits, what to check, when it next meets and how to reach it. */
  match(match: Match, number: number): RenderedMatch {
    const { strings } = this;
    const { group, prefs } = match;
    const reasons: string[] = [];
    const notes: string[] = [];
    for (const filter of filters) {
      const verdict = match.verdicts[filter];
      if (verdict === 'yes') reasons.push(this.reason(filter, group, prefs));
      if (verdict === 'maybe') notes.push(this.note(filter, group, prefs));
    }
    const lines = [
      ...(group.kind === 'national' ? [strings.text('peerGroupCards.national'), group.about] : []),
      ...(reasons.length > 0
        ? [strings.text('peerGroupCards.whyFits', { reasons: this.and.format(reasons) })]
        : []),
      ...notes.map((note) => strings.text('peerGroupCards.toCheck', { note })),
      ...(match.verdicts.medication === 'maybe' ? [strings.text('peerGroupCards.askMedication')] : []),
      ...this.details(match),
    ];
    const title = strings.text('peerGroupCards.item', { number, name: group.name });
    return {
      text: [title, ...lines.map((line) => `  ${line}`)].join('\n'),
      card: adaptiveCard({
        fallbackText: cardSafe([title, ...lines].join('\n')),
        body: [
          textBlock(group.name, { weight: 'Bolder', size: 'Medium' }),
          ...lines.map((line) => textBlock(line, { spacing: 'Small' })),
        ],
        actions: this.links(group),
      }),
    };
  }

  private reason(filter: Filter, group: PeerGroup, prefs: Preferences): string {
    const { strings } = this;
    switch (filter) {
      case 'focus':
        return strings.text('peerGroupCards.reasonFocus', { focus: this.value('focus', prefs) });
      case 'approach':
        return strings.text('peerGroupCards.reasonApproach', { approach: this.value('approach', prefs) });
      case 'format':
        return strings.text('peerGroupCards.reasonFormat', { format: this.value('format', prefs) });
      case 'when':
        return strings.text('peerGroupCards.reasonWhen', { when: this.value('when', prefs) });
      case 'place':
        return strings.text('peerGroupCards.reasonPlace', {
          place: group.kind === 'local' && group.address ? group.address.city : this.value('place', prefs),
        });
      case 'medication':
        return strings.text('peerGroupCards.reasonMedication');
    }
  }

  /** What to check about a "maybe" (for medication: a policy not known, or left to each group). */
  private note(filter: Filter, group: PeerGroup, prefs: Preferences): string {
    const { strings } = this;
    switch (filter) {
      case 'focus':
        return strings.text('peerGroupCards.noteFocus', {
          focus: this.and.format(group.focus.map((f) => strings.text(focusTerms[f]))),
        });
      case 'approach':
        return group.approach.length === 0
          ? strings.text('peerGroupCards.noteApproachNone')
          : strings.text('peerGroupCards.noteApproachAllPathways', {
              approach: this.value('approach', prefs),
            });
      case 'format':
        return strings.text('peerGroupCards.noteFormat', { format: this.value('format', prefs) });
      case 'when':
        return strings.text('peerGroupCards.noteWhen');
      case 'place':
        return group.kind === 'local' && group.address
          ? strings.text('peerGroupCards.notePlaceArea', {
              city: group.address.city,
              place: this.value('place', prefs),
            })
          : strings.text('peerGroupCards.notePlaceFinder', { place: this.value('place', prefs) });
      case 'medication':
        return strings.text(
          group.medicationFriendly === 'eachGroup'
            ? 'peerGroupCards.noteMedicationEachGroup'
            : 'peerGroupCards.noteMedicationUnknown',
        );
    }
  }

  /** Next meeting, where, and how to reach them: only verified contact details. */
  private details(match: Match): string[] {
    const { strings } = this;
    const { group } = match;
    const lines: string[] = [];
    if (group.kind === 'national') {
      lines.push(strings.text('peerGroupCards.howToFind', { how: group.howToFind }));
    } else {
      if (match.nextMeeting) {
        lines.push(strings.text('peerGroupCards.nextMeeting', { time: this.meetingTime(match.nextMeeting) }));
      } else if (group.schedule) {
        lines.push(strings.text('peerGroupCards.noMeetingSoon'));
      }
      const { address } = group;
      if (address) {
        const place = [address.street, address.city, `${address.state} ${address.zip}`]
          .filter(Boolean)
          .join(', ');
        lines.push(strings.text('peerGroupCards.address', { address: place }));
      }
      if (group.onlineLink) lines.push(strings.text('peerGroupCards.onlineLink', { link: group.onlineLink }));
      if (group.dialIn) lines.push(strings.text('peerGroupCards.dialIn', { phone: group.dialIn }));
    }
    const contact = group.contact?.verified ? group.contact : undefined;
    if (contact?.phone) lines.push(strings.text('peerGroupCards.phone', { phone: contact.phone }));
    if (contact?.text) lines.push(strings.text('peerGroupCards.text', { text: contact.text }));
    if (contact?.email) lines.push(strings.text('peerGroupCards.email', { email: contact.email }));
    if (contact?.url) lines.push(strings.text('peerGroupCards.website', { url: contact.url }));
    if (contact?.hours) lines.push(strings.text('peerGroupCards.hours', { hours: contact.hours }));
    if (group.languages) {
      lines.push(strings.text('peerGroupCards.languages', { languages: this.and.format(group.languages) }));
    }
    if (group.kind === 'local' && group.accessibility) {
      lines.push(strings.text('peerGroupCards.accessibility', { notes: group.accessibility }));
    }
    if (group.lastVerified) {
      // A calendar date ("2025-04-01" is April 1, 2025 everywhere).
      const date = sayDay(parseWallTime(group.lastVerified), strings.locale, { year: true, weekday: false });
      lines.push(strings.text('peerGroupCards.lastVerified', { date }));
    }
    return lines;
  }

  /** Buttons for the group's verified https links. */
  private links(group: PeerGroup): OpenUrlAction[] {
    const { strings } = this;
    const actions: OpenUrlAction[] = [];
    if (group.kind === 'local' && group.onlineLink) {
      actions.push({
        type: 'Action.OpenUrl',
        title: strings.text('peerGroupCards.openLink'),
        url: group.onlineLink,
      });
    }
    if (group.contact?.verified && group.contact.url) {
      actions.push({
        type: 'Action.OpenUrl',
        title: strings.text('peerGroupCards.openWebsite'),
        url: group.contact.url,
      });
    }
    return actions;
  }
}
