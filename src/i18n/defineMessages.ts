// One object per language with the same keys, enforced by the type system:
// zh must list exactly the keys of en (a missing or extra key is a type error).
import type { Lang } from '../state/types';

export type MessageTable<K extends string> = { readonly [L in Lang]: Readonly<Record<K, string>> };

export function defineMessages<const K extends string>(table: {
  readonly en: Readonly<Record<K, string>>;
  readonly zh: Readonly<Record<NoInfer<K>, string>>;
}): MessageTable<K> {
  return table;
}
