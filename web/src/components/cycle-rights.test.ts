import { describe, expect, it } from 'vitest';
import { cycleRights } from './cycle-rights.ts';

describe('what the cycle’s roles let a caller do', () => {
  it('gives the team every step, reviewers the review, focal points the answers', () => {
    expect(cycleRights(['assessment-team'])).toEqual({ manage: true, review: true, answer: true });
    expect(cycleRights(['assessment-reviewer'])).toEqual({ manage: false, review: true, answer: false });
    expect(cycleRights(['focal-point', 'analyst'])).toEqual({ manage: false, review: false, answer: true });
    expect(cycleRights(['platform-admin'])).toEqual({ manage: true, review: true, answer: true });
    expect(cycleRights(['analyst'])).toEqual({ manage: false, review: false, answer: false });
  });
});
