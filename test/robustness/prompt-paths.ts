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
}

const appointment = ['hi', 'Appointment prep'];
const appointmentGoal = [...appointment, 'Counselor/therapist', 'May 20 at 3pm'];
const appointmentQuestions = [...appointmentGoal, 'Talk about my sleep'];
const appointmentBarriers = [...appointmentQuestions, 'Is there a cheaper option?', 'done'];
const appointmentBring = [...appointmentBarriers, "That's all"];
const appointmentSupport = [...appointmentBring, 'nothing else'];
const appointmentShare = [...appointmentSupport, 'No'];
const appointmentTalk = [...appointmentShare, 'nothing'];
const appointmentReminder = [...appointmentTalk, 'skip'];
const appointmentSaved = [...appointmentReminder, 'No reminder', 'No, thanks'];

const accommodation = ['hi', 'Accommodations'];
const accommodationBarrier = [...accommodation, 'At work'];
const accommodationIdea = [...accommodationBarrier, 'Treatment or meeting times'];
const accommodationWho = [...accommodationIdea, 'A later start'];
const accommodationFormat = [...accommodationWho, 'My supervisor or manager'];
const accommodationStart = [...accommodationFormat, 'Email'];
const accommodationDisclosure = [...accommodationStart, 'As soon as possible'];
const accommodationDone = [...accommodationDisclosure, 'Nothing specific'];

const group = ['hi', 'Find a group'];
const groupApproach = [...group, 'Alcohol'];
const groupFormat = [...groupApproach, 'No preference'];
const groupWhen = [...groupFormat, 'Online'];

const practice = ['hi', 'Practice a talk'];
const practiceMode = [...practice, '1'];
const practiceScene = [...practiceMode, 'Coach me as I go'];

const handoff = ['hi', 'Talk to a person'];
const handoffConsent = [...handoff, 'Sam'];
const handoffFallback = [...handoffConsent, 'Share it'];
const handoffMessage = [...handoffFallback, 'Leave a message'];

const crisis = 'I want to kill myself';

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
  { prompt: 'accommodationMenuPrompt', asks: 'accommodation.askNext', steps: accommodationDone },

  { prompt: 'peerGroupText', question: 'focus', asks: 'peerGroups.askFocus', steps: group },
  { prompt: 'peerGroupText', question: 'approach', asks: 'peerGroups.askApproach', steps: groupApproach },
  { prompt: 'peerGroupText', question: 'format', asks: 'peerGroups.askFormat', steps: groupFormat },
  { prompt: 'peerGroupText', question: 'when', asks: 'peerGroups.askWhen', steps: groupWhen, open: true },

  { prompt: 'practiceText', question: 'scenario', asks: 'practice.chooseScenario', steps: practice },
  { prompt: 'practiceText', question: 'mode', asks: 'practice.askMode', steps: practiceMode },
  {
    prompt: 'practiceText',
    question: 'scene',
    asks: 'practice.counterpartSays',
    steps: practiceScene,
    open: true,
  },

  { prompt: 'handoffAlias', asks: 'handoff.askAlias', steps: handoff, open: true },
  {
    prompt: 'handoffChoice',
    question: 'consent',
    asks: 'handoff.summaryAsk',
    steps: handoffConsent,
    yesNo: true,
  },
  { prompt: 'handoffChoice', question: 'fallback', asks: 'handoff.fallbackAsk', steps: handoffFallback },
  { prompt: 'handoffText', asks: 'handoff.askMessage', steps: handoffMessage, open: true },

  { prompt: 'deleteDataConfirm', asks: 'data.confirmDelete', steps: ['hi', 'delete my data'], yesNo: true },
  { prompt: 'safetyChoice', asks: 'safety.choicePrompt', steps: ['hi', crisis] },
];
