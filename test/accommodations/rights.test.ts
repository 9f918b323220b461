import assert from 'node:assert/strict';
import { RequestBuilder } from '../../src/accommodations/letter.js';
import {
  type DisclosureLevel,
  disclosureLevels,
  type RequestAnswers,
  type SettingId,
  settingIds,
} from '../../src/accommodations/model.js';
import { rightsFor, rightsSummary, sourcedText } from '../../src/accommodations/rights.js';
import { testContent } from '../support/content.js';
import { accommodationContent, TODAY } from './support.js';

const { strings } = testContent();
const content = accommodationContent();

/**
 * What a legal aid reviewer expects to see in each setting (issue 17): the statements true there,
 * and no other. Health care never shows the current-use exclusion without the 42 USC 12210(c)
 * rule that health and drug treatment services may not be denied for current use; employment
 * rules (42 USC 12114) only at work; the Fair Housing Act only for housing.
 */
const expected: Readonly<Record<SettingId, readonly string[]>> = {
  work: [
    'adaWorkRecovery',
    'adaWorkCurrentUse',
    'adaAlcohol',
    'adaTesting',
    'dojMoud',
    'eeocMoud',
    'fmla',
    'eeocDeadline',
  ],
  school: ['adaRecovery', 'adaCurrentUse', 'dojMoud', 'rehabilitationActSchool'],
  housing: ['fha', 'hudDeadline', 'rehabilitationAct'],
  healthcare: ['adaRecovery', 'adaHealthServices', 'dojMoud', 'rehabilitationAct'],
  court: ['adaRecovery', 'adaCurrentUse', 'dojMoud', 'rehabilitationAct'],
  benefits: ['adaRecovery', 'adaCurrentUse', 'rehabilitationAct'],
  other: ['adaRecovery', 'adaCurrentUse', 'dojMoud', 'rehabilitationAct'],
};

/** Statements that state the current-use limit and, outside work, the health services exception. */
const currentUseLimits = new Set([
  'adaWorkCurrentUse',
  'adaCurrentUse',
  'adaHealthServices',
  'fha',
  'rehabilitationActSchool',
]);

const answers = (setting: SettingId, disclosure: DisclosureLevel): RequestAnswers => ({
  setting,
  barrier: { id: 'schedule' },
  idea: { id: 'flexSchedule' },
  who: { id: 'personInCharge' },
  format: 'email',
  start: { asap: true },
  disclosure,
});

describe('accommodation rights: by setting and by what the person chose to share', () => {
  for (const setting of settingIds) {
    for (const level of disclosureLevels) {
      it(`${setting}, "${level}": what the level means, then the statements true for ${setting}`, () => {
        const shown = rightsFor(content, setting, level).map((right) => right.id);
        assert.deepEqual(shown, expected[setting]);
        assert.ok(
          shown.some((id) => currentUseLimits.has(id)),
          'the main limit, current use, is named',
        );
        const summary = rightsSummary(strings, content, setting, level);
        const meaning = content.disclosure.find((entry) => entry.id === level);
        assert.ok(meaning && summary.includes(sourcedText(strings, meaning.rights, meaning.source)));
        for (const right of rightsFor(content, setting, level)) {
          assert.ok(summary.includes(sourcedText(strings, right.text, right.source)), right.id);
        }
      });
    }
  }

  it('rules about substance use follow what was named: left out for depression, last under "if" for nothing, all for recovery', () => {
    const recovery = content.rights.filter(
      (right) => right.recovery && !right.nextStep && right.settings.includes('work'),
    );
    assert.ok(recovery.length > 0);
    const line = (right: (typeof recovery)[number]) => sourcedText(strings, right.text, right.source);
    const depression = rightsSummary(strings, content, 'work', 'general', 'depression');
    for (const right of recovery) assert.ok(!depression.includes(line(right)), right.id);
    assert.ok(
      depression.includes(strings.text('accommodationHelp.aboutRecovery', { condition: 'depression' })),
    );
    const nothing = rightsSummary(strings, content, 'work', 'general');
    const ifLine = nothing.indexOf(strings.text('accommodationHelp.ifRecovery'));
    assert.ok(ifLine > 0);
    for (const right of recovery) assert.ok(nothing.indexOf(line(right)) > ifLine, right.id);
    const named = rightsSummary(strings, content, 'work', 'general', 'recovery');
    assert.ok(!named.includes(strings.text('accommodationHelp.ifRecovery')));
    for (const right of recovery) assert.ok(named.includes(line(right)), right.id);
  });

  it('health care shows the health services rule, and never the current-use exclusion on its own', () => {
    const shown = rightsFor(content, 'healthcare', 'nothing').map((right) => right.text);
    assert.ok(shown.includes('accommodationRights.adaHealthServices'));
    assert.ok(!shown.includes('accommodationRights.adaCurrentUse'));
    assert.ok(!shown.includes('accommodationRights.adaWorkCurrentUse'));
    const healthServices = content.rights.find((right) => right.id === 'adaHealthServices');
    assert.match(healthServices?.source.cite ?? '', /42 USC 12210\(c\)/);
  });

  it('the employment rules cite 42 USC 12114, the rules outside work 42 USC 12210', () => {
    for (const right of content.rights) {
      const atWorkOnly = right.settings.every((setting) => setting === 'work');
      if (/12114/.test(right.source.cite)) assert.ok(atWorkOnly, `${right.id} cites 12114 outside work`);
      if (/12210/.test(right.source.cite)) assert.ok(!right.settings.includes('work'), right.id);
    }
  });

  it('"nothing specific" says plainly it may not count as a request, and that a health condition is enough', () => {
    const summary = rightsSummary(strings, content, 'work', 'nothing');
    assert.ok(summary.includes(strings.text('accommodationDisclosure.nothingRights')));
    assert.ok(!summary.includes(strings.text('accommodationDisclosure.generalRights')));
    assert.ok(
      rightsSummary(strings, content, 'work', 'general').includes(
        strings.text('accommodationDisclosure.generalRights'),
      ),
    );
  });

  it('what a provider note may hold is said only when a health reason was given', () => {
    const builder = new RequestBuilder(strings, content);
    const documentation = content.rights.find((right) => right.nextStep === 'documentation');
    assert.ok(documentation);
    const line = sourcedText(strings, documentation.text, documentation.source);
    assert.ok(!builder.build(answers('work', 'nothing'), TODAY).nextSteps.includes(line));
    assert.ok(builder.build(answers('work', 'general'), TODAY).nextSteps.includes(line));
    assert.ok(builder.build(answers('work', 'specifics'), TODAY).nextSteps.includes(line));
  });
});
