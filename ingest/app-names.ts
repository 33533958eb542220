/**
 * Application identity and display names: entities/app-identity.ts; the platform dictionary is a
 * data file (entities/lexicon/platforms.json).
 */
import { knownPlatforms } from '../entities/platforms';

export { appKey, cleanAppName } from '../entities/app-identity';

/** Platforms recognised even when not quoted (from entities/lexicon/platforms.json). */
export const KNOWN_PLATFORMS: readonly string[] = knownPlatforms();
