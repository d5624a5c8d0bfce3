import { loadConfig, ConfigError } from '../../src/config/config';

/** The whole message a bad configuration stops the process with; fails the test if it is accepted. */
export function configRefusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}
