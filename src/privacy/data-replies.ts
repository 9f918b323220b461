import { type Activity, ActivityTypes } from 'botbuilder';
import type { Strings } from '../content/strings.js';
import { saysAnyOf } from '../language/says-any-of.js';
import { foldAnswer } from '../language/typed-answer.js';
import type { PersonalDataReport } from './personal-data.js';

/**
 * "Show my data": a readable summary plus the full record as a JSON file (a data URL, so it
 * needs no file hosting). The summary names each kind of record in plain words.
 */
export function dataReportActivity(strings: Strings, report: PersonalDataReport): Partial<Activity> {
  const conversationCount = Object.keys(report.conversations).length;
  const otherCount = Object.values(report.other).reduce(
    (sum, records) => sum + Object.keys(records).length,
    0,
  );
  if (!report.user && conversationCount === 0 && otherCount === 0) {
    return { type: ActivityTypes.Message, text: strings.text('data.nothing') };
  }
  const lines = [
    strings.text('data.intro'),
    ...storedLines(strings, report),
    ...otherLines(strings, report),
    '',
    strings.text('data.attachment'),
  ];
  const json = JSON.stringify(report, null, 2);
  return {
    type: ActivityTypes.Message,
    text: lines.join('\n'),
    textFormat: 'plain',
    attachments: [
      {
        contentType: 'application/json',
        name: strings.text('data.fileName'),
        contentUrl: `data:application/json;base64,${Buffer.from(json, 'utf8').toString('base64')}`,
      },
    ],
  };
}

/**
 * The records features keep elsewhere, one line per kind with what it is ("what are the 3 other
 * records" was Chris's next question after a bare "Other records: 3").
 */
function otherLines(strings: Strings, report: PersonalDataReport): string[] {
  return Object.entries(report.other).map(([name, records]) => {
    const count = Object.keys(records).length;
    // One request is three records (the request, the list of a person's requests, the link to
    // the chat): the line counts requests and says what the records are ("why 3 records?", Kim).
    if (name === 'handoff') {
      const requests = Object.keys(records).filter((key) => key.startsWith('handoff/request/')).length;
      return strings.text('data.otherHandoff', { requests, count });
    }
    if (name === 'reminders') return strings.text('data.otherReminders', { count });
    return strings.text('data.otherRecords', { count });
  });
}

/** How many items a stored list property holds (`{ plans: [...] }`, `{ requests: [...] }`). */
function countOf(value: unknown, list: string): number {
  const items = (value as Record<string, unknown> | undefined)?.[list];
  return Array.isArray(items) ? items.length : 0;
}

/**
 * What the person's user state holds, one line each: the nickname, last active, conversations,
 * and each kind of thing they saved (plans, requests, a safety plan, practice dates). Chris saved
 * a plan, asked "show my data" and found it missing from a list said to hold "everything".
 */
export function storedLines(strings: Strings, report: PersonalDataReport): string[] {
  const user = report.user ?? {};
  const nickname = (user.profile as { nickname?: string } | undefined)?.nickname;
  const lastActive = (user.person as { lastActiveAt?: string } | undefined)?.lastActiveAt;
  const plans = countOf(user.plans, 'plans');
  const requests = countOf(user.accommodationRequests, 'requests');
  const practice = countOf(user.practiceHistory, 'sessions');
  return [
    nickname ? strings.text('data.nickname', { nickname }) : strings.text('data.noNickname'),
    ...(lastActive ? [strings.text('data.lastActive', { date: lastActive.slice(0, 10) })] : []),
    strings.text('data.conversations', { count: Object.keys(report.conversations).length }),
    ...(plans > 0 ? [strings.text('data.plans', { count: plans })] : []),
    ...(requests > 0 ? [strings.text('data.requests', { count: requests })] : []),
    ...(user.safetyPlan ? [strings.text('safetyPlan.dataLine')] : []),
    ...(practice > 0 ? [strings.text('data.practice', { count: practice })] : []),
  ];
}

/**
 * What an erasure removed, in words, from the report taken just before it: only what was there
 * (Chris was told his nickname was erased when he never had one, and not that his plan was).
 */
export function erasedText(strings: Strings, report: PersonalDataReport): string {
  const user = report.user ?? {};
  const kinds = [
    ...((user.profile as { nickname?: string } | undefined)?.nickname
      ? [strings.text('data.erasedNickname')]
      : []),
    ...(countOf(user.plans, 'plans') > 0 ? [strings.text('data.erasedPlans')] : []),
    ...(countOf(user.accommodationRequests, 'requests') > 0 ? [strings.text('data.erasedRequests')] : []),
    ...(user.safetyPlan ? [strings.text('data.erasedSafetyPlan')] : []),
    ...(countOf(user.practiceHistory, 'sessions') > 0 ? [strings.text('data.erasedPractice')] : []),
    ...(Object.keys(report.other).length > 0 ? [strings.text('data.erasedOther')] : []),
    strings.text('data.erasedAlways'),
  ];
  return strings.text('data.deleted', { what: kinds.join(', ') });
}

/**
 * "Privacy": what is kept, for how long, who can see it. Asked about work ("can my boss see
 * this chat?", "does IT see what i type in teams?") or in Teams, a word on the workplace too:
 * the organization's own Teams policies apply there, which the bot can neither see nor change.
 */
export function privacyText(
  strings: Strings,
  retentionDays: number,
  asked: { text?: string; channelId?: string } = {},
): string {
  const teams =
    asked.channelId === 'msteams' ||
    foldAnswer(asked.text ?? '')
      .split(' ')
      .includes('teams');
  // "can my boss see it" asks yes or no: the plain answer first, then what is kept; asked again
  // ("you said that already. yes or no"), the plain answer alone (Chris got the same wall three times).
  const answer = employerAnswer(strings, asked);
  if (answer) {
    if (saysAnyOf(strings, 'privacy.shortWords', asked.text)) return answer;
    return [
      answer,
      strings.text('privacy.kept'),
      strings.text('privacy.whoSees'),
      strings.text('privacy.notHealthRecord'),
    ].join('\n\n');
  }
  return [
    strings.text('privacy.kept'),
    strings.text('privacy.howLong', { days: retentionDays }),
    strings.text('privacy.whoSees'),
    ...(teams ? [strings.text('privacy.workplaceTeams')] : []),
    strings.text('privacy.notHealthRecord'),
  ].join('\n\n');
}

/**
 * The plain answer to "would my manager or HR see it" (Kim), "can my boss see this": undefined
 * when the question names no workplace. On Teams it says the organization's admins may.
 */
export function employerAnswer(
  strings: Strings,
  asked: { text?: string; channelId?: string },
): string | undefined {
  const folded = foldAnswer(asked.text ?? '').split(' ');
  const teams = asked.channelId === 'msteams' || folded.includes('teams');
  const employer =
    /\bIT\b/.test(asked.text ?? '') ||
    strings.variants('privacy.workplaceWords').some((word) => folded.includes(word));
  if (!employer) return undefined;
  return strings.text(teams ? 'privacy.employerAnswerTeams' : 'privacy.employerAnswer');
}

/** "Are you a bot?": an honest answer and how to reach a person. */
export function aboutBotText(strings: Strings): string {
  return `${strings.text('aboutBot.answer')}\n\n${strings.text('aboutBot.reachPerson')}`;
}
