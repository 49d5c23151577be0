/** `thiqa user add NAME [--org ORG] [--admin]` and `thiqa user list`: accounts, the password read from stdin. */
import { Command } from 'commander';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatTable } from '../output.ts';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { readNewPassword } from '../password-input.ts';

export function userCommand(): Command {
  const user = new Command('user').description('manage user accounts');
  user
    .command('add')
    .description('add a user; the password is the first line of stdin (or asked for, without echo, on a terminal)')
    .argument('<name>', 'user name: letters, digits, ".", "_", "-", "@"')
    .option('--org <org>', 'the organisation the user belongs to (id or name)')
    .option('--admin', 'make the user an administrator', false)
    .action(async (name: string, options: { admin: boolean; org?: string }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        // An unknown organisation fails before the password is asked for.
        const organisation = options.org === undefined ? undefined : (await platform.organisations.find(SYSTEM, options.org)).id;
        const password = await readNewPassword(name);
        const added = await platform.users.addUser({ name, password, isAdmin: options.admin, organisation });
        context.out.result({ user: added }, () => `Added ${added.isAdmin ? 'administrator' : 'user'} ${added.name} (${added.id}).`);
      });
    });
  user
    .command('list')
    .description('list user accounts')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const users = await platform.users.listUsers();
        const names = new Map((await platform.organisations.list(SYSTEM)).map((o) => [o.id, o.name]));
        context.out.result({ users }, () =>
          formatTable(
            ['NAME', 'ROLE', 'STATUS', 'ORGANISATION', 'ID'],
            users.map((u) => [u.name, u.isAdmin ? 'admin' : 'user', u.disabled ? 'disabled' : 'active', (u.organisationId && names.get(u.organisationId)) ?? '-', u.id]),
          ),
        );
      });
    });
  return user;
}
