import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResourceError } from '../../../src/content/resource-file.js';
import {
  loadSafetyClassifier,
  type SafetyClassifier,
  type SafetyLevel,
} from '../../../src/language/safety/safety-classifier.js';
import { loadSafetyRules } from '../../../src/language/safety/safety-rules.js';
import { evaluateSafety } from './evaluate-safety.js';
import { safetyCases } from './safety-cases.js';
import { safetyHoldout } from './safety-holdout.js';

const classifier: SafetyClassifier = loadSafetyClassifier();
const levelOf = (text: string): SafetyLevel => classifier.classify(text).level;

/** Asserts each message gets `level`, listing every one that does not. */
function expectLevel(level: SafetyLevel, texts: readonly string[]): void {
  const wrong = texts.filter((text) => levelOf(text) !== level).map((text) => `${text} -> ${levelOf(text)}`);
  assert.deepEqual(wrong, [], `expected ${level}`);
}

describe('safety classifier', () => {
  describe('every explicit danger case is danger (recall must be 100%)', () => {
    for (const item of safetyCases.filter((c) => c.kind === 'explicit' && c.level === 'danger')) {
      it(item.text, () => assert.equal(levelOf(item.text), 'danger'));
    }
  });

  describe('the labelled set', () => {
    const evaluation = evaluateSafety(safetyCases, (text) => classifier.classify(text));

    it('has enough cases of each kind', () => {
      const count = (kind: string, level?: SafetyLevel) =>
        safetyCases.filter((c) => c.kind === kind && (level === undefined || c.level === level)).length;
      assert.ok(safetyCases.length >= 170);
      assert.ok(count('explicit', 'danger') >= 40);
      assert.ok(count('indirect') >= 50);
      assert.ok(count('tricky-negative') >= 50);
      assert.ok(count('everyday') >= 20);
    });

    it('holds no duplicate messages, and none from the held-out set', () => {
      const texts = safetyCases.map((c) => c.text);
      assert.equal(new Set(texts).size, texts.length);
      const heldOut = new Set(safetyHoldout.map((c) => c.text));
      assert.deepEqual(
        texts.filter((text) => heldOut.has(text)),
        [],
      );
    });

    it('finds at least 90% of danger cases', () => {
      assert.ok(evaluation.levels.danger.recall >= 0.9, `danger recall ${evaluation.levels.danger.recall}`);
    });

    it('finds at least 80% of concern cases', () => {
      assert.ok(
        evaluation.levels.concern.recall >= 0.8,
        `concern recall ${evaluation.levels.concern.recall}`,
      );
    });

    it('raises an alarm on at most 10% of tricky-negative and everyday messages', () => {
      assert.ok(evaluation.falseAlarmRate <= 0.1, `false alarm rate ${evaluation.falseAlarmRate}`);
    });
  });

  describe('negation', () => {
    it('a negated danger phrase is not danger', () => {
      expectLevel('none', [
        "I'm not going to hurt myself",
        "I don't want to die",
        "I'm not suicidal",
        'I would never kill myself',
        'I no longer want to die',
      ]);
    });

    it('a negated danger phrase with another signal is concern at most', () => {
      expectLevel('concern', ["I'm not going to hurt myself, but I feel so hopeless"]);
    });

    it('a negation stops at a comma or at "stop"', () => {
      expectLevel('danger', ['Not now, I want to die', "I can't stop thinking about killing myself"]);
    });

    it('phrases that are negative in themselves still count', () => {
      expectLevel('danger', ["I don't want to live anymore", "he isn't breathing"]);
    });
  });

  describe('tense', () => {
    it('a distant past event is not current danger', () => {
      expectLevel('none', [
        'I overdosed three years ago and now I help others',
        'Back when I was using I wanted to die',
        'I tried to kill myself in 2012',
        'I overdosed, but that was years ago',
        'I relapsed last year',
      ]);
    });

    it('a present signal outweighs a past marker', () => {
      expectLevel('danger', [
        'I used to want to die and I feel that way again',
        "Years ago I overdosed, but I think I'm overdosing again right now",
      ]);
    });

    it('a recent event keeps its level but asks to confirm', () => {
      const result = classifier.classify('I tried to kill myself last week');
      assert.equal(result.level, 'danger');
      assert.equal(result.explicit, false);
      assert.equal(levelOf('I relapsed last night'), 'concern');
    });
  });

  describe('idioms', () => {
    it('does not fire on everyday idioms', () => {
      expectLevel('none', [
        'this form is killing me',
        "I'm dying to see my kids",
        "my boss will kill me if I'm late",
        'I killed it at my interview',
        "I'm killing myself trying to finish this paperwork",
      ]);
    });

    it('masks only the idiom, not other signals in the message', () => {
      expectLevel('concern', ['the cravings are killing me']);
    });

    it('keeps a threat that only looks like the idiom', () => {
      expectLevel('concern', ['He said he will kill me if I leave']);
    });
  });

  describe('third persons', () => {
    it('someone else in danger now is danger', () => {
      expectLevel('danger', [
        "my friend overdosed and isn't breathing",
        'My son says he wants to kill himself',
        "she took all her pills and won't wake up",
      ]);
    });

    it("questions about others' past or general questions are not", () => {
      expectLevel('none', [
        'My friend overdosed two years ago, how can I support him now?',
        'What should I do if someone overdoses?',
        'How do I know if someone is overdosing?',
      ]);
    });
  });

  describe('spelling', () => {
    it('reads casing, curly apostrophes, contractions, slang, typos, leetspeak and emoji', () => {
      expectLevel('danger', [
        'I’M GONNA KILL MYSELF',
        'im gonna kms',
        'i wanna dieeee',
        'i want 2 die',
        'feeling su1c1dal',
        'gonna unalive myself',
        'i took all my 💊',
        "cant breath... she's blue",
        "OD'd and won't wake up",
      ]);
    });
  });

  describe('result', () => {
    it('marks an outright statement explicit and a hint for confirming', () => {
      assert.equal(classifier.classify('I took all my pills').explicit, true);
      const hint = classifier.classify('Everyone would be better off without me');
      assert.deepEqual([hint.level, hint.explicit], ['danger', false]);
    });

    it('carries rule ids only, never message text', () => {
      const result = classifier.classify('my unique phrase zebra-lantern and I want to die');
      for (const entry of [...result.signals, ...result.suppressed]) {
        assert.match(entry, /^[a-z0-9-]+(?::[a-z]+)?$/);
        assert.ok(!entry.includes('zebra'));
      }
      assert.ok(result.signals.includes('suicide-intent'));
    });

    it('says why a match was set aside', () => {
      assert.ok(classifier.classify("I'm not suicidal").suppressed.includes('suicide-intent:negated'));
    });

    it('is none for empty, blank and symbol-only messages', () => {
      expectLevel('none', ['', '   ', '!!!', '😀😀', '\n\n']);
    });
  });

  describe('long and adversarial input', () => {
    const filler = 'I went to my meeting and talked with my sponsor about the week. ';

    it('classifies a 30 KB message and still finds a danger phrase at its end', () => {
      const long = filler.repeat(Math.ceil(30_000 / filler.length));
      assert.ok(long.length >= 30_000);
      assert.equal(levelOf(long), 'none');
      assert.equal(levelOf(`${long} I want to kill myself`), 'danger');
    });

    it('returns on inputs built to make regexes backtrack', () => {
      const inputs = [
        'a'.repeat(30_000),
        'not '.repeat(7_500),
        'kill '.repeat(6_000),
        `took ${'too '.repeat(7_000)}`,
        `took ${'x '.repeat(14_000)}pill`,
        'i '.repeat(15_000),
        ', '.repeat(15_000),
        '.'.repeat(30_000),
        "'".repeat(30_000),
        '😭'.repeat(10_000),
        'k1ll '.repeat(6_000),
        'so soooooooooooooooooooooooooo '.repeat(1_000),
        `${'if someone '.repeat(2_000)}i want to die`,
      ];
      for (const input of inputs) assert.ok(['danger', 'concern', 'none'].includes(levelOf(input)));
    });
  });

  describe('rules file', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'wayfinder-safety-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('names the file and each bad field when an edit breaks a pattern', async () => {
      const rules = structuredClone(loadSafetyRules());
      rules.rules[0]?.patterns.push('kill @nosuchlist');
      rules.idioms[0]?.patterns.push('~2 dangling');
      rules.combos[0]?.all.push('no-such-rule');
      await writeFile(join(dir, 'safety-rules.json'), JSON.stringify(rules));
      assert.throws(
        () => loadSafetyClassifier(dir),
        (error: unknown) => {
          assert.ok(error instanceof ResourceError);
          assert.match(error.message, /safety-rules\.json/);
          assert.match(error.message, /rules\[0\]\.patterns\[\d+\]: .*unknown lexicon list "@nosuchlist"/);
          assert.match(error.message, /idioms\[0\]\.patterns\[\d+\]: .*gap/);
          assert.match(error.message, /combos\[0\]\.all\[\d+\]: unknown rule "no-such-rule"/);
          return true;
        },
      );
    });
  });
});
