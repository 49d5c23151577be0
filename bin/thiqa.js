#!/usr/bin/env -S node --max-semi-space-size=8
// The `thiqa` command. Node 24 runs the TypeScript sources directly (type stripping), so there is no build
// step. The flag above keeps V8's young generation small: on a large machine its default costs ~100 MB of
// resident memory for no measured speed (bench: import of 1M objects, 507 → 396 MB, same rate). The
// benchmark reads this line to start its children the same way.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `thiqa needs Node.js 24 or later, and this is ${process.version}. Run it as \`npx thiqa\` or through npm scripts: after \`npm install\` they use the project's own Node.js 24.`,
  );
  process.exit(2);
}
await import('../cli/main.ts');
