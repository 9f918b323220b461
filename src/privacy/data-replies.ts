import { type Activity, ActivityTypes } from 'botbuilder';
import type { Strings } from '../content/strings.js';
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
  const profile = report.user?.profile as { nickname?: string } | undefined;
  const person = report.user?.person as { lastActiveAt?: string } | undefined;
  const lines = [
    strings.text('data.intro'),
    profile?.nickname
      ? strings.text('data.nickname', { nickname: profile.nickname })
      : strings.text('data.noNickname'),
    ...(person?.lastActiveAt
      ? [strings.text('data.lastActive', { date: person.lastActiveAt.slice(0, 10) })]
      : []),
    strings.text('data.conversations', { count: conversationCount }),
    ...(report.user?.safetyPlan ? [strings.text('safetyPlan.dataLine')] : []),
    ...(otherCount > 0 ? [strings.text('data.otherRecords', { count: otherCount })] : []),
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
 * "Privacy": what is kept, for how long, who can see it. Asked about work ("can my boss see
 * this chat?", "does IT see what i type in teams?") or in Teams, a word on the workplace too:
 * the organization's own Teams policies apply there, which the bot can neither see nor change.
 */
export function privacyText(
  strings: Strings,
  retentionDays: number,
  asked: { text?: string; channelId?: string } = {},
): string {
  const folded = foldAnswer(asked.text ?? '').split(' ');
  const teams = asked.channelId === 'msteams' || folded.includes('teams');
  const work =
    teams ||
    /\bIT\b/.test(asked.text ?? '') ||
    strings.variants('privacy.workplaceWords').some((word) => folded.includes(word));
  return [
    strings.text('privacy.kept'),
    strings.text('privacy.howLong', { days: retentionDays }),
    strings.text('privacy.whoSees'),
    ...(work ? [strings.text('privacy.workplace')] : []),
    ...(teams ? [strings.text('privacy.workplaceTeams')] : []),
    strings.text('privacy.notHealthRecord'),
  ].join('\n\n');
}

/** "Are you a bot?": an honest answer and how to reach a person. */
export function aboutBotText(strings: Strings): string {
  return `${strings.text('aboutBot.answer')}\n\n${strings.text('aboutBot.reachPerson')}`;
}
