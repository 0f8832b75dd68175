// Mocha's browser build (the Node one needs fs and path to find files). Imported before the test
// files, so `describe` and `it` exist when they load; the web worker has no DOM, so the spec
// reporter writes to the console, which the workbench forwards to the runner.
import 'mocha/mocha.js';

mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
