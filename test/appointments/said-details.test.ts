import assert from 'node:assert/strict';
import { type SaidDetails, saidDetails } from '../../src/appointments/said-details.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();

/** [what the first message said, the details read from it] */
const table: [string, SaidDetails][] = [
  ['Dr. Patel, about side effects', { provider: 'Dr. Patel', topic: 'side effects' }],
  ['I see dr patel next tuesday about my meds', { provider: 'Dr. Patel', topic: 'my meds' }],
  ['doctor Nguyen on the 12th', { provider: 'Dr. Nguyen' }],
  ['talk about my sleep at my counselor visit tomorrow', { topic: 'my sleep' }],
  ['I am nervous about my appointment tomorrow', {}],
  ['my doctor appointment next week', {}],
  ['dr on tuesday', {}],
];

describe('details said in the first message of an appointment plan: who with, and what about', () => {
  for (const [said, details] of table)
    it(JSON.stringify(said), () => {
      assert.deepEqual(saidDetails(strings, said), details);
    });
});
