export * from './cer';
export * from './cer-result';
export * from './parse';
export * from './path';
export * from './reserved-keys';
