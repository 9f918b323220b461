import assert from 'node:assert/strict';
import { dayBeforeReminder, defaultCheckIn, readMessageTime } from '../../src/appointments/message-time.js';
import {
  type AppointmentTime,
  dateCheck,
  onlyDate,
  readDayIn,
  readWhen,
} from '../../src/appointments/when.js';
import {
  createWayfinderRecognizer,
  type WayfinderRecognizer,
} from '../../src/language/intents/wayfinder-recognizer.js';
import { testContent } from '../support/content.js';
import { type MessageScene, messageScenes, type Row, type WhenScene, whenScenes } from './date-phrasings.js';

const leads = testContent().strings.variants('appointment.dateLeads');

const zones = ['America/New_York', 'Europe/Madrid'] as const;
type ZoneName = (typeof zones)[number];

/** What a row means in `zone`. */
function meaning(row: Row, zone: ZoneName): string {
  if (typeof row.means === 'string') return row.means;
  return zone === 'America/New_York' ? row.means.newYork : row.means.madrid;
}

/**
 * Summer time in each zone as wall-clock spans [from, until), with the two offsets: facts from
 * the zones' published rules, written out here so no expected instant comes from the code under
 * test. (A wall time that happens twice is the first, in summer time, as the code promises.)
 */
const clocks: Record<ZoneName, { winter: string; summer: string; spans: [string, string][] }> = {
  'America/New_York': {
    winter: '-05:00',
    summer: '-04:00',
    spans: [
      ['2026-03-08T02:00', '2026-11-01T02:00'],
      ['2027-03-14T02:00', '2027-11-07T02:00'],
    ],
  },
  'Europe/Madrid': {
    winter: '+01:00',
    summer: '+02:00',
    spans: [
      ['2026-03-29T02:00', '2026-10-25T03:00'],
      ['2027-03-28T02:00', '2027-10-31T03:00'],
    ],
  },
};

/** The instant a wall clock in `zone` shows `wall` ("2026-12-14T20:00"). */
function instant(zone: ZoneName, wall: string): Date {
  const { winter, summer, spans } = clocks[zone];
  const inSummer = spans.some(([from, until]) => wall >= from && wall < until);
  return new Date(`${wall}:00${inSummer ? summer : winter}`);
}

/**
 * "day:2026-12-14" is a whole day from its midnight; "range:..." a part of a day; "vague:..." a
 * span from its first day (read as a range, and asked back); else a time.
 */
function expected(zone: ZoneName, means: string): { precision: string; start: string; vague: boolean } {
  const [, kind = 'time', wall = means] = /^(day|range|vague):(.*)$/.exec(means) ?? [];
  const at = kind === 'day' || kind === 'vague' ? `${wall}T00:00` : wall;
  const precision = kind === 'vague' ? 'range' : kind;
  return { precision, start: instant(zone, at).toISOString(), vague: kind === 'vague' };
}

const refusals = ['past', 'notBefore', 'notAfter', 'none', 'needsTime'];

let recognizer: WayfinderRecognizer;

/** Finds dates as the dialog does: in the person's zone, at their now. */
function finder(zone: ZoneName, now: Date) {
  return (text: string) =>
    recognizer.recognizeNow(text, { now, timezone: zone }).recognition.entities.datetime;
}

/** An appointment at a wall time, or ("day:2026-12-11") a whole day with no time. */
function appointmentAt(zone: ZoneName, wall: string): AppointmentTime {
  const day = /^day:(.*)$/.exec(wall)?.[1];
  if (!day)
    return {
      start: instant(zone, wall).toISOString(),
      local: `${wall}:00`,
      precision: 'time',
      timezone: zone,
    };
  const next = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    start: instant(zone, `${day}T00:00`).toISOString(),
    local: `${day}T00:00:00`,
    end: instant(zone, `${next}T00:00`).toISOString(),
    endLocal: `${next}T00:00:00`,
    precision: 'day',
    timezone: zone,
  };
}

/**
 * Reads `said` as the dialog does, one message after another: each a date, a correction of the
 * one before (only a date, after any lead), or the answer to "Which day in ...?".
 */
