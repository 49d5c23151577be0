import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the password it hashed and refuses any other', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('stores a self-describing scrypt value with a fresh salt each time', async () => {
    const [first, second] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    const parts = first.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '15', '8', '1']);
    expect(Buffer.from(parts[4] ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5] ?? '', 'base64')).toHaveLength(32);
    expect(first).not.toBe(second);
    expect(first).not.toContain('same password');
  });

  it('verifies with the parameters stored in the value, so the cost can change later', async () => {
    const stored = await hashPassword('an older password');
    const [, , , , salt, key] = stored.split('$');
    // Same salt and key under other parameters must no longer match: the parameters are really used.
    expect(await verifyPassword('an older password', `scrypt$14$8$1$${salt}$${key}`)).toBe(false);
  });

  it.each(['', 'short', '1234567'])('rejects the too short password %j', async (password) => {
    await expect(hashPassword(password)).rejects.toMatchObject({ kind: 'invalid', code: 'user.password_too_short' });
  });

  it('counts characters, not UTF-16 units or bytes, and matches any Unicode normal form', async () => {
    await expect(hashPassword('🔐🔐🔐🔐')).rejects.toMatchObject({ code: 'user.password_too_short' });
    const stored = await hashPassword('كلمة سر قوية');
    expect(await verifyPassword('كلمة سر قوية', stored)).toBe(true);
    const decomposed = await hashPassword('cafe\u0301 au lait');
    expect(await verifyPassword('caf\u00e9 au lait', decomposed)).toBe(true);
  });

  it.each([
    'plain',
    'bcrypt$10$abc',
    'scrypt$15$8$1$c2FsdA==',
    'scrypt$40$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=',
    'scrypt$15$8$1$$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=',
  ])('refuses to read the damaged stored value %j', async (stored) => {
    await expect(verifyPassword('whatever password', stored)).rejects.toThrow('not in a recognised format');
  });
});
