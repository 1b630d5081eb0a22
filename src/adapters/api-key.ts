import { ConfigError } from '../core/errors.js';

/**
 * The key held by the environment variable `apiKeyName` names (undefined without a name). The key
 * goes nowhere but an upstream `Authorization` header; errors name the variable, never a value.
 * `withoutKey` completes the fix text: what to do instead of setting the variable.
 */
export function readApiKey(apiKeyName: string | undefined, env: NodeJS.ProcessEnv, withoutKey: string): string | undefined {
  if (apiKeyName === undefined) return undefined;
  const key = env[apiKeyName];
  if (!key) {
    throw new ConfigError(
      'target.api_endpoint.api_key_name',
      `environment variable ${apiKeyName} is not set or empty`,
      `export ${apiKeyName}=<your key> before running, or ${withoutKey}`,
    );
  }
  return key;
}
