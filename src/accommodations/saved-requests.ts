import { randomUUID } from 'node:crypto';
import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { StringKey, Strings } from '../content/strings.js';
import { type AccommodationContent, settingOf } from './content.js';
import { sayDay } from './dates.js';
import { type RequestAnswers, requestAnswersSchema } from './model.js';

/** The user-state property that holds saved requests (so show/delete my data include them). */
export const ACCOMMODATION_REQUESTS_PROPERTY = 'accommodationRequests';

/**
 * Stored with a version: a document from another release is dropped cleanly instead of being
 * misread (style habit 8).
 */
export const ACCOMMODATION_REQUESTS_VERSION = 1;

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

/** A saved accommodation request, as stored in user state. */
export type SavedAccommodationRequest = z.output<typeof savedRequestSchema>;

/** The accessor for saved requests on `userState` (one per app, created at the composition root). */
export function accommodationRequestsProperty(userState: BotState): StatePropertyAccessor<unknown> {
  return userState.createProperty(ACCOMMODATION_REQUESTS_PROPERTY);
}

async function readStore(accessor: StatePropertyAccessor<unknown>, context: TurnContext) {
  const parsed = storeSchema.safeParse(await accessor.get(context));
  return parsed.success ? parsed.data.requests : [];
}

async function writeStore(
  accessor: StatePropertyAccessor<unknown>,
  context: TurnContext,
  requests: SavedAccommodationRequest[],
): Promise<void> {
  // Nothing saved means nothing stored: the property goes rather than staying as an empty list.
  if (requests.length === 0) await accessor.delete(context);
  else await accessor.set(context, storeSchema.parse({ version: ACCOMMODATION_REQUESTS_VERSION, requests }));
}

/** A person's saved requests, newest first. Saved with user state at the end of the turn. */
export async function listAccommodationRequests(
  accessor: StatePropertyAccessor<unknown>,
  context: TurnContext,
): Promise<SavedAccommodationRequest[]> {
  const requests = await readStore(accessor, context);
  return [...requests].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** One saved request by id, if it is still there. */
export async function findAccommodationRequest(
  accessor: StatePropertyAccessor<unknown>,
  context: TurnContext,
  id: string,
): Promise<SavedAccommodationRequest | undefined> {
  return (await readStore(accessor, context)).find((request) => request.id === id);
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
  accessor: StatePropertyAccessor<unknown>,
  context: TurnContext,
  request: RequestToSave,
  now: Date,
): Promise<{ id: string; removedOldest: boolean }> {
  const requests = await readStore(accessor, context);
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
  await writeStore(accessor, context, [...kept, saved]);
  return { id, removedOldest };
}

/** Deletes a saved request; false when there was none with that id. */
export async function deleteAccommodationRequest(
  accessor: StatePropertyAccessor<unknown>,
  context: TurnContext,
  id: string,
): Promise<boolean> {
  const requests = await readStore(accessor, context);
  const kept = requests.filter((request) => request.id !== id);
  if (kept.length === requests.length) return false;
  await writeStore(accessor, context, kept);
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
