import { describe, expect, it } from 'vitest';
import { AppError, toAckError, toCloseCode, toErrorResponse } from '../../core/errors';

describe('error presentation', () => {
  it('maps one error to the same code on every channel', () => {
    const error = new AppError('FORBIDDEN', 'Observers cannot invite.');
    expect(toErrorResponse(error)).toEqual({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'Observers cannot invite.' } } });
    expect(toAckError(error)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Observers cannot invite.' } });
    expect(toCloseCode(error)).toEqual({ code: 4403, reason: 'Observers cannot invite.' });
  });

  it('hides the details of unexpected errors', () => {
    const response = toErrorResponse(new Error('password=hunter2 in SQL'));
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
    expect(toCloseCode(new Error('x')).code).toBe(4503);
  });

  it('recognises an AppError from another bundle by its shape', () => {
    const foreign = Object.assign(new Error('gone'), { name: 'AppError', code: 'GONE' });
    expect(toErrorResponse(foreign).status).toBe(410);
  });
});
