import { checkInboundActivity } from '../../../src/bot/inbound-activity';
import { ServiceUrlPolicy } from '../../../src/bot/service-url-policy';

const policy = new ServiceUrlPolicy(['smba.trafficmanager.net']);
const good = {
  type: 'message', id: '1', serviceUrl: 'https://smba.trafficmanager.net/uk/', text: 'help',
  from: { id: '29:a', name: 'Gareth', aadObjectId: 'x' }, recipient: { id: '28:bot' },
  conversation: { id: 'a:1', conversationType: 'personal', tenantId: 't' }, channelData: { tenant: { id: 't' } },
};

describe('the activity\'s shape, checked before the bot runs', () => {
  it('accepts an activity as Teams sends it', () => {
    expect(checkInboundActivity(good, policy)).toEqual({ ok: true });
  });

  it.each([
    ['no serviceUrl', { ...good, serviceUrl: undefined }, /serviceUrl is missing/],
    ['a serviceUrl elsewhere', { ...good, serviceUrl: 'https://evil.example/' }, /serviceUrl is not a Bot Connector address/],
    ['no conversation', { ...good, conversation: undefined }, /conversation is missing/],
    ['no sender', { ...good, from: undefined }, /from is missing/],
    ['a sender without an id', { ...good, from: { name: 'x' } }, /from\.id is missing/],
    ['text as an object', { ...good, text: { a: 1 } }, /text must be string/],
    ['an absurd text', { ...good, text: 'x'.repeat(30_000) }, /text is too long/],
  ])('refuses %s, saying what is wrong', (_case, activity, problem) => {
    const checked = checkInboundActivity(activity, policy);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toMatch(problem);
  });
});
