import assert from 'node:assert/strict';
import { dataReportActivity, erasedText } from '../../src/privacy/data-replies.js';
import type { PersonalDataReport } from '../../src/privacy/personal-data.js';
import { testContent } from '../support/content.js';

const { strings } = testContent();

// Chris (ninth people run): "show my data" left out the plan and the letter he had just saved, and
// the erase reply named a nickname he never had and not the plan it erased.
const chris: PersonalDataReport = {
  user: {
    person: { lastActiveAt: '2026-12-08T01:00:00.000Z' },
    plans: { version: 1, plans: [{}] },
    accommodationRequests: { version: 2, requests: [{}, {}] },
  },
  conversations: { c1: {} },
  other: {
    handoff: { 'handoff/person/u': {}, 'handoff/request/ABC123': {}, 'handoff/link/test/c1': {} },
  },
};

describe('what show my data and erasing say', () => {
  it('show my data names each saved kind, and one request kept as three records', () => {
    const text = dataReportActivity(strings, chris).text ?? '';
    assert.ok(text.includes(strings.text('data.plans', { count: 1 })), text);
    assert.ok(text.includes(strings.text('data.requests', { count: 2 })), text);
    assert.ok(text.includes(strings.text('data.otherHandoff', { requests: 1, count: 3 })), text);
  });

  it('the erase reply names the plans and requests erased, and no nickname where none was set', () => {
    const text = erasedText(strings, chris);
    assert.ok(text.includes(strings.text('data.erasedPlans')), text);
    assert.ok(text.includes(strings.text('data.erasedRequests')), text);
    assert.ok(text.includes(strings.text('data.erasedOther')), text);
    assert.ok(!text.includes(strings.text('data.erasedNickname')), text);
  });

  it('with a nickname and nothing saved, the nickname and no plan', () => {
    const text = erasedText(strings, { user: { profile: { nickname: 'CJ' } }, conversations: {}, other: {} });
    assert.ok(text.includes(strings.text('data.erasedNickname')), text);
    assert.ok(!text.includes(strings.text('data.erasedPlans')), text);
  });
});
