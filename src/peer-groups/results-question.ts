import type { Strings } from '../content/strings.js';
import { checkAnswer } from '../language/answer-check.js';
import { normalizeText } from '../language/normalize.js';
import { editDistance, sentencesOf } from '../language/typed-answer.js';
import { type AnswerReader, readPlace, withoutQuestionMarks } from './answers.js';
import type { PeerDirectory } from './directory.js';
import type { Match, Place } from './matching.js';
import type { PeerGroupWriter } from './render.js';
import type { PeerGroup } from './schema.js';

/** What a message typed at the results asks for. */
export type ResultsAsk =
  | { kind: 'none' }
  | { kind: 'more' }
  | { kind: 'place'; place?: Place }
  | { kind: 'link' | 'time' | 'cost' | 'talk' | 'family' | 'medication' | 'unknown' };

/** The topics read from cue words, in the order they are tried ("is it for families too" before "is it"). */
const topics = [
  ['family', 'peerGroupResults.familyWords'],
  ['link', 'peerGroupResults.linkWords'],
  ['time', 'peerGroupResults.timeWords'],
  ['cost', 'peerGroupResults.costWords'],
  ['talk', 'peerGroupResults.talkWords'],
] as const;

/**
 * Questions typed about the groups shown ("wheres the link", "is it free", "what time is it on",
 * "is it for families too", "can i go on suboxone"), answered from the directory, or honestly
 * "I don't know" with how to ask; and "none of these", "more", "anything near me". Never a
 * meeting, address, number or link that is not in resources/peer-groups.json.
 */
export class ResultsQuestions {
  constructor(
    private readonly strings: Strings,
    private readonly reader: AnswerReader,
    private readonly directory: PeerDirectory,
  ) {}

  /** True when the directory holds local in-person groups, so a town or ZIP code can be searched. */
  hasLocalGroups(): boolean {
    return this.directory.groups.some(
      (group) => group.kind === 'local' && group.formats.includes('inPerson'),
    );
  }

  /** What `text` asks at the results, or undefined when it is none of these. */
  read(text: string): ResultsAsk | undefined {
    const folded = withoutQuestionMarks(text);
    if (this.listed(folded, 'peerGroupResults.noneWords')) return { kind: 'none' };
    if (this.listed(folded, 'peerGroupResults.moreWords')) return { kind: 'more' };
    const near = this.placeIn(text);
    if (near) return near;
    const topic = topics.find(([, words]) => this.reader.has(folded, words));
    if (topic) return { kind: topic[0] };
    if (this.reader.medicationOf(text) || this.reader.has(folded, 'peerGroupPolicy.policyWords'))
      return { kind: 'medication' };
    const asks = text.includes('?') || checkAnswer(this.strings, text, { options: [] }).kind === 'question';
    return asks ? { kind: 'unknown' } : undefined;
  }

  /**
   * Each thing a message asks, once per kind, in the order asked: "Thank you. Is SMART Recovery
   * free of charge? And where exactly would the meeting be held here in Dayton?" is the cost, then
   * the place. Empty when it asks none of these ("Thank you, that is all").
   */
  readEach(text: string): ResultsAsk[] {
    const asks = sentencesOf(text).flatMap((sentence) => this.read(sentence) ?? []);
    // "I don't know that" only when nothing else in the message could be answered.
    const known = asks.filter((ask) => ask.kind !== 'unknown');
    const whole = known.length > 0 ? known : [this.read(text) ?? []].flat();
    return whole.filter((ask, i) => whole.findIndex((other) => other.kind === ask.kind) === i);
  }

