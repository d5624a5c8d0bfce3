/** Pages that say something instead of showing data: outside Teams, refused, failed. */
import { h } from '../dom';

export function outsideTeamsPage(): HTMLElement[] {
  return [
    h('h1', { tabindex: -1 }, 'Open the Scorecard in Microsoft Teams'),
    h('p', { class: 'lede' }, 'This page is the Scorecard tab of the Council performance app. It works inside Microsoft Teams, which tells it who you are; on its own in a browser it cannot show anything.'),
    h('h2', {}, 'To open it'),
    h(
      'ol',
      { class: 'steps' },
      h('li', {}, 'Open Microsoft Teams, in the desktop app or at teams.microsoft.com.'),
      h('li', {}, 'Select Apps, find "Performance" and open it. The Scorecard is a tab of the app, beside the chat with the bot.'),
      h('li', {}, 'Or, in a team channel, select "+" (Add a tab) and choose Performance to add the Scorecard for everyone in the channel.'),
    ),
    h('p', {}, 'If the app is not there, ask the performance team to make it available to you.'),
  ];
}

export function errorPage(title: string, message: string): HTMLElement[] {
  return [h('h1', { tabindex: -1 }, title), h('p', { role: 'alert', class: 'error' }, message)];
}