function readTurns(zone: ZoneName, now: Date, said: readonly string[]) {
  const find = finder(zone, now);
  let before: AppointmentTime | undefined;
  let reading: ReturnType<typeof readWhen>;
  for (const text of said) {
    // The answer to "Which day in ...?" is read as it is; a later date only when it is nothing else.
    const span = reading?.vague ? reading.time : undefined;
    const words = before && !span ? onlyDate(text, leads, find) : text;
    if (words === undefined) return undefined;
    reading = span
      ? readDayIn(words, find(words), find, now, span)
      : readWhen(words, find(words), find, now, before);
    before = reading?.time;
  }
  return reading;
}

/** The question the dialog asks next for a row's meaning (a day: its time; a span: which day). */
function checkFor(row: Row, means: string): string | undefined {
  if (means.startsWith('vague:')) return 'whenDay';
  if (row.ask) return 'whenCheck';
  return means.startsWith('day:') ? 'whenTime' : undefined;
}

const flags = (row: Pick<Row, 'ask' | 'quiet'>) =>
  [row.ask ? ' (asked back)' : '', row.quiet ? ' (out of quiet hours)' : ''].join('');

describe('the date table: phrasings and the instants they mean, in two zones and across DST', () => {
  before(() => {
    recognizer = createWayfinderRecognizer({ clock: () => new Date('2026-01-01T00:00:00Z') });
  });

  it('holds at least 150 phrasings', () => {
    const count = [...whenScenes, ...messageScenes].reduce((sum, scene) => sum + scene.rows.length, 0);
    assert.ok(count >= 150, `${count} phrasings`);
  });

  for (const zone of zones) {
    describe(zone, () => {
      for (const scene of whenScenes) describeWhen(zone, scene);
      for (const scene of messageScenes) describeMessages(zone, scene);
    });
  }
});

function describeWhen(zone: ZoneName, scene: WhenScene): void {
  describe(scene.name, () => {
    for (const row of scene.rows) {
      const means = meaning(row, zone);
      it(`"${row.say}" is ${means}${flags(row)}`, () => {
        const now = instant(zone, scene.now);
        const reading = readTurns(zone, now, [...(scene.before ? [scene.before] : []), row.say]);
        if (means === 'none') return assert.equal(reading, undefined);
        const want = expected(zone, means);
        assert.ok(reading, 'read');
        assert.equal(reading.time.precision, want.precision);
        assert.equal(reading.time.start, want.start);
        assert.equal(reading.vague === true, want.vague, 'a span, asked back');
        assert.equal(reading.unsure, row.ask === true, 'asked back');
        assert.equal(dateCheck(reading, now), checkFor(row, means), 'the question asked next');
      });
    }
  });
}

function describeMessages(zone: ZoneName, scene: MessageScene): void {
  describe(scene.name, () => {
    const now = () => instant(zone, scene.now);
    const appointment = () => appointmentAt(zone, scene.appointment);
    if (scene.said) {
      const said = scene.said;
      it(`"${said.join('", then "')}" is ${scene.appointment}`, () => {
        const reading = readTurns(zone, now(), said);
        assert.equal(reading?.time.start, appointment().start);
        assert.equal(reading?.time.precision, appointment().precision);
      });
    }
    if (scene.offered) {
      const offered = scene.offered;
      it(`offers ${offered}${flags({ quiet: scene.offeredQuiet })} on its own`, () => {
        const offer = (scene.kind === 'reminder' ? dayBeforeReminder : defaultCheckIn)(appointment(), now());
        assert.equal(offer?.at.toISOString(), instant(zone, offered).toISOString());
        assert.equal(offer?.movedForQuiet, scene.offeredQuiet === true, 'moved out of quiet hours');
      });
    }
    for (const row of scene.rows) {
      const means = meaning(row, zone);
      it(`"${row.say}" is ${means}${flags(row)}`, () => {
        const find = finder(zone, now());
        const input = { text: row.say, found: find(row.say), findDates: find, now: now() };
        const reading = readMessageTime(scene.kind, input, appointment());
        if (refusals.includes(means)) return assert.equal(reading.kind, means);
        assert.equal(reading.kind, 'time');
        assert.ok(reading.kind === 'time');
        assert.equal(reading.time.at.toISOString(), instant(zone, means).toISOString());
        assert.equal(reading.time.ambiguous, row.ask === true, 'asked back');
        assert.equal(reading.time.movedForQuiet, row.quiet === true, 'moved out of quiet hours');
      });
    }
  });
}
