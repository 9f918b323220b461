import type { Strings } from '../content/strings.js';
import { typedAnswerReader } from '../language/typed-answer.js';
import { Questionnaire } from '../questionnaire/questionnaire.js';
import { type AccommodationContent, ideasFor, settingIdeas, whoFor } from './content.js';
import { type Field, fields, type RequestAnswers } from './model.js';

/** The answers so far; a field with no answer is the next to ask. */
export type Draft = Partial<RequestAnswers>;

/** What a skipped question stands for, so a request can always be finished. */
const skippedAnswers: RequestAnswers = {
  setting: 'other',
  barrier: { id: 'none' },
  idea: { none: true },
  who: { none: true },
  format: 'email',
  start: { asap: true },
  // Sharing nothing is the safe default: the person can choose more at the end.
  disclosure: 'nothing',
  // Naming nothing at "specifics" leaves the reason as a health condition, never recovery.
  condition: 'health',
};

/** "What to name" is a question only for someone who chose to share specifics. */
function isAsked(field: Field, draft: Draft): boolean {
  return field !== 'condition' || draft.disclosure === 'specifics';
}

/** The question before `field`, for "back"; undefined at the first. */
export function previousField(field: Field): Field | undefined {
  const index = fields.indexOf(field);
  return index > 0 ? fields[index - 1] : undefined;
}

/** The answers a person can change in this draft ("what to name" only at "specifics"). */
export function changeableFields(draft: Draft): Field[] {
  return fields.filter((field) => isAsked(field, draft));
}

/**
 * The draft with `field` skipped (its default answer). Skipping why shares nothing and notes
 * that no reason was given, so the letter reads well without one and the review can say so.
 */
export function skip(draft: Draft, field: Field): Draft {
  return { ...draft, ...skipped(field) };
}

function skipped(field: Field): Draft {
  return { [field]: skippedAnswers[field], ...(field === 'disclosure' ? { noReason: true } : {}) };
}

/**
 * The request's questions on the shared questionnaire: asked in order, "what to name" only at
 * "specifics"; "back" and a change clear what goes with an answer (see unanswer).
 */
export function accommodationQuestionnaire(strings: Strings): Questionnaire<Field, Draft> {
  return new Questionnaire<Field, Draft>(
    { fields, applies: isAsked, skipped, cleared: unanswer },
    typedAnswerReader(strings),
  );
}

/** The draft with new answers; choosing how much to share answers why, so no reason is missing. */
export function withAnswers(draft: Draft, patch: Draft): Draft {
  const { noReason: _noReason, ...rest } = draft;
  return patch.disclosure === undefined ? { ...draft, ...patch } : { ...rest, ...patch };
}

/** The draft without an answer to `field`, so it is asked again. */
export function unanswer(draft: Draft, field: Field): Draft {
  const rest: Draft = { ...draft };
  delete rest[field];
  // The changes asked for are one answer: asking again starts the list again.
  if (field === 'idea') delete rest.also;
  // What is named goes with how much is shared: choosing that again may name something else.
  if (field === 'disclosure') {
    delete rest.condition;
    delete rest.noReason;
  }
  return rest;
}

/**
 * Drops answers that no longer fit after another changed: a listed idea not offered for the new
 * setting and barrier, a listed person not asked in the new setting. They are asked again; the
 * person's own words stay, since they still say what the person wants.
 */
export function reconcile(draft: Draft, content: AccommodationContent): Draft {
  let result = draft;
  const setting = draft.setting ?? 'other';
  const { idea, who } = draft;
  if (
    idea &&
    'id' in idea &&
    !ideasFor(content, setting, draft.barrier?.id ?? 'none').some((i) => i.id === idea.id)
  ) {
    result = unanswer(result, 'idea');
  }
  if (who && 'id' in who && !whoFor(content, setting).some((w) => w.id === who.id)) {
    result = unanswer(result, 'who');
  }
  const offered = new Set(settingIdeas(content, setting).map((entry) => entry.id));
  if (result.also?.some((ideaId) => !offered.has(ideaId))) {
    result = { ...result, also: result.also.filter((ideaId) => offered.has(ideaId)) };
  }
  return result;
}

/** Every answer, once the draft is complete. */
export function completed(draft: Draft): RequestAnswers | undefined {
  const { setting, barrier, idea, also, who, format, start, disclosure, condition, short, noReason } = draft;
  if (!setting || !barrier || !idea || !who || !format || !start || !disclosure) return undefined;
  if (disclosure === 'specifics' && !condition) return undefined;
  return {
    setting,
    barrier,
    idea,
    ...(also && also.length > 0 ? { also } : {}),
    who,
    format,
    start,
    disclosure,
    ...(disclosure === 'specifics' ? { condition } : {}),
    ...(short ? { short } : {}),
    ...(noReason && disclosure === 'nothing' ? { noReason } : {}),
  };
}
