/** Entry point: `npm run server` (= serve) or `npx tsx server/cli.ts <command>`. */
import { runCommand } from './commands';

process.exitCode = await runCommand(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
