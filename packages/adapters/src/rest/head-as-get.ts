/**
 * Wraps a handler so that it answers HEAD as GET without the body (RFC 9110 §9.3.2): the same
 * status and headers. A handler that passes on a request (undefined) passes on its HEAD too.
 */
export function headAsGet<R extends Response | undefined>(handle: (request: Request) => Promise<R>): (request: Request) => Promise<R> {
  return async (request) => {
    if (request.method.toUpperCase() !== 'HEAD') return handle(request);
    const response = await handle(new Request(request, { method: 'GET' }));
    if (!response) return response;
    await response.body?.cancel();
    return new Response(null, { status: response.status, headers: response.headers }) as R;
  };
}
