import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CardAction } from 'botbuilder';
import { type Dialog, WaterfallDialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { globalCommands } from '../../src/language/commands.js';
import {
  type FeatureIntent,
  featureListText,
  features,
  isFeatureIntent,
} from '../../src/language/features.js';
import { intentNames } from '../../src/language/intents/index.js';
import { resourcesDir } from '../../src/paths.js';
import { makeDialogDeps } from '../support/dialog-case.js';

/** Intents answered in place: a command, small talk, or nothing asked. Every other one starts a flow. */
const answeredInPlace: readonly string[] = [...globalCommands, 'greeting', 'thanks', 'none'];

/** A guided conversation standing in for the real one: it says which it is and ends. */
const standIn = (intent: FeatureIntent): Dialog =>
  new WaterfallDialog(`standIn-${intent}`, [
    async (step) => {
      await step.context.sendActivity(`started ${intent}`);
      return step.endDialog();
    },
  ]);
const standIns = () =>
  Object.fromEntries(features.map(({ intent }) => [intent, standIn(intent)])) as Record<
    FeatureIntent,
    Dialog
  >;

describe('the feature registry (src/language/features.ts)', () => {
  const deps = makeDialogDeps();
  const { strings } = deps;

  it('has exactly one entry for every intent that starts a flow, and none for the others', () => {
    const flows = intentNames.filter((name) => !answeredInPlace.includes(name));
    const registered = features.map((feature) => feature.intent);
    assert.deepEqual([...registered].sort(), [...flows].sort());
    assert.equal(new Set(registered).size, registered.length, 'an intent registered twice');
    for (const name of intentNames) assert.equal(isFeatureIntent(name), flows.includes(name), name);
  });

  it('every entry has its strings and its intent examples', () => {
    for (const feature of features) {
      for (const key of [feature.menuLabel, feature.name, feature.inList])
        assert.ok(strings.text(key).trim(), `${feature.intent}: ${key} is empty`);
      assert.ok(strings.variants(feature.menuSynonyms).length > 0, `${feature.intent}: no menu synonyms`);
      assert.ok(existsSync(join(resourcesDir, 'intents', `${feature.intent}.json`)), feature.intent);
    }
  });

  it('the menu offers every registered feature first, in the registry order', async () => {
    const client = new DialogTestClient('webchat', new MainDialog(deps, standIns()));
    const reply = await client.sendActivity('hi');
    const titles = reply.suggestedActions?.actions.map((action: CardAction) => action.title) ?? [];
    assert.deepEqual(
      titles.slice(0, features.length),
      features.map((feature) => strings.text(feature.menuLabel)),
    );
  });

  for (const { intent, menuLabel } of features) {
    it(`routes to ${intent}: started by name and by its menu button`, async () => {
      const started = new DialogTestClient('webchat', new MainDialog(deps, standIns()), { start: intent });
      assert.equal((await started.sendActivity('hi')).text, `started ${intent}`);
      const tapped = new DialogTestClient('webchat', new MainDialog(deps, standIns()));
      await tapped.sendActivity('hi');
      assert.equal((await tapped.sendActivity(strings.text(menuLabel))).text, `started ${intent}`);
    });
  }

  it('help names every feature in one sentence made from the registry', () => {
    assert.equal(
      featureListText(strings),
      'getting ready for an appointment, asking for an accommodation, finding a peer support group, ' +
        'practicing a conversation, talking with a peer specialist, making a safety plan, and finding ' +
        'crisis and support lines',
    );
    for (const feature of features)
      assert.ok(featureListText(strings).includes(strings.text(feature.inList)));
  });
});
