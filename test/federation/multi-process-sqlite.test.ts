// The three-process scenarios (multi-process-scenarios.ts) on SQLite.
import { multiProcessScenarios } from './multi-process-scenarios.ts';

multiProcessScenarios('sqlite');
