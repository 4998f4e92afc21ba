export * from './names';
export * from './text';
export * from './people';
export * from './venue';
export * from './custody';
export * from './round';
export * from './election';
