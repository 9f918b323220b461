import assert from 'node:assert/strict';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ResourceError } from '../../../src/content/resource-file.js';
import { Strings } from '../../../src/content/strings.js';
import {
  loadSafetyClassifier,
  loadSafetyResources,
  mentionsOverdose,
  type SafetyClassifier,
  type SafetyLevel,
} from '../../../src/language/safety/safety-classifier.js';
import { loadSafetyRules } from '../../../src/language/safety/safety-rules.js';
import { resourcesDir } from '../../../src/paths.js';
import { setAsideWhole } from '../../../src/turn/hint-reading.js';
import { spokenStrings } from '../../support/spoken-strings.js';
import { useTempDir } from '../../support/temp-dir.js';

const classifier: SafetyClassifier = loadSafetyClassifier();
const levelOf = (text: string): SafetyLevel => classifier.classify(text).level;

/** Asserts each message gets `level`, listing every one that does not. */
function expectLevel(level: SafetyLevel, texts: readonly string[]): void {
  const wrong = texts.filter((text) => levelOf(text) !== level).map((text) => `${text} -> ${levelOf(text)}`);
  assert.deepEqual(wrong, [], `expected ${level}`);
}

/** Asserts each message gets exactly these result fields, listing every one that does not. */
function expectResult(
  expected: { level: SafetyLevel; explicit: boolean; overdose: boolean; language: 'es' | undefined },
  texts: readonly string[],
): void {
  const wrong = texts.flatMap((text) => {
    const { level, explicit, overdose, language } = classifier.classify(text);
    const got = { level, explicit, overdose, language };
    return JSON.stringify(got) === JSON.stringify(expected) ? [] : [`${text} -> ${JSON.stringify(got)}`];
  });
  assert.deepEqual(wrong, []);
}

