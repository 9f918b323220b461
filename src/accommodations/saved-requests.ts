import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { StringKey, Strings } from '../content/strings.js';
import { foldAnswer, sentencesOf } from '../language/typed-answer.js';
import { defineUserProperty, type UserProperty } from '../state/user-property.js';
import { type AccommodationContent, settingOf } from './content.js';
import { sayDay } from './dates.js';
import { type RequestAnswers, requestAnswersSchema } from './model.js';

/**
 * Stored with a version: a document from another release is dropped cleanly instead of being
 * misread (style habit 8). Version 2 added several changes per request and what is named at
 * "specifics"; version 1 documents are migrated (below).
 */
export const ACCOMMODATION_REQUESTS_VERSION = 2;

/** The most requests kept per person; saving one more removes the oldest. */
export const MAX_SAVED_REQUESTS = 20;

const savedRequestSchema = z.strictObject({
  id: z.string().min(1).max(64),
  /** The person's calendar day when they made it; the letter's dates are counted from it. */
  askedOn: z.iso.date(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Only what the letter uses: own words beyond the chosen disclosure level are not kept. */
  answers: requestAnswersSchema,
});

const storeSchema = z.strictObject({
  version: z.literal(ACCOMMODATION_REQUESTS_VERSION),
  requests: z.array(savedRequestSchema).max(MAX_SAVED_REQUESTS),
});

/**
 * Version 1 had one change per request, and its "specifics" always said "I'm in recovery": the
 * person chose it as "You say you're in recovery", so that is what it keeps naming.
 */
const version1Schema = z
  .strictObject({ version: z.literal(1), requests: z.array(savedRequestSchema).max(MAX_SAVED_REQUESTS) })
  .transform(
    (stored): z.output<typeof storeSchema> => ({
      version: ACCOMMODATION_REQUESTS_VERSION,
      requests: stored.requests.map((request) =>
        request.answers.disclosure === 'specifics'
          ? { ...request, answers: { ...request.answers, condition: 'recovery' } }
          : request,
      ),
    }),
  );

/** A saved accommodation request, as stored in user state. */
export type SavedAccommodationRequest = z.output<typeof savedRequestSchema>;

/** What the user-state property of saved requests holds. */
export type SavedAccommodationRequests = z.output<typeof storeSchema>;

/** The user-state property that holds saved requests (so show/delete my data include them). */
export const accommodationRequestsProperty = defineUserProperty(
  'accommodationRequests',
  z.union([storeSchema, version1Schema]),
);

/** The user-state property of saved requests, as the functions below take it. */
export type AccommodationRequestsProperty = UserProperty<SavedAccommodationRequests>;

async function readStore(property: AccommodationRequestsProperty, context: TurnContext) {
  return (await property.read(context))?.requests ?? [];
}

async function writeStore(
  property: AccommodationRequestsProperty,
  context: TurnContext,
  requests: SavedAccommodationRequest[],
): Promise<void> {
  // Nothing saved means nothing stored: the property goes rather than staying as an empty list.
  if (requests.length === 0) await property.delete(context);
  else await property.write(context, { version: ACCOMMODATION_REQUESTS_VERSION, requests });
}

/** A person's saved requests, newest first. Saved with user state at the end of the turn. */
export async function listAccommodationRequests(
  property: AccommodationRequestsProperty,
  context: TurnContext,
): Promise<SavedAccommodationRequest[]> {
  const requests = await readStore(property, context);
  return [...requests].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** One saved request by id, if it is still there. */
export async function findAccommodationRequest(
  property: AccommodationRequestsProperty,
  context: TurnContext,
  id: string,
): Promise<SavedAccommodationRequest | undefined> {
  return (await readStore(property, context)).find((request) => request.id === id);
}

/** What to save: a new request (no id) or a changed one (its id). */
export interface RequestToSave {
  id?: string | undefined;
  askedOn: string;
  answers: RequestAnswers;
}

/**
 * Saves a new request or replaces the one with the same id. Returns its id, and whether the
 * oldest request was removed to stay within MAX_SAVED_REQUESTS (the person is told).
 */
export async function saveAccommodationRequest(
  property: AccommodationRequestsProperty,
  context: TurnContext,
  request: RequestToSave,
  now: Date,
): Promise<{ id: string; removedOldest: boolean }> {
  const requests = await readStore(property, context);
  const existing = request.id ? requests.find((saved) => saved.id === request.id) : undefined;
  const id = existing?.id ?? randomUUID();
  const saved: SavedAccommodationRequest = {
    id,
    askedOn: request.askedOn,
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    answers: request.answers,
  };
  const others = requests.filter((entry) => entry.id !== id);
  const removedOldest = others.length >= MAX_SAVED_REQUESTS;
  const kept = removedOldest
    ? [...others].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(1)
    : others;
  await writeStore(property, context, [...kept, saved]);
  return { id, removedOldest };
}

/** Deletes a saved request; false when there was none with that id. */
export async function deleteAccommodationRequest(
  property: AccommodationRequestsProperty,
  context: TurnContext,
  id: string,
): Promise<boolean> {
  const requests = await readStore(property, context);
  const kept = requests.filter((request) => request.id !== id);
  if (kept.length === requests.length) return false;
  await writeStore(property, context, kept);
  return true;
}

/**
 * A one-line title for listings ("Work: A later start time (Thursday, May 8)"). It uses the
 * idea's label, never the person's own words, so a list shows nothing they typed.
 */
export function accommodationRequestTitle(
  strings: Strings,
  content: AccommodationContent,
  request: SavedAccommodationRequest,
  number?: number,
): string {
  const { idea } = request.answers;
  const listed = 'id' in idea ? content.ideas.find((entry) => entry.id === idea.id) : undefined;
  const ideaLabel: StringKey =
    'own' in idea ? 'accommodationIdeas.ownIdea' : (listed?.label ?? 'accommodationIdeas.noIdea');
  const vars = {
    setting: strings.text(settingOf(content, request.answers.setting).label),
    request: strings.text(ideaLabel),
    date: sayDay(request.askedOn, strings.text('accommodationLetter.dateLocale')),
  };
  return number === undefined
    ? strings.text('accommodationCard.summary', vars)
    : strings.text('accommodationSaved.item', { ...vars, number });
}

/**
 * "delete the old letter", "how do i delete my letter", "can u delete the letter tho": one saved
 * request to delete, never all of a person's data (people9, Tyler). A delete verb
 * (`answers.deleteVerbs`), then within two words a word for a request
 * (`accommodationSaved.deleteWords`); with `oldOne` (a request was just made) "the old one" too.
 */
export function deletesARequest(strings: Strings, text: string, oldOne: boolean): boolean {
  const verbs = strings.variants('answers.deleteVerbs').map(foldAnswer);
  const targets = [
    ...strings.variants('accommodationSaved.deleteWords'),
    ...(oldOne ? strings.variants('accommodationSaved.deleteOldWords') : []),
  ].map(foldAnswer);
  return sentencesOf(text).some((sentence) => {
    const words = foldAnswer(sentence).split(' ');
    return words.some((_, at) =>
      verbs.some((verb) => {
        const length = verb.split(' ').length;
        if (words.slice(at, at + length).join(' ') !== verb) return false;
        const after = words.slice(at + length);
        // The target starts within the two words after the verb ("delete my old letter").
        return [0, 1, 2].some((skip) =>
          targets.some((target) => after.slice(skip, skip + target.split(' ').length).join(' ') === target),
        );
      }),
    );
  });
}

/**
 * "change the start date on my letter", "take out the adhd part of my letter": a saved request to
 * change (`accommodationSaved.changeWords` and `myLetterWords` in one sentence).
 */
export function changesARequest(strings: Strings, text: string): boolean {
  const says = (
    key: 'accommodationSaved.changeWords' | 'accommodationSaved.myLetterWords',
    sentence: string,
  ) => strings.variants(key).some((words) => ` ${foldAnswer(sentence)} `.includes(` ${foldAnswer(words)} `));
  return sentencesOf(text).some(
    (sentence) =>
      says('accommodationSaved.changeWords', sentence) && says('accommodationSaved.myLetterWords', sentence),
  );
}
