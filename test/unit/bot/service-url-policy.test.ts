import { ServiceUrlPolicy } from '../../../src/bot/service-url-policy';

describe('where the bot may send', () => {
  const microsoft = new ServiceUrlPolicy(['smba.trafficmanager.net', '*.botframework.com']);
  const standIn = new ServiceUrlPolicy(['http://127.0.0.1']);

  it.each([
    ['https://smba.trafficmanager.net/uk/', true],
    ['https://smba.trafficmanager.net/amer/tenant/', true],
    ['https://europe.webchat.botframework.com/', true],
    ['https://botframework.com/', false], // the wildcard is for sub-domains only
    ['http://smba.trafficmanager.net/uk/', false], // https only unless the pattern says otherwise
    ['https://smba.trafficmanager.net.evil.example/', false],
    ['https://evil.example/smba.trafficmanager.net/', false],
    ['https://user:pass@smba.trafficmanager.net/', false],
    ['not a url', false],
    ['', false],
  ])('Microsoft\'s hosts: %s -> %s', (url, allowed) => {
    expect(microsoft.allows(url)).toBe(allowed);
  });

  it('takes anything that is not a string as not allowed', () => {
    expect([microsoft.allows(undefined), microsoft.allows(null), microsoft.allows({ href: 'https://smba.trafficmanager.net/' }), microsoft.allows(['https://smba.trafficmanager.net/'])]).toEqual([false, false, false, false]);
  });

  it('allows a local stand-in only by scheme and host as configured, any port', () => {
    expect(standIn.allows('http://127.0.0.1:41234/')).toBe(true);
    expect(standIn.allows('https://127.0.0.1:41234/')).toBe(false);
    expect(standIn.allows('http://127.0.0.2:41234/')).toBe(false);
  });
});
