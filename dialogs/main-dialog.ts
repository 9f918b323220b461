import {
  type Choice,
  ChoicePrompt,
  type DialogContext,
  type DialogTurnResult,
  DialogTurnStatus,
  type FoundChoice,
  ListStyle,
  type PromptValidatorContext,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StringKey } from '../src/content/strings.js';
import type { DialogCommand } from '../src/language/commands.js';
import { crisisLinesText } from './crisis-lines.js';
import type { DialogDeps } from './dialog-deps.js';
import { DialogIds } from './dialog-ids.js';
import { InterruptibleDialog, sendHelp } from './interruptible-dialog.js';
import { NicknameDialog } from './nickname-dialog.js';

/** A menu entry: its stored value, its label and the other words that pick it. */
interface MenuItem {
  value: 'crisisSupport' | 'nickname' | 'help' | 'about';
  label: StringKey;
  synonyms: StringKey;
}

const menuItems: readonly MenuItem[] = [
  { value: 'crisisSupport', label: 'menu.crisisSupport', synonyms: 'menu.crisisSupportSynonyms' },
  { value: 'nickname', label: 'menu.nickname', synonyms: 'menu.nicknameSynonyms' },
  { value: 'help', label: 'menu.help', synonyms: 'menu.helpSynonyms' },
  { value: 'about', label: 'menu.about', synonyms: 'menu.aboutSynonyms' },
];

const MENU_STEPS = 'mainMenuSteps';
const MENU_PROMPT = 'mainMenuPrompt';

/**
 * The root dialog: a menu of what works, routing to one feature dialog at a time and coming
 * back to the menu when it ends (finished, cancelled or left with "menu").
 */
export class MainDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(DialogIds.main, deps);
    this.addDialog(new ChoicePrompt(MENU_PROMPT, this.validateChoice.bind(this)))
      .addDialog(new NicknameDialog(deps))
      .addDialog(
        new WaterfallDialog(MENU_STEPS, [
          this.showMenu.bind(this),
          this.route.bind(this),
          this.loop.bind(this),
        ]),
      );
    this.initialDialogId = MENU_STEPS;
  }

  /** A conversation that opens with "help" gets the help text before the menu. */
  protected override async onBeginDialog(
    innerDc: DialogContext,
    options?: object,
  ): Promise<DialogTurnResult> {
    if (this.commandIn(innerDc) === 'help') await sendHelp(innerDc, this.deps);
    return super.onBeginDialog(innerDc, options);
  }

  /** Offers the menu as buttons (suggested actions), or a numbered list where a channel has none. */
  private async showMenu(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const again = (step.options as { again?: boolean } | undefined)?.again === true;
    return step.prompt(MENU_PROMPT, {
      prompt: strings.text(again ? 'menu.promptAgain' : 'menu.prompt'),
      choices: this.choices(),
      style: ListStyle.auto,
    });
  }

  /** Runs the chosen item: a feature dialog, or a short answer. */
  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings, crisisResources } = this.deps;
    const value = (step.result as { value?: string } | undefined)?.value;
    switch (value) {
      case 'nickname':
        return step.beginDialog(DialogIds.nickname);
      case 'crisisSupport':
        await step.context.sendActivity(crisisLinesText(strings, crisisResources));
        break;
      case 'help':
        await sendHelp(step, this.deps);
        break;
      case 'about':
        await step.context.sendActivity(
          `${strings.text('about.automated')}\n\n${strings.text('about.limits')}`,
        );
        break;
    }
    return step.next();
  }

  /** Back to the menu, asked as "what next?". */
  private async loop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(MENU_STEPS, { again: true });
  }

  /**
   * An answer that is no menu item gets a short, varied "didn't catch that" with the menu's
   * buttons; every second miss in a row offers the menu and a person instead, so nobody is left
   * looping on the same sentence.
   */
  private async validateChoice(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    const { strings } = this.deps;
    const misses = prompt.attemptCount;
    // The retry prompt carries the menu's buttons, so the wording is set on it for this miss.
    prompt.options.retryPrompt =
      misses % 2 === 0
        ? strings.text('fallback.stuck')
        : strings.text('fallback.notUnderstood', {}, Math.floor(misses / 2));
    return false;
  }

  /** At the menu itself, "cancel" has nothing to leave and "menu" just shows it again. */
  protected override async onLeave(
    innerDc: DialogContext,
    command: DialogCommand,
  ): Promise<DialogTurnResult> {
    if (command === 'cancel') {
      await innerDc.context.sendActivity(this.deps.strings.text('interruptions.nothingToCancel'));
    }
    await innerDc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }

  private choices(): Choice[] {
    const { strings } = this.deps;
    return menuItems.map((item) => ({
      value: item.value,
      action: { type: 'imBack', title: strings.text(item.label), value: strings.text(item.label) },
      synonyms: [strings.text(item.label), ...strings.variants(item.synonyms)],
    }));
  }
}
