// Every variant id of the contract (../shared/spec/engine-contract.md), in the
// order menus list them. A leaf module: types.ts derives VariantId from it and
// each definition's id is checked against it.
export const VARIANT_IDS = [
  'softmax',
  'swa',
  'linear',
  'performer',
  'cosformer',
  'based',
  'hedgehog',
  'focused',
  'inline',
  'rala',
  'retnet',
  'mamba2',
  'gla',
  'rwkv6',
  'deltanet',
  'gated-deltanet',
  'hla2',
  'infini',
  'linformer',
  'nystrom',
] as const;
