// Renders a view to HTML for the views' tests, the way src/app/shell tests do:
// on the server (no effects run), with the store's current state.
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useViewStore } from '../../state/store';
import { translate, type MessageKey, type MessageParams } from '../../i18n';

/** Server rendering reads a zustand store's initial state; the current state is copied into it first. */
export function renderView(element: ReactElement): string {
  Object.assign(useViewStore.getInitialState(), useViewStore.getState());
  return renderToStaticMarkup(element);
}

/** An English message as the HTML shows it (apostrophes and ampersands escaped as React escapes them). */
export function english(key: MessageKey, params?: MessageParams): string {
  return translate('en', key, params)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}
