import type { AddressInfo } from 'node:net';
import { ConversationState, UserState } from 'botbuilder';
import type restify from 'restify';
import { AppointmentPlansDialog } from '../../dialogs/appointment-plans-dialog.js';
import { DeleteDataDialog } from '../../dialogs/delete-data-dialog.js';
import { createDialogDeps } from '../../dialogs/dialog-deps.js';
import { buildFeatureDialogs, type FeatureParts } from '../../dialogs/feature-dialogs.js';
import { HandoffDialog } from '../../dialogs/handoff-dialog.js';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { MyPlansDialog } from '../../dialogs/my-plans-dialog.js';
import { SafetyDialog } from '../../dialogs/safety-dialog.js';
import {
  SAFETY_PLAN_DIALOG_ID,
  SafetyPlanDialog,
  type SafetyPlanOptions,
} from '../../dialogs/safety-plan-dialog.js';
import { SavedRequestsDialog } from '../../dialogs/saved-requests-dialog.js';
import { loadAccommodationContent } from '../accommodations/content.js';
import {
  createAppointmentParts,
  loadAppointmentContent,
  reminderDelivery,
  scheduledSender,
} from '../appointments/index.js';
import { WayfinderBot } from '../bot.js';
import { registerLocalChat } from '../channels/local-chat.js';
import { type Content, loadContent } from '../content/content.js';
import { HandoffService } from '../handoff/handoff-service.js';
import { HandoffStore } from '../handoff/handoff-store.js';
import { HandoffTurns } from '../handoff/handoff-turns.js';
import { SpecialistChannel } from '../handoff/specialist-channel.js';
import { AdviceRequestDetector } from '../language/advice-requests.js';
import { FlowQuestions } from '../language/flow-questions.js';
import { createWayfinderRecognizer, type WayfinderRecognizer } from '../language/intents/index.js';
import { loadSafetyClassifier } from '../language/safety/safety-classifier.js';
import { loadPeerDirectory } from '../peer-groups/directory.js';
import { createLogger, type Logger } from '../platform/log.js';
import { shareDialogsRegistration } from '../platform/one-dialogs-registration.js';
import { type Periodic, runEvery } from '../platform/periodic.js';
import { proactiveSender } from '../platform/proactive.js';
import type { RetryPolicy } from '../platform/send-retry.js';
import { loadPracticeContent } from '../practice/index.js';
import { PersonalData } from '../privacy/personal-data.js';
import { Retention, scheduleSweeps } from '../privacy/retention.js';
import { RetentionIndex } from '../privacy/retention-index.js';
import { checkInDelivery } from '../safety-plan/check-in.js';
import { SafetyPlanSender } from '../safety-plan/plan-sender.js';
import { SafetyPlanStore } from '../safety-plan/plan-store.js';
import { Scheduler } from '../scheduling/index.js';
import { TrackedState } from '../state/tracked-state.js';
import type { AppStorage } from '../storage/app-storage.js';
import { createStorage } from '../storage/create-storage.js';
import { GroupTurns } from '../teams/group-turns.js';
import { openUserProperties } from '../user-properties.js';
import { createAdapter, type WayfinderAdapter } from './adapter.js';
import { type AppConfig, authModeLabels, isLoopback } from './config.js';
import { MessageHandler } from './messages.js';
import { rateLimit } from './rate-limit.js';
import { createServer } from './server.js';

/** Parts a test may supply instead of the ones built from config. */
export interface AppOverrides {
  storage?: AppStorage;
  logger?: Logger;
  content?: Content;
  /** The time source for activity dates and retention (tests fix it). */
  clock?: () => Date;
  /** A recognizer built once and shared (it takes ~0.6 s to build). */
  recognizer?: WayfinderRecognizer;
  /** How proactive sends retry (tests shorten the waits). */
  sendRetry?: Partial<RetryPolicy>;
  /** The rate limit's time source, in milliseconds (tests step it). */
  rateClock?: () => number;
}

/** A wired Wayfinder: listen to serve, close to finish in-flight turns and flush storage. */
export interface App {
  readonly server: restify.Server;
  readonly adapter: WayfinderAdapter;
  readonly bot: WayfinderBot;
  readonly storage: AppStorage;
  readonly logger: Logger;
  readonly retention: Retention;
  readonly handoff: HandoffService;
  /** Appointment reminders and check-ins: started by listen(), stopped by close(). */
  readonly scheduler: Scheduler;
  /** Starts serving on config.host:config.port (0 = any free port); resolves to the base URL. */
  listen(): Promise<string>;
  /** The base URL once listening. */
  url(): string;
  /** Stops accepting requests, waits for turns in flight, flushes storage. */
  close(): Promise<void>;
}

