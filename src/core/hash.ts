// Content ids: the same input bytes always give the same id.
import { createHash } from 'node:crypto';

export function contentId(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}
