/** What a page needs from the tab around it: links, moving between pages, and telling screen readers. */
import type { Route } from '../route';

export interface Navigator {
  /** The href of a route, for real links that also open in a new window. */
  href(route: Route): string;
  /** Shows another page, as a new history entry. */
  go(route: Route): void;
  /** Records a change of the current page (its filters) without a new history entry. */
  replace(route: Route): void;
  /** Says something to screen readers through the polite live region. */
  announce(text: string): void;
}
