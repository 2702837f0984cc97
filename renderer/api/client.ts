import type { MethodInput, MethodName, MethodResult } from '../../electron/contract';
import type { Transport } from './transport';

/** The typed API as the renderer sees it: every method of the contract, one call shape. */
export interface ApiClient {
  readonly transport: Transport;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
}

/** Builds the typed client over whichever transport this window uses. */
export function createApiClient(transport: Transport): ApiClient {
  return {
    transport,
    call: (method, input) => transport.call(method, input) as Promise<MethodResult<typeof method>>,
  } as ApiClient;
}
