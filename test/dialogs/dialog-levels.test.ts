import assert from 'node:assert/strict';
import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { TestAdapter } from 'botbuilder-core';
import {
  ComponentDialog,
  type DialogContext,
  DialogSet,
  type DialogState,
  TextPrompt,
  WaterfallDialog,
} from 'botbuilder-dialogs';
import sinon from 'sinon';
import { dialogLevels, leafOf } from '../../dialogs/dialog-levels.js';

/** A component whose waterfall begins `inner` (another component) or asks a text question. */
class Level extends ComponentDialog {
  constructor(id: string, inner?: ComponentDialog) {
    super(id);
    if (inner) this.addDialog(inner);
    this.addDialog(new TextPrompt(`${id}.ask`));
    this.addDialog(
      new WaterfallDialog(`${id}.steps`, [
        (step) => (inner ? step.beginDialog(inner.id) : step.prompt(`${id}.ask`, 'say something')),
        (step) => step.endDialog(),
      ]),
    );
    this.initialDialogId = `${id}.steps`;
  }
}

/** What `child`, `.child`... give: each level's stack ids, active id and the dialog running it. */
function viaChild(dc: DialogContext) {
  const levels = [];
  for (let at: DialogContext | undefined = dc; at; at = at.child) {
    const active = at.activeDialog;
    levels.push({
      ids: at.stack.map((i) => i.id),
      active: active?.id,
      dialog: active && at.findDialog(active.id),
    });
  }
  return levels;
}

/** Runs `check` in a real turn, on a dialog context with `depth` nested components begun (0: none). */
async function inTurnWith(depth: number, check: (dc: DialogContext) => void): Promise<void> {
  let top: ComponentDialog | undefined;
  for (let level = depth; level >= 1; level -= 1) top = new Level(`level${level}`, top);
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty<DialogState>('dialogs'));
  if (top) dialogs.add(top);
  let checked = false;
  await new TestAdapter(async (context: TurnContext) => {
    const dc = await dialogs.createContext(context);
    if (top) await dc.beginDialog(top.id);
    check(dc);
    checked = true;
  }).send('hi');
  assert.ok(checked);
}

describe('dialogLevels: where the person is, without a dialog context per level', () => {
  afterEach(() => sinon.restore());

  for (const depth of [0, 1, 3]) {
    it(`gives the same levels as reading child, ${depth} component(s) deep, and builds no dialog context`, async () => {
      await inTurnWith(depth, (dc) => {
        const expected = viaChild(dc);
        const created = sinon.spy(ComponentDialog.prototype, 'createChildContext');
        const levels = dialogLevels(dc).map(({ stack, activeDialog, dialog }) => ({
          ids: stack.map((i) => i.id),
          active: activeDialog?.id,
          dialog,
        }));
        assert.deepEqual(levels, expected);
        assert.equal(created.callCount, 0);
        assert.equal(leafOf(dc).activeDialog?.id, depth === 0 ? undefined : `level${depth}.ask`);
      });
    });
  }
});
