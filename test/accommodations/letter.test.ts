import assert from 'node:assert/strict';
import { requestCard, requestPlainText } from '../../src/accommodations/card.js';
import { ideasFor, whoFor } from '../../src/accommodations/content.js';
import { RequestBuilder } from '../../src/accommodations/letter.js';
import {
  barrierIds,
  type DisclosureLevel,
  type RequestAnswers,
  settingIds,
} from '../../src/accommodations/model.js';
import { DisclosureTerms } from '../../src/accommodations/terms.js';
import { cardSafe } from '../../src/cards/plain-text.js';
import { testContent } from '../support/content.js';
import { accommodationContent, TODAY } from './support.js';

const { strings } = testContent();
const terms = DisclosureTerms.from(strings);
const shared = new RequestBuilder(strings, accommodationContent());
const builder = () => shared;
const letterOf = (answers: RequestAnswers) => builder().build(answers, TODAY).letter.join('\n\n');

/** A request with own words full of specifics, at `level`. */
function withOwnWords(level: DisclosureLevel, overrides: Partial<RequestAnswers> = {}): RequestAnswers {
  return {
    setting: 'work',
    barrier: { id: 'medication', words: 'my buprenorphine makes me groggy until 10' },
    idea: { id: 'laterStart' },
    who: { id: 'hr' },
    format: 'email',
    start: { date: '2025-05-19' },
    disclosure: level,
    ...overrides,
  };
}

/** Every listed combination: setting x barrier x offered idea x person to ask. */
function everyListedRequest(level: DisclosureLevel): RequestAnswers[] {
  const content = accommodationContent();
  return settingIds.flatMap((setting) =>
    [...barrierIds, 'none' as const].flatMap((barrier) =>
      ideasFor(content, setting, barrier).flatMap((idea) =>
        whoFor(content, setting).map(
          (who): RequestAnswers => ({
            setting,
            barrier: { id: barrier },
            idea: { id: idea.id },
            who: { id: who.id },
            format: 'letter',
            start: { asap: true },
            disclosure: level,
          }),
        ),
      ),
    ),
  );
}

