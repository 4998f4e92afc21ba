export * from './cer';
export * from './cer-result';
export * from './parse';
export * from './path';
