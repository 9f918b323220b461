import type { StringKey } from '../../src/content/strings.js';

/** How to reach one question from a new conversation, and what it is. */
export interface PromptPath {
  /** The prompt dialog waiting at the end of the path (an id from the bot's DialogSet). */
  prompt: string;
  /** For a prompt that asks several questions: which one (a prepField, a peer-group filter, a step). */
  question?: string;
  /** The question's string key: its text is in the last reply of the path. */
  asks: StringKey;
  /** What the person types to get there, starting with the first message. */
  steps: readonly string[];
  /** Any text is an answer here (a name, a date, the person's own words): misses do not apply. */
  open?: boolean;
  /** The two options mean yes (the first) and no (the second). */
  yesNo?: boolean;
  /** The question "back" returns to. */
  back?: StringKey;
  /** Numbers rank the listed items here ("2, 1"): they pick no option. */
  ranking?: boolean;
  /** Answers are kept in the person's own words: a typo or a few words of a button stay as typed. */
  ownWords?: boolean;
  /** Labels of options that erase something: a typo or a few of their words must not pick them. */
  destructive?: readonly StringKey[];
  /** A peer specialist is on duty (the handoff asks other questions when nobody is). */
  onDuty?: boolean;
}

/**
 * Typed answers that go wrong for a reason outside the typed-answer reader, by question: each is
 * reported by the suite (not hidden) and left for the lane that owns it.
 */
export const knownIssues: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  safetyCheckIn: {
    '2': 'safety takes only a "no" in words as safe; a number (SMS) is read as unsure, so the crisis reply comes',
    'the second one': 'as "2": only a "no" in words is taken as safe',
  },
  mainMenuPrompt: {
    'Make a safety plan':
      'the label typed is the global "my safety plan" command (an offer first), while its number or a typo start the plan at once (issue 20, plan20)',
  },
};

/**
 * Questions a dialog's data lists that the running bot cannot ask, and why (checked: they must
 * still be listed by the dialog, so the reason is revisited when the data changes).
 */
export const unreachable: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  safetyPlanCheckInAsk: {
    '': 'asked only by the next-day check-in the bot sends on its own (test/safety-plan/check-in-http.test.ts)',
  },
  peerGroupText: {
    place: 'asked only when the directory has local in-person groups; resources/peer-groups has none',
  },
};

const appointment = ['hi', 'Appointment prep'];
const appointmentGoal = [...appointment, 'Counselor/therapist', 'May 20 at 3pm'];
const appointmentQuestions = [...appointmentGoal, 'Talk about my sleep'];
const appointmentBarriers = [...appointmentQuestions, 'Is there a cheaper option?', 'done'];
const appointmentBring = [...appointmentBarriers, "That's all"];
const appointmentSupport = [...appointmentBring, 'nothing else'];
const appointmentShare = [...appointmentSupport, 'No'];
const appointmentTalk = [...appointmentShare, 'nothing'];
const appointmentReview = [...appointmentTalk, 'skip'];
const appointmentReminder = [...appointmentReview, 'Save it'];
const appointmentSaved = [...appointmentReminder, 'No reminder', 'No, thanks'];
const appointmentDone = [...appointmentSaved, "I'm done"];

const accommodation = ['hi', 'Accommodations'];
const accommodationBarrier = [...accommodation, 'At work'];
const accommodationIdea = [...accommodationBarrier, 'Treatment or meeting times'];
const accommodationWho = [...accommodationIdea, 'A later start'];
const accommodationFormat = [...accommodationWho, 'My supervisor or manager'];
const accommodationStart = [...accommodationFormat, 'Email'];
const accommodationDisclosure = [...accommodationStart, 'As soon as possible'];
const accommodationReview = [...accommodationDisclosure, 'Nothing specific'];
const accommodationDone = [...accommodationReview, 'Save it'];
const accommodationSaved = [...accommodationDone, "I'm done", 'my plans'];

const group = ['hi', 'Find a group'];
const groupApproach = [...group, 'Alcohol'];
const groupFormat = [...groupApproach, 'No preference'];
const groupWhen = [...groupFormat, 'Online'];
const groupMedication = [...groupWhen, 'Any time'];
const groupNext = [...groupMedication, 'Skip'];

const practice = ['hi', 'Practice a talk'];
const practiceMode = [...practice, '1'];
const practiceScene = [...practiceMode, 'Coach me as I go'];

const handoff = ['hi', 'Talk to a person'];
const handoffAlias = [...handoff, 'Leave a message'];
const handoffMessage = [...handoffAlias, 'Sam'];
const handoffContact = [...handoffMessage, 'I would like to talk about my job'];
const handoffConfirm = [...handoffContact, 'here in this chat'];

