// Intervals API error codes and the HTTP status each one travels with (API errors page).

export const API_ERRORS: Readonly<Record<number, { status: number; message: string }>> = {
  1: { status: 500, message: 'General error' },
  2: { status: 401, message: 'Customer account not found' },
  3: { status: 401, message: 'Customer account inactive' },
  4: { status: 503, message: 'Customer account suspended' },
  5: { status: 418, message: 'Customer account banned' },
  6: { status: 402, message: 'Paid account inactive due to non-payment' },
  7: { status: 401, message: 'User not found' },
  8: { status: 401, message: 'User not active' },
  9: { status: 401, message: 'Invalid authentication' },
  10: { status: 403, message: 'Permissions error' },
  11: { status: 400, message: 'Maximum number of daily API requests exceeded' },
  12: { status: 400, message: 'Requests too fast' },
  13: { status: 400, message: 'Resource type does not exist' },
  14: { status: 404, message: 'Resource requested does not exist' },
  15: { status: 400, message: 'Action not available for resource' },
  16: { status: 400, message: 'HTTP method not available' },
  17: { status: 400, message: 'Parameter not recognized' },
  18: { status: 400, message: 'Validation error' },
  19: { status: 500, message: 'Database error' },
  20: { status: 502, message: 'Service offline' },
};

export function apiErrorMessage(code: number): string {
  return API_ERRORS[code]?.message ?? 'Error';
}

/** Thrown by request handling; the server turns it into an error envelope. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: number;
  readonly verbose: string[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: number, verbose: string[] = [], options: { status?: number; message?: string; headers?: Record<string, string> } = {}) {
    super(options.message ?? apiErrorMessage(code));
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status ?? API_ERRORS[code]?.status ?? 500;
    this.verbose = verbose;
    this.headers = options.headers ?? {};
  }
}

export const notFound = (resource: string, id: number | string): ApiError =>
  new ApiError(14, [`${resource} ${id} does not exist`]);

export const forbidden = (why: string): ApiError => new ApiError(10, [why]);

export const validation = (verbose: string[]): ApiError => new ApiError(18, verbose);
