import type { AppDeps } from '../../deps.js';
import type { Router } from '../../lib/http/route.js';
import { pageQuery, pageSchema } from '../../lib/pagination.js';
import { idParams } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { productCreate, productListQuery, productOut, productPatch } from './products.schema.js';
import * as service from './products.service.js';

export function registerProductRoutes(router: Router<Principal>, { database }: AppDeps): void {
  const { db } = database;
  const tags = ['products'];
  router.route({
    method: 'GET',
    url: '/api/v1/products',
    summary: 'List the product catalogue',
    tags,
    query: pageQuery.extend(productListQuery.shape),
    response: pageSchema(productOut),
    handler: ({ auth, query }) => service.listProducts(db, auth, query),
  });
  router.route({
    method: 'POST',
    url: '/api/v1/products',
    summary: 'Add a product (owner, admin)',
    tags,
    status: 201,
    body: productCreate,
    response: productOut,
    handler: ({ auth, body }) => service.createProduct(db, auth, body),
  });
  router.route({
    method: 'GET',
    url: '/api/v1/products/:id',
    summary: 'Get a product',
    tags,
    params: idParams,
    response: productOut,
    handler: ({ auth, params }) => service.getProductOrThrow(db, auth, params.id),
  });
  router.route({
    method: 'PATCH',
    url: '/api/v1/products/:id',
    summary: 'Change a product (owner, admin)',
    tags,
    params: idParams,
    body: productPatch,
    response: productOut,
    handler: ({ auth, params, body }) => service.patchProduct(db, auth, params.id, body),
  });
}
