import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ListenConfig } from '../../config/types.js';
import { accepts, checkGetAccept, checkHost, checkOrigin, checkPostAccept, hostName, isJsonContentType } from './guard.js';

const req = (headers: Record<string, string | string[]>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;
const listen = (over: Partial<ListenConfig> = {}): ListenConfig => ({ host: '127.0.0.1', port: 0, allowedOrigins: ['http://localhost:3000'], allowedHosts: [], ...over });

describe('checkOrigin', () => {
  it('allows requests without Origin and with a listed Origin (case and trailing slash insensitive)', () => {
    expect(checkOrigin(req({}), listen())).toBeUndefined();
    expect(checkOrigin(req({ origin: 'HTTP://LOCALHOST:3000/' }), listen())).toBeUndefined();
  });
  it('rejects other origins with 403, including "null" and any origin when the list is empty', () => {
    expect(checkOrigin(req({ origin: 'http://evil.example' }), listen())?.status).toBe(403);
    expect(checkOrigin(req({ origin: 'null' }), listen())?.status).toBe(403);
    expect(checkOrigin(req({ origin: 'http://localhost:3000' }), listen({ allowedOrigins: [] }))?.status).toBe(403);
  });
});

describe('checkHost', () => {
  it('allows any host when the list is empty', () => {
    expect(checkHost(req({ host: 'whatever' }), listen())).toBeUndefined();
  });
  it('matches full host or host name, rejects others and a missing Host', () => {
    const l = listen({ allowedHosts: ['localhost', '127.0.0.1:8080', '[::1]'] });
    expect(checkHost(req({ host: 'localhost:9999' }), l)).toBeUndefined();
    expect(checkHost(req({ host: '127.0.0.1:8080' }), l)).toBeUndefined();
    expect(checkHost(req({ host: '[::1]:8080' }), l)).toBeUndefined();
    expect(checkHost(req({ host: '127.0.0.1:9090' }), l)?.status).toBe(403);
    expect(checkHost(req({ host: 'localhost.evil.example' }), l)?.status).toBe(403);
    expect(checkHost(req({}), l)?.status).toBe(403);
  });
  it('hostName strips the port and keeps IPv6 brackets', () => {
    expect(hostName('a:1')).toBe('a');
    expect(hostName('[::1]:80')).toBe('[::1]');
    expect(hostName('a')).toBe('a');
  });
});

describe('content negotiation', () => {
  it('recognises application/json with parameters only', () => {
    expect(isJsonContentType(req({ 'content-type': 'application/json; charset=utf-8' }))).toBe(true);
    expect(isJsonContentType(req({ 'content-type': 'Application/JSON' }))).toBe(true);
    expect(isJsonContentType(req({ 'content-type': 'application/jsonx' }))).toBe(false);
    expect(isJsonContentType(req({}))).toBe(false);
  });
  it('honours wildcards and q=0', () => {
    expect(accepts(req({}), 'text/event-stream')).toBe(true);
    expect(accepts(req({ accept: '*/*' }), 'text/event-stream')).toBe(true);
    expect(accepts(req({ accept: 'text/*' }), 'text/event-stream')).toBe(true);
    expect(accepts(req({ accept: 'text/event-stream;q=0, */*' }), 'application/json')).toBe(true);
    expect(accepts(req({ accept: 'application/json, text/event-stream;q=0' }), 'text/event-stream')).toBe(false);
  });
  it('POST needs both types, GET needs SSE', () => {
    expect(checkPostAccept(req({ accept: 'application/json, text/event-stream' }))).toBeUndefined();
    expect(checkPostAccept(req({ accept: 'application/json' }))?.status).toBe(406);
    expect(checkGetAccept(req({ accept: 'text/event-stream' }))).toBeUndefined();
    expect(checkGetAccept(req({ accept: 'application/json' }))?.status).toBe(406);
  });
});
