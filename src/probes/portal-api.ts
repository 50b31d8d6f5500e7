// The API path the token is tried on (Microsoft's own module lists SIEM agents there). Kept apart
// from the probe so that the token check can name it without loading TLS and HTTP at start-up.
export const TOKEN_PATH = '/api/v1/agents/siem/';
