/**
 * First run: a store with no API root gets the default API root and collection, and — when there is no
 * user yet — an administrator with a generated password, shown once to whoever started the server.
 */
import { randomBytes } from 'node:crypto';
import { SYSTEM } from './core/auth/actor.ts';
import { PLATFORM_ADMIN } from './core/roles/role-declarations.ts';
import type { Platform } from './platform.ts';

export const DEFAULT_API_ROOT = 'thiqa';
export const DEFAULT_COLLECTION_ALIAS = 'default';

export interface BootstrapResult {
  createdApiRoot: boolean;
  collectionId: string | undefined;
  admin: { name: string; password: string } | undefined;
}

export async function bootstrap(platform: Platform): Promise<BootstrapResult> {
  const result: BootstrapResult = { createdApiRoot: false, collectionId: undefined, admin: undefined };
  if ((await platform.apiRoots.list(SYSTEM)).length === 0) {
    await platform.apiRoots.create(SYSTEM, {
      name: DEFAULT_API_ROOT,
      title: 'Thiqa',
      description: 'Default API root of this Thiqa hub',
      maxContentLength: platform.config.maxContentLength,
      isDefault: true,
    });
    const collection = await platform.collections.create(SYSTEM, {
      apiRoot: DEFAULT_API_ROOT,
      title: 'Default collection',
      description: 'Objects shared on this hub until communities are set up',
      alias: DEFAULT_COLLECTION_ALIAS,
    });
    result.createdApiRoot = true;
    result.collectionId = collection.id;
  }
  if ((await platform.users.listUsers()).length === 0) {
    const password = randomBytes(12).toString('base64url');
    await platform.users.addUser({ name: 'admin', password, roles: [PLATFORM_ADMIN] });
    result.admin = { name: 'admin', password };
  }
  return result;
}
