export * from './courier';
export * from './invoice';
export * from './ports';
export * from './shipment-status';
export * from './tracking-event';
export * from './tracking-policy';
