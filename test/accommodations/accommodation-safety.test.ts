import assert from 'node:assert/strict';
import { ComponentDialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { ACCOMMODATION_DIALOG_ID } from '../../dialogs/accommodation-dialog.js';
import type { DialogDeps } from '../../dialogs/dialog-deps.js';
import { pauseForSafety, SafetyDialog, safetyOptionsFor } from '../../dialogs/safety-dialog.js';
import { createWayfinderRecognizer, type WayfinderRecognizer } from '../../src/language/intents/index.js';
import { loadSafetyClassifier, type SafetyClassifier } from '../../src/language/safety/safety-classifier.js';
import { testContent } from '../support/content.js';
import { runDialogCase } from '../support/dialog-case.js';
import { realRecognition } from '../support/scripted-recognition.js';
import { FIXED_NOW, lastCardText, makeAccommodation, recorder } from './support.js';

const { strings } = testContent();
const say = strings.text.bind(strings);

/**
 * What the bot's safety gate does, around the accommodation dialog alone (the bot itself is
 * wired elsewhere): every message is classified first, and danger or concern opens the safety
 * dialog above the paused request. When it closes ("Go back"), the request's question is asked again.
 */
class GatedAccommodation extends ComponentDialog {
  constructor(
    deps: DialogDeps,
    private readonly classifier: SafetyClassifier,
  ) {
    super('gatedAccommodation');
    this.addDialog(new SafetyDialog(deps, testContent().spanish)).addDialog(makeAccommodation()(deps));
    this.initialDialogId = ACCOMMODATION_DIALOG_ID;
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const result = this.classifier.classify(innerDc.context.activity.text ?? '');
    if (result.level === 'none') return super.onContinueDialog(innerDc);
    return pauseForSafety(innerDc, safetyOptionsFor(result));
  }
}

describe('accommodation dialog with the safety gate and the real recognizer', function () {
  // The recognizer is trained once for this suite (about a second).
  this.timeout(30_000);
  let recognizer: WayfinderRecognizer;
  let classifier: SafetyClassifier;
  before(() => {
    recognizer = createWayfinderRecognizer({ clock: () => FIXED_NOW });
    classifier = loadSafetyClassifier();
  });

  it('crisis at a question gets the crisis reply at once; "Go back" asks that question again', async () => {
    await runDialogCase(
      (deps) => new GatedAccommodation(deps, classifier),
      [
        ['hi', ['accommodation.intro', 'accommodation.askSetting']],
        [say('accommodationSettings.work'), ['accommodation.askBarrier']],
        ['I want to end my life', ['safety.dangerIntro', 'crisis.intro', 'safety.choicePrompt']],
        [say('safety.goBack'), ['safety.backAgain', 'accommodation.askBarrier']],
        [say('accommodationBarriers.travel'), ['accommodation.askIdea']],
      ],
      undefined,
      [realRecognition(recognizer)],
    );
  });

  it('concern at the first question is met gently, and the request waits', async () => {
    const concern = "I'm so scared I'm going to start using again";
    await runDialogCase(
      (deps) => new GatedAccommodation(deps, classifier),
      [
        ['hi', ['accommodation.intro', 'accommodation.askSetting']],
        [concern, [['safety.concernIntro', {}, concern.length]]],
        [say('safety.keepGoing'), ['safety.backAgain', 'accommodation.askSetting']],
      ],
      undefined,
      [realRecognition(recognizer)],
    );
  });

  it('the sample sentence, recognized for real, prefills work, the barrier and the change; "next Monday" becomes a date', async () => {
    const text = 'I need a later start time at work because of my clinic';
    const recognition = await recognizer.recognizeText(text);
    const { sent, middleware } = recorder();
    await runDialogCase(
      makeAccommodation(),
      [
        [
          text,
          [
            'accommodation.intro',
            [
              'accommodation.noted',
              {
                facts: `${say('accommodationSettings.work')}, treatment or meeting times and "${say('accommodationIdeas.laterStartRequest')}"`,
              },
            ],
            'accommodation.askWho',
          ],
        ],
        [say('accommodationWho.hr'), ['accommodation.whoTip', 'accommodation.askFormat']],
        [say('accommodation.email'), ['accommodation.askStart']],
        ['next Monday', ['accommodation.askDisclosure']],
        [
          say('accommodationDisclosure.nothing'),
          ['accommodationBrief.heading', 'accommodation.ready', 'accommodation.askReview'],
        ],
        [say('accommodation.reviewSave'), ['accommodation.saved', 'accommodation.askNext']],
      ],
      { recognition },
      [middleware, realRecognition(recognizer)],
    );
    assert.ok(
      lastCardText(sent).includes(strings.text('accommodationLetter.startDate', { date: 'Monday, May 12' })),
    );
  });
});
