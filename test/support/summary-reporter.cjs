'use strict';
// Mocha's spec reporter, plus one plain closing line ("tests: N passed, N failed, N skipped")
// that CI reads to know how many tests ran. CommonJS because mocha loads reporters with require.
const Mocha = require('mocha');

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = this.stats;
      process.stdout.write(`tests: ${passes} passed, ${failures} failed, ${pending} skipped\n`);
    });
  }
}

module.exports = SpecWithSummary;
