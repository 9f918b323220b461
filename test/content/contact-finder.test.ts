import assert from 'node:assert/strict';
import { contactKey, isReservedExample } from '../../src/content/verified-contacts.js';
import { testContent } from '../support/content.js';
import { findContacts } from './contact-finder.js';

const found = (text: string) => findContacts(text).map((contact) => contact.key);

describe('finding phone numbers and web addresses in what the bot says', () => {
  const writings: readonly [string, string[]][] = [
    ['Call 1-800-662-4357 any time.', ['8006624357']],
    ['Call 800-514-0301.', ['8005140301']],
    ['Call (800) 950-6264, Monday to Friday.', ['8009506264']],
    ['Call 800.950.6264 or 800 950 6264', ['8009506264', '8009506264']],
    ['Call +1 800 662 4357', ['8006624357']],
    ['1-800-662-HELP', ['8006624357']],
    ['8005140301', ['8005140301']],
    ['Call or text 988.', ['988']],
    ['988 Suicide & Crisis Lifeline', ['988']],
    ['call 911 now', ['911']],
    ['Text HOME to 741741.', ['741741']],
    ['or text 838255.', ['838255']],
    ['Text "helpline" to 62640', ['62640']],
    ['Text AYUDA to 988', ['988']],
    ['Call 988 and press 1', ['988']],
    ['see askjan.org.', ['askjan.org']],
    ['FindTreatment.gov', ['findtreatment.gov']],
    ['chat at https://988lifeline.org/chat/.', ['988lifeline.org/chat']],
    ['www.nami.org/help', ['nami.org/help']],
    ['http://insecure.example.com', ['insecure.example.com']],
  ];
  for (const [text, keys] of writings) {
    it(`finds ${keys.join(', ')} in "${text}"`, () => assert.deepEqual(found(text), keys));
  }

  const notContacts: readonly string[] = [
    '42 USC 12210(c)',
    '29 CFR 1630.2(o)(3) and 29 CFR 825.119',
    '42 USC 12210(a), (c); 29 USC 794',
    'Section 504 of the Rehabilitation Act',
    'within 180 days, or within 300 days',
    '12 months and at least 1,250 hours',
    'employers with 15 or more employees',
    'DOJ guidance, April 2022; its 1996 bulletin',
    'after 2-3 minutes',
    'checked 2026-12-07',
    'up to {max} characters',
    'Say it in about 30 seconds',
    'an email to smart-group@example.org',
  ];
  for (const text of notContacts) {
    it(`finds nothing in "${text}"`, () => assert.deepEqual(found(text), []));
  }

  it('one number or address written differently is one entry on the list', () => {
    const { contacts } = testContent();
    for (const way of ['1-800-662-4357', '(800) 662-4357', '800 662 4357', '1-800-662-HELP', '18006624357']) {
      assert.ok(contacts.has(way), way);
    }
    for (const way of ['askjan.org', 'https://askjan.org/', 'https://www.askjan.org', 'ASKJAN.ORG']) {
      assert.ok(contacts.has(way), way);
    }
    assert.ok(!contacts.has('800-526-7234'), "JAN's unconfirmed number is not on the list");
    assert.ok(!contacts.has('askjan.org/some-page'), 'a page of a listed site is not listed by it');
  });

  it('reserved example values (example.org, 555-0100 to 555-0199) reach no one and pass', () => {
    for (const value of ['https://example.org/meeting', 'https://meet.example.org/a', '800-555-0142']) {
      assert.ok(isReservedExample(contactKey(value)), value);
    }
    for (const value of ['https://example.com.evil.org', '800-555-0200', '800-555-1234']) {
      assert.ok(!isReservedExample(contactKey(value)), value);
    }
  });
});
