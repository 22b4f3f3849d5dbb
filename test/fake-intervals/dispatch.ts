// Routes an authenticated API request to its resource: members, collections (filters, sorting,
// paging), writes and deletes, with the documented error codes.
import type * as http from 'node:http';
import { ApiError } from './apiErrors';
import { bodyId } from './resources/fields';
import { parseCollectionQuery } from './resources/filters';
import { RESOURCES, RESOURCE_NAMES } from './resources/registry';
import type { RequestContext, ResourceHandler } from './resources/resource';
import type { RecordedRequest } from './server';
import type { OutObject } from './xml';
import { parseRequestBody, statusText, type Outcome } from './wire';

export function dispatch(
  ctx: RequestContext,
  req: http.IncomingMessage,
  method: string,
  route: { resource?: string; id?: string; extra: boolean },
  record: RecordedRequest,
  bytes: Buffer,
): Outcome {
  const handler = route.resource === undefined ? undefined : RESOURCES.get(route.resource);
  if (!handler) {
    throw new ApiError(13, [`'${route.resource ?? ''}' is not a resource (known: ${RESOURCE_NAMES.join(', ')})`]);
  }
  if (route.extra) {
    throw new ApiError(15, [`/${handler.name}/ has no sub-resources or actions; address /${handler.name}/{id}/`]);
  }
  const query = record.query;
  if (handler.shape !== 'table') {
    if (route.id !== undefined) {
      throw new ApiError(15, [`/${handler.name}/ is a collection only; it has no members`]);
    }
    if (method !== 'GET') {
      throw new ApiError(16, [`${method} is not available on /${handler.name}/; only GET is`]);
    }
    handler.authorize(ctx, 'read');
    if (handler.shape === 'object' && handler.presentObject) {
      rejectQuery(query);
      return success(ctx, 200, { [handler.name]: handler.presentObject(ctx) });
    }
    return list(ctx, handler, query);
  }

  let memberId: number | undefined;
  if (route.id !== undefined) {
    memberId = /^\d+$/.test(route.id) && Number(route.id) > 0 ? Number(route.id) : undefined;
    if (memberId === undefined) {
      throw new ApiError(14, [`'${route.id}' is not a ${handler.name} id`]);
    }
  }

  switch (method) {
    case 'GET': {
      if (memberId === undefined) {
        return list(ctx, handler, query);
      }
      handler.authorize(ctx, 'read');
      rejectQuery(query);
      const row = member(ctx, handler, memberId);
      return success(ctx, 200, { [handler.name]: handler.present(ctx, row) });
    }
    case 'PUT':
    case 'POST': {
      const { body, format } = parseRequestBody(bytes, req.headers['content-type'], handler.name);
      record.body = body;
      if (format) {
        record.bodyFormat = format;
      }
      const fromBody = bodyId(body);
      if (fromBody === 'invalid') {
        throw new ApiError(18, ['id: must be a positive integer id']);
      }
      if (memberId !== undefined && fromBody !== undefined && fromBody !== memberId) {
        throw new ApiError(18, [`id: the body says ${fromBody} but the address says ${memberId}`]);
      }
      const targetId = memberId ?? fromBody;
      if (targetId === undefined && method === 'PUT') {
        throw new ApiError(16, [`PUT on the /${handler.name}/ collection needs an id; POST creates`]);
      }
      handler.authorize(ctx, targetId === undefined ? 'create' : 'update');
      rejectQuery(query);
      if (targetId === undefined) {
        if (!handler.create) {
          throw new ApiError(16, [`${handler.name} cannot be created`]);
        }
        const created = handler.create(ctx, body);
        ctx.invalidate();
        return success(ctx, 201, { [handler.name]: handler.present(ctx, created) });
      }
      const row = member(ctx, handler, targetId);
      if (!handler.update) {
        throw new ApiError(16, [`${handler.name} cannot be updated`]);
      }
      const updated = handler.update(ctx, row, body);
      ctx.invalidate();
      return success(ctx, 202, { [handler.name]: handler.present(ctx, updated) });
    }
    case 'DELETE': {
      if (memberId === undefined) {
        throw new ApiError(16, [`DELETE needs a member address: /${handler.name}/{id}/`]);
      }
      handler.authorize(ctx, 'delete');
      rejectQuery(query);
      const row = member(ctx, handler, memberId);
      if (!handler.remove) {
        throw new ApiError(16, [`${handler.name} cannot be deleted`]);
      }
      handler.remove(ctx, row);
      return success(ctx, 200, {});
    }
    default:
      throw new ApiError(16, [`${method} is not available; use GET, POST, PUT or DELETE`]);
  }
}

function member(ctx: RequestContext, handler: ResourceHandler, id: number): { id: number } {
  const row = handler.get(ctx, id);
  if (!row) {
    throw new ApiError(14, [`${handler.name} ${id} does not exist`]);
  }
  return row;
}

function list(ctx: RequestContext, handler: ResourceHandler, query: Record<string, string>): Outcome {
  handler.authorize(ctx, 'read');
  const { filters, page } = parseCollectionQuery(query, handler.filters, handler.sortFieldNames);
  const rows = handler.list(ctx, filters);
  if (page.sortfield !== undefined) {
    const field = page.sortfield;
    const direction = page.sortdir === 'DESC' ? -1 : 1;
    rows.sort((a, b) => {
      const left = handler.sortValue(field, a, ctx);
      const right = handler.sortValue(field, b, ctx);
      // Nulls sort first ascending, like MySQL; ties keep id order.
      const order = left === right ? 0 : left === null ? -1 : right === null ? 1 : left < right ? -1 : 1;
      return order * direction || a.id - b.id;
    });
  } else if (page.sortdir === 'DESC') {
    rows.reverse();
  }
  const slice = rows.slice(page.offset, page.offset + page.limit);
  return success(ctx, 200, {
    listcount: String(rows.length),
    [handler.name]: slice.map((row) => handler.present(ctx, row, filters)),
  });
}

function success(ctx: RequestContext, status: number, content: OutObject): Outcome {
  return {
    status,
    envelope: { personid: String(ctx.caller.id), status: statusText(status), code: status, ...content },
  };
}

function rejectQuery(query: Record<string, string>): void {
  const names = Object.keys(query);
  if (names.length > 0) {
    throw new ApiError(17, names.map((name) => `${name}: parameter not recognized on this request`));
  }
}
