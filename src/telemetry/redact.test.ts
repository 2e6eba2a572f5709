import { describe, expect, it } from 'vitest';
import { REDACTED, isSensitiveName, redactArgs, redactText, redactUrl, secretsIn } from './redact.js';

describe('isSensitiveName', () => {
  it('knows the names of credentials', () => {
    for (const n of ['Authorization', 'X-API-Key', 'GITHUB_TOKEN', 'client_secret', 'password', 'passwd', 'DB_PWD', 'apiKey', 'access-token', 'jwt', 'STRIPE_KEY', 'license.key', 'key', 'sig']) {
      expect(isSensitiveName(n), n).toBe(true);
    }
  });

  it('leaves ordinary names alone', () => {
    for (const n of ['port', 'verbose', 'X-Team', 'db-path', 'KEYBOARD', 'keys-dir', 'monkey']) expect(isSensitiveName(n), n).toBe(false);
  });
});

describe('redactArgs', () => {
  it('blanks the value after a secret flag, but not a following --flag', () => {
    expect(redactArgs(['--api-key', 'abc123', '--port', '8080'])).toEqual(['--api-key', REDACTED, '--port', '8080']);
    expect(redactArgs(['--key', 'k', '-p', 'hunter2x'])).toEqual(['--key', REDACTED, '-p', 'hunter2x']);
    expect(redactArgs(['--no-auth', '--port', '8080'])).toEqual(['--no-auth', '--port', '8080']);
    expect(redactArgs(['--db.password', 'hunter2'])).toEqual(['--db.password', REDACTED]);
    expect(redactArgs(['--token'])).toEqual(['--token']);
  });

  it('blanks --flag=value and NAME=value when the name is sensitive', () => {
    expect(redactArgs(['--token=abc', 'GITHUB_TOKEN=ghx', 'MODE=dev'])).toEqual([`--token=${REDACTED}`, `GITHUB_TOKEN=${REDACTED}`, 'MODE=dev']);
    expect(redactArgs(['run', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN=ghp_x', '-e', 'KEYBOARD=us', 'img'])).toEqual(['run', '-e', `GITHUB_PERSONAL_ACCESS_TOKEN=${REDACTED}`, '-e', 'KEYBOARD=us', 'img']);
  });

  it('blanks opaque and token-shaped arguments, and known secret values inside any argument', () => {
    expect(redactArgs(['ghp_0123456789abcdefghijABCDEFGHIJ', 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7'])).toEqual([REDACTED, REDACTED]);
    expect(redactArgs(['-H', 'Authorization: Bearer abcdefghijkl'])).toEqual(['-H', `Authorization: Bearer ${REDACTED}`]);
    expect(redactArgs(['--header', 'X-Team: core-SECRET-42'], ['SECRET-42'])).toEqual(['--header', `X-Team: core-${REDACTED}`]);
  });

  it('redacts credentials in URL arguments', () => {
    expect(redactArgs(['--db', 'postgres://u:SECRET@h/db'])).toEqual(['--db', 'postgres://redacted:redacted@h/db']);
    expect(redactArgs(['https://h.example/mcp?token=t0k&team=core'])).toEqual([`https://h.example/mcp?token=${REDACTED}&team=core`]);
  });

  it('leaves an ordinary command line as it is', () => {
    expect(redactArgs(['-y', '@modelcontextprotocol/server-filesystem', '/Users/me/Documents'])).toEqual(['-y', '@modelcontextprotocol/server-filesystem', '/Users/me/Documents']);
  });

  it('covers a mixed command line (flag, flag=value, env assignment, URL password, lookalike names)', () => {
    expect(
      redactArgs(['--token', 't0k', '--api-key=k3y', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN=ghp_x', 'postgres://u:pw@db:5432/app', '--port', '8080', 'KEYBOARD=us', '--key', 'k']),
    ).toEqual(['--token', REDACTED, `--api-key=${REDACTED}`, '-e', `GITHUB_PERSONAL_ACCESS_TOKEN=${REDACTED}`, 'postgres://redacted:redacted@db:5432/app', '--port', '8080', 'KEYBOARD=us', '--key', REDACTED]);
  });
});

describe('redactUrl', () => {
  it('redacts URL credentials, sensitive query values and keys embedded in the path', () => {
    expect(redactUrl('https://u:pw@h.example/mcp?api_key=k&team=core')).toBe(`https://redacted:redacted@h.example/mcp?api_key=${REDACTED}&team=core`);
    expect(redactUrl('https://actions.zapier.com/mcp/sk-ak-0123456789abcdefghijklmnopqrstuv/sse')).toBe('https://actions.zapier.com/mcp/redacted/sse');
    expect(redactUrl('https://api.githubcopilot.com/mcp/')).toBe('https://api.githubcopilot.com/mcp/');
  });

  it('keeps a user name without a password unless it looks like a token', () => {
    expect(redactUrl('ssh://git@h.example/repo')).toBe('ssh://git@h.example/repo');
    expect(redactUrl('https://0123456789abcdef0123456789abcdef01@h.example/')).toBe('https://redacted@h.example/');
  });
});

describe('secretsIn', () => {
  it('collects the secret parts of arguments and URLs, to blank them in error messages', () => {
    expect(secretsIn(['--api-key', 'k-12345', '--token=t-67890', '--port', '80'], 'https://u:pw-secret@h/mcp?key=q-abcdef&team=core')).toEqual(['k-12345', 't-67890', 'pw-secret', 'q-abcdef']);
    expect(secretsIn(['-y', 'pkg'])).toEqual([]);
  });
});

describe('redactText', () => {
  it('blanks known secret values and bearer tokens in free text', () => {
    expect(redactText('failed: token SECRET-abc rejected', ['SECRET-abc'])).toBe(`failed: token ${REDACTED} rejected`);
    expect(redactText('header Authorization: Bearer abcdefghijkl')).toBe(`header Authorization: Bearer ${REDACTED}`);
    expect(redactText('short ab', ['ab'])).toBe('short ab');
  });
});
