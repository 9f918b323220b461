import { type Activity, type Middleware, UserState } from 'botbuilder';
import { AccommodationDialog, type AccommodationFeature } from '../../dialogs/accommodation-dialog.js';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { type AccommodationContent, loadAccommodationContent } from '../../src/accommodations/content.js';
import type { RequestAnswers } from '../../src/accommodations/model.js';
import {
  type AccommodationRequestsProperty,
  saveAccommodationRequest,
} from '../../src/accommodations/saved-requests.js';
import { openUserProperties } from '../../src/user-properties.js';
import { testContent } from '../support/content.js';

/** A Thursday afternoon (UTC): every date in these tests is counted from it. */
export const FIXED_NOW = new Date('2025-05-08T15:00:00Z');
export const TODAY = '2025-05-08';

/** A complete request's answers: a later start at work, asked for by email, nothing disclosed. */
export const sampleAnswers: RequestAnswers = {
  setting: 'work',
  barrier: { id: 'schedule' },
  idea: { id: 'flexSchedule' },
  who: { none: true },
  format: 'email',
  start: { asap: true },
  disclosure: 'nothing',
};

let cached: AccommodationContent | undefined;

/** The shipped accommodation content, loaded once (it is read-only). */
export function accommodationContent(): AccommodationContent {
  cached ??= loadAccommodationContent(testContent().strings);
  return cached;
}

/**
 * The saved-requests accessor on the test's user state. runDialogCase hands dialogs its deps,
 * which carry the user state it saves after every turn; it is looked up, not assumed.
 */
export function requestsOf(deps: DialogDeps): AccommodationRequestsProperty {
  const userState = 'userState' in deps ? deps.userState : undefined;
  if (!(userState instanceof UserState)) throw new Error('these deps carry no user state');
  return openUserProperties(userState).accommodationRequests;
}

/** A dialog factory for runDialogCase, on the fixed clock, with the shipped content. */
export function makeAccommodation(options: Partial<AccommodationFeature> = {}) {
  return (deps: DialogDeps): AccommodationDialog =>
    new AccommodationDialog(deps, {
      clock: () => FIXED_NOW,
      requests: requestsOf(deps),
      content: accommodationContent(),
      ...options,
    });
}

/** Saves `count` requests for the test user on the first turn, before the dialog runs. */
export function seedRequests(count: number, deps: () => DialogDeps | undefined): Middleware {
  let done = false;
  return {
    async onTurn(context, next) {
      const given = deps();
      if (!done && given) {
        done = true;
        for (let i = 0; i < count; i += 1) {
          await saveAccommodationRequest(
            requestsOf(given),
            context,
            {
              askedOn: TODAY,
              answers: { ...sampleAnswers, setting: i === 0 ? 'work' : 'school' },
            },
            new Date(FIXED_NOW.getTime() + i * 1000),
          );
        }
      }
      await next();
    },
  };
}

/** Keeps every activity the bot sends, so a test can read cards and formats after a run. */
export function recorder(): { middleware: Middleware; sent: Partial<Activity>[] } {
  const sent: Partial<Activity>[] = [];
  return {
    sent,
    middleware: {
      async onTurn(context, next) {
        context.onSendActivities(async (_context, activities, send) => {
          sent.push(...activities);
          return send();
        });
        await next();
      },
    },
  };
}

/** The fallback text of the last request card sent. */
export function lastCardText(sent: readonly Partial<Activity>[]): string {
  const card = [...sent].reverse().find((activity) => activity.attachments?.length);
  const content = card?.attachments?.[0]?.content as { fallbackText?: unknown } | undefined;
  if (typeof content?.fallbackText !== 'string') throw new Error('no request card was sent');
  return content.fallbackText;
}
