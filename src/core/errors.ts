/** The one way an error becomes text in a message: its own message (first line), or the value as written. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message.split("\n")[0];
  return String(e);
}