/**
 * The composition root: config -> storage -> state -> recognizers -> dialogs -> bot -> adapter
 * -> server. Tests build the same app with test parts through `overrides`.
 */
export function createApp(config: AppConfig, overrides: AppOverrides = {}): App {
  shareDialogsRegistration();
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  const content = overrides.content ?? loadContent();
  const storage =
    overrides.storage ??
    createStorage({
      kind: config.storage.kind,
      dataDir: config.storage.dataDir,
      blobConnectionString: config.storage.blobConnectionString,
      blobContainer: config.storage.blobContainer,
    });
  const conversationState = new TrackedState(storage, new ConversationState(storage));
  const userState = new TrackedState(storage, new UserState(storage));
  const properties = openUserProperties(userState);
  const { strings } = content;

  const dialogDeps = createDialogDeps(content, properties.profile);
  const clock = overrides.clock ?? (() => new Date());
  const adapter = createAdapter(config, { strings, logger });
  const safety = loadSafetyClassifier();
  if (config.rateLimitPerMinute > 0) {
    adapter.use(
      rateLimit({
        perMinute: config.rateLimitPerMinute,
        // The safety gate reads every message, limited or not: crisis words always get a reply.
        urgent: (text) => safety.classify(text).level !== 'none',
        notice: () => strings.text('errors.slowDown'),
        logger,
        ...(overrides.rateClock ? { now: overrides.rateClock } : {}),
      }),
    );
  }
  const send = proactiveSender(adapter, config.auth.appId ?? '', logger, overrides.sendRetry);
  // Loaded once, here, so a bad appointments.json stops the start.
  const appointmentContent = loadAppointmentContent(strings);
  const reminders = reminderDelivery(strings, appointmentContent);
  // The check-in is a question of the conversation: the bot (built below) opens it.
  const checkIn = checkInDelivery((context) =>
    bot.beginProactive(context, SAFETY_PLAN_DIALOG_ID, { checkIn: true } satisfies SafetyPlanOptions),
  );
  // Due items live in Storage (they survive restarts); each is claimed with an eTag, so one
  // instance sends it.
  const scheduler = new Scheduler({
    storage,
    clock,
    logger,
    send: scheduledSender({
      adapter,
      appId: config.auth.appId ?? '',
      deliver: (payload) => checkIn(payload) ?? reminders(payload),
    }),
  });
  const handoffStore = new HandoffStore(storage);
  const specialistChannel = config.specialistChannelId
    ? new SpecialistChannel(storage, config.specialistChannelId)
    : undefined;
  // Posting into the channel needs Teams' service URL and tenant, learned from Teams traffic.
  if (specialistChannel) adapter.use(specialistChannel.learner());
  const handoff = new HandoffService(handoffStore, send, strings, {
    clock,
    waitMinutes: config.handoffWaitMinutes,
    ...(specialistChannel ? { channel: specialistChannel } : {}),
  });
  const retentionIndex = new RetentionIndex(storage, config.retentionDays);
  const personalData = new PersonalData(
    storage,
    [
      {
        name: 'handoff',
        keysOf: (userKey) => handoffStore.keysOfPerson(userKey),
        erase: (person) => handoff.forget(person),
      },
      {
        name: 'reminders',
        keysOf: (userKey) => scheduler.keysOfPerson(userKey),
        // Cancelled, so no instance sends a reminder to someone who asked to be forgotten; what
        // stays is a tombstone with no personal data, so a send already claimed cannot revive it.
        erase: async (person) => void (await scheduler.cancelForUser(person.userKey)),
      },
    ],
    [retentionIndex],
  );
  const recognizer = overrides.recognizer ?? createWayfinderRecognizer({ clock });
  const appointments = createAppointmentParts({
    strings,
    content: appointmentContent,
    plans: properties.plans,
    recognizer,
    scheduler,
    clock,
  });
  const peerGroups = { directory: loadPeerDirectory(), clock };
  // Loaded once, here, for the request and the saved-request browser alike.
  const accommodationContent = loadAccommodationContent(strings);
  const accommodationOptions = {
    clock,
    requests: properties.accommodationRequests,
    content: accommodationContent,
    offerPractice: true,
  };
  const practice = { content: loadPracticeContent(), history: properties.practiceHistory, clock };
  const featureParts: FeatureParts = {
    deps: dialogDeps,
    appointment: appointments,
    accommodation: accommodationOptions,
    peerGroup: peerGroups,
    practice,
    handoff,
  };
  const retention = new Retention(storage, retentionIndex, personalData, config.retentionDays);
  const safetyPlans = new SafetyPlanSender(
    new SafetyPlanStore(properties.safetyPlan),
    strings,
    content.crisisResources,
  );
  const advice = AdviceRequestDetector.load();
  const bot = new WayfinderBot({
    conversationState,
    userState,
    dialogs: [
      new MainDialog(dialogDeps, buildFeatureDialogs(featureParts)),
      new DeleteDataDialog(dialogDeps),
      new SafetyDialog(dialogDeps, content.spanish, advice),
      new HandoffDialog(dialogDeps, handoff),
      new AppointmentPlansDialog(dialogDeps, appointments),
      new SavedRequestsDialog(dialogDeps, {
        requests: properties.accommodationRequests,
        content: accommodationContent,
        clock,
      }),
      new MyPlansDialog(dialogDeps, {
        plans: appointments.plans,
        accommodationRequests: properties.accommodationRequests,
        safetyPlan: safetyPlans.store,
      }),
      new SafetyPlanDialog(dialogDeps, { plans: safetyPlans, scheduler, clock }),
    ],
    handoff: new HandoffTurns(handoff, handoffStore, strings, config.specialistIds, clock, specialistChannel),
    group: new GroupTurns({
      strings,
      commands: dialogDeps.commands,
      recognizer,
      crisisResources: content.crisisResources,
      retentionDays: config.retentionDays,
      ...(config.auth.appId ? { appId: config.auth.appId } : {}),
    }),
    strings,
    commands: dialogDeps.commands,
    recognizer,
    crisisResources: content.crisisResources,
    safety,
    advice,
    flowQuestions: FlowQuestions.load(strings),
    personalData,
    plans: appointments.plans,
    safetyPlans,
    person: properties.person,
    retentionDays: config.retentionDays,
    retentionIndex,
    clock,
  });
  const messages = new MessageHandler(adapter, (context) => bot.run(context), logger);
  const server = createServer({
    messages,
    storage,
    logger,
    authentication: authModeLabels[config.auth.mode],
  });

  let baseUrl = '';
  let periodic: Periodic[] = [];
  // The local chat page and its Direct Line subset; replies reach it through the connector routes.
  const localChat = config.localChat
    ? registerLocalChat(server, {
        deliver: (activity) => messages.handle(activity),
        serviceUrl: () => `${baseUrl}/v3/directline/connector`,
        strings,
        logger,
        allowChosenUser: isLoopback(config.host),
      })
    : undefined;
  return {
    server,
    adapter,
    bot,
    storage,
    logger,
    retention,
    handoff,
    scheduler,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const { port } = server.address() as AddressInfo;
          const host = config.host.includes(':') ? `[${config.host}]` : config.host;
          baseUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
          logger.info('server.listening', { host: config.host, port, storage: storage.kind });
          if (config.auth.mode === 'offAllowed') warnUnauthenticated(logger, config);
          scheduler.start();
          if (periodic.length === 0) {
            periodic = [
              scheduleSweeps(retention, { clock, logger }),
              runEvery('handoff.timeouts', 30_000, async () => void (await handoff.sweepTimeouts()), logger),
            ];
          }
          resolve(baseUrl);
        });
      }),
    url: () => baseUrl,
    close: async () => {
      localChat?.close();
      await Promise.all([...periodic.map((p) => p.stop()), scheduler.stop()]);
      await closeServer(server);
      await messages.idle();
      await storage.flush();
    },
  };
}

/**
 * ALLOW_UNAUTHENTICATED on a public bind: said at every start, so nobody runs it that way unaware.
 * Ids and counts only (no secrets).
 */
function warnUnauthenticated(logger: Logger, config: AppConfig): void {
  logger.warn('auth.off_public_bind', {
    host: config.host,
    optIn: 'ALLOW_UNAUTHENTICATED',
    specialistIds: config.specialistIds.length,
    localChat: config.localChat,
    risk: 'anyone who can reach this address can send as any user, a peer specialist included',
    fix: 'set MicrosoftAppId and MicrosoftAppPassword, or bind HOST=127.0.0.1',
  });
}

/**
 * Stops accepting connections and waits for requests in flight. Keep-alive connections that go
 * idle after their last response are closed as they do; after `graceMs` everything is closed.
 */
async function closeServer(server: restify.Server, graceMs = 10_000): Promise<void> {
  const http = server.server;
  if (!http.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweep = setInterval(() => http.closeIdleConnections(), 50);
  const deadline = setTimeout(() => http.closeAllConnections(), graceMs);
  http.closeIdleConnections();
  await closed;
  clearInterval(sweep);
  clearTimeout(deadline);
}
