// Lint: TypeScript rules plus the import direction of ARCHITECTURE.md.
// Imports flow one way: cli → server modules (routes → services → repositories) → server core → shared.
import tseslint from 'typescript-eslint';

const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map(([regex, message]) => ({ regex, message })) }],
});

const notCli = ['(^|/)cli/', 'Server and shared code never import the CLI.'];
const notTests = ['(^|/)test/', 'Production code never imports test support.'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'bench/results/**', 'web/dist/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(['(^|/)(server|cli|bench)/', 'shared/ is the bottom layer: it imports nothing of the server, CLI or bench.'], notTests),
  },
  {
    files: ['server/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(['(^|/)modules/', 'The core imports no module: modules build on the core, not the reverse.'], notCli, notTests),
  },
  {
    files: ['server/modules/*/repositories/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ['(^|/)(services|routes|presenters)/', 'Repositories are the lowest module layer: they import no service, route or presenter.'],
      ['^\\.\\./\\.\\./(?!\\.\\./)[^/]+/', 'A module never reaches into another module: call its service.'],
      notCli, notTests,
    ),
  },
  {
    files: ['server/modules/*/services/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ['(^|/)(routes|presenters)/', 'Services never import routes or presenters.'],
      ['(^|/)core/db/', 'Only repositories speak SQL.'],
      ['^\\.\\./\\.\\./(?!\\.\\./)[^/]+/(repositories|routes)/', 'A module never reaches into another module: call its service.'],
      notCli, notTests,
    ),
  },
  {
    files: ['server/modules/*/routes/**/*.ts', 'server/modules/*/presenters/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ['(^|/)repositories/', 'Routes and presenters go through services, never repositories.'],
      ['(^|/)core/db/', 'Only repositories speak SQL.'],
      notCli, notTests,
    ),
  },
  {
    // The core's REST adapter and presenters: like a module's routes, through services only.
    files: ['server/core/rest/**/*.ts', 'server/core/*/routes/**/*.ts', 'server/core/*/presenters/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ['(^|/)modules/', 'The core imports no module: modules build on the core, not the reverse.'],
      ['\\.repository\\.ts$', 'Routes and presenters go through services, never repositories.'],
      ['(^|/)db/', 'Only repositories speak SQL.'],
      notCli, notTests,
    ),
  },
  {
    // The web UI talks to the server over HTTP only; of the code beside it, it may use shared/.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    ignores: ['**/*.test.ts'],
    rules: restrict(['(^|/)(server|cli|bench)/', 'The web UI reaches the server over HTTP, never by importing it.'], notCli, notTests),
  },
  {
    files: ['server/*.ts', 'server/http/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(notCli, notTests),
  },
);
