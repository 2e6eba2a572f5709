import { describe, expect, it } from 'vitest';
import { LOOPBACK_HOSTS, LOOPBACK_ORIGINS } from './normalise.js';
import { isHostAllowed, isOriginAllowed } from './origins.js';

describe('origin and host patterns', () => {
  it('the default origins allow local pages on any port, and nothing else', () => {
    for (const o of ['http://localhost', 'http://localhost:5173', 'https://127.0.0.1:8443', 'http://[::1]:3000', 'HTTP://LOCALHOST:1']) {
      expect(isOriginAllowed(o, LOOPBACK_ORIGINS)).toBe(true);
    }
    for (const o of ['http://evil.example', 'http://localhost.evil.example', 'http://127.0.0.1.nip.io', 'null', 'file://', 'ws://localhost:1']) {
      expect(isOriginAllowed(o, LOOPBACK_ORIGINS)).toBe(false);
    }
  });

  it('matches exact ports, no port, subdomain and * patterns', () => {
    expect(isOriginAllowed('https://app.example.com', ['https://app.example.com'])).toBe(true);
    expect(isOriginAllowed('https://app.example.com:444', ['https://app.example.com'])).toBe(false);
    expect(isOriginAllowed('https://app.example.com:444', ['https://app.example.com:444'])).toBe(true);
    expect(isOriginAllowed('https://a.example.com', ['https://*.example.com'])).toBe(true);
    expect(isOriginAllowed('https://example.com', ['https://*.example.com'])).toBe(false);
    expect(isOriginAllowed('https://anything', ['*'])).toBe(true);
    expect(isOriginAllowed('http://app.example.com', ['https://app.example.com'])).toBe(false);
  });

  it('the default hosts allow loopback names on any port; [] allows any host', () => {
    expect(isHostAllowed('localhost:8080', LOOPBACK_HOSTS)).toBe(true);
    expect(isHostAllowed('127.0.0.1', LOOPBACK_HOSTS)).toBe(true);
    expect(isHostAllowed('[::1]:8080', LOOPBACK_HOSTS)).toBe(true);
    expect(isHostAllowed('evil.example:8080', LOOPBACK_HOSTS)).toBe(false);
    expect(isHostAllowed('evil.example:8080', [])).toBe(true);
    expect(isHostAllowed('gw.internal:9000', ['gw.internal:*'])).toBe(true);
    expect(isHostAllowed('gw.internal:9000', ['gw.internal'])).toBe(true);
    expect(isHostAllowed('gw.internal:9000', ['gw.internal:8000'])).toBe(false);
    expect(isHostAllowed('localhost.evil.example', LOOPBACK_HOSTS)).toBe(false);
  });
});
