import type { Dialog } from 'botbuilder-dialogs';
import type { HandoffService } from '../src/handoff/handoff-service.js';
import { type FeatureIntent, featureIntents } from '../src/language/features.js';
import { AccommodationDialog, type AccommodationFeature } from './accommodation-dialog.js';
import { AppointmentDialog, type AppointmentFeature } from './appointment-dialog.js';
import type { DialogDeps } from './dialog-deps.js';
import { HandoffDialog } from './handoff-dialog.js';
import { PeerGroupDialog, type PeerGroupFeature } from './peer-group-dialog.js';
import { PracticeDialog, type PracticeFeature } from './practice-dialog.js';

/** What the composition root hands the guided conversations: the shared deps and each one's parts. */
export interface FeatureParts {
  deps: DialogDeps;
  appointment: AppointmentFeature;
  accommodation: AccommodationFeature;
  peerGroup: PeerGroupFeature;
  practice: PracticeFeature;
  handoff: HandoffService;
}

/**
 * How each guided conversation of the registry (src/language/features.ts) is built: the type
 * asks for one builder per registered intent, so a feature cannot be declared without its dialog.
 */
const builders: { [Intent in FeatureIntent]: (parts: FeatureParts) => Dialog } = {
  appointment: (parts) => new AppointmentDialog(parts.deps, parts.appointment),
  accommodation: (parts) => new AccommodationDialog(parts.deps, parts.accommodation),
  peerGroup: (parts) => new PeerGroupDialog(parts.deps, parts.peerGroup),
  practice: (parts) => new PracticeDialog(parts.deps, parts.practice),
  handoff: (parts) => new HandoffDialog(parts.deps, parts.handoff),
};

/** A fresh dialog for every registered guided conversation, for the main dialog's menu. */
export function buildFeatureDialogs(parts: FeatureParts): Record<FeatureIntent, Dialog> {
  return Object.fromEntries(featureIntents.map((intent) => [intent, builders[intent](parts)])) as Record<
    FeatureIntent,
    Dialog
  >;
}
