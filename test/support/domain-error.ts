/** For tests: the code of the DomainError a call fails with, or undefined when it succeeds. */
import { isDomainError } from '../../server/core/errors.ts';

export async function errorCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}
