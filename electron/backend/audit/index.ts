export * from './log';
export * from './catalogue';
export { canonicalJson } from './canonical';
export * from './query';
