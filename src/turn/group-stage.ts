import type { TurnContext } from 'botbuilder';
import type { HandoffTurns } from '../handoff/handoff-turns.js';
import type { SafetyClassifier } from '../language/safety/safety-classifier.js';
import type { Stage } from '../platform/pipeline.js';
import type { GroupTurns } from '../teams/group-turns.js';
import { isGroupConversation } from '../teams/scope.js';
import { checkSafety } from './safety-stage.js';

/**
 * A message in a group chat or channel: the safety gate first, as everywhere; then an Accept in
 * the specialists' channel, or the few things that work where others read along. Nothing is
 * stored: no person record, no retention index, no dialog state. Other messages go on.
 */
export function groupStage(
  classifier: Pick<SafetyClassifier, 'classify'>,
  handoff: Pick<HandoffTurns, 'groupTurn'>,
  group: Pick<GroupTurns, 'turn'>,
): Stage<TurnContext> {
  return async (context, next) => {
    if (!isGroupConversation(context.activity)) return next();
    const safety = await checkSafety(classifier, context);
    if (safety.level === 'none' && (await handoff.groupTurn(context))) return;
    await group.turn(context, safety);
  };
}