  /**
   * A place said anywhere ("anything near me", "in person in tucson", "close to 85705"): with
   * the town or ZIP code when one is named. Undefined when no place is said.
   */
  placeIn(text: string): { kind: 'place'; place?: Place } | undefined {
    const folded = normalizeText(text.replace(/\?/g, ' '));
    const zip = /\b(\d{5})\b/.exec(folded)?.[1];
    if (zip) return { kind: 'place', place: { text: zip, zip } };
    // The last "in ..." said: "in person in tucson" is Tucson.
    const named = /^.*\b(?:in|near|around|close to)\s+([a-z][a-z .'-]{1,38})$/.exec(folded)?.[1];
    const first = named?.split(' ')[0] ?? '';
    // "in preson" is "in person" typed fast, not a town.
    const stop = this.strings
      .variants('peerGroupResults.notPlaceWords')
      .map(normalizeText)
      .some((word) => word === first || (word.length >= 4 && editDistance(word, first) <= 1));
    const place =
      named && !stop && !this.reader.has(named, 'peerGroupResults.nearWords') ? readPlace(named) : undefined;
    if (place) return { kind: 'place', place };
    return this.reader.has(folded, 'peerGroupResults.nearWords') ? { kind: 'place' } : undefined;
  }

  /** The answer to a question about `matches` (the groups shown), from the directory only. */
  answer(
    kind: 'link' | 'time' | 'cost' | 'talk' | 'family' | 'medication' | 'unknown',
    matches: readonly Match[],
    writer: PeerGroupWriter,
  ): string {
    const { strings } = this;
    const each = (intro: string, detail: (match: Match) => string) =>
      [
        intro,
        ...matches.map((match) =>
          strings.text('peerGroupResults.item', { name: match.group.name, detail: detail(match) }),
        ),
      ].join('\n');
    switch (kind) {
      case 'link':
        return each(strings.text('peerGroupResults.linkIntro'), (match) => howToReach(match.group));
      case 'time':
        return each(strings.text('peerGroupResults.timeIntro'), (match) =>
          match.nextMeeting
            ? strings.text('peerGroupCards.nextMeeting', { time: writer.meetingTime(match.nextMeeting) })
            : strings.text('peerGroupResults.noTimes', { how: howToReach(match.group) }),
        );
      case 'family': {
        const names = (groups: readonly PeerGroup[]) =>
          groups.filter((group) => group.focus.includes('familyFriends')).map((group) => group.name);
        const shown = names(matches.map((match) => match.group));
        if (shown.length > 0) return strings.text('peerGroupResults.familyYes', { names: shown.join(', ') });
        return strings.text('peerGroupResults.familyNo', { names: names(this.directory.groups).join(', ') });
      }
      case 'medication': {
        const lines = each(strings.text('peerGroupResults.medicationIntro'), (match) =>
          strings.text(`peerGroupPolicy.${match.group.medicationFriendly}`, { name: match.group.name }),
        );
        const unsure = matches.some((match) => match.group.medicationFriendly !== 'yes');
        return unsure
          ? [
              lines,
              strings.text('peerGroupCards.askMedication'),
              strings.text('peerGroupPolicy.askPeer'),
            ].join('\n\n')
          : lines;
      }
      case 'cost':
        return strings.text('peerGroupResults.cost');
      case 'talk':
        return strings.text('peerGroupResults.talk');
      default:
        return strings.text('peerGroupResults.dontKnow');
    }

    /** A group's own link or number from the directory, else how to find a meeting. */
    function howToReach(group: PeerGroup): string {
      if (group.kind === 'local' && group.onlineLink) return group.onlineLink;
      const contact = group.contact?.verified ? group.contact : undefined;
      if (contact?.url) return contact.url;
      if (group.kind === 'national') return group.howToFind;
      const { address } = group;
      const where =
        address &&
        [address.street, address.city, `${address.state} ${address.zip}`].filter(Boolean).join(', ');
      return contact?.phone ?? group.dialIn ?? where ?? strings.text('peerGroupResults.dontKnow');
    }
  }

  private listed(folded: string, key: 'peerGroupResults.noneWords' | 'peerGroupResults.moreWords'): boolean {
    return this.strings.variants(key).some((words) => normalizeText(words) === folded);
  }
}
