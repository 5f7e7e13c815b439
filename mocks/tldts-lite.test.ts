// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { getDomain } from './tldts-lite';

describe('getDomain (the mock backend’s stand-in for tldts)', () => {
  it('gives the last two labels of a host name', () => {
    expect(getDomain('demo.akson.no')).toBe('akson.no');
    expect(getDomain('akson.no.')).toBe('akson.no');
  });
  it('gives nothing for a single label or an IP address', () => {
    expect(getDomain('localhost')).toBeNull();
    expect(getDomain('127.0.0.1')).toBeNull();
    expect(getDomain('::1')).toBeNull();
  });
});
