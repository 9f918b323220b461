import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Rules whose findings sit in Web Chat's own markup and cannot be changed from the page, with the
 * upstream issue each matches. They are reported with that note, never excluded from the scan.
 */
const upstream: Record<string, string> = {
  'aria-prohibited-attr':
    'Web Chat 4.18.1 puts aria-labelledby on role-less <div class="webchat__stacked-layout"> ' +
    '(microsoft/BotFramework-WebChat#5388)',
};

/** One axe finding: a rule that failed (violation) or could not decide (needs review). */
export interface Finding {
  state: string;
  kind: 'violation' | 'needs review';
  impact: string;
  rule: string;
  nodes: number;
  note?: string;
}

/** What axe found at one state: serious and critical violations fail a test; the rest are listed. */
export interface Audit {
  blocking: Finding[];
  others: Finding[];
}

/** Runs every axe rule (WCAG 2.x A/AA and best practices) on the page as it is now. */
export async function audit(page: Page, state: string): Promise<Audit> {
  // Every rule runs; only the elements that passed are not listed one by one (a third faster).
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations', 'incomplete'] })
    .analyze();
  const toFinding =
    (kind: Finding['kind']) =>
    (result: (typeof results.violations)[number]): Finding => ({
      state,
      kind,
      impact: result.impact ?? 'unknown',
      rule: result.id,
      nodes: result.nodes.length,
      ...(upstream[result.id] ? { note: upstream[result.id] } : {}),
    });
  const violations = results.violations.map(toFinding('violation'));
  const blocking = violations.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  return {
    blocking,
    others: [
      ...violations.filter((f) => !blocking.includes(f)),
      ...results.incomplete.map(toFinding('needs review')),
    ],
  };
}

/** The findings as lines for the test output, one per rule and state. */
export function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'axe: nothing else to report';
  return [
    'axe findings that do not fail the suite:',
    ...findings.map(
      (f) =>
        `  ${f.state}: ${f.kind}, ${f.impact}, ${f.rule} (${f.nodes} element${f.nodes === 1 ? '' : 's'})` +
        (f.note ? `: ${f.note}` : ''),
    ),
  ].join('\n');
}
