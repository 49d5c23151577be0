// The three-process scenarios (multi-process-scenarios.ts) on PostgreSQL.
import { describe, it } from 'vitest';
import { postgresSkipped } from '../support/databases.ts';
import { multiProcessScenarios } from './multi-process-scenarios.ts';

if (postgresSkipped()) describe.skip('three hubs as processes on postgres', () => it('is skipped', () => undefined));
else multiProcessScenarios('postgres');
