// Errors that describe a bad input rather than a bug: the run reports them (path and reason) and goes on.

export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'InputError';
  }
}

/** One problem with one input, as reported on stderr: "path: reason". */
export interface InputFailure {
  path: string;
  reason: string;
}

export function describeFailure(err: unknown, path: string): InputFailure {
  if (err instanceof InputError) return { path: err.path, reason: err.reason };
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    const known: Record<string, string> = {
      ENOENT: 'no such file or directory',
      EACCES: 'permission denied',
      EISDIR: 'is a directory',
      ENOTDIR: 'not a directory',
      EMFILE: 'too many open files',
      ELOOP: 'too many symbolic links',
    };
    return { path, reason: known[e.code] ?? `${e.code}: ${e.message}` };
  }
  return { path, reason: `internal error: ${(err as Error)?.message ?? String(err)}` };
}
