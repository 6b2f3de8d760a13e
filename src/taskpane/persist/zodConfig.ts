/**
 * The page's CSP forbids eval, so zod's compiled fast path cannot run there, and its probe for it (a caught
 * new Function("")) is still reported as a CSP violation. zod probes when an object schema is built, so this module is
 * imported before any schema module (first import of envelope.ts and appStateSchema.ts).
 */
import { z } from "zod";

z.config({ jitless: true });
