/**
 * The version of AppState's shape that saved work carries (appStateSchema.ts checks the shape). Raise it whenever
 * AppState changes: work saved under another version is not restored, and the page says so. On its own so that the
 * first load does not pull in zod with the schema.
 */
export const APP_STATE_VERSION = 3;
