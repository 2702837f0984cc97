/**
 * `delegate-desk`: the command line over the same core services as the app, for preparing
 * an event on a laptop and for scripts. Errors go to stderr with a non-zero exit code.
 */
import { runCli } from './run_cli';

void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
