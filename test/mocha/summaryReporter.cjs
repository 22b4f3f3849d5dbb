/* global module, require */
// Mocha loads a reporter named in .mocharc.json through `module.exports`; this hands it the
// compiled SummaryReporter (build first with `npm run compile-tests`).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS shim by nature
module.exports = require('../../out/test/mocha/summaryReporter.js').SummaryReporter;
