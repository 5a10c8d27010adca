/**
 * Errors of the backup, restore and move commands. Each message is meant for
 * an operator who has not read the code: it says what went wrong and what to
 * do about it, so the command can print it as it is.
 */

/** Something the operator can fix: the commands print the message and exit with status 1. */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/** A command line that cannot be run as given: the commands print it with their usage and exit with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The message of any thrown value, for wrapping a driver's error in a {@link BackupError}. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