const crisis = 'I want to kill myself';

const safetyPlan = ['hi', 'make a safety plan'];
const safetyPlanAsk = [...safetyPlan, 'yes'];
const safetyPlanMade = [...safetyPlanAsk, 'i stop sleeping', 'next', 'skip', 'skip', 'skip', 'skip', 'skip'];
/** The last part skipped too: the skipped parts are offered again. */
const safetyPlanRevisit = [...safetyPlanMade, 'skip'];

/** Every question a person can reach, with the way there. */
export const promptPaths: readonly PromptPath[] = [
  { prompt: 'mainMenuPrompt', asks: 'menu.prompt', steps: ['hi'] },
  { prompt: 'nicknamePrompt', asks: 'nickname.ask', steps: ['hi', 'Choose a nickname'], open: true },

  {
    prompt: 'appointmentText',
    question: 'type',
    asks: 'appointment.askType',
    steps: appointment,
    open: true,
  },
  {
    prompt: 'appointmentText',
    question: 'when',
    asks: 'appointment.askWhen',
    steps: [...appointment, 'Counselor/therapist'],
    open: true,
    back: 'appointment.askType',
  },
  {
    prompt: 'appointmentText',
    question: 'goal',
    asks: 'appointment.askGoal',
    steps: appointmentGoal,
    open: true,
    back: 'appointment.askWhen',
  },
  {
    prompt: 'appointmentText',
    question: 'questions',
    asks: 'appointment.askQuestions',
    steps: appointmentQuestions,
    open: true,
    back: 'appointment.askGoal',
  },
  {
    // With a question on the list, "Clear the list" is offered: only its own words clear it.
    prompt: 'appointmentText',
    question: 'questions list',
    asks: 'appointment.questionsSoFar',
    steps: [...appointmentQuestions, 'Is there a cheaper option?'],
    open: true,
    destructive: ['appointment.clearList'],
  },
  {
    prompt: 'appointmentText',
    question: 'barriers',
    asks: 'appointment.askBarriers',
    steps: appointmentBarriers,
    open: true,
  },
  {
    prompt: 'appointmentText',
    question: 'bring',
    asks: 'appointment.askBring',
    steps: appointmentBring,
    open: true,
  },
  {
    prompt: 'appointmentText',
    question: 'support',
    asks: 'appointment.askSupport',
    steps: appointmentSupport,
  },
  {
    prompt: 'appointmentText',
    question: 'share',
    asks: 'appointment.askShare',
    steps: appointmentShare,
    open: true,
  },
  {
    prompt: 'appointmentText',
    question: 'talk',
    asks: 'appointment.askTalk',
    steps: appointmentTalk,
    open: true,
  },
  {
    prompt: 'appointmentText',
    question: 'review',
    asks: 'appointment.askReview',
    steps: appointmentReview,
  },
  {
    prompt: 'appointmentText',
    question: 'reminder',
    asks: 'appointment.askReminder',
    steps: appointmentReminder,
  },
  {
    prompt: 'appointmentText',
    question: 'followUp',
    asks: 'appointment.askFollowUp',
    steps: [...appointmentReminder, 'No reminder'],
    yesNo: true,
  },
  { prompt: 'appointmentText', question: 'next', asks: 'appointment.askNext', steps: appointmentSaved },
  {
    prompt: 'appointmentText',
    question: 'change',
    asks: 'appointment.askChange',
    steps: [...appointmentSaved, 'Change an answer'],
  },

  { prompt: 'accommodationQuestion.setting', asks: 'accommodation.askSetting', steps: accommodation },
  {
    prompt: 'accommodationQuestion.barrier',
    asks: 'accommodation.askBarrier',
    steps: accommodationBarrier,
    back: 'accommodation.askSetting',
  },
  {
    prompt: 'accommodationQuestion.idea',
    asks: 'accommodation.askIdea',
    steps: accommodationIdea,
    back: 'accommodation.askBarrier',
  },
  {
    prompt: 'accommodationQuestion.who',
    asks: 'accommodation.askWho',
    steps: accommodationWho,
    back: 'accommodation.askIdea',
  },
  {
    prompt: 'accommodationQuestion.format',
    asks: 'accommodation.askFormat',
    steps: accommodationFormat,
    back: 'accommodation.askWho',
  },
  {
    prompt: 'accommodationQuestion.start',
    asks: 'accommodation.askStart',
    steps: accommodationStart,
    open: true,
    back: 'accommodation.askFormat',
  },
  {
    prompt: 'accommodationQuestion.disclosure',
    asks: 'accommodation.askDisclosure',
    steps: accommodationDisclosure,
    back: 'accommodation.askStart',
  },
  {
    prompt: 'accommodationQuestion.condition',
    asks: 'accommodation.askCondition',
    steps: [...accommodationDisclosure, 'Specifics'],
    // The person's own words: a condition they name, else "a health condition".
    open: true,
    back: 'accommodation.askDisclosure',
  },
  { prompt: 'accommodationReviewPrompt', asks: 'accommodation.askReview', steps: accommodationReview },
  { prompt: 'accommodationMenuPrompt', asks: 'accommodation.askNext', steps: accommodationDone },

  { prompt: 'peerGroupText', question: 'focus', asks: 'peerGroups.askFocus', steps: group },
  {
    prompt: 'peerGroupText',
    question: 'approach',
    asks: 'peerGroups.askApproach',
    steps: groupApproach,
    back: 'peerGroups.askFocus',
  },
  {
    prompt: 'peerGroupText',
    question: 'format',
    asks: 'peerGroups.askFormat',
    steps: groupFormat,
    back: 'peerGroups.askApproach',
  },
  { prompt: 'peerGroupText', question: 'when', asks: 'peerGroups.askWhen', steps: groupWhen, open: true },

  { prompt: 'practiceText', question: 'scenario', asks: 'practice.chooseScenario', steps: practice },
  {
    prompt: 'practiceText',
    question: 'mode',
    asks: 'practice.askMode',
    steps: practiceMode,
    back: 'practice.chooseScenario',
  },
  {
    prompt: 'practiceText',
    question: 'scene',
    asks: 'practice.counterpartSays',
    steps: practiceScene,
    open: true,
  },

  // Nobody on duty: a message first, then only what it needs.
  { prompt: 'handoffChoice', question: 'fallback', asks: 'handoff.offerMessage', steps: handoff },
  {
    prompt: 'handoffAlias',
    asks: 'handoff.askAlias',
    steps: handoffAlias,
    open: true,
    back: 'handoff.offerMessage',
  },
  {
    prompt: 'handoffText',
    asks: 'handoff.askMessage',
    steps: handoffMessage,
    open: true,
    back: 'handoff.askAlias',
  },
  {
    prompt: 'handoffConfirm',
    asks: 'handoff.confirmMessage',
    steps: handoffConfirm,
    yesNo: true,
    back: 'handoff.askContact',
  },
  {
    prompt: 'handoffPart',
    asks: 'handoff.askWhichPart',
    steps: [...handoffConfirm, 'Change it'],
    back: 'handoff.confirmMessage',
  },
  // Someone on duty: the name, then consent to the summary.
  {
    // A message left waits, and the person asks for a person again.
    prompt: 'handoffWaiting',
    asks: 'handoff.alreadyWaitingAsk',
    steps: [...handoffConfirm, 'Send it', 'talk to a person'],
    destructive: ['handoff.withdrawWaiting'],
  },
  {
    prompt: 'handoffAlias',
    question: 'on duty',
    asks: 'handoff.askAlias',
    steps: handoff,
    open: true,
    onDuty: true,
  },
  {
    prompt: 'handoffConsent',
    asks: 'handoff.summaryAsk',
    steps: [...handoff, 'Sam'],
    yesNo: true,
    back: 'handoff.askAlias',
    onDuty: true,
  },

  { prompt: 'deleteDataConfirm', asks: 'data.confirmDelete', steps: ['hi', 'delete my data'], yesNo: true },
  { prompt: 'safetyChoice', asks: 'safety.choicePrompt', steps: ['hi', crisis] },
  {
    prompt: 'safetyCheckIn',
    asks: 'safety.confirm',
    steps: ['hi', "I don't want to wake up"],
    yesNo: true,
  },
  {
    prompt: 'safetyOverdoseChoice',
    asks: 'safety.choicePrompt',
    steps: ['hi', "my friend took too many pills and won't wake up"],
  },
  { prompt: 'safetyConcernChoice', asks: 'safety.concernAsk', steps: ['hi', 'I feel so hopeless'] },

  {
    prompt: 'topicSwitchConfirm',
    asks: 'routing.switchConfirm',
    steps: [...appointment, 'Counselor/therapist', 'find me a meeting'],
    yesNo: true,
  },
  { prompt: 'mainRouteConfirm', asks: 'routing.confirm', steps: ['hi', 'i need to get ready'], yesNo: true },
  {
    prompt: 'mainRouteChoice',
    asks: 'routing.twoOptions',
    steps: ['hi', 'i need help with my boss and a group'],
  },

  {
    prompt: 'appointmentText',
    question: 'whenPast',
    asks: 'appointment.askWhenPast',
    steps: [...appointment, 'Counselor/therapist', 'yesterday at 3pm'],
  },
  {
    prompt: 'appointmentText',
    question: 'whenCheck',
    asks: 'appointment.askWhenCheck',
    steps: [...appointment, 'Counselor/therapist', 'thursday'],
    yesNo: true,
  },
  {
    prompt: 'appointmentText',
    question: 'topQuestions',
    asks: 'appointment.askTopQuestions',
    steps: [...appointmentGoal, 'skip', 'What is my main problem?', 'What do I need to do?', 'done'],
    ranking: true,
  },
  {
    prompt: 'appointmentText',
    question: 'reminderTime',
    asks: 'appointment.askReminderTime',
    steps: [...appointmentReminder, 'At a time I choose'],
    open: true,
  },
  {
    prompt: 'appointmentText',
    question: 'timeCheck',
    asks: 'appointment.checkReminder',
    steps: [...appointmentReminder, 'The day before'],
    yesNo: true,
  },
  { prompt: 'appointmentPlansText', asks: 'plans.askWhich', steps: [...appointmentDone, 'my plans'] },

  {
    prompt: 'accommodationMenuPrompt',
    question: 'saved',
    asks: 'accommodationSaved.askWhich',
    steps: accommodationSaved,
  },
  {
    prompt: 'accommodationMenuPrompt',
    question: 'savedAction',
    asks: 'accommodationSaved.askAction',
    steps: [...accommodationSaved, '1'],
  },
  {
    prompt: 'accommodationDeletePrompt',
    asks: 'accommodationSaved.confirmDelete',
    steps: [...accommodationSaved, '1', 'Delete it'],
    yesNo: true,
  },
  {
    prompt: 'accommodationMenuPrompt',
    question: 'change',
    asks: 'accommodation.askChange',
    steps: [...accommodationDone, 'Change an answer'],
  },
  {
    prompt: 'myPlansPick',
    asks: 'myPlans.which',
    steps: [
      ...appointmentDone,
      ...accommodation.slice(1),
      ...accommodationDone.slice(2),
      "I'm done",
      'my plans',
    ],
  },

  {
    prompt: 'peerGroupText',
    question: 'medication',
    asks: 'peerGroups.askMedication',
    steps: groupMedication,
  },
  { prompt: 'peerGroupText', question: 'next', asks: 'peerGroups.nextPrompt', steps: groupNext },
  {
    prompt: 'peerGroupText',
    question: 'change',
    asks: 'peerGroups.whichChange',
    steps: [...groupNext, 'Change an answer'],
  },

  {
    prompt: 'practiceText',
    question: 'next',
    asks: 'practice.nextPrompt',
    steps: [...practiceScene, 'stop'],
  },
  {
    prompt: 'handoffText',
    question: 'contact',
    asks: 'handoff.askContact',
    steps: handoffContact,
    open: true,
    back: 'handoff.askMessage',
  },

  { prompt: 'safetyPlanOffer', asks: 'safetyPlan.offerMake', steps: safetyPlan, yesNo: true },
  {
    prompt: 'safetyPlanAsk',
    question: 'part',
    asks: 'safetyPlan.stepCount',
    steps: safetyPlanAsk,
    open: true,
    ownWords: true,
  },
  {
    prompt: 'safetyPlanAsk',
    question: 'more',
    asks: 'safetyPlan.more',
    steps: [...safetyPlanAsk, 'i stop sleeping'],
    open: true,
    ownWords: true,
  },
  {
    prompt: 'safetyPlanFollowUp',
    asks: 'safetyPlan.followUpAsk',
    steps: [...safetyPlanRevisit, 'Not now'],
    yesNo: true,
  },
  {
    prompt: 'safetyPlanActions',
    asks: 'safetyPlan.actionsPrompt',
    steps: [...safetyPlanRevisit, 'Not now', 'No, thanks', 'my safety plan'],
  },
  {
    prompt: 'safetyPlanPick',
    question: 'revisit',
    asks: 'safetyPlan.revisitWhich',
    steps: safetyPlanRevisit,
  },
  {
    prompt: 'safetyPlanPick',
    question: 'edit',
    asks: 'safetyPlan.editWhich',
    steps: [...safetyPlanRevisit, 'Not now', 'No, thanks', 'my safety plan', 'Change a part'],
  },
  {
    prompt: 'safetyPlanOfferView',
    asks: 'safetyPlan.offerHasPlan',
    steps: [...safetyPlanRevisit, 'Not now', 'No, thanks', 'I feel so hopeless', "I'm safe"],
    yesNo: true,
  },
];
