/** A small HTTP client for the simulation: it acts through the API exactly as people would. */
export class SimulationClient {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly password: string,
  ) {}

  async as(username: string): Promise<string> {
    const known = this.tokens.get(username);
    if (known) return known;
    const reply = await fetch(`${this.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: this.password }),
    });
    if (!reply.ok) throw new Error(`inloggning som ${username} misslyckades: ${reply.status}`);
    const { token } = (await reply.json()) as { token: string };
    this.tokens.set(username, token);
    return token;
  }

  async call<T = Record<string, any>>(username: string, method: string, path: string, body?: unknown): Promise<T> {
    const reply = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.as(username)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await reply.text();
    if (!reply.ok) throw new Error(`${method} ${path} som ${username}: ${reply.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  async download(username: string, path: string): Promise<Uint8Array> {
    const reply = await fetch(`${this.baseUrl}/api${path}`, {
      headers: { authorization: `Bearer ${await this.as(username)}` },
    });
    if (!reply.ok) throw new Error(`GET ${path}: ${reply.status}`);
    return new Uint8Array(await reply.arrayBuffer());
  }
}
