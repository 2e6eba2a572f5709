import { describe, expect, it } from 'vitest';
import { REDACTED, isSensitiveName, redactArgs, redactText, redactUrl, secretsIn } from './redact.js';

describe('redaction', () => {
  it('knows sensitive names', () => {
    for (const n of ['Authorization', 'X-API-Key', 'GITHUB_TOKEN', 'client_secret', 'password', 'apiKey', 'access-token']) expect(isSensitiveName(n)).toBe(true);
    for (const n of ['port', 'verbose', 'X-Team', 'db-path']) expect(isSensitiveName(n)).toBe(false);
  });

  it('redacts secret flags, NAME=value pairs, opaque and token-shaped arguments', () => {
    expect(redactArgs(['--api-key', 'abc123', '--port', '8080'])).toEqual(['--api-key', REDACTED, '--port', '8080']);
    expect(redactArgs(['--token=abc', 'GITHUB_TOKEN=ghx', 'MODE=dev'])).toEqual([`--token=${REDACTED}`, `GITHUB_TOKEN=${REDACTED}`, 'MODE=dev']);
    expect(redactArgs(['ghp_0123456789abcdefghijABCDEFGHIJ', 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7'])).toEqual([REDACTED, REDACTED]);
    expect(redactArgs(['-y', '@modelcontextprotocol/server-filesystem', '/Users/me/Documents'])).toEqual(['-y', '@modelcontextprotocol/server-filesystem', '/Users/me/Documents']);
    expect(redactArgs(['--db', 'postgres://u:SECRET@h/db'])).toEqual(['--db', 'postgres://redacted:redacted@h/db']);
  });

  it('redacts URL credentials, sensitive query values and keys embedded in the path', () => {
    expect(redactUrl('https://u:pw@h.example/mcp?api_key=k&team=core')).toBe(`https://redacted:redacted@h.example/mcp?api_key=${REDACTED}&team=core`);
    expect(redactUrl('https://actions.zapier.com/mcp/sk-ak-0123456789abcdefghijklmnopqrstuv/sse')).toBe('https://actions.zapier.com/mcp/redacted/sse');
    expect(redactUrl('https://api.githubcopilot.com/mcp/')).toBe('https://api.githubcopilot.com/mcp/');
  });

  it('collects the secret parts of arguments and URLs, to blank them in error messages', () => {
    expect(secretsIn(['--api-key', 'k-12345', '--token=t-67890', '--port', '80'], 'https://u:pw-secret@h/mcp?key=q-abcdef&team=core')).toEqual(['k-12345', 't-67890', 'pw-secret', 'q-abcdef']);
    expect(secretsIn(['-y', 'pkg'])).toEqual([]);
  });

  it('blanks known secret values and bearer tokens in free text', () => {
    expect(redactText('failed: token SECRET-abc rejected', ['SECRET-abc'])).toBe(`failed: token ${REDACTED} rejected`);
    expect(redactText('header Authorization: Bearer abcdefghijkl')).toBe(`header Authorization: Bearer ${REDACTED}`);
    expect(redactText('short ab', ['ab'])).toBe('short ab');
  });
});