describe('the request letter says exactly what the chosen disclosure level allows', () => {
  it('"nothing specific": no health, treatment, medication, recovery or diagnosis word in any listed combination', () => {
    const requests = everyListedRequest('nothing');
    assert.ok(requests.length > 200);
    for (const answers of requests) {
      const built = builder().build(answers, TODAY);
      assert.deepEqual(
        terms.beyond([...built.letter, built.spoken].join(' '), []),
        [],
        JSON.stringify(answers),
      );
    }
  });

  it('"nothing specific" leaves out the person\'s own words about why, and names no reason', () => {
    const letter = letterOf(withOwnWords('nothing'));
    assert.ok(!letter.includes('buprenorphine'));
    assert.ok(!letter.includes('groggy'));
    assert.ok(letter.includes(strings.text('accommodationLetter.medicationNothing')));
    assert.ok(!letter.includes(strings.text('accommodationLetter.noteOffer')));
  });

  it('"a general health condition": says so, offers a provider\'s note, and names no recovery or diagnosis word', () => {
    for (const answers of everyListedRequest('general')) {
      const built = builder().build(answers, TODAY);
      assert.deepEqual(
        terms.beyond([...built.letter, built.spoken].join(' '), ['health']),
        [],
        JSON.stringify(answers),
      );
    }
    const letter = letterOf(withOwnWords('general'));
    assert.ok(letter.includes(strings.text('accommodationLetter.medicationGeneral')));
    assert.ok(letter.includes(strings.text('accommodationLetter.noteOffer')));
    assert.ok(!letter.includes('buprenorphine'));
  });

  it('"specifics" naming recovery: says the person is in recovery and includes their own words', () => {
    const letter = letterOf(withOwnWords('specifics', { condition: 'recovery' }));
    assert.ok(letter.includes(strings.text('accommodationLetter.medicationSpecifics')));
    assert.ok(
      letter.includes(
        strings.text('accommodationLetter.ownWords', { words: 'my buprenorphine makes me groggy until 10' }),
      ),
    );
  });

  it('an own idea, person or start that says more than the level is left out, and reported', () => {
    const answers = withOwnWords('nothing', {
      idea: { own: 'time to get to my methadone clinic' },
      who: { own: 'my counselor at work' },
      start: { words: 'after my detox week' },
    });
    const built = builder().build(answers, TODAY);
    const letter = built.letter.join(' ');
    assert.deepEqual(built.leftOut, ['idea', 'who', 'start']);
    assert.deepEqual(terms.beyond(letter, []), []);
    assert.ok(letter.includes(strings.text('accommodationIdeas.unspecifiedRequest')));
    assert.deepEqual(built.answers.idea, { none: true });
    // The saved answers keep only what the letter uses.
    assert.equal(built.answers.barrier.words, undefined);
  });

  it('the same own idea goes in word for word when the level allows it', () => {
    const built = builder().build(
      withOwnWords('specifics', {
        condition: 'recovery',
        idea: { own: 'time to get to my methadone clinic.' },
      }),
      TODAY,
    );
    assert.deepEqual(built.leftOut, []);
    assert.ok(built.letter.join(' ').includes('ask for this change: time to get to my methadone clinic.'));
  });

  it('has a proposed start and a follow-up line dated a week after asking', () => {
    const letter = letterOf(withOwnWords('nothing'));
    assert.ok(letter.includes(strings.text('accommodationLetter.startDate', { date: 'Monday, May 19' })));
    assert.ok(letter.includes(strings.text('accommodationLetter.followUp', { date: 'Thursday, May 15' })));
  });

  it('an email has a subject line; a letter has the date it was written', () => {
    assert.ok(letterOf(withOwnWords('nothing')).startsWith(strings.text('accommodationLetter.subject')));
    assert.ok(letterOf(withOwnWords('nothing', { format: 'letter' })).includes('May 8, 2025'));
  });

  it('the spoken version takes about 30 seconds (under 80 words) for every listed request', () => {
    for (const level of ['nothing', 'general', 'specifics'] as const) {
      for (const answers of everyListedRequest(level)) {
        const words = builder().build(answers, TODAY).spoken.split(/\s+/).length;
        assert.ok(words < 80, `${words} words: ${JSON.stringify(answers)}`);
      }
    }
  });

  it('what happens next covers the process, documentation, copies and dates', () => {
    const steps = builder().build(
      withOwnWords('nothing', { setting: 'housing', who: { id: 'landlord' } }),
      TODAY,
    ).nextSteps;
    assert.deepEqual(steps, [
      strings.text('accommodationLetter.nextProcess'),
      strings.text('accommodationLetter.nextDocsNothing'),
      strings.text('accommodationLetter.nextCopies'),
      strings.text('accommodationLetter.nextDates', {
        today: 'Thursday, May 8',
        followUp: 'Thursday, May 15',
      }),
    ]);
  });
});

describe('the request card', () => {
  const hostile = '**bold** [link](https://example.com) <b>hi</b> {{DATE(2025-05-08T00:00:00Z, SHORT)}}';
  const answers = withOwnWords('specifics', { idea: { own: hostile } });

  it('is an Adaptive Card 1.5 with the plain text as its fallback', () => {
    const built = builder().build(answers, TODAY);
    const attachment = requestCard(strings, built);
    const card = attachment.content as { version: string; fallbackText: string; body: { type: string }[] };
    assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(card.version, '1.5');
    assert.equal(card.fallbackText, cardSafe(requestPlainText(strings, built)));
  });

  it("puts a person's words only in TextRuns (no markdown) and breaks up card functions", () => {
    const attachment = requestCard(strings, builder().build(answers, TODAY));
    const body = (
      attachment.content as { body: { type: string; text?: string; inlines?: { text: string }[] }[] }
    ).body;
    const blocks = body
      .filter((element) => element.type === 'TextBlock')
      .map((element) => element.text ?? '');
    const runs = body.flatMap((element) => element.inlines ?? []).map((run) => run.text);
    assert.ok(blocks.every((text) => !text.includes('**bold**') && !text.includes('{{')));
    assert.ok(runs.some((text) => text.includes('**bold** [link](https://example.com) <b>hi</b>')));
    assert.ok(runs.every((text) => !text.includes('{{')));
    assert.ok(!JSON.stringify(attachment.content).includes('{{DATE'));
  });
});
