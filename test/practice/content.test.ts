import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResourceError } from '../../src/content/resource-file.js';
import { resourcesDir } from '../../src/paths.js';
import { isThing } from '../../src/practice/feedback.js';
import { loadScenarios, type Scenario, sceneOf } from '../../src/practice/scenarios.js';
import { loadSkillRules } from '../../src/practice/skills.js';
import { testContent } from '../support/content.js';
import { useTempDir } from '../support/temp-dir.js';

/** Every scene that can be played: each scenario, and each of its situations. */
function allScenes(): Scenario[] {
  return loadScenarios().flatMap((scenario) => [
    scenario,
    ...(scenario.situations ?? []).map((situation) => sceneOf(scenario, situation.id)),
  ]);
}

describe('practice content files', () => {
  const temp = useTempDir('practice-');

  /** Writes a changed copy of a shipped resource to the test's temp folder, for a loader to reject. */
  function brokenCopy(name: string, change: (data: Record<string, unknown>) => void): string {
    const data = JSON.parse(readFileSync(join(resourcesDir, name), 'utf8')) as Record<string, unknown>;
    change(data);
    writeFileSync(join(temp.path, name), JSON.stringify(data));
    return temp.path;
  }

  it('ships at least eight valid scenarios with unique ids', () => {
    const scenarios = loadScenarios();
    assert.ok(scenarios.length >= 8);
    assert.equal(new Set(scenarios.map((s) => s.id)).size, scenarios.length);
  });

  it('gives the counterpart no medical or legal advice and no shaming words', () => {
    const advice =
      /\b(\d+ ?mg|milligrams?|you should (take|stop|increase|lower)|stop taking|double (the|your) dose|sue|lawsuit|plead|legally you)\b/i;
    const shaming = /\b(addicts?|junkies?|clean|dirty|lazy|pathetic|should be ashamed|excuses)\b/i;
    for (const scenario of loadScenarios()) {
      const lines = [scenario.opening, ...Object.values(scenario.moves).flat()];
      for (const line of lines) {
        assert.doesNotMatch(line, advice, `${scenario.id}: ${line}`);
        assert.doesNotMatch(line, shaming, `${scenario.id}: ${line}`);
      }
    }
  });

  it('has medical characters agree to no medicine change: they review it with the person instead', () => {
    // Group D: "All right, let's do that" to "24mg instead of 16" read as a yes to a dose change.
    const medical = /\b(dr|doctor|prescriber|nurse|pharmacist)\b/i;
    const agrees =
      /\b(let's do that|fair plan|let's try that|you'll be fine|that's the plan|what we agreed|sounds good|go ahead|i can do that|that works)\b/i;
    const scenes = allScenes().filter((scene) => medical.test(scene.counterpart));
    assert.ok(scenes.length >= 3, 'the doctor, prescriber and side-effects scenes');
    for (const scene of scenes) {
      for (const line of [scene.opening, ...Object.values(scene.moves).flat()])
        assert.doesNotMatch(line, agrees, `${scene.title}: ${line}`);
    }
  });

  it('has the public defender explain and schedule, never say how a case will turn out', () => {
    const outcome =
      /\b(you('ll| will| won't) (go to jail|get|be fine|win|lose)|guilty|plea|deal|probation|the judge will|don't worry, you)\b/i;
    const lawyer = loadScenarios().find((scenario) => scenario.id === 'public-defender');
    assert.ok(lawyer, 'the public defender scene ships');
    for (const line of [lawyer.setting, lawyer.opening, ...Object.values(lawyer.moves).flat()])
      assert.doesNotMatch(line, outcome, line);
  });

  it('states every goal as a thing asked for, so feedback examples built on it read right', () => {
    const notThingStarts = new Set(testContent().strings.variants('practice.notThingStarts'));
    for (const scene of allScenes()) assert.ok(isThing(scene.goal, notThingStarts), scene.goal);
  });

  it('names the file and field of a bad scenario', () => {
    const dir = brokenCopy('practice-scenarios.json', (data) => {
      const scenarios = data.scenarios as Record<string, unknown>[];
      if (scenarios[2]) scenarios[2].maxExchanges = 12;
    });
    assert.throws(
      () => loadScenarios(dir),
      (error: unknown) =>
        error instanceof ResourceError &&
        error.file.endsWith('practice-scenarios.json') &&
        error.problems.some((p) => p.startsWith('scenarios[2].maxExchanges')),
    );
  });

  it('names a skill rule that is not a valid regular expression', () => {
    const dir = brokenCopy('practice-skills.json', (data) => {
      const skills = data.skills as Record<string, { all: string[][] }>;
      if (skills.iStatement) skills.iStatement.all = [['(unclosed']];
    });
    assert.throws(
      () => loadSkillRules(dir),
      (error: unknown) =>
        error instanceof ResourceError &&
        error.problems.some((p) => p.startsWith('skills.iStatement.all[0][0]')),
    );
  });
});
