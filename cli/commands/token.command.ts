/** `thiqa token create USER [--label L]`: an API token, shown once. */
import { Command } from 'commander';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';

export function tokenCommand(): Command {
  const token = new Command('token').description('manage API tokens');
  token
    .command('create')
    .description('create an API token for a user (printed once: it is stored hashed)')
    .argument('<user>', 'the user the token acts as')
    .option('--label <label>', 'what the token is for', 'created with thiqa token create')
    .action(async (userName: string, options: { label: string }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const created = await platform.users.createToken(userName, options.label);
        context.out.result({ user: userName, id: created.id, label: options.label, token: created.token }, () => [
          `API token for ${userName} (id ${created.id}):`,
          created.token,
          'It is shown only this once: store it now. Send it as "Authorization: Bearer <token>".',
        ]);
      });
    });
  return token;
}
