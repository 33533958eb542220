/**
 * Application identity and display names: entities/app-identity.ts; the platform dictionary is a
 * data file (entities/data/platforms.json).
 */
import { knownPlatforms } from '../entities/platforms';

export { appKey, cleanAppName } from '../entities/app-identity';

/** Platforms recognised even when not quoted (from entities/data/platforms.json). */
export const KNOWN_PLATFORMS: readonly string[] = knownPlatforms();
