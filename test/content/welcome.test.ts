import assert from 'node:assert/strict';
import { exchange, testActivity } from '../support/http.js';
import { useTestApp } from '../support/test-app.js';

/** A line someone reads at a glance on a phone: at most this many characters and two sentences. */
const SHORT_LINE = 110;

describe('the welcome', () => {
  let welcome: string[];

  const served = useTestApp();
  before(async () => {
    const replies = await exchange(
      served.url,
      testActivity('welcome-lines', {
        type: 'conversationUpdate',
        membersAdded: [{ id: 'user-1', name: '' }],
      }),
    );
    welcome = (replies.find((a) => a.type === 'message')?.text ?? '').split('\n\n');
  });

  it('is three lines', () => {
    assert.equal(welcome.length, 3, welcome.join('\n'));
  });

  it('keeps each line short: two sentences at most, and no longer than a phone screen shows at a glance', () => {
    for (const line of welcome) {
      assert.ok(line.length <= SHORT_LINE, `${line.length} characters: ${line}`);
      assert.ok((line.match(/[.?!](\s|$)/g) ?? []).length <= 2, line);
    }
  });

  it('says first that the coach is automated, not a person', () => {
    assert.match(welcome[0] ?? '', /automated/);
    assert.match(welcome[0] ?? '', /not a person/);
  });

  it('says how to reach 911 and 988', () => {
    assert.match(welcome[1] ?? '', /\b911\b/);
    assert.match(welcome[1] ?? '', /\b988\b/);
  });
});
