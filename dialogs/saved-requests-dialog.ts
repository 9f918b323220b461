import {
  type DialogTurnResult,
  ListStyle,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { z } from 'zod';
import { requestCardActivity, requestTextActivity } from '../src/accommodations/card.js';
import { type AccommodationContent, loadAccommodationContent } from '../src/accommodations/content.js';
import { RequestBuilder } from '../src/accommodations/letter.js';
import {
  type AccommodationRequestsProperty,
  accommodationRequestTitle,
  deleteAccommodationRequest,
  deletesARequest,
  findAccommodationRequest,
  listAccommodationRequests,
} from '../src/accommodations/saved-requests.js';
import { deleteRequestIn, itemToDelete } from '../src/language/delete-request.js';
import type { FeatureIntent } from '../src/language/routing.js';
import { saysAnyOf } from '../src/language/says-any-of.js';
import {
  ACCOMMODATION_DIALOG_ID,
  AccommodationDialog,
  type AccommodationOptions,
} from './accommodation-dialog.js';
import {
  askMenu,
  choiceOf,
  DELETE_ITEM,
  MENU_PROMPT,
  menuPick,
  menuPrompt,
  picked,
} from './accommodation-menus.js';
import type { DialogDeps } from './dialog-deps.js';
import { InterruptibleDialog, type LeftResult } from './interruptible-dialog.js';
import type { OpenPromptOptions } from './open-choice.js';
import { checkedOptions } from './step-options.js';
import { type YesNoPrompt, yesNoPrompt } from './yes-no-prompt.js';

/** Stored in conversation state as the dialog's id: renaming it strands conversations in it. */
export const SAVED_REQUESTS_DIALOG_ID = 'accommodationSaved';

/** What the saved-request browser needs besides the shared dialog deps. */
export interface SavedRequestsFeature {
  /** User-state property of saved requests (see src/user-properties.ts). */
  requests: AccommodationRequestsProperty;
  /** Validated content; loaded from resources/accommodations.json when left out. */
  content?: AccommodationContent;
  /** Today, for a request changed here ("Change it"); without it saved requests are not changed here. */
  clock?: () => Date;
}

/** How the browser ends: `done` when the person closed the list (or there was none); `left` after "cancel" or "menu". */
export type SavedRequestsResult = { done: true } | LeftResult;

const SAVED_LIST = 'accommodationSavedList';
/**
 * What the list receives: nothing (or a feature's recognition) from outside; after a delete, that;
 * `deleting` when opened by "delete my old letter" (the one to delete is asked, then confirmed).
 */
const listOptionsOf = checkedOptions(
  SAVED_LIST,
  z.object({
    afterDelete: z.boolean().optional(),
    deleting: z.boolean().optional(),
    editing: z.boolean().optional(),
  }),
);
/** How the saved requests are opened from outside: to browse, or to delete one ("delete my letter"). */
export interface SavedRequestsOptions {
  deleting?: boolean;
  /** Opened by "change the start date on my letter": the one to change is asked, then reviewed. */
  editing?: boolean;
}
/** One saved request open: which, whether its card was just shown (`quiet`), whether to ask to delete it. */
interface ItemOptions {
  id: string;
  quiet?: boolean;
  deleting?: boolean;
}
const SAVED_ITEM = 'accommodationSavedItem';
const SAVED_EDIT = 'accommodationSavedEdit';
const DELETE_PROMPT = 'accommodationDeletePrompt';

/**
 * The person's saved accommodation requests ("my plans"): listed newest first, one opened as a
 * card, copied as text, or deleted once the person says yes.
 */
export class SavedRequestsDialog extends InterruptibleDialog {
  /** Words about an accommodation here are about these requests, not a switch to a new one. */
  protected override readonly feature: FeatureIntent = 'accommodation';
  private readonly content: AccommodationContent;
  private readonly builder: RequestBuilder;

  constructor(
    deps: DialogDeps,
    private readonly setup: SavedRequestsFeature,
  ) {
    super(SAVED_REQUESTS_DIALOG_ID, deps);
    if (!setup?.requests) throw new Error('SavedRequestsDialog needs a requests accessor');
    this.content = setup.content ?? loadAccommodationContent(deps.strings);
    this.builder = new RequestBuilder(deps.strings, this.content);
    this.addDialog(menuPrompt(deps.strings))
      .addDialog(this.deletePrompt())
      .addDialog(new WaterfallDialog(SAVED_LIST, [this.listSaved.bind(this), this.openSaved.bind(this)]))
      .addDialog(
        new WaterfallDialog(SAVED_ITEM, [
          this.showSaved.bind(this),
          this.actSaved.bind(this),
          this.confirmDelete.bind(this),
        ]),
      );
    if (setup.clock) {
      // The request dialog itself reviews and saves a change; practice and a peer are offered from the menu.
      const editor = { requests: setup.requests, content: this.content, clock: setup.clock };
      this.addDialog(
        new AccommodationDialog(deps, { ...editor, offerPractice: false, offerPeer: false }),
      ).addDialog(new WaterfallDialog(SAVED_EDIT, [this.beginEdit.bind(this), this.afterEdit.bind(this)]));
    }
    this.initialDialogId = SAVED_LIST;
  }

  /** Opened from "my plans", outside the menu, which could not resume it. */
  protected override resumesAfterSwitch(): boolean {
    return false;
  }

  /** Yes deletes; anything unclear keeps the request (erasing is never a guess). */
  private deletePrompt(): YesNoPrompt {
    return yesNoPrompt(
      DELETE_PROMPT,
      this.deps.strings,
      ['accommodationSaved.deleteYes', 'accommodationSaved.deleteNo'],
      {
        kind: 'assume',
        value: false,
        afterMisses: 1,
      },
    );
  }

  /** Saved requests, newest first, to open by number. */
  private async listSaved(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const requests = await listAccommodationRequests(this.setup.requests, step.context);
    if (requests.length === 0) {
      if (listOptionsOf(step).afterDelete !== true) {
        await step.context.sendActivity(strings.text('accommodationSaved.none'));
      }
      return step.endDialog({ done: true } satisfies SavedRequestsResult);
    }
    const { deleting, editing } = listOptionsOf(step);
    const only = requests.length === 1 ? requests[0] : undefined;
    // "delete the old one" with one request saved: said to be the only one before any delete
    // (people10, Tyler deleted his only letter thinking an older one existed).
    const text = step.context.activity.text ?? '';
    const toRemove = deleting === true || deletesARequest(strings, text, true);
    if (toRemove && only && saysAnyOf(strings, 'accommodationSaved.olderWords', text)) {
      await step.context.sendActivity(strings.text('accommodationSaved.onlyOne'));
      if (!deleting) return step.replaceDialog(SAVED_ITEM, { id: only.id } satisfies ItemOptions);
    }
    if (deleting && only) return this.toDelete(step, only.id);
    if (editing && only) return step.replaceDialog(SAVED_EDIT, { id: only.id } satisfies ItemOptions);
    const titles = requests.map((request, index) =>
      accommodationRequestTitle(strings, this.content, request, index + 1),
    );
    // The prompt numbers its list; a button's title is not numbered again ("1. 1. Housing", people8).
    const items = requests.map((request): [string, string] => [
      request.id,
      accommodationRequestTitle(strings, this.content, request),
    ]);
    const listed: OpenPromptOptions = {
      prompt: strings.text(
        deleting
          ? 'accommodationSaved.askWhichDelete'
          : editing
            ? 'accommodationSaved.askWhichChange'
            : 'accommodationSaved.askWhich',
        {
          list: titles.join('\n'),
        },
      ),
      retryPrompt: strings.text('accommodationSaved.askWhichAgain'),
      choices: [
        ...items.map(([value, title]) => choiceOf(strings, value, title)),
        choiceOf(strings, 'done', strings.text('accommodationSaved.done')),
      ],
      style: ListStyle.auto,
      deletesItems: true,
    };
    return step.prompt(MENU_PROMPT, listed);
  }

  private async openSaved(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const pick = picked(step.context);
    if (pick === DELETE_ITEM) return this.askToDelete(step);
    if (pick && pick !== 'done' && pick !== 'gaveUp' && pick !== 'back') {
      if (listOptionsOf(step).deleting) return this.toDelete(step, pick);
      if (listOptionsOf(step).editing)
        return step.replaceDialog(SAVED_EDIT, { id: pick } satisfies ItemOptions);
      return step.replaceDialog(SAVED_ITEM, { id: pick } satisfies ItemOptions);
    }
    await step.context.sendActivity(this.deps.strings.text('accommodationSaved.closed'));
    return step.endDialog({ done: true } satisfies SavedRequestsResult);
  }

  /**
   * "delete 1", "remove the later start one", "get rid of that request": that request's delete,
   * confirmed first, named when it is not the one open. Unclear which: the list again.
   */
  private async askToDelete(step: WaterfallStepContext, open?: string): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const request = deleteRequestIn(strings, step.context.activity.text);
    const requests = await listAccommodationRequests(this.setup.requests, step.context);
    const items = requests.map((saved, index) => ({
      value: saved.id,
      label: accommodationRequestTitle(strings, this.content, saved, index + 1),
    }));
    const id = request && itemToDelete(strings, request, items, open);
    const item = items.find((listed) => listed.value === id);
    if (!item) return step.replaceDialog(SAVED_LIST);
    if (item.value !== open)
      await step.context.sendActivity(
        strings.text('accommodationSaved.aboutToDelete', { request: item.label }),
      );
    return step.replaceDialog(SAVED_ITEM, { id: item.value, deleting: true } satisfies ItemOptions);
  }

  /** The request asked to be deleted, named, then its delete confirmed. */
  private async toDelete(step: WaterfallStepContext, id: string): Promise<DialogTurnResult> {
    const { strings } = this.deps;
    const requests = await listAccommodationRequests(this.setup.requests, step.context);
    const saved = requests.find((request) => request.id === id);
    if (!saved) return step.replaceDialog(SAVED_LIST);
    const request = accommodationRequestTitle(strings, this.content, saved);
    await step.context.sendActivity(strings.text('accommodationSaved.aboutToDelete', { request }));
    return step.replaceDialog(SAVED_ITEM, { id, deleting: true } satisfies ItemOptions);
  }

  /** One saved request as a card, then: copy as text, delete, other requests, done. */
  private async showSaved(step: WaterfallStepContext<ItemOptions>): Promise<DialogTurnResult> {
    const { id, quiet, deleting } = step.options;
    if (deleting) {
      // Straight to its delete, confirmed (the request was named just before).
      menuPick.set(step.context, 'delete');
      return step.next();
    }
    const saved = await findAccommodationRequest(this.setup.requests, step.context, id);
    if (!saved) {
      await step.context.sendActivity(this.deps.strings.text('accommodationSaved.notFound'));
      return step.replaceDialog(SAVED_LIST);
    }
    if (!quiet) {
      await step.context.sendActivity(
        requestCardActivity(
          this.deps.strings,
          this.builder.build(saved.answers, saved.askedOn),
          'accommodationSaved.shown',
        ),
      );
    }
    return askMenu(
      step,
      this.deps.strings,
      { prompt: 'accommodationSaved.askAction', retry: 'accommodationSaved.askActionAgain' },
      [
        { value: 'text', label: 'accommodationSaved.actionText' },
        ...(this.setup.clock ? [{ value: 'change', label: 'accommodationSaved.actionChange' } as const] : []),
        { value: 'delete', label: 'accommodationSaved.actionDelete' },
        { value: 'others', label: 'accommodationSaved.actionOthers' },
        { value: 'done', label: 'accommodationSaved.done', synonyms: 'accommodation.doneWords' },
      ],
      true,
    );
  }

  private async actSaved(step: WaterfallStepContext<ItemOptions>): Promise<DialogTurnResult> {
    const { id } = step.options;
    const { strings } = this.deps;
    switch (picked(step.context)) {
      case DELETE_ITEM:
        return this.askToDelete(step, id);
      case 'text': {
        const saved = await findAccommodationRequest(this.setup.requests, step.context, id);
        if (saved)
          await step.context.sendActivity(
            requestTextActivity(this.deps.strings, this.builder.build(saved.answers, saved.askedOn)),
          );
        return step.replaceDialog(SAVED_ITEM, { id, quiet: true } satisfies ItemOptions);
      }
      case 'delete':
        return step.prompt(DELETE_PROMPT, {
          prompt: strings.text('accommodationSaved.confirmDelete'),
          choices: [
            strings.text('accommodationSaved.deleteYes'),
            strings.text('accommodationSaved.deleteNo'),
          ],
          style: ListStyle.suggestedAction,
        });
      case 'change':
        return step.replaceDialog(SAVED_EDIT, { id } satisfies ItemOptions);
      case 'others':
      case 'back':
        return step.replaceDialog(SAVED_LIST);
      default:
        await step.context.sendActivity(strings.text('accommodationSaved.closed'));
        return step.endDialog({ done: true } satisfies SavedRequestsResult);
    }
  }

  /** The request opened for review in the request dialog; saved again in its place. */
  private async beginEdit(step: WaterfallStepContext<ItemOptions>): Promise<DialogTurnResult> {
    const { id } = step.options;
    const saved = await findAccommodationRequest(this.setup.requests, step.context, id);
    if (!saved) {
      await step.context.sendActivity(this.deps.strings.text('accommodationSaved.notFound'));
      return step.replaceDialog(SAVED_LIST);
    }
    const editing = { id, askedOn: saved.askedOn, answers: saved.answers };
    return step.beginDialog(ACCOMMODATION_DIALOG_ID, { editing } satisfies AccommodationOptions);
  }

  /** After a change: that request again (or out, after "menu" or "cancel"). */
  private async afterEdit(step: WaterfallStepContext<ItemOptions>): Promise<DialogTurnResult> {
    const ended = (step.result ?? {}) as Partial<LeftResult>;
    if (ended.left) return step.endDialog({ left: ended.left } satisfies SavedRequestsResult);
    return step.replaceDialog(SAVED_ITEM, { id: step.options.id, quiet: true } satisfies ItemOptions);
  }

  /** Deletes on a clear yes; anything else keeps it. */
  private async confirmDelete(step: WaterfallStepContext<ItemOptions>): Promise<DialogTurnResult> {
    const { id } = step.options;
    const { strings } = this.deps;
    if (step.result !== true) {
      await step.context.sendActivity(strings.text('accommodationSaved.kept'));
      return step.replaceDialog(SAVED_ITEM, { id, quiet: true } satisfies ItemOptions);
    }
    const deleted = await deleteAccommodationRequest(this.setup.requests, step.context, id);
    await step.context.sendActivity(
      strings.text(deleted ? 'accommodationSaved.deleted' : 'accommodationSaved.notFound'),
    );
    return step.replaceDialog(SAVED_LIST, { afterDelete: true });
  }
}
