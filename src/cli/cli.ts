import { runCli } from './main';

// The bin entry: real process I/O around runCli, which tests call in-process.
runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  write: (t) => process.stdout.write(t),
  error: (t) => process.stderr.write(t),
}).then((code) => {
  process.exitCode = code;
});
