import type { EntitySchema } from 'typeorm';

/** Every entity schema the data source maps; contexts add theirs here. */
export const entities: EntitySchema[] = [];
