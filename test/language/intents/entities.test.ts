import assert from 'node:assert/strict';
import { fixedNow, shippedRecognizer } from './recognizers.js';

const chicago = { timezone: 'America/Chicago' };

describe('entities', () => {
  describe("date and time, in the person's time zone", () => {
    it('"I see my psychiatrist next Tuesday at 3pm" in Chicago: appointment, prescriber, Tuesday 15:00 CDT', async () => {
      // fixedNow is Thursday 8 May 2025, 10:00 in Chicago.
      const result = await shippedRecognizer().recognizeText(
        'I see my psychiatrist next Tuesday at 3pm',
        chicago,
      );
      assert.equal(result.intent, 'appointment');
      assert.deepEqual(
        result.entities.appointmentType.map((e) => e.value),
        ['prescriber'],
      );
      const [when, ...rest] = result.entities.datetime;
      assert.equal(rest.length, 0);
      assert.equal(when?.kind, 'datetime');
      assert.equal(when?.text, 'next Tuesday at 3pm');
      assert.deepEqual(when?.value, { iso: '2025-05-13T20:00:00.000Z', local: '2025-05-13T15:00:00' });
      assert.equal(when?.timezone, 'America/Chicago');
      assert.equal(when?.ambiguous, false);
    });

    it('resolves "tomorrow" against the person\'s date, not the server\'s', async () => {
      // 03:00 UTC on 9 May is still 8 May, 22:00, in Chicago: "tomorrow" is the 9th there.
      const now = new Date('2025-05-09T03:00:00Z');
      const [chicagoTime] = (await shippedRecognizer().recognizeText('tomorrow at 9am', { ...chicago, now }))
        .entities.datetime;
      const [utcTime] = (await shippedRecognizer().recognizeText('tomorrow at 9am', { timezone: 'UTC', now }))
        .entities.datetime;
      assert.deepEqual(chicagoTime?.value, { iso: '2025-05-09T14:00:00.000Z', local: '2025-05-09T09:00:00' });
      assert.deepEqual(utcTime?.value, { iso: '2025-05-10T09:00:00.000Z', local: '2025-05-10T09:00:00' });
    });

    it('applies daylight saving: Monday 9am after the March change is 14:00 UTC, not 15:00', async () => {
      const now = new Date('2025-03-07T16:00:00Z'); // Friday 10:00 CST
      const [monday] = (await shippedRecognizer().recognizeText('Monday at 9am', { ...chicago, now }))
        .entities.datetime;
      assert.deepEqual(monday?.value, { iso: '2025-03-10T14:00:00.000Z', local: '2025-03-10T09:00:00' });
    });

    it('uses the offset of localTimestamp when no zone is sent, and UTC when neither is', async () => {
      const recognizer = shippedRecognizer();
      const [offset] = (
        await recognizer.recognizeText('next Tuesday at 3pm', {
          localTimestamp: '2025-05-08T10:00:00.000-05:00',
        })
      ).entities.datetime;
      assert.equal(offset?.timezone, 'UTC-05:00');
      assert.equal(offset?.value?.iso, '2025-05-13T20:00:00.000Z');
      const [fallback] = (await recognizer.recognizeText('next Tuesday at 3pm', { timezone: 'Not/AZone' }))
        .entities.datetime;
      assert.equal(fallback?.timezone, 'UTC');
      assert.equal(fallback?.value?.iso, '2025-05-13T15:00:00.000Z');
    });

    it('takes the next daytime reading of an ambiguous time and says it was ambiguous', async () => {
      const [three] = (await shippedRecognizer().recognizeText('can we meet at 3', chicago)).entities
        .datetime;
      assert.equal(three?.value?.local, '2025-05-08T15:00:00');
      assert.equal(three?.ambiguous, true);
    });

    it('understands chat spellings ("tmrw") and keeps the words as typed', async () => {
      const [when] = (await shippedRecognizer().recognizeText('psych appt tmrw @ 9am', chicago)).entities
        .datetime;
      assert.equal(when?.value?.local, '2025-05-09T09:00:00');
      assert.equal(when?.text, 'tmrw @ 9am');
    });

    it('gives ranges both ends, durations their length, and finds a date in a later sentence', async () => {
      const recognizer = shippedRecognizer();
      const [range] = (await recognizer.recognizeText('tomorrow morning', chicago)).entities.datetime;
      assert.equal(range?.kind, 'datetimerange');
      assert.equal(range?.value?.local, '2025-05-09T08:00:00');
      assert.equal(range?.endValue?.local, '2025-05-09T12:00:00');
      const [span] = (await recognizer.recognizeText('for two weeks', chicago)).entities.datetime;
      assert.equal(span?.durationSeconds, 14 * 86_400);
      const text = "I'm so nervous about it. Court is next Friday at 9.";
      const [court] = (await recognizer.recognizeText(text, chicago)).entities.datetime;
      assert.equal(court?.value?.local, '2025-05-16T09:00:00');
      assert.equal(text.slice(court?.start, court?.end), 'next Friday at 9');
    });

    it('skips an expression the recognizer leaves unresolved ("weekends") instead of failing', async () => {
      const text = 'can I do my community service on weekends because of my job';
      const result = await shippedRecognizer().recognizeText(text, chicago);
      assert.ok(result.entities.datetime.every((entity) => entity.timex !== undefined));
    });

    it('reads "now" from the injected clock', async () => {
      const [today] = (await shippedRecognizer().recognizeText('today', chicago)).entities.datetime;
      assert.equal(today?.value?.local.slice(0, 10), '2025-05-08');
      assert.equal(fixedNow.toISOString(), '2025-05-08T15:00:00.000Z');
    });
  });

  describe('yes/no and numbers', () => {
    const cases: ReadonlyArray<readonly [string, boolean]> = [
      ['yes', true],
      ['yeah sure', true],
      ['yep 👍', true],
      ['ok', true],
      ['no', false],
      ['nope', false],
      ['no thanks', false],
    ];
    for (const [text, value] of cases) {
      it(`"${text}" is ${value ? 'yes' : 'no'}`, async () => {
        const { boolean } = (await shippedRecognizer().recognizeText(text)).entities;
        assert.equal(boolean[0]?.value, value);
      });
    }

    it('finds numbers in digits and words, but not the hour in "2pm"', async () => {
      const { number } = (
        await shippedRecognizer().recognizeText('I have 3 questions, maybe twenty, and 2pm works')
      ).entities;
      assert.deepEqual(
        number.map((n) => n.value),
        [3, 20],
      );
    });

    it('keeps a bare number as a number even though it could be a time', async () => {
      const { number } = (await shippedRecognizer().recognizeText('twenty five')).entities;
      assert.deepEqual(
        number.map((n) => n.value),
        [25],
      );
    });
  });

  describe('domain entities from resources/entities.json', () => {
    it('finds appointment types, forgiving typos of long words', async () => {
      const recognizer = shippedRecognizer();
      const types = async (text: string) =>
        (await recognizer.recognizeText(text)).entities.appointmentType.map((e) => e.value);
      assert.deepEqual(await types('my psychiatrst'), ['prescriber']);
      assert.deepEqual(await types('meeting my PO'), ['court']);
      assert.deepEqual(await types('SSDI review'), ['benefits']);
      assert.deepEqual(await types('going to the eye doctor'), ['other']);
      assert.deepEqual(await types('talk to a human please'), []);
    });

    it('finds accommodation settings', async () => {
      const { accommodationSetting } = (
        await shippedRecognizer().recognizeText('can I ask my professor for more time on exams')
      ).entities;
      assert.deepEqual([...new Set(accommodationSetting.map((e) => e.value))], ['school']);
    });

    it('finds group approach and format, and "isn\'t religious" is secular, not faith-based', async () => {
      const { groupApproach, groupFormat } = (
        await shippedRecognizer().recognizeText("a group that isn't religious, on Zoom or by phone")
      ).entities;
      assert.deepEqual(
        groupApproach.map((e) => e.value),
        ['secular'],
      );
      assert.deepEqual(
        groupFormat.map((e) => e.value),
        ['online', 'phone'],
      );
    });

    it('knows 12-step, Buddhist and all-pathways groups by name', async () => {
      const approach = async (text: string) =>
        (await shippedRecognizer().recognizeText(text)).entities.groupApproach.map((e) => e.value);
      assert.deepEqual(await approach('an NA meeting'), ['twelveStep']);
      assert.deepEqual(await approach('Recovery Dharma'), ['buddhist']);
      assert.deepEqual(await approach('any pathway is fine'), ['allPathways']);
      assert.deepEqual(await approach('a 12-step group in person'), ['twelveStep']);
    });
  });
});
