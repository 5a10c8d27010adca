import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: './data', dev: false, trustProxy: false, databaseUrl: undefined });
    expect(config.signInRateLimit).toEqual({ max: 5, windowSeconds: 60 });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'development',
      PORT: '8080',
      PUBLIC_URL: 'https://plenary.example.org/',
      TRUSTED_ORIGINS: 'http://192.168.1.5:3000, https://other.example',
      DATABASE_URL: 'postgres://u:p@localhost:5432/plenary',
      TRUST_PROXY: 'yes',
      AUTH_SECRET: 'x'.repeat(32),
    });
    expect(config).toMatchObject({
      dev: true,
      port: 8080,
      publicUrl: 'https://plenary.example.org',
      trustedOrigins: ['http://192.168.1.5:3000', 'https://other.example'],
      databaseUrl: 'postgres://u:p@localhost:5432/plenary',
      trustProxy: true,
    });
  });

  it('takes a separate owner connection for migrations, only beside DATABASE_URL', () => {
    const owner = 'postgres://owner:p@localhost:5432/plenary';
    expect(loadConfig({ DATABASE_URL: 'postgres://app:p@localhost:5432/plenary', DATABASE_MIGRATION_URL: owner })).toMatchObject({
      databaseMigrationUrl: owner,
    });
    expect(() => loadConfig({ DATABASE_MIGRATION_URL: owner })).toThrow(/DATABASE_MIGRATION_URL: needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: owner, DATABASE_MIGRATION_URL: 'mysql://x' })).toThrow(/DATABASE_MIGRATION_URL/);
  });

  it('turns on several nodes with REDIS_URL only beside DATABASE_URL, and reads the operations settings', () => {
    const pg = 'postgres://app:p@localhost:5432/plenary';
    const secret = 'a shared secret of at least thirty-two characters';
    expect(loadConfig({ DATABASE_URL: pg, AUTH_SECRET: secret, REDIS_URL: 'redis://127.0.0.1:6379', NODE_NAME: 'node-a', LOG_LEVEL: 'warn', SHUTDOWN_DRAIN_SECONDS: '2' })).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379',
      nodeName: 'node-a',
      logLevel: 'warn',
      shutdownDrainMs: 2000,
    });
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/REDIS_URL: several nodes need a shared PostgreSQL database; set DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: pg, AUTH_SECRET: secret, REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ DATABASE_URL: pg, REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/AUTH_SECRET: several nodes \(REDIS_URL\) must share one AUTH_SECRET/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(loadConfig({})).toMatchObject({ redisUrl: undefined, logLevel: 'info', shutdownDrainMs: 0 });
  });

  it('refuses a database login role that owns the tables only with an explicit NODE_ENV=production, unless allowed', () => {
    expect(loadConfig({}).allowOwnerDatabaseRole).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).allowOwnerDatabaseRole).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).allowOwnerDatabaseRole).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_OWNER_DATABASE_ROLE: 'true' }).allowOwnerDatabaseRole).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_OWNER_DATABASE_ROLE: 'no' }).allowOwnerDatabaseRole).toBe(false);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', SMTP_URL: ' ' })).toMatchObject({ databaseUrl: undefined, smtpUrl: undefined });
  });

  it('names every bad variable in one clear error', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://nope', AUTH_SECRET: 'short', PUBLIC_URL: 'ftp://x' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'AUTH_SECRET', 'PUBLIC_URL']) expect(message).toContain(name);
    }
  });

  it('turns the demo on unless NODE_ENV is explicitly production, or it is asked for', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEMO: 'on' }).demo).toBe(true);
    expect(loadConfig({ DEMO: 'off' }).demo).toBe(false);
  });

  it('reads an optional METRICS_TOKEN and refuses one too short to guess hard', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: ' scrape-token-0123456789 ' }).metricsToken).toBe('scrape-token-0123456789');
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
