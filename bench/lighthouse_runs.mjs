// Lighthouse runs, one after another in this one Node process, for bench/lighthouse.py.
// Each run is what `lighthouse URL ARGS...` does (Lighthouse 12.2.3's cli/bin.js: its flag
// parser, its --preset config, its runLighthouse, which starts a fresh Chromium for the
// run and closes it after), without starting Node and loading Lighthouse again each time.
// stdin: a JSON list of runs, each the CLI's argument list ([URL, "--output=json", ...]).
import fs from 'node:fs';

import log from 'lighthouse-logger';
import {getFlags} from 'lighthouse/cli/cli-flags.js';
import {runLighthouse} from 'lighthouse/cli/run.js';

const runs = JSON.parse(fs.readFileSync(0, 'utf-8'));
for (const args of runs) {
  const flags = getFlags(args, {noExitOnFailure: true});
  const config = flags.preset
    ? (await import(`lighthouse/core/config/${flags.preset}-config.js`)).default
    : undefined;
  flags.logLevel = 'silent';  // as --quiet
  log.setLevel(flags.logLevel);
  flags.enableErrorReporting = false;
  await runLighthouse(flags._[0], flags, config);  // exits with the error if a run fails
}