describe('safety classifier', () => {
  it('finds every explicit danger training message at danger', () => {
    const { examples } = loadSafetyResources();
    const missed = examples.items
      .filter((item) => item.explicit && levelOf(item.text) !== 'danger')
      .map((item) => item.text);
    assert.deepEqual(missed, []);
  });

  describe('an overdose happening now: danger, explicit, the overdose step, on purpose or not', () => {
    const danger = { level: 'danger', explicit: true, overdose: true, language: undefined } as const;

    it('in their own body: took more than usual, used after a break, cannot stay awake, breathing slow', () => {
      expectResult(danger, [
        'i took more than usual and now i feel weird',
        'used more than usual after being clean',
        "i've been clean 6 months and used tonight and now i can barely stay awake",
        "i can't stay awake",
        'my breathing is so slow after i used',
        'my lips and nails are turning blue',
        'i took a handful of my pills on purpose and i feel really sleepy',
        "it wasn't on purpose, i just used my old amount and i'm nodding out",
      ]);
    });

    it("in someone else's: not breathing, blue or grey lips, won't wake, limp, gurgling or snoring", () => {
      expectResult(danger, [
        'my brother stopped breathing',
        'her lips are grey and she is barely breathing',
        "my friend won't wake up",
        "he's limp",
        "he's making a gurgling sound",
        "he's snoring weird and we can't wake him",
        'my roommate took more than usual and his nails are blue',
      ]);
    });

    it('when they already have naloxone or ask what to do', () => {
      expectResult(danger, [
        "he's breathing really slow, i already have naloxone, what do i do",
        'i have narcan but she still wont wake up',
        'my girlfriend is blue, what do i do',
        "i can't stay awake and i have narcan but idk what to do",
      ]);
    });

    it('mentionsOverdose follows the result, and a plan is not an overdose happening', () => {
      assert.equal(mentionsOverdose(classifier.classify("my friend won't wake up")), true);
      const plan = classifier.classify("I'm going to kill myself tonight");
      assert.deepEqual([plan.level, plan.overdose, mentionsOverdose(plan)], ['danger', false, false]);
      assert.equal(classifier.classify('How do I use Narcan?').overdose, false);
    });
  });

  it('veiled danger is danger, not explicit: the bot asks gently first', () => {
    expectResult({ level: 'danger', explicit: false, overdose: false, language: undefined }, [
      "I'm at the bridge and just waiting",
      "I've saved up my pills",
      'I bought a gun last week, nobody knows',
      'I looked up painless ways',
      'I wrote letters to my kids',
      'I gave my dog away, he deserves better',
      "tell them I'm sorry",
      "I won't be around",
      'this is the last time we talk',
      "they'll pay for what they did",
      'everyone would be better off without me',
    ]);
  });

  describe('as different people type it (round 2: messages in none of the labeled sets)', () => {
    // [what a person types, the level the gate must give]
    const typed: readonly (readonly [string, SafetyLevel])[] = [
      ['ngl im gonna kms tn', 'danger'],
      ['im not safe w myself rn', 'danger'],
      ['my bro is sitting on the tracks and wont answer', 'danger'],
      ['been stacking my xans for weeks', 'danger'],
      ['my gf gave her cat to her sister and said bye to everyone', 'danger'],
      ['this is our last convo fr', 'danger'],
      ['gonna kill him fr', 'danger'],
      ['my homie fell out and hes not responding', 'danger'],
      ['took a couple extra blues and now i can barely stay awake', 'danger'],
      ['he is threatening me with a knife rn', 'danger'],
      ['nobody at group would miss me', 'danger'],
      ['me voy a matar esta noche', 'danger'],
      ['counting my pills for my weekly organizer', 'none'],
      ['at the bus stop by the bridge waiting on the 7', 'none'],
      ['putting money aside for my meds copay', 'none'],
      ['kill him lol he ate my fries', 'none'],
      ['i want to die this movie is so long', 'none'],
      ["i od'd in 2019 and now i help others", 'none'],
      ['gave my old clothes to the shelter', 'none'],
      ['i wont be around tmrw, got a double shift', 'none'],
    ];
    for (const level of ['danger', 'none'] as const) {
      it(`${level}: ${typed.filter(([, expected]) => expected === level).length} messages`, () => {
        expectLevel(
          level,
          typed.filter(([, expected]) => expected === level).map(([text]) => text),
        );
      });
    }
  });

  describe('round 4: each new rule family, as people write it and its lookalike (in no labeled set)', () => {
    // [what a person types, the level the gate must give]; the lookalike sits next to its rule.
    const rows: readonly (readonly [string, SafetyLevel])[] = [
      // "end it" with how badly or when
      ['i wanna end it so bad tonight', 'danger'],
      ['i want to end it with my landlord, can you help', 'none'],
      // slang for suicide
      ['thinking about self deleting', 'danger'],
      ['i want to commit sewer slide fr', 'danger'],
      ['how do i delete my data', 'none'],
      // done living, said at the end
      ['honestly im done living', 'danger'],
      // a method said outright
      ['gonna wreck my truck on purpose tonight', 'danger'],
      ['thinking of drinking bleach', 'danger'],
      // a time and "doing it"
      ['tonight im doing it, goodbye', 'danger'],
      ['i am doing it for real this time', 'danger'],
      ['doing my taxes tonight', 'none'],
      // a last night, joining someone who died
      ['tonight is my last night alive', 'danger'],
      ['today is my last day at the warehouse', 'none'],
      ['going to join my brother in heaven soon', 'danger'],
      ['my brother is joining us for dinner', 'none'],
      // bleeding out
      ['gonna let myself bleed out', 'danger'],
      // overdose signs in plain or sounded-out words
      ['my uncle not breathe good and wont wake', 'danger'],
      ['she purple help', 'danger'],
      ['my frend not breeth', 'danger'],
      ['i dont wan liv', 'danger'],
      // naloxone given now, and a kit from the pharmacy
      ['we gave him narcan twice', 'danger'],
      ['the pharmacy gave me a narcan kit to keep at home', 'none'],
      // not coming back, never heard from again
      ['dont wait up. im not coming back', 'danger'],
      ['you wont hear from me again', 'danger'],
      ['im not coming back to this group, its too far', 'none'],
      // "anymore" ends a negation: what follows is said
      ['i cant take it anymore im gonna kms', 'danger'],
      // someone else's story told at a meeting, and the person's own words there
      ['at the meeting a woman shared she wanted to kill herself when she was using', 'none'],
      ['at group i said i want to die', 'danger'],
      // concern: a craving, a streak at risk, no change expected
      ['longing for a drink all day', 'concern'],
      ['longing for a vacation', 'none'],
      ['worried ill blow my clean streak at the wedding', 'concern'],
      ['i dont expect my life to ever get better', 'concern'],
      // not wanting to be alone with it (a person playing the bot at 11 pm got "did you mean...?")
      ['i dont want to be alone with this tonight', 'concern'],
      ["i don't want to go alone to the appointment", 'none'],
      // the past and idioms stay out
      ['i used to want to kill myself', 'none'],
      ['that movie killed me', 'none'],
    ];
    for (const level of ['danger', 'concern', 'none'] as const) {
      it(`${level}: ${rows.filter(([, expected]) => expected === level).length} messages`, () => {
        expectLevel(
          level,
          rows.filter(([, expected]) => expected === level).map(([text]) => text),
        );
      });
    }
  });

  // Whole messages the conversation sets aside whatever the layer says ("i just told you
  // everything", a locale list of people's words) are the conversation's to test (hint-reading).
  it("the bot's own short lines and button labels are none: a person taps or types them back", () => {
    const strings = Strings.load();
    const short = spokenStrings()
      .map(({ text }) => text)
      .filter((text) => text.split(/\s+/).length <= 5 && !/[{}]/.test(text))
      .filter((text) => !setAsideWhole(strings, text));
    assert.ok(short.length > 100, `${short.length} short strings`);
    expectLevel('none', short);
  });

  describe('Spanish', () => {
    it('hears crisis language in Spanish at the right level and marks the result Spanish', () => {
      expectResult({ level: 'danger', explicit: true, overdose: false, language: 'es' }, [
        'me quiero matar',
        'ya no quiero vivir',
        'me voy a quitar la vida esta noche',
      ]);
      expectResult({ level: 'danger', explicit: true, overdose: true, language: 'es' }, [
        'mi hermano no respira',
        'se tomó todas las pastillas',
        'se tomo todas las pastillas y no despierta',
      ]);
      expectResult({ level: 'danger', explicit: false, overdose: false, language: 'es' }, [
        'todos estarian mejor sin mi',
        'estoy en el puente esperando que oscurezca',
      ]);
      expectResult({ level: 'concern', explicit: true, overdose: false, language: 'es' }, [
        'tengo miedo de recaer',
      ]);
    });

    it('reads Spanish written with or without accents, and Spanglish', () => {
      for (const text of [
        'se tomó todas las pastillas',
        'se tomo todas las pastillas',
        'my brother no respira',
      ]) {
        const result = classifier.classify(text);
        assert.deepEqual([result.level, result.language], ['danger', 'es'], text);
      }
    });

    it('leaves English the default and everyday Spanish alone', () => {
      assert.equal(classifier.classify('I want to kill myself').language, undefined);
      expectLevel('none', [
        'me muero de hambre jaja',
        'tengo una cita con mi trabajadora social',
        'gracias, adios',
      ]);
    });
  });

  it('everyday stress and tiredness is none, or concern at most', () => {
    for (const text of ["I've been really stressed", 'so tired all the time', "i'm exhausted from work"]) {
      assert.notEqual(levelOf(text), 'danger', text);
    }
    expectLevel('none', ['so tired all the time', 'ugh today was so long']);
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
      assert.ok(
        classifier
          .classify("i'm at the bridge waiting for my ride to work")
          .suppressed.includes('place-now:ordinary'),
      );
    });

    it('is none, not an overdose and not Spanish for empty, blank and symbol-only messages', () => {
      for (const text of ['', '   ', '!!!', '😀😀', '\n\n']) {
        const { level, overdose, language } = classifier.classify(text);
        assert.deepEqual([level, overdose, language], ['none', false, undefined]);
      }
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
    const dir = useTempDir('wayfinder-safety-');
    beforeEach(async () => {
      await copyFile(join(resourcesDir, 'safety-taxonomy.json'), join(dir.path, 'safety-taxonomy.json'));
      await copyFile(join(resourcesDir, 'safety-examples.json'), join(dir.path, 'safety-examples.json'));
    });

    it('names the file and each bad field when an edit breaks a pattern', async () => {
      const rules = structuredClone(loadSafetyRules());
      rules.rules[0]?.patterns.push('kill @nosuchlist');
      rules.idioms[0]?.patterns.push('~2 dangling');
      rules.combos[0]?.all.push('no-such-rule');
      await writeFile(join(dir.path, 'safety-rules.json'), JSON.stringify(rules));
      assert.throws(
        () => loadSafetyClassifier(dir.path),
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

    it('names a rule whose category is unknown, missing, or of another level', async () => {
      const rules = structuredClone(loadSafetyRules()) as unknown as {
        rules: { category?: string; level: string }[];
      };
      const [first, second, third] = rules.rules;
      if (!first || !second || !third) throw new Error('the rules file has rules');
      first.category = 'no-such-category';
      delete second.category;
      third.category = 'craving';
      await writeFile(join(dir.path, 'safety-rules.json'), JSON.stringify(rules));
      assert.throws(
        () => loadSafetyClassifier(dir.path),
        (error: unknown) => {
          assert.ok(error instanceof ResourceError);
          assert.match(error.message, /rules\[0\]\.category: /);
          assert.match(error.message, /rules\[1\]\.category: a rule that sets a level names its category/);
          return true;
        },
      );
      delete (first as { category?: string }).category;
      first.category = 'explicit-intent';
      second.category = 'explicit-intent';
      await writeFile(join(dir.path, 'safety-rules.json'), JSON.stringify(rules));
      assert.throws(
        () => loadSafetyClassifier(dir.path),
        /safety-rules\.json[\s\S]*rules\[2\]\.level: "craving" is concern in safety-taxonomy\.json/,
      );
    });
  });
});
