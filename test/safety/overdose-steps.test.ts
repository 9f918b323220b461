import assert from 'node:assert/strict';
import { testContent } from '../support/content.js';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

const { strings, stringSources, spanish } = testContent();

/**
 * SAMHSA's Overdose Prevention Toolkit gives five essential steps, in this order: call 911; give
 * naloxone (again after 2-3 minutes without a response: fentanyl often needs more than one dose);
 * support breathing (rescue breathing if trained, or as the 911 dispatcher directs); once
 * breathing, the recovery position; stay until help comes. Each pattern is what its step must
 * say, not the bot's sentence.
 */
const fiveSteps: readonly RegExp[][] = [
  [/\b911\b/],
  [/naloxone/i, /another dose/i, /2-3 minutes/, /fentanyl/i],
  [/breath/i, /rescue breath/i, /trained/i, /dispatcher/i],
  [/once (they're|they are) breathing/i, /side/i, /recovery position/i],
  [/stay with them/i, /until help comes/i, /wear off before the opioid/i],
];

/** The same five steps in the Spanish reply (resources/locales/es/safety.json). */
const fiveStepsInSpanish: readonly RegExp[][] = [
  [/\b911\b/],
  [/naloxona/i, /otra dosis/i, /2 o 3 minutos/, /fentanilo/i],
  [/respirar/i, /respiración de rescate/i, /sabes hacerlo/i, /911/],
  [/cuando respire/i, /de lado/i, /posición de recuperación/i],
  [/quédate con esa persona/i, /hasta que llegue la ayuda/i, /antes que el del opioide/i],
];

/** The numbered lines of a reply, checked against the steps' patterns in order. */
function assertSteps(text: string, expected: readonly RegExp[][]): void {
  const steps = text.split('\n').filter((line) => /^\d+\. /.test(line));
  assert.equal(steps.length, expected.length, text);
  for (const [index, patterns] of expected.entries()) {
    const step = steps[index] ?? '';
    assert.ok(step.startsWith(`${index + 1}. `), step);
    for (const pattern of patterns) assert.match(step, pattern, `step ${index + 1}`);
  }
}

describe('the overdose reply (safety.stepOverdose)', () => {
  const lines = strings.text('safety.stepOverdose').split('\n');
  const steps = lines.filter((line) => /^\d+\. /.test(line));

  it("follows SAMHSA's five essential steps in order, 911 first, one numbered line each", () => {
    assertSteps(strings.text('safety.stepOverdose'), fiveSteps);
  });

  it('the Spanish reply gives the same five steps, in the same order', () => {
    assertSteps(spanish.text('safety.stepOverdose'), fiveStepsInSpanish);
    assert.doesNotMatch(spanish.text('safety.lines'), /antes que el de la droga/);
  });

  it('is short enough to read in a crisis: one short line per step, no step over 130 characters', () => {
    assert.ok(lines.length <= fiveSteps.length + 1);
    for (const step of steps) assert.ok(step.length <= 130, `${step.length}: ${step}`);
  });

  it('says "the opioid" where naloxone wears off, not "the drugs", and promises no immunity', () => {
    const text = strings.text('safety.stepOverdose');
    assert.doesNotMatch(text, /the drugs/i);
    assert.doesNotMatch(text, /immun|Good Samaritan|arrest/i);
  });

  it("names SAMHSA's toolkit as its source", () => {
    assert.match(
      stringSources.get('safety.stepOverdose')?.source.cite ?? '',
      /SAMHSA Overdose Prevention Toolkit/,
    );
  });

  describe('over HTTP, in a conversation that starts with the overdose', () => {
    const served = useTestApp();

    it('someone not breathing gets the five steps, with 911 before naloxone', async () => {
      const replies = await exchange(
        served.url,
        testActivity('overdose-1', { text: "he's not breathing and his lips are blue" }),
      );
      const text = replies.map((reply) => reply.text ?? '').join('\n');
      assert.ok(text.includes(strings.text('safety.stepOverdose')), text);
      assert.ok(text.indexOf('911') < text.search(/naloxone/i), '911 comes first');
    });
  });
});
