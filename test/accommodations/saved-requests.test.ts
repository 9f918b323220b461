import assert from 'node:assert/strict';
import { MemoryStorage, TestAdapter, type TurnContext, UserState } from 'botbuilder';
import type { RequestAnswers } from '../../src/accommodations/model.js';
import {
  ACCOMMODATION_REQUESTS_VERSION,
  accommodationRequestsProperty,
  accommodationRequestTitle,
  deleteAccommodationRequest,
  listAccommodationRequests,
  MAX_SAVED_REQUESTS,
  saveAccommodationRequest,
} from '../../src/accommodations/saved-requests.js';
import { openUserProperties } from '../../src/user-properties.js';
import { testContent } from '../support/content.js';
import { accommodationContent, FIXED_NOW, TODAY } from './support.js';

const answers: RequestAnswers = {
  setting: 'work',
  barrier: { id: 'schedule' },
  idea: { id: 'laterStart' },
  who: { id: 'hr' },
  format: 'email',
  start: { asap: true },
  disclosure: 'nothing',
};

/** Runs `work` in a turn of one person's conversation, saving user state after it (as the bot does). */
async function inTurn<T>(
  storage: MemoryStorage,
  work: (context: TurnContext, userState: UserState) => Promise<T>,
) {
  const userState = new UserState(storage);
  let result: T | undefined;
  await new TestAdapter(async (context) => {
    result = await work(context, userState);
    await userState.saveChanges(context);
  }).send('hi');
  return result as T;
}

const later = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * 60_000);

describe('saved accommodation requests (user state)', () => {
  it('are saved in user state under accommodationRequests, with a version, and listed newest first', async () => {
    const storage = new MemoryStorage();
    await inTurn(storage, async (context, userState) => {
      const requests = openUserProperties(userState).accommodationRequests;
      await saveAccommodationRequest(requests, context, { askedOn: TODAY, answers }, FIXED_NOW);
      await saveAccommodationRequest(
        requests,
        context,
        { askedOn: TODAY, answers: { ...answers, setting: 'school' } },
        later(1),
      );
    });
    const stored = (await storage.read(['test/users/user1/']))['test/users/user1/'] as Record<
      string,
      unknown
    >;
    const document = stored[accommodationRequestsProperty.name] as { version: number; requests: unknown[] };
    assert.equal(document.version, ACCOMMODATION_REQUESTS_VERSION);
    assert.equal(document.requests.length, 2);
    const listed = await inTurn(storage, (context, userState) =>
      listAccommodationRequests(openUserProperties(userState).accommodationRequests, context),
    );
    assert.deepEqual(
      listed.map((request) => request.answers.setting),
      ['school', 'work'],
    );
  });

  it('saving with an id replaces that request; deleting the last one removes the property', async () => {
    const storage = new MemoryStorage();
    const id = await inTurn(storage, async (context, userState) => {
      const requests = openUserProperties(userState).accommodationRequests;
      const saved = await saveAccommodationRequest(requests, context, { askedOn: TODAY, answers }, FIXED_NOW);
      await saveAccommodationRequest(
        requests,
        context,
        { id: saved.id, askedOn: TODAY, answers: { ...answers, disclosure: 'general' } },
        later(5),
      );
      const all = await listAccommodationRequests(requests, context);
      assert.equal(all.length, 1);
      assert.equal(all[0]?.answers.disclosure, 'general');
      assert.equal(all[0]?.createdAt, FIXED_NOW.toISOString());
      return saved.id;
    });
    await inTurn(storage, async (context, userState) => {
      const requests = openUserProperties(userState).accommodationRequests;
      assert.equal(await deleteAccommodationRequest(requests, context, 'no-such-id'), false);
      assert.equal(await deleteAccommodationRequest(requests, context, id), true);
    });
    const stored = (await storage.read(['test/users/user1/']))['test/users/user1/'] as Record<
      string,
      unknown
    >;
    assert.equal(stored[accommodationRequestsProperty.name], undefined);
  });

  it(`keeps at most ${MAX_SAVED_REQUESTS}, removing the oldest and saying so`, async () => {
    const storage = new MemoryStorage();
    await inTurn(storage, async (context, userState) => {
      const requests = openUserProperties(userState).accommodationRequests;
      for (let i = 0; i < MAX_SAVED_REQUESTS; i += 1) {
        const saved = await saveAccommodationRequest(
          requests,
          context,
          { askedOn: TODAY, answers },
          later(i),
        );
        assert.equal(saved.removedOldest, false);
      }
      const extra = await saveAccommodationRequest(requests, context, { askedOn: TODAY, answers }, later(99));
      assert.equal(extra.removedOldest, true);
      const all = await listAccommodationRequests(requests, context);
      assert.equal(all.length, MAX_SAVED_REQUESTS);
      assert.ok(!all.some((request) => request.createdAt === FIXED_NOW.toISOString()));
    });
  });

  it('drops a stored document of another version instead of misreading it', async () => {
    const storage = new MemoryStorage();
    await storage.write({
      'test/users/user1/': {
        [accommodationRequestsProperty.name]: { version: 0, requests: [{ letter: 'old shape' }] },
      },
    });
    const listed = await inTurn(storage, (context, userState) =>
      listAccommodationRequests(openUserProperties(userState).accommodationRequests, context),
    );
    assert.deepEqual(listed, []);
  });

  it('migrates a version 1 document: its "specifics" named recovery (that was what the level said), other levels as they were', async () => {
    const storage = new MemoryStorage();
    const request = (id: string, disclosure: RequestAnswers['disclosure']) => ({
      id,
      askedOn: TODAY,
      createdAt: FIXED_NOW.toISOString(),
      updatedAt: FIXED_NOW.toISOString(),
      answers: { ...answers, disclosure },
    });
    await storage.write({
      'test/users/user1/': {
        [accommodationRequestsProperty.name]: {
          version: 1,
          requests: [request('a', 'specifics'), request('b', 'general')],
        },
      },
    });
    const listed = await inTurn(storage, (context, userState) =>
      listAccommodationRequests(openUserProperties(userState).accommodationRequests, context),
    );
    assert.deepEqual(
      listed.map((saved) => [saved.id, saved.answers.condition]),
      [
        ['a', 'recovery'],
        ['b', undefined],
      ],
    );
  });

  it('titles a request by its setting, idea and day, never by the words the person typed', () => {
    const { strings } = testContent();
    const request = {
      id: 'r1',
      askedOn: TODAY,
      createdAt: FIXED_NOW.toISOString(),
      updatedAt: FIXED_NOW.toISOString(),
      answers: { ...answers, idea: { own: 'time for my methadone dose' } },
    };
    const title = accommodationRequestTitle(strings, accommodationContent(), request, 1);
    assert.equal(
      title,
      strings.text('accommodationSaved.item', {
        number: 1,
        setting: strings.text('accommodationSettings.work'),
        request: strings.text('accommodationIdeas.ownIdea'),
        date: 'Thursday, May 8',
      }),
    );
    assert.ok(!title.includes('methadone'));
  });
});
