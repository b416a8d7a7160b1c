import { createFinsamApp } from './finsam-app.ts';

// The cdk.json "app" entry (`npx tsx infra/app.ts`); the CLI passes outdir and context in the
// environment, and the app synthesizes when this script ends.
createFinsamApp();
