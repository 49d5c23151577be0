#!/usr/bin/env -S node --max-semi-space-size=8
// The `thiqa` command. Node 24 runs the TypeScript sources directly (type stripping), so there is no build
// step. The flag above keeps V8's young generation small: on a large machine its default costs ~100 MB of
// resident memory for no measured speed (bench: import of 1M objects, 507 → 396 MB, same rate). The
// benchmark reads this line to start its children the same way.
import '../cli/main.ts';
