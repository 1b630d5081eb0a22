/** evalforge's version, recorded in results.yml. A test keeps it equal to package.json's. */
export const EVALFORGE_VERSION = '0.1.0';
