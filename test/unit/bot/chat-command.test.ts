import { parseChatCommand } from '../../../src/bot/chat-command';

describe('what a person types to the bot', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['  Help. ', { kind: 'help' }],
    ['My Indicators', { kind: 'myIndicators' }],
    ['<at>Performance</at> submit', { kind: 'submit' }],
    ['status', { kind: 'status' }],
    ['open 2026-10', { kind: 'cycle', step: 'open', period: '2026-10' }],
    ['Remind 2026-10', { kind: 'cycle', step: 'remind', period: '2026-10' }],
    ['escalate  2026-10', { kind: 'cycle', step: 'escalate', period: '2026-10' }],
    ['close 2026-10', { kind: 'cycle', step: 'close', period: '2026-10' }],
    ['cycle status 2026-10', { kind: 'cycle', step: 'status', period: '2026-10' }],
    ['open october', { kind: 'cycle', step: 'open', period: 'october' }],
    ['<at>Performance</at> Set Board Channel', { kind: 'setBoardChannel' }],
    ['digest 2026-10', { kind: 'digest', period: '2026-10' }],
    ['plan srv01', { kind: 'plan', code: 'SRV01', period: null }],
    ['action plan SRV01 2026-10', { kind: 'plan', code: 'SRV01', period: '2026-10' }],
    ['correct srv01 2026-09', { kind: 'correct', code: 'SRV01', period: '2026-09' }],
    ['verify', { kind: 'verify', period: null }],
    ['data quality 2026-07', { kind: 'dataQuality', period: '2026-07' }],
    ['Data quality 2026/27 Q2.', { kind: 'dataQuality', period: '2026/27 q2' }],
    ['Verify 2026-10.', { kind: 'verify', period: '2026-10' }],
    ['verify 2026/27 Q2', { kind: 'verify', period: '2026/27 q2' }],
    ['verify these figures please', { kind: 'unknown', text: 'verify these figures please' }],
    ['Correct FIN03 2026/27 Q2', { kind: 'correct', code: 'FIN03', period: '2026/27 q2' }],
    ['correct SRV01', { kind: 'unknown', text: 'correct srv01' }],
    ['report 2026/27 Q2', { kind: 'report', period: '2026/27 q2', edition: 'committee' }],
    ['<at>Performance</at> Report Q2 2026/27 public.', { kind: 'report', period: 'q2 2026/27', edition: 'public' }],
    ['report 2026/27 Q2 committee', { kind: 'report', period: '2026/27 q2', edition: 'committee' }],
    ['report 2026-09', { kind: 'report', period: '2026-09', edition: 'committee' }],
    ['what is the weather', { kind: 'unknown', text: 'what is the weather' }],
    ['', { kind: 'unknown', text: '' }],
  ])('reads %j', (text, command) => {
    expect(parseChatCommand(text)).toEqual(command);
  });
});
