// Calls to the JSON API. Errors carry the server's {"error": message} so the page can show it.

class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** GET api/<path>?<params> as JSON; throws ApiError with a message fit to show a user. */
export async function getJson(path, params) {
  const query = params && params.toString();
  const url = 'api/' + path + (query ? '?' + query : '');
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError('The search server could not be reached. Check that it is running, then try again.', 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error : `The server answered with status ${response.status}.`;
    throw new ApiError(message, response.status);
  }
  if (body === null) throw new ApiError('The server sent an answer the page cannot read.', response.status);
  return body;
}

export function apiUrl(path, params) {
  const query = params && params.toString();
  return 'api/' + path + (query ? '?' + query : '');
}
