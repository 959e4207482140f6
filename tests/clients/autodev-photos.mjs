// Calls our server through auto.dev's own SDK, whose constructor takes baseUrl.
// Env: BASE_URL, KEY, VIN. Prints {ok, data, requestId} or {ok: false, status, code, message, suggestion} as JSON.
import { AutoDev } from '@auto.dev/sdk';

const client = new AutoDev({ apiKey: process.env.KEY, baseUrl: process.env.BASE_URL });
try {
  const response = await client.photos(process.env.VIN);
  process.stdout.write(JSON.stringify({ ok: true, data: response.data, requestId: response.meta.requestId }));
} catch (error) {
  process.stdout.write(JSON.stringify({ ok: false, status: error.status, code: error.code, message: error.message, suggestion: error.suggestion }));
}
