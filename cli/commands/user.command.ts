/**
 * `thiqa user add NAME [--org ORG] [--role ROLE]… [--admin]`, `thiqa user list` and `thiqa user role
 * add|remove USER ROLE`: accounts and their roles, the password read from stdin. The CLI acts as the
 * operator (`system`), who may give any role.
 */
import { Command } from 'commander';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatTable } from '../output.ts';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import type { RoleChange, User } from '../../server/core/auth/user.service.ts';
import { PLATFORM_ADMIN } from '../../server/core/roles/role-declarations.ts';
import { requireKnownRoles } from '../../server/core/roles/roles.ts';
import type { Platform } from '../../server/platform.ts';
import { readNewPassword } from '../password-input.ts';

interface AddOptions {
  admin: boolean;
  org?: string;
  role: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];
const rolesText = (user: User) => (user.roles.length === 0 ? 'no roles' : `roles: ${user.roles.join(', ')}`);

function userRoleCommand(): Command {
  const role = new Command('role').description("give or take away a user's roles (see thiqa role list)");
  const change = (verb: 'add' | 'remove', apply: (platform: Platform, user: string, role: string) => Promise<RoleChange>) =>
    role
      .command(verb)
      .description(verb === 'add' ? 'give a user a role' : 'take a role from a user')
      .argument('<user>', 'user name')
      .argument('<role>', 'role name')
      .action(async (name: string, roleName: string, _options: unknown, command: Command) => {
        const context = contextOf(command);
        await withInitialisedPlatform(context, async (platform) => {
          const result = await apply(platform, name, roleName);
          const { user, changed } = result;
          context.out.result({ ...result, role: roleName }, () => {
            if (!changed) return `${user.name} ${verb === 'add' ? 'already has' : 'does not have'} the role ${roleName}: nothing changed.`;
            const done = verb === 'add' ? `Gave ${user.name} the role ${roleName}` : `Took the role ${roleName} from ${user.name}`;
            return `${done} (${rolesText(user)}).`;
          });
        });
      });
  change('add', (platform, user, name) => platform.users.addRole(user, name, SYSTEM));
  change('remove', (platform, user, name) => platform.users.removeRole(user, name, SYSTEM));
  return role;
}

export function userCommand(): Command {
  const user = new Command('user').description('manage user accounts and their roles');
  user
    .command('add')
    .description('add a user; the password is the first line of stdin (or asked for, without echo, on a terminal)')
    .argument('<name>', 'user name: letters, digits, ".", "_", "-", "@"')
    .option('--org <org>', 'the organisation the user belongs to (id or name)')
    .option('--role <role>', 'a role to give (repeatable; default analyst; see thiqa role list)', collect, [])
    .option('--admin', `make the user an administrator (the same as --role ${PLATFORM_ADMIN})`, false)
    .action(async (name: string, options: AddOptions, command: Command) => {
      const context = contextOf(command);
      // An unknown role fails before the store is opened or the password asked for.
      const roles = options.role.length === 0 ? undefined : requireKnownRoles(options.role);
      await withInitialisedPlatform(context, async (platform) => {
        const organisation = options.org === undefined ? undefined : (await platform.organisations.find(SYSTEM, options.org)).id;
        const password = await readNewPassword(name);
        const added = await platform.users.addUser({ name, password, roles, isAdmin: options.admin, organisation }, SYSTEM);
        context.out.result({ user: added }, () => `Added ${added.isAdmin ? 'administrator' : 'user'} ${added.name} (${added.id}), ${rolesText(added)}.`);
      });
    });
  user
    .command('list')
    .description('list user accounts with their roles')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const users = await platform.users.listUsers();
        const names = new Map((await platform.organisations.list(SYSTEM)).map((o) => [o.id, o.name]));
        context.out.result({ users }, () =>
          formatTable(
            ['NAME', 'ROLES', 'STATUS', 'ORGANISATION', 'ID'],
            users.map((u) => [u.name, u.roles.join(',') || '-', u.disabled ? 'disabled' : 'active', (u.organisationId && names.get(u.organisationId)) ?? '-', u.id]),
          ),
        );
      });
    });
  user.addCommand(userRoleCommand());
  return user;
}
