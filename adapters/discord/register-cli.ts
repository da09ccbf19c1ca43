/** `npm run discord:register [-- --force]`: see register.ts. */
import { loadConfig } from '../../src/config.ts';
import { registerCommands, registerFailure } from './register.ts';

async function main(): Promise<void> {
  process.stdout.write(await registerCommands(loadConfig(), process.argv.includes('--force')));
}

main().catch((error: unknown) => {
  process.stderr.write(registerFailure(error));
  process.exit(1);
});
