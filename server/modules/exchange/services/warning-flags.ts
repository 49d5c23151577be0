/**
 * The port through which the web UI's object reads say which warning lists an object's values are on. The
 * Exchange module declares it and knows nothing of warning lists; `server/platform.ts` gives it the Warning
 * lists module's service. Without one, no object is flagged.
 */

/** A warning list one of an object's values is on. */
export interface WarningFlag {
  /** The list's name. */
  name: string;
  /** The list's type: cidr, hostname, string, substring, regex. */
  type: string;
  /** The object's value that is on it (an observable's value, or a value its indicator pattern compares). */
  matchedValue: string;
}

export interface WarningFlags {
  /** Each object's flags, in the order given (objects as the reader may see them). */
  flagsOf(objects: readonly Readonly<Record<string, unknown>>[]): Promise<WarningFlag[][]>;
}

export const NO_WARNING_FLAGS: WarningFlags = { flagsOf: async (objects) => objects.map(() => []) };
