import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, type InstallationStore, type webApi } from '@slack/bolt';
import { ConfigError } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import { boltLogger } from './bolt-logger.ts';
import type { HttpRoute } from '../../src/http/routes.ts';
import { BOT_SCOPES, EVENTS_PATH, HEALTH_PATH, INSTALL_PATH, REDIRECT_PATH } from './constants.ts';
import { installCallbacks, installPage } from './install-pages.ts';
import { slackErrorCode } from './files.ts';

/** A distributed app: Bolt's OAuth flow at /slack/install and /slack/oauth_redirect, one installation per workspace. */
export interface BoltOAuthOptions {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  installationStore: InstallationStore;
  /** The public redirect URL (PUBLIC_URL + /slack/oauth_redirect); Slack's app settings name it too. */
  redirectUri?: string | undefined;
}

export interface BoltAppOptions {
  /** One workspace; absent with `oauth`. */
  botToken?: string | undefined;
  oauth?: BoltOAuthOptions | undefined;
  /** Socket Mode when set (no public URL needed); otherwise the HTTP receiver. */
  appToken?: string | undefined;
  /** Required for the HTTP receiver: every request's signature is checked with it. */
  signingSecret?: string | undefined;
  /** HTTP receiver port; 0 picks a free one. */
  port: number;
  /** HTTP receiver interface; all interfaces when unset. */
  host?: string | undefined;
  /** Another Web API base URL (tests, proxies): Bolt's clientOptions.slackApiUrl. */
  apiUrl?: string | undefined;
  /** More routes for the HTTP receiver (e.g. the calendar feeds), served beside /slack/events. */
  routes?: readonly HttpRoute[] | undefined;
  /** Web API retries (Bolt's default retries for about 30 minutes). */
  retryConfig?: webApi.RetryOptions | undefined;
  logger: Logger;
}

export interface BoltApp {
  bolt: App;
  mode: 'socket' | 'http';
  /** Checks the token (auth.test), then listens or connects. Resolves the HTTP port, if any. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/** A few quick retries: a reminder or a command answer is better late than hours late. */
const DEFAULT_RETRIES: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 1_000, maxTimeout: 10_000 };

const TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/** Web API client options for SLACK_API_URL and the retries; a fresh object each time (each client mutates its own). */
export function webClientOptions(options: Pick<BoltAppOptions, 'apiUrl' | 'retryConfig'>): webApi.WebClientOptions {
  const apiUrl = options.apiUrl ? options.apiUrl.replace(/\/?$/, '/') : undefined;
  return { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), retryConfig: options.retryConfig ?? DEFAULT_RETRIES };
}

/**
 * The Bolt app with the receiver the configuration asks for. Everything after this (command,
 * buttons, App Home) is registered on `bolt` and is the same code path for both receivers.
 */
export function createBoltApp(options: BoltAppOptions): BoltApp {
  const logger = boltLogger(options.logger);
  const apiUrl = options.apiUrl ? options.apiUrl.replace(/\/?$/, '/') : undefined;
  const clientOptions = () => webClientOptions(options);
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (options.appToken) {
    // The socket client keeps its own long retry policy for apps.connections.open unless told
    // otherwise: a reconnect that gives up leaves the bot deaf (or, inside the library, throws).
    const socketClientOptions: webApi.WebClientOptions = {
      ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
      ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    };
    receiver = new SocketModeReceiver({ appToken: options.appToken, logger, installerOptions: { clientOptions: socketClientOptions } });
  } else {
    if (!options.signingSecret) throw new ConfigError('SLACK_SIGNING_SECRET is required when SLACK_APP_TOKEN is not set');
    const oauth = options.oauth;
    receiver = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: EVENTS_PATH,
      logger,
      ...(oauth
        ? {
            clientId: oauth.clientId,
            clientSecret: oauth.clientSecret,
            stateSecret: oauth.stateSecret,
            scopes: Object.keys(BOT_SCOPES),
            installationStore: oauth.installationStore,
            ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
            installerOptions: {
              installPath: INSTALL_PATH,
              redirectUriPath: REDIRECT_PATH,
              // oauth.v2.access and auth.test go where the other calls go (SLACK_API_URL, tests).
              clientOptions: clientOptions(),
              renderHtmlForInstallPath: installPage,
              callbackOptions: installCallbacks(INSTALL_PATH, options.logger),
            },
          }
        : {}),
      customRoutes: [
        {
          path: HEALTH_PATH,
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"ok":true}');
          },
        },
        // Bolt matches with path-to-regexp 8, whose wildcard must be named: a prefix route ('/calendar/') is '/calendar/*rest'.
        ...(options.routes ?? []).map((route) => ({ path: route.path.endsWith('/') ? `${route.path}*rest` : route.path, method: route.method, handler: route.handler })),
      ],
    });
  }
  // deferInitialization: auth.test runs in start(), where a failure is an error we can
  // report, instead of an unhandled rejection in the constructor.
  if (!options.botToken && !(options.oauth && receiver instanceof HTTPReceiver)) throw new ConfigError('SLACK_BOT_TOKEN is required for the Slack adapter (or SLACK_CLIENT_ID… in HTTP mode)');
  const bolt = new App({ ...(options.botToken ? { token: options.botToken } : {}), receiver, logger, clientOptions: clientOptions(), deferInitialization: true });
  let started = false;

  return {
    bolt,
    mode: receiver instanceof SocketModeReceiver ? 'socket' : 'http',
    async start() {
      try {
        await bolt.init();
      } catch (error) {
        const code = slackErrorCode(error);
        if (code && TOKEN_ERRORS.has(code)) throw new ConfigError(`SLACK_BOT_TOKEN: Slack refused the token (${code})`);
        throw error;
      }
      if (receiver instanceof SocketModeReceiver) {
        try {
          await receiver.start();
        } catch (error) {
          const code = slackErrorCode(error);
          if (code && TOKEN_ERRORS.has(code)) throw new ConfigError(`SLACK_APP_TOKEN: Slack refused the token (${code})`);
          throw error;
        }
        started = true;
        return {};
      }
      const server = await receiver.start({ port: options.port, ...(options.host ? { host: options.host } : {}) });
      started = true;
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      if (!started) return;
      started = false;
      await receiver.stop();
    },
  };
}
