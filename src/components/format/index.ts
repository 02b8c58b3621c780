// How the app prints numbers, sizes and times (format.ts); imported as
// components/format.
export * from './format';
