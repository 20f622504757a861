/**
 * The storage backend could not be reached or refused the request (bucket
 * down, wrong credentials). Nothing was stored; the caller should say so and
 * let the user try again. `cause` holds the backend's own error for the logs.
 */
export class StorageUnavailableError extends Error {
  constructor(operation: string, key: string, cause: unknown) {
    super(`Media storage failed to ${operation} ${key}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "StorageUnavailableError";
  }
}
