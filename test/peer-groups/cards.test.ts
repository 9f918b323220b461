import assert from 'node:assert/strict';
import type { Attachment } from 'botbuilder';
import { ADAPTIVE_CARD_VERSION } from '../../src/cards/adaptive-card.js';
import { escapeMarkdown } from '../../src/cards/markdown.js';
import { ianaZone } from '../../src/language/intents/time-zone.js';
import { PeerSearch } from '../../src/peer-groups/matching.js';
import { PeerGroupWriter } from '../../src/peer-groups/render.js';
import type { LocalGroup } from '../../src/peer-groups/schema.js';
import { testContent } from '../support/content.js';
import { entry, fixture, thursday } from './fixtures.js';

const { strings } = testContent();
const newYork = ianaZone('America/New_York');
if (!newYork) throw new Error('no America/New_York');
const writer = new PeerGroupWriter(strings, newYork);
const basic = fixture('basic');

interface CardJson {
  version: string;
  body: { type: string; text: string }[];
  actions?: { type: string; url: string }[];
}
function cardOf(attachment: Attachment): CardJson {
  assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
  return attachment.content as CardJson;
}

describe('peer groups: result cards', () => {
  it('markdown in data shows as typed: no link, emphasis, list, heading or date function', () => {
    assert.equal(escapeMarkdown('**Bold** _it_'), '\\*\\*Bold\\*\\* \\_it\\_');
    assert.equal(escapeMarkdown('[click](https://evil.example)'), '\\[click\\]\\(https://evil.example\\)');
    assert.equal(
      escapeMarkdown('{{DATE(2025-01-01T00:00:00Z, SHORT)}}'),
      '\\{\\{DATE\\(2025-01-01T00:00:00Z, SHORT\\)\\}\\}',
    );
    assert.equal(escapeMarkdown('- one\n# two'), '\\- one \\# two');
    assert.equal(escapeMarkdown('1. first'), '1\\. first');
    assert.equal(escapeMarkdown('Plain words, 7:00 PM.'), 'Plain words, 7:00 PM.');
  });

  it('a card is schema 1.5, says what the text says, and links only to https', () => {
    const search = new PeerSearch(basic, { now: thursday, zone: newYork });
    const [match] = search.find({ focus: 'alcohol', format: 'online' });
    assert.ok(match);
    const rendered = writer.match(match, 1);
    const card = cardOf(rendered.card);
    assert.equal(card.version, ADAPTIVE_CARD_VERSION);
    assert.equal(ADAPTIVE_CARD_VERSION, '1.5');
    assert.ok(rendered.text.includes(match.group.name));
    for (const block of card.body.slice(1)) {
      assert.ok(rendered.text.includes(block.text.replace(/\\(.)/g, '$1')), block.text);
    }
    assert.ok((card.actions ?? []).every((action) => action.url.startsWith('https://')));
    assert.ok(JSON.stringify(card).length < 28_000, 'within the Teams card size limit');
  });

  it('data with markup is escaped in the card and left as typed in the plain text', () => {
    const group = entry(basic, 'springfield-smart');
    if (group.kind !== 'local') throw new Error('springfield-smart is a local group');
    const hostile: LocalGroup = { ...group, name: '[Free](https://evil.example) **now**' };
    const rendered = writer.match(
      new PeerSearch(basic, { now: thursday, zone: newYork }).judge(hostile, {}),
      1,
    );
    const card = cardOf(rendered.card);
    assert.equal(card.body[0]?.text, '\\[Free\\]\\(https://evil.example\\) \\*\\*now\\*\\*');
    assert.ok(rendered.text.startsWith('1. [Free](https://evil.example) **now**'));
  });

  it("the next meeting is said on the person's clock, with the zone", () => {
    const group = entry(basic, 'springfield-smart');
    const match = new PeerSearch(basic, { now: thursday, zone: newYork }).judge(group, {});
    const text = writer.match(match, 1).text;
    // Tuesday 19:00 in Chicago is 20:00 in New York.
    assert.match(text, /Tuesday, May 13.*8:00\sPM EDT/);
    const losAngeles = ianaZone('America/Los_Angeles');
    assert.ok(losAngeles);
    assert.match(new PeerGroupWriter(strings, losAngeles).match(match, 1).text, /5:00\sPM PDT/);
  });
});
