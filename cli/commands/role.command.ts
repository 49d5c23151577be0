/** `thiqa role list`: the roles users can be given, what each may do, and the roles each includes. */
import { Command } from 'commander';
import { listRoles } from '../../server/core/roles/roles.ts';
import { contextOf } from '../command-context.ts';
import { formatTable } from '../output.ts';

/** The `role` command: `role list`. */
export function roleCommand(): Command {
  const role = new Command('role').description('the roles users can be given (roles are declared in code)');
  role
    .command('list')
    .description('list the roles with their permissions: everywhere, and over the holder’s own organisation')
    .action((_options: unknown, command: Command) => {
      const context = contextOf(command);
      const roles = listRoles();
      context.out.result({ roles }, () =>
        formatTable(
          ['ROLE', 'PERMISSIONS', 'OWN ORGANISATION', 'INCLUDES', 'DESCRIPTION'],
          roles.map((r) => [r.name, r.permissions.join(',') || '-', r.organisationPermissions.join(',') || '-', r.includes.join(',') || '-', r.description]),
        ),
      );
    });
  return role;
}
