// Generated from openapi/openapi.json by `npm run client:generate` (openapi-typescript); do not edit by hand.
/* eslint-disable */
export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Operational metrics in the Prometheus text format
         * @description For an auditor or administrator key (give the scraper an auditor client's key as a bearer token): request rate and latency per route and status, the database pool, event-loop delay, notices by platform and status, notices past their deadline, the change feed's backlog and lag, the hash bank's size and this process's index staleness.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The process is up
         * @description Needs no API key. Answers 200 `{ "status": "ok" }` whenever the process can answer, without touching the database: a liveness probe.
         */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The gateway can serve: its database answers
         * @description Needs no API key. Runs a trivial query against the database: 200 `{ "status": "ok", "details": ... }` when it answers, otherwise 503 with a problem document. Use it as the readiness probe (its checks have a rate limit of their own per address, RATE_LIMIT_READINESS_PER_MINUTE; liveness has none). `details` names the ffmpeg that decodes videos and how many media hashing places are taken.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API clients in creation order
         * @description For administrators. Revoked clients are listed too, with `revokedAt` set; a key is never shown again, only its `keyPrefix`. Pages of `limit` (default 50, at most 500) follow `cursor` and answer `{ data, nextCursor }`.
         */
        get: operations["listClients"];
        put?: never;
        /**
         * Create an API client; its key is returned once
         * @description For administrators. A liaison must be given the `platform` it acts for (a catalogued slug), and no other role may have one (422). Afterwards only `keyPrefix` is shown; a retry with the same Idempotency-Key within 24 hours replays this response, key included.
         */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One API client
         * @description For administrators. A revoked client is still found, with `revokedAt` set; its key is never shown again, only its `keyPrefix`.
         */
        get: operations["getClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a client's key (idempotent)
         * @description For administrators. Revoking a revoked client keeps its first `revokedAt`; the last active administrator cannot be revoked (409). From the answer on, the key is refused by this process, and by every other gateway process as soon as it hears of the revocation (a database notification, normally within milliseconds).
         */
        post: operations["revokeClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platforms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The platform catalogue
         * @description Any role may read it. The whole catalogue comes in one answer, ordered by slug (`nextCursor` is always null): each platform's addressee, recognised hosts and URL patterns, delivery channels, languages and deadlines.
         */
        get: operations["listPlatforms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platforms/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One platform
         * @description Any role may read it: the addressee, recognised hosts and URL patterns, delivery channels, languages and deadlines. `version` goes up with every edit.
         */
        get: operations["getPlatform"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a platform's entry (addressee, channels, languages, deadlines)
         * @description For administrators. Send only the fields to change: each replaces the stored value whole (`legalRepresentative: null` removes it) and `version` goes up by one. New notices use the edited entry within 5 seconds; notices already issued keep the addressee they were signed with.
         */
        patch: operations["updatePlatform"];
        trace?: never;
    };
    "/v1/legal-bases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The legal-basis catalogue
         * @description Any role may read it. The whole catalogue comes in one answer, ordered by id (`nextCursor` is always null); each provision has its citation, and its title and text in Kazakh, Russian and English.
         */
        get: operations["listLegalBases"];
        put?: never;
        /**
         * Add a provision to the catalogue
         * @description For administrators. The caller chooses the `id`, which cannot change later; an id already in the catalogue is 409. A retry with the same Idempotency-Key within 24 hours replays the first response.
         */
        post: operations["createLegalBasis"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/legal-bases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One legal basis
         * @description Any role may read it. The id is what a report names in `legalBasis`; `version` goes up with every edit.
         */
        get: operations["getLegalBasis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a provision (notices already issued keep the citation they were issued with)
         * @description For administrators. Send only the fields to change: `title` and `text` are replaced whole, in all three languages, and `version` goes up by one. New reports cite the new wording within 5 seconds.
         */
        patch: operations["updateLegalBasis"];
        trace?: never;
    };
    "/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List reports in submission order, by filters
         * @description Authorities and auditors see every report, whoever submitted it, filtered by `externalRef`, `category` and `createdSince`. Each report carries its item count and the notices issued from it, not the items. Pages of `limit` (default 50, at most 500) follow `cursor` and answer `{ data, nextCursor }`.
         */
        get: operations["listReports"];
        put?: never;
        /**
         * Submit a violation report (up to 1000 items)
         * @description Every item is recognised (platform, canonical URL, identifiers) before anything is stored; one bad item refuses the whole report with a 422 naming every offending item, and so does a URL that is the same material as an earlier item of the report. An item whose URL is already under an open notice is stored with `duplicateOf` naming that notice and issued to nobody again, also when reports of it arrive at the same time. An item may carry `hashes.vpdq`, a video's vPDQ hash; a re-upload of a removed video is then flagged and its notice made urgent, as for PDQ.
         */
        post: operations["submitReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One report with its items
         * @description Authorities and auditors may read any report. Items come in the order submitted, with what recognition found (platform, canonical URL, identifiers), re-upload matches, and `duplicateOf` when an open notice already covered the URL; `notices` lists the notices issued from it, at most one per platform. The answer carries an ETag; If-None-Match with it answers 304.
         */
        get: operations["getReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List notices in issue order (a liaison sees its own platform's only)
         * @description For keeping up with changes, poll the change feed (GET /v1/events): its sequence never skips a change. The list's cursor and updatedSince follow insertion and update times, which concurrent writers can commit out of order; a poller using updatedSince should overlap its windows by a few seconds. If-None-Match answers 304 without a query while nothing the list shows has changed: for a liaison, or a list filtered by `platform`, a change on another platform is not a change.
         */
        get: operations["listNotices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One notice (a liaison's first read of an issued notice delivers it)
         * @description Authorities, auditors and liaisons may read it; a liaison gets 404 for another platform's notice. The ETag is the notice's version in quotes: send it as If-Match to take a lifecycle action, or as If-None-Match for a 304 while the notice is unchanged. A HEAD answers the notice as it stands and delivers nothing (nor does it of a list, document or signature).
         */
        get: operations["getNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notices/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The notice as a document: the signed JSON, an e-mail text, an HTML page or an A4 PDF letter
         * @description Authorities, auditors and liaisons may read it; a liaison gets 404 for another platform's notice, and its first read of an issued notice, in any format, delivers it. `format=json` (the default) answers the signed document itself; text, html and pdf render it in `lang` (default: the notice's first language), print the signing key id and signature fingerprint, and come out as the same bytes every time: each is rendered once, the first time it is asked for, and kept. A PDF (or a text or HTML letter of more than 200 items) not rendered before waits for a rendering thread; when every place is taken the answer is 503 `rendering_busy` with Retry-After.
         */
        get: operations["getNoticeDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notices/{id}/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The notice's compact JWS, verifiable with the key of its kid in /.well-known/jwks.json
         * @description Authorities, auditors and liaisons may read it; a liaison gets 404 for another platform's notice, and its first read of an issued notice delivers it, as the JWS carries the notice. The JWS payload is the RFC 8785 canonical JSON of the document GET /v1/notices/{id}/document answers as JSON, signed with EdDSA (Ed25519); `fingerprint` is the one printed on the text, HTML and PDF renderings.
         */
        get: operations["getNoticeSignature"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notices/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a lifecycle action on a notice (requires If-Match)
         * @description Liaisons report what the platform did (acknowledge, remove, restrict, reject, cannot_comply); authorities clarify, escalate, withdraw and close. An action the current status does not allow is a 409 listing the allowed actions.
         */
        post: operations["transitionNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notices/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The notice's history: every transition with actor, time, reason and version
         * @description Authorities, auditors and liaisons may read it; a liaison gets 404 for another platform's notice. Oldest first, from the notice's creation (`notice.created`); `updatedSince` keeps the events at or after a time. The whole history comes in one answer, without pagination.
         */
        get: operations["listNoticeEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notices/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the notice and its later steps reached the platform: each delivery and its attempts
         * @description Authorities, auditors and that notice's liaison may read it (404 for another platform's notice); reading it does not deliver the notice. One delivery per event and channel target (the platform's notice address, or a subscribed webhook endpoint), oldest first, each with every attempt: when, the outcome, the HTTP status or SMTP reply code, the error, and at most 1 KB of the answer.
         */
        get: operations["listNoticeDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again, at once
         * @description For authorities: the delivery goes back in the queue, due now, whatever its state (failed, cancelled or delivered); its attempts go on counting. A webhook carries the same webhook-id, so a receiver that had it may drop the repeat.
         */
        post: operations["redeliverNoticeDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notices/{id}/response-link/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke the links to the notice's response page
         * @description For authorities: every link the notice's e-mails carried answers 410 from now on (a link forwarded to the wrong people, a liaison who left). The notice's next e-mail, or a redelivery of one (POST /v1/deliveries/{id}/redeliver), carries a new link. Recorded in the audit trail.
         */
        post: operations["revokeNoticeResponseLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's webhook endpoints, in the order they were registered
         * @description Authorities and liaisons manage their own endpoints; another client's is not found (404). Pages of `limit` (default 50, at most 500) follow `cursor`; secrets are never shown.
         */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Register a webhook endpoint; its signing secret is returned once
         * @description Authorities and liaisons manage their own endpoints; another client's is not found (404). A retry with the same Idempotency-Key within 24 hours replays this answer, secret included. A liaison's endpoint hears its own platform's events only; an authority's every platform's, or those it names in `platforms`. Deliveries follow Standard Webhooks 1.0 (webhook-id, webhook-timestamp, webhook-signature `v1,` HMAC-SHA256 with the secret) and are described in the gateway's docs/delivery.md.
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of the caller's webhook endpoints
         * @description Authorities and liaisons manage their own endpoints; another client's is not found (404). `disabledReason` says why the gateway disabled it (410 Gone, or failing for 5 days).
         */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /**
         * Delete an endpoint: nothing more is sent to it
         * @description Authorities and liaisons manage their own endpoints; another client's is not found (404). Deliveries still pending are cancelled; its past deliveries stay in the notices' history.
         */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /**
         * Change an endpoint's URL, events or platforms, or enable or pause it
         * @description Authorities and liaisons manage their own endpoints; another client's is not found (404). `enabled: true` enables an endpoint the gateway disabled; deliveries cancelled while it was disabled are not sent again (ask the authority for a redelivery).
         */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new signing secret, returned once; the previous one keeps signing during an overlap
         * @description Authorities and liaisons manage their own endpoints; another client's is not found (404). During the overlap (`overlapHours`, default 24) every delivery carries two signatures in webhook-signature, one per secret, so the receiver can switch at any moment.
         */
        post: operations["rotateWebhookEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The change feed after a sequence number (a liaison sees its own platform's only)
         * @description Sequence numbers are assigned once a change has committed and every earlier transaction has finished, so a poller that stores the last sequence it saw never misses an event. A change shows in the feed within about 100 ms of its commit. Without `wait`, If-None-Match answers 304 while nothing the caller may see is new.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit entries after a position (entries appear once sealed into the chain, within about 100 ms)
         * @description For auditors and administrators. Up to `limit` entries (default 50, at most 500) in position order; pass `lastPosition` as `after` to read on (it stays at `after` when nothing is new). Each entry carries the digest of its change and its links in the hash chain (`prevHash`, `hash`), which GET /v1/audit/verify checks.
         */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoints/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A signed checkpoint of the audit chain's head, to keep outside the gateway
         * @description For auditors and administrators. `checkpoint` is a compact JWS (EdDSA, `typ` `takedown-audit-checkpoint+jws`, verifiable with the keys at /.well-known/jwks.json) over `{ position, hash, at }`. Keep it outside the gateway's database; later, GET /v1/audit/verify?checkpoint=... says whether the chain still reaches it unchanged, which catches the newest entries being deleted or rewritten even by someone who can change the database.
         */
        get: operations["getLatestAuditCheckpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recompute the whole hash chain and report the first broken link, if any
         * @description For auditors and administrators. Reads every sealed entry from the first, so it takes longer as the trail grows; entries not yet sealed are not checked. When the chain is broken, `firstBroken` gives the position and the kind of break. The chain must reach its stored head (positions are never handed out twice), and, when `checkpoint` (a JWS from GET /v1/audit/checkpoints/latest) is given, hold the checkpoint's hash at its position; a checkpoint whose signature does not verify is a 422.
         */
        get: operations["verifyAuditTrail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blocking-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List blocking orders in decision order (a liaison sees those against its own platform only)
         * @description Each order carries counts of its entries; `GET /v1/blocking-orders/{id}` lists the entries themselves.
         */
        get: operations["listBlockingOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blocking-orders/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The register of blocked resources for network operators, one entry per resource
         * @description Without `updatedSince`: every entry in force now. With `updatedSince`: every entry included or lifted at or after it; a lifted entry carries its lifting time (`liftedAt`, XML `liftTime`): access is to be restored. Entries are ordered by inclusion time, then id. `updatedAt` (XML `updateTime`) is the register's latest change; to poll, pass an `updatedSince` a few minutes before the previous `updatedAt`, because times are stamped when an escalation starts, not when it commits. Entries are keyed by `id`, so overlaps are harmless. The XML follows the shape of the RKN register dump (`register` / `content` / `decision` / `url`); `urgencyType` is 1 for urgent entries. The CSV has a header row and RFC 4180 quoting. An identical register state yields identical bytes, so `If-None-Match` answers 304.
         */
        get: operations["exportBlockingRegister"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blocking-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One blocking order with its entries, the blocked resources
         * @description An entry's `liftedAt` is set when the order is lifted: the notice's material was removed (access is restored) or the notice was withdrawn. A liaison reads the orders against its own platform; others answer 404.
         */
        get: operations["getBlockingOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per-platform compliance over a period [from, to): statuses, removal in time, time to removal, overdue, escalations, re-uploads
         * @description Every platform of the catalogue has a row (zeros included), ordered by slug. Counts, time to removal, overdue, escalated and re-upload figures cover notices issued in the period; `due` and `removedWithinDeadline` cover notices whose deadline fell in the period and has passed. `format=csv`: one row per platform with a header.
         */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/respond/{link}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The response page of one notice, for its platform's liaison (HTML)
         * @description Opened from the link in the notice's e-mail; the token in the path is the credential. Shows the notice, its items and deadline and its letters in their languages, with a form for each action the lifecycle allows the liaison now. Reading it changes nothing (mail scanners open links too). 404 for an unknown token, 410 once the link is revoked or the notice closed.
         */
        get: operations["getResponsePage"];
        put?: never;
        /**
         * Answer a notice from its response page (an HTML form)
         * @description The page's forms post here: `action` (acknowledge, remove, restrict, reject, cannot_comply), `version` (the notice version the page showed), `csrf` (the page's form token), and as the action needs `items` (repeated), `reason`, `detail`, `note`. The same transition, version check and audit entry as POST /v1/notices/{id}/transitions, as the platform's liaison through the link. Refused, changing nothing: a form from another site or without its token (403), a stale version (409), an action the status does not allow (409), missing fields (422).
         */
        post: operations["respondThroughPage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public keys to verify notice signatures (keys are never removed, so old notices stay verifiable)
         * @description Needs no API key; the answer may be cached for 5 minutes (Cache-Control: public, max-age=300). Keys are Ed25519 (`alg` EdDSA); the `kid` in a notice's JWS header, also its `signature.keyId`, names the key to verify it with.
         */
        get: operations["getSigningKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hash-bank/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Match up to 1000 hashes against the bank
         * @description sha256 and md5 match exactly; pdq within Hamming distance 31 over all eight orientations (derived from the bits when only a hash is given). A pdq with a `quality` under 50 is answered `skipped: "low_quality"`. `{ "type": "vpdq", "value": { "features": [...] } }` matches a video's vPDQ hash with HMA's rule (frames under quality 50 and repeated frames dropped, frames within distance 31 matched, a match when at least `queryMatchPercent` (80) of the query's frames and `comparedMatchPercent` (0) of the banked video's are found), over all eight orientations of the query, each match with both percentages and the matched stretches of both videos. Features carrying `trimmedHash` (as POST /v1/media/hashes gives them) are also compared without their borders, in the original orientation, so a letterboxed or pillarboxed copy matches; each banked video is answered once, `bordersTrimmed` saying which frames matched. One result per input, in order. A liaison sees the earlier notice only when it is its own platform's. Additions made by other gateway processes are matched within about a second.
         */
        post: operations["matchHashes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hash-bank/entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One bank entry with its provenance
         * @description Every role may read an entry, retired ones included (`retiredAt` set). A liaison sees the notice, item and platform an entry came from only for its own platform's notices (null otherwise), and never the retirement reason.
         */
        get: operations["getHashBankEntry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hash-bank/entries/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire an entry: it stops matching at once and appears as retired in the changes feed (idempotent)
         * @description For administrators and authorities. The JSON body `{ "reason" }` is optional; retiring an entry already retired changes nothing and answers it with its first retirement's time and reason.
         */
        post: operations["retireHashBankEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hash-bank/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Entries added or retired since a cursor, oldest first
         * @description Start without `cursor` to read the whole bank, then poll with the last change's `cursor` (`nextCursor` when a page is full). The feed never skips a change: a change is served once every transaction that began before it has finished (usually within milliseconds). An entry appears once, at its latest change: a retired entry is to be removed from the local copy.
         */
        get: operations["listHashBankChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hash-bank/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a hash list (CSV or JSON lines, up to 200 MB)
         * @description Content-Type text/csv: a header `type,value,labels` (optionally `quality`), labels separated by `;`. Content-Type application/x-ndjson: one `{ "type", "value", "labels"?, "quality"? }` per line; a video is `{ "type": "vpdq", "value": { "features": [...] } }` (features as `POST /v1/media/hashes` answers them; a list banks their reference hashes, not their `trimmedHash`). Content-Type text/x-vpdq: one video's vPDQ hash in the reference's text format (`frameNumber,quality,pdqHex,timestamp` per line), refused whole if a line is malformed. Malformed lines are reported by line number (the first 1000 listed); `mode=lenient` keeps the valid lines, `mode=strict` stores nothing unless every line is valid (422). Re-importing a hash already in the list changes nothing.
         */
        post: operations["importHashList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hash-bank/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bank a removed image (digests, PDQ, and PDQ of eight central crops, 96% to 70%) or video (digests and vPDQ) for a notice or one of its items
         * @description The notice must have reached removed, partially_removed, restricted, escalated or closed. An image (JPEG, PNG, WebP, GIF or TIFF; at most 20 MB) is hashed in memory and discarded, answered with `pdq` and `crops`. A video (MP4, WebM, QuickTime or Matroska; at most 512 MB) is kept in a temporary file while it is hashed with vPDQ (one frame a second, as `POST /v1/media/hashes`) and deleted afterwards, answered with `vpdq` and banked as a `vpdq` entry beside its digests. A body that is not what it declares is 415; an unreadable video or one over the frame, duration or time limits is 422, and nothing is banked. Banking the same media again adds nothing.
         */
        post: operations["bankMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/hashes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hash an image (SHA-256, MD5, PDQ with quality) or a video (SHA-256, MD5, vPDQ) without storing it
         * @description The body is the image itself (JPEG, PNG, WebP, GIF or TIFF; at most 20 MB), answered with `pdq`, or the video itself (MP4, WebM, QuickTime or Matroska; at most 512 MB), answered with `vpdq`: the full-resolution PDQ of one frame per second (ThreatExchange vPDQ as HMA runs it), each frame with uniform borders also without them (`trimmedHash`, the gateway's extension; `hash` stays the reference's). PDQ follows the full-resolution reference (alpha dropped, EXIF orientation ignored). A video is kept in a temporary file while it is hashed and deleted afterwards. Another content type, or a body that is not what it declares, is 415; an unreadable file, a video with a frame rate of 0, frames over the pixel limit, a video longer than the duration limit or one that takes longer than the time limit to decode is 422. Media hashing runs on a bounded number of threads with a bounded queue: when it is full the answer is 503 with Retry-After.
         */
        post: operations["hashMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An RFC 9457 problem document */
        Problem: {
            /**
             * Format: uri
             * @description https://takedown.example.gov.kz/problems/{code}: one per code
             */
            type: string;
            /**
             * @description What happened, for a client to branch on (see docs/errors.md). Each code has its own `type`, https://takedown.example.gov.kz/problems/{code}; "retry" marks the codes after which the same request may be repeated after Retry-After (where repeating it is safe: a read, or a POST with its Idempotency-Key).
             *
             *     | code | status | title | retry | when |
             *     | --- | --- | --- | --- | --- |
             *     | `validation_failed` | 400 | Invalid request |  | The request does not match the operation's schema, or holds text that cannot be stored; `errors` names each field |
             *     | `malformed_body` | 400 | Malformed body |  | The body cannot be parsed as its Content-Type says (invalid or empty JSON) |
             *     | `malformed_request` | 400 | Bad request |  | The request is not valid HTTP, or its URL is malformed |
             *     | `invalid_cursor` | 400 | Invalid cursor |  | The cursor is not one this service issued |
             *     | `idempotency_key_invalid` | 400 | Invalid Idempotency-Key |  | The Idempotency-Key header is not 1 to 255 visible ASCII characters |
             *     | `upload_incomplete` | 400 | Upload incomplete |  | The uploaded body could not be read to its end |
             *     | `unauthorized` | 401 | Unauthorized |  | No API key, a malformed Authorization header, or a key that is unknown or revoked |
             *     | `forbidden` | 403 | Forbidden |  | The caller's role may not call this operation |
             *     | `notice_action_forbidden` | 403 | Action forbidden |  | The caller's role may not take this lifecycle action on a notice; `allowed` lists the actions it may take |
             *     | `not_found` | 404 | Not found |  | No such resource, or none this caller may see |
             *     | `route_not_found` | 404 | Not found |  | No operation has this path |
             *     | `method_not_allowed` | 405 | Method not allowed |  | The path exists but not with this method; `Allow` lists the methods |
             *     | `request_timeout` | 408 | Request timeout |  | The request's headers or body did not arrive in time |
             *     | `already_exists` | 409 | Already exists |  | A resource with the same identity exists already |
             *     | `notice_transition_not_allowed` | 409 | Action not allowed |  | The notice's current status does not allow this action; `currentStatus` and `allowed` say what does |
             *     | `notice_not_removed` | 409 | Not removed yet |  | The notice's material is banked only once it is removed or restricted |
             *     | `last_administrator` | 409 | Last administrator |  | The last active administrator cannot be revoked |
             *     | `idempotent_request_in_progress` | 409 | Request in progress | yes | A request with this Idempotency-Key is still running; retry after Retry-After to get its answer |
             *     | `idempotency_key_released` | 409 | Idempotency conflict | yes | The first request with this Idempotency-Key failed while this one arrived; retry after Retry-After |
             *     | `precondition_failed` | 412 | Precondition failed |  | If-Match does not name the resource's current version |
             *     | `content_too_large` | 413 | Content too large |  | The body is larger than the operation takes |
             *     | `uri_too_long` | 414 | URI too long |  | A path segment is longer than the service accepts |
             *     | `unsupported_media_type` | 415 | Unsupported media type |  | The body's Content-Type (or, for media, its actual format) is not one the operation takes |
             *     | `report_not_accepted` | 422 | Report not accepted |  | An item of the report is not recognised or not acceptable; `errors` names each; nothing was stored |
             *     | `client_not_accepted` | 422 | Invalid client |  | The client cannot be created as described; `errors` names each field |
             *     | `webhook_endpoint_not_accepted` | 422 | Invalid webhook endpoint |  | The webhook endpoint cannot be saved as described; `errors` names each field |
             *     | `notice_transition_invalid` | 422 | Invalid transition |  | The lifecycle action is allowed now, but its fields are not acceptable; `errors` names each |
             *     | `notice_item_not_found` | 422 | Item not in notice |  | The notice has no item with the given id |
             *     | `hashes_not_accepted` | 422 | Hashes not accepted |  | A hash to match is malformed; `errors` names each; nothing was matched |
             *     | `hash_list_name_reserved` | 422 | List name not accepted |  | The import names a list the gateway keeps itself |
             *     | `hash_list_unreadable` | 422 | List not readable |  | The hash list cannot be read at all (for example, no header line); nothing was stored |
             *     | `hash_list_empty` | 422 | List empty |  | The hash list holds no hash lines; nothing was stored |
             *     | `hash_list_rejected` | 422 | List not accepted |  | A strict import found malformed lines; `errors` names each; nothing was stored |
             *     | `checkpoint_not_accepted` | 422 | Checkpoint not accepted |  | The checkpoint is not an audit checkpoint signed by one of this gateway's keys |
             *     | `media_unreadable` | 422 | Unreadable media |  | The image or video is of a supported format but cannot be decoded |
             *     | `video_not_accepted` | 422 | Video not accepted |  | The video is readable but beyond the gateway's limits (frame size, length, decoding time) |
             *     | `idempotency_key_in_use` | 422 | Idempotency-Key reused |  | This Idempotency-Key was already used with a different request |
             *     | `precondition_required` | 428 | Precondition required |  | The operation needs If-Match with the ETag of the caller's last read |
             *     | `rate_limited` | 429 | Too many requests | yes | The client is over its rate; retry after Retry-After |
             *     | `headers_too_large` | 431 | Request header fields too large |  | The request's headers are larger than the service accepts (16 KB) |
             *     | `internal_error` | 500 | Internal server error |  | An unexpected failure; it is logged, and nothing of it is answered |
             *     | `database_unavailable` | 503 | Service unavailable | yes | The database cannot be reached; retry after Retry-After |
             *     | `idempotency_key_lost` | 503 | Idempotency key lost | yes | The request lost its Idempotency-Key while the database connection was restored; retry it |
             *     | `hash_index_unavailable` | 503 | Hash index unavailable | yes | The hash bank's index could not be loaded; retry after Retry-After |
             *     | `media_hashing_busy` | 503 | Media hashing busy | yes | Every place for media hashing is taken; retry after Retry-After |
             *     | `rendering_busy` | 503 | Rendering busy | yes | Every place for rendering notice letters is taken; retry after Retry-After |
             *     | `media_hashing_cancelled` | 503 | Hashing cancelled | yes | The media hashing was cancelled before it finished |
             *     | `video_hashing_unavailable` | 503 | Video hashing unavailable | yes | The gateway cannot start its video decoder (ffmpeg); retry after Retry-After |
             * @enum {unknown}
             */
            code: "validation_failed" | "malformed_body" | "malformed_request" | "invalid_cursor" | "idempotency_key_invalid" | "upload_incomplete" | "unauthorized" | "forbidden" | "notice_action_forbidden" | "not_found" | "route_not_found" | "method_not_allowed" | "request_timeout" | "already_exists" | "notice_transition_not_allowed" | "notice_not_removed" | "last_administrator" | "idempotent_request_in_progress" | "idempotency_key_released" | "precondition_failed" | "content_too_large" | "uri_too_long" | "unsupported_media_type" | "report_not_accepted" | "client_not_accepted" | "webhook_endpoint_not_accepted" | "notice_transition_invalid" | "notice_item_not_found" | "hashes_not_accepted" | "hash_list_name_reserved" | "hash_list_unreadable" | "hash_list_empty" | "hash_list_rejected" | "checkpoint_not_accepted" | "media_unreadable" | "video_not_accepted" | "idempotency_key_in_use" | "precondition_required" | "rate_limited" | "headers_too_large" | "internal_error" | "database_unavailable" | "idempotency_key_lost" | "hash_index_unavailable" | "media_hashing_busy" | "rendering_busy" | "media_hashing_cancelled" | "video_hashing_unavailable";
            title: string;
            status: number;
            detail?: string;
            errors?: ({
                /** @description JSON pointer into the body, or part:pointer for query, params and headers */
                pointer: string;
                detail: string;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        WebhookEndpoint: {
            /** Format: uuid */
            id: string;
            url: string;
            description: string | null;
            eventTypes: string[];
            /** @description A liaison's platform: the only one whose events it receives; null for an authority's endpoint */
            platform: string | null;
            /** @description An authority's endpoint: only these platforms (null: every one) */
            platforms: string[] | null;
            enabled: boolean;
            /** @description Why the gateway disabled it: 410 Gone, or every delivery failing for 5 days */
            disabledReason: string | null;
            disabledAt: string | null;
            /** @description Since when every attempt has failed; null after a success */
            failingSince: string | null;
            /** @description While set, deliveries carry a signature with the previous secret too */
            previousSecretExpiresAt: string | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WebhookEndpointWithSecret: {
            /** Format: uuid */
            id: string;
            url: string;
            description: string | null;
            eventTypes: string[];
            /** @description A liaison's platform: the only one whose events it receives; null for an authority's endpoint */
            platform: string | null;
            /** @description An authority's endpoint: only these platforms (null: every one) */
            platforms: string[] | null;
            enabled: boolean;
            /** @description Why the gateway disabled it: 410 Gone, or every delivery failing for 5 days */
            disabledReason: string | null;
            disabledAt: string | null;
            /** @description Since when every attempt has failed; null after a success */
            failingSince: string | null;
            /** @description While set, deliveries carry a signature with the previous secret too */
            previousSecretExpiresAt: string | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The signing secret (Standard Webhooks), shown only in this response */
            secret: string;
        };
        NoticeDelivery: {
            /** Format: uuid */
            id: string;
            /** @enum {unknown} */
            channel: "email" | "webhook";
            endpointId: string | null;
            eventType: string;
            /** @enum {unknown} */
            status: "pending" | "delivered" | "failed" | "cancelled";
            attempts: {
                attempt: number;
                /** Format: date-time */
                at: string;
                /** @enum {unknown} */
                outcome: "delivered" | "retry" | "failed" | "refused";
                /** @description The HTTP status, or the SMTP reply code */
                statusCode: number | null;
                error: string | null;
                /** @description At most 1 KB of the answer */
                response: string | null;
                durationMs: number | null;
            }[];
            /** @description When pending: the next attempt */
            nextAttemptAt: string | null;
            deliveredAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        Health: {
            status: "ok" | "unavailable";
        };
        Readiness: {
            /** @enum {string} */
            status: "ok";
            details: {
                /** @description The ffmpeg that decodes videos; null when none runs (videos are then answered 503) */
                ffmpeg: {
                    /** @description FFMPEG_PATH, the ffmpeg on PATH, or the build the @ffmpeg-installer/ffmpeg package ships */
                    source: "FFMPEG_PATH" | "system" | "npm";
                    executable: string;
                    /** @description First line of `ffmpeg -version` */
                    version: string;
                    /** @description Whether ffprobe is used to read frame rates */
                    ffprobe: boolean;
                } | null;
                mediaHashing: {
                    threads: number;
                    /** @description Media requests admitted at once (hashed or waiting); beyond, 503 */
                    capacity: number;
                    inFlight: number;
                };
            };
        };
        Client: {
            /** Format: uuid */
            id: string;
            name: string;
            /**
             * @description What the client may do
             * @enum {unknown}
             */
            role: "authority" | "liaison" | "auditor" | "admin";
            /** @description The platform a liaison acts for; null for other roles */
            platform: string | null;
            /** @description Identifies the key in listings; the key itself is never shown again */
            keyPrefix: string;
            /** Format: date-time */
            createdAt: string;
            revokedAt: string | null;
        };
        CreatedClient: {
            /** Format: uuid */
            id: string;
            name: string;
            /**
             * @description What the client may do
             * @enum {unknown}
             */
            role: "authority" | "liaison" | "auditor" | "admin";
            /** @description The platform a liaison acts for; null for other roles */
            platform: string | null;
            /** @description Identifies the key in listings; the key itself is never shown again */
            keyPrefix: string;
            /** Format: date-time */
            createdAt: string;
            revokedAt: string | null;
            /** @description The bearer key, shown only in this response */
            apiKey: string;
        };
        Platform: {
            slug: string;
            name: string;
            legalEntity: {
                name: string;
                country: string;
                address: string;
            };
            legalRepresentative: {
                name: string;
                email: string;
            } | null;
            hosts: string[];
            urlPatterns: string[];
            channels: {
                webhookUrl: string | null;
                email: string | null;
                portal: string | null;
            };
            languages: string[];
            deadlines: {
                /** @description Hours a platform has to act on a normal notice */
                normalHours: number;
                /** @description Hours for an urgent notice (re-uploads are urgent) */
                urgentHours: number;
            };
            version: number;
            /** Format: date-time */
            updatedAt: string;
        };
        LegalBasis: {
            id: string;
            citation: string;
            /** @description The citation as each notice language prints it (the one `citation` in every language where none were given) */
            citations: {
                kk: string;
                ru: string;
                en: string;
            };
            title: {
                kk: string;
                ru: string;
                en: string;
            };
            text: {
                kk: string;
                ru: string;
                en: string;
            };
            version: number;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description An image answers `pdq`, a video `vpdq` */
        MediaHashes: {
            sha256: string;
            md5: string;
            /** @description For an image */
            pdq?: {
                hash: string;
                quality: number;
            };
            /** @description vPDQ: the full-resolution PDQ of each kept frame (ThreatExchange vPDQ, HMA settings) */
            vpdq?: {
                /** @description One frame kept per this many seconds (1, as HMA); 0 keeps every frame */
                secondsPerHash: number;
                frameRate: number;
                /** @description As the container states it, when it does */
                durationSeconds?: number;
                features: {
                    /** @description Number of the frame in the decoded stream, from 0 */
                    frame: number;
                    /** @description PDQ quality; frames under 50 are not used for matching */
                    quality: number;
                    hash: string;
                    /** @description Seconds from the start (frame / frameRate, three decimals) */
                    timestamp: number;
                    /** @description The gateway's extension to vPDQ: the PDQ of the frame without its uniform borders (letterbox or pillarbox bars), present only when the frame has them. `hash` stays the reference's hash of the whole frame, so the features remain exchangeable; send them back as they are (reports, matching) and a letterboxed or pillarboxed copy is matched too */
                    trimmedHash?: string;
                    /** @description With trimmedHash: its PDQ quality (the frame without its borders under 50 is not used for matching) */
                    trimmedQuality?: number;
                }[];
            };
        };
        Match: {
            /** Format: uuid */
            entryId: string;
            /**
             * @description sha256 and md5 match exactly; pdq within distance 31 over all eight orientations; vpdq (a video's frame hashes) by the share of frames matched
             * @enum {unknown}
             */
            kind: "sha256" | "md5" | "pdq" | "vpdq";
            /** @description 0 for exact kinds and vpdq; Hamming distance for pdq */
            distance: number;
            orientation: ("original" | "rotate90" | "rotate180" | "rotate270" | "flipX" | "flipY" | "flipPlus1" | "flipMinus1") | null;
            /** @description vpdq: the share of the query's frames (quality 50 and up, repeats dropped) found in the banked video */
            queryMatchPercent?: number;
            /** @description vpdq: the share of the banked video's frames found in the query; for an entry labelled dense, the share of the banked video's seconds (each of its frames counts toward the second nearest its timestamp) with a frame found in the query, as its one-a-second vpdq would count */
            comparedMatchPercent?: number;
            /** @description vpdq: true when the query's frames matched without their uniform borders (their trimmedHash, in the original orientation); false when they matched as they are, in `orientation`. A banked entry made of trimmed frames is labelled `trimmed` */
            bordersTrimmed?: boolean;
            /** @description vpdq: the stretches of the query its matched frames cover */
            queryRanges?: {
                start: number;
                end: number;
            }[];
            /** @description vpdq: the stretches of the banked video its matched frames cover */
            comparedRanges?: {
                start: number;
                end: number;
            }[];
            notice: {
                /** Format: uuid */
                id: string;
                referenceNumber: string;
            } | null;
            category: ("terrorism" | "extremism" | "violence" | "pornography" | "child_sexual_abuse" | "suicide" | "drugs" | "cyberbullying" | "fraud" | "other") | null;
            /** @description "notice", or the name of the imported list */
            source: string;
            /** @description Free labels; on hashes the bank derived from removed media, which derivation: crop:<n> (the central crop keeping n% of each side: a pdq of an image, or a vpdq of every kept frame of a video), dense (a vpdq of every frame within 0.1 s of one its vpdq keeps) or trimmed (a vpdq of the frames without their uniform borders) */
            labels: string[];
            /** Format: date-time */
            addedAt: string;
        };
        MatchResult: {
            /**
             * @description sha256 and md5 match exactly; pdq within distance 31 over all eight orientations; vpdq (a video's frame hashes) by the share of frames matched
             * @enum {unknown}
             */
            type: "sha256" | "md5" | "pdq" | "vpdq";
            /** @description The value as given, in lower case; for vpdq the video hash's digest (the value a bank entry of it has) */
            value: string;
            /** @description Nearest first, at most 100 */
            matches: components["schemas"]["Match"][];
            /**
             * @description The hash was not matched: its quality is under 50
             * @enum {string}
             */
            skipped?: "low_quality";
        };
        MatchResponse: {
            /** @description One per input hash, in order */
            results: components["schemas"]["MatchResult"][];
        };
        HashBankEntry: {
            /** Format: uuid */
            id: string;
            /**
             * @description sha256 and md5 match exactly; pdq within distance 31 over all eight orientations; vpdq (a video's frame hashes) by the share of frames matched
             * @enum {unknown}
             */
            type: "sha256" | "md5" | "pdq" | "vpdq";
            /** @description The hash; for vpdq the SHA-256 of the packed features, which identifies the video hash */
            value: string;
            /** @description vpdq only: the video's frame hashes */
            features?: {
                /**
                 * Format: int32
                 * @description The frame's number in the decoded stream, from 0; increasing
                 */
                frame: number;
                /**
                 * Format: int32
                 * @description PDQ quality; frames under 50 are not compared
                 */
                quality: number;
                /** @description The frame's PDQ hash, 64 hex digits */
                hash: string;
                /** @description Seconds from the start of the video */
                timestamp: number;
                /** @description The gateway's extension (POST /v1/media/hashes gives it): the frame's PDQ without its uniform borders, 64 hex digits. Frames with it are also compared without their borders, so a letterboxed or pillarboxed copy matches; a bank entry never carries it (the trimmed frames are an entry of their own, labelled `trimmed`) */
                trimmedHash?: string;
                /**
                 * Format: int32
                 * @description With trimmedHash: its PDQ quality; without it the frame's quality stands for it
                 */
                trimmedQuality?: number;
            }[];
            quality: number | null;
            /** @description Free labels; on hashes the bank derived from removed media, which derivation: crop:<n> (the central crop keeping n% of each side: a pdq of an image, or a vpdq of every kept frame of a video), dense (a vpdq of every frame within 0.1 s of one its vpdq keeps) or trimmed (a vpdq of the frames without their uniform borders) */
            labels: string[];
            category: ("terrorism" | "extremism" | "violence" | "pornography" | "child_sexual_abuse" | "suicide" | "drugs" | "cyberbullying" | "fraud" | "other") | null;
            source: string;
            notice: {
                /** Format: uuid */
                id: string;
                referenceNumber: string;
            } | null;
            noticeItemId: string | null;
            platform: string | null;
            importId: string | null;
            /** Format: date-time */
            addedAt: string;
            retiredAt: string | null;
            retireReason: string | null;
        };
        HashBankChange: {
            /** @description Pass as `cursor` to continue after this change */
            cursor: string;
            change: "added" | "retired";
            /** Format: date-time */
            at: string;
            entry: components["schemas"]["HashBankEntry"];
        };
        HashBankChangesPage: {
            /** @description Oldest change first; each entry appears once, at its latest change */
            data: components["schemas"]["HashBankChange"][];
            nextCursor: string | null;
        };
        HashListImport: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {unknown} */
            format: "csv" | "ndjson" | "vpdq";
            mode: "lenient" | "strict";
            category: ("terrorism" | "extremism" | "violence" | "pornography" | "child_sexual_abuse" | "suicide" | "drugs" | "cyberbullying" | "fraud" | "other") | null;
            /** @description Data lines read (header and blank lines aside) */
            lines: number;
            /** @description Valid lines */
            accepted: number;
            /** @description New entries */
            added: number;
            /** @description Valid lines the bank already held under this list */
            duplicates: number;
            /** @description Malformed lines */
            rejected: number;
            /** @description The first 1000 malformed lines */
            errors: {
                line: number;
                detail: string;
            }[];
            /** Format: date-time */
            createdAt: string;
        };
        BankedMedia: {
            sha256: string;
            md5: string;
            /** @description For an image */
            pdq?: {
                hash: string;
                quality: number;
            };
            /** @description vPDQ: the full-resolution PDQ of each kept frame (ThreatExchange vPDQ, HMA settings) */
            vpdq?: {
                /** @description One frame kept per this many seconds (1, as HMA); 0 keeps every frame */
                secondsPerHash: number;
                frameRate: number;
                /** @description As the container states it, when it does */
                durationSeconds?: number;
                features: {
                    /** @description Number of the frame in the decoded stream, from 0 */
                    frame: number;
                    /** @description PDQ quality; frames under 50 are not used for matching */
                    quality: number;
                    hash: string;
                    /** @description Seconds from the start (frame / frameRate, three decimals) */
                    timestamp: number;
                    /** @description The gateway's extension to vPDQ: the PDQ of the frame without its uniform borders (letterbox or pillarbox bars), present only when the frame has them. `hash` stays the reference's hash of the whole frame, so the features remain exchangeable; send them back as they are (reports, matching) and a letterboxed or pillarboxed copy is matched too */
                    trimmedHash?: string;
                    /** @description With trimmedHash: its PDQ quality (the frame without its borders under 50 is not used for matching) */
                    trimmedQuality?: number;
                }[];
            };
            /** Format: uuid */
            noticeId: string;
            itemId: string | null;
            /** @description An image's central crops; empty for a video, whose derived hashes (the central crops of its kept frames, and every frame within 0.1 s of a kept one) are vpdq entries of their own, labelled crop:<n> and dense, listed in entries */
            crops: {
                percent: number;
                hash: string;
                quality: number;
            }[];
            /** @description Every entry the bank holds for this notice item (new and earlier) */
            entries: components["schemas"]["HashBankEntry"][];
        };
        ReportItem: {
            /** Format: uuid */
            id: string;
            url: string;
            canonicalUrl: string;
            platform: string;
            identifiers: {
                [key: string]: string;
            };
            /**
             * @description What the item is
             * @enum {unknown}
             */
            contentType: "text" | "image" | "video" | "audio" | "account" | "link" | "other";
            hashes: {
                sha256: string | null;
                md5: string | null;
                pdq: string | null;
                vpdq?: {
                    /** @description The video hash's digest: the value of the hash-bank entry it becomes */
                    value: string;
                    featureCount: number;
                    /** @description When its features carried trimmedHash: the digest of its frames without their borders, the value of the second bank entry it becomes (labelled `trimmed`) */
                    trimmedValue?: string;
                } | null;
            };
            capturedAt: string | null;
            evidenceRef: string | null;
            reupload: {
                /** @description Hash-bank entries this item's hashes matched */
                matches: components["schemas"]["Match"][];
                /** @description Earlier notices whose removed material this is */
                notices: {
                    /** Format: uuid */
                    id: string;
                    referenceNumber: string;
                }[];
            } | null;
            duplicateOf: {
                /** Format: uuid */
                id: string;
                referenceNumber: string;
            } | null;
        };
        Report: {
            /** Format: uuid */
            id: string;
            externalRef: string;
            /**
             * @description The kind of violation (each maps onto the EU DSA Transparency Database vocabulary)
             * @enum {unknown}
             */
            category: "terrorism" | "extremism" | "violence" | "pornography" | "child_sexual_abuse" | "suicide" | "drugs" | "cyberbullying" | "fraud" | "other";
            legalBasis: string;
            statementOfReasons: string;
            /**
             * @description Urgent notices get the platform's short deadline (1 hour by default)
             * @enum {unknown}
             */
            urgency: "normal" | "urgent";
            territorialScope: string[];
            /** Format: date-time */
            createdAt: string;
            notices: {
                /** Format: uuid */
                id: string;
                platform: string;
                referenceNumber: string;
            }[];
            items: components["schemas"]["ReportItem"][];
        };
        ReportSummary: {
            /** Format: uuid */
            id: string;
            externalRef: string;
            /**
             * @description The kind of violation (each maps onto the EU DSA Transparency Database vocabulary)
             * @enum {unknown}
             */
            category: "terrorism" | "extremism" | "violence" | "pornography" | "child_sexual_abuse" | "suicide" | "drugs" | "cyberbullying" | "fraud" | "other";
            legalBasis: string;
            statementOfReasons: string;
            /**
             * @description Urgent notices get the platform's short deadline (1 hour by default)
             * @enum {unknown}
             */
            urgency: "normal" | "urgent";
            territorialScope: string[];
            /** Format: date-time */
            createdAt: string;
            notices: {
                /** Format: uuid */
                id: string;
                platform: string;
                referenceNumber: string;
            }[];
            itemCount: number;
        };
        NoticeItem: {
            /** Format: uuid */
            id: string;
            /** @description The item's position in the report it came from */
            position: number;
            url: string;
            canonicalUrl: string;
            /** @description The platform's own identifiers (channel and message, video id, ...) */
            identifiers: {
                [key: string]: string;
            };
            /**
             * @description What the item is
             * @enum {unknown}
             */
            contentType: "text" | "image" | "video" | "audio" | "account" | "link" | "other";
            /** @enum {unknown} */
            outcome: "pending" | "removed";
            /** @description The same material removed before from other platforms: when and in what category only, never their notices */
            removedElsewhere: {
                /**
                 * Format: date
                 * @description The day (UTC) the material was removed
                 */
                removedAt: string;
                /**
                 * @description The kind of violation (each maps onto the EU DSA Transparency Database vocabulary)
                 * @enum {unknown}
                 */
                category: "terrorism" | "extremism" | "violence" | "pornography" | "child_sexual_abuse" | "suicide" | "drugs" | "cyberbullying" | "fraud" | "other";
            }[];
        };
        Notice: {
            /** Format: uuid */
            id: string;
            /** @description Unique, gap-free per platform and year, e.g. KZ-2026-TG-000123 */
            referenceNumber: string;
            /** @enum {unknown} */
            platform: "telegram" | "tiktok" | "facebook" | "instagram" | "vk" | "ok" | "mailru" | "livejournal" | "linkedin" | "youtube" | "x";
            /**
             * @description Where the notice stands in its lifecycle
             * @enum {unknown}
             */
            status: "issued" | "delivered" | "acknowledged" | "removed" | "partially_removed" | "restricted" | "rejected" | "cannot_comply" | "overdue" | "escalated" | "withdrawn" | "closed";
            /** @description Bumped by every transition */
            version: number;
            /** Format: date-time */
            issuedAt: string;
            /** Format: date-time */
            deadline: string;
            /**
             * @description Urgent notices get the platform's short deadline (1 hour by default)
             * @enum {unknown}
             */
            urgency: "normal" | "urgent";
            /**
             * @description The kind of violation (each maps onto the EU DSA Transparency Database vocabulary)
             * @enum {unknown}
             */
            category: "terrorism" | "extremism" | "violence" | "pornography" | "child_sexual_abuse" | "suicide" | "drugs" | "cyberbullying" | "fraud" | "other";
            /** @description The EU DSA Transparency Database category and keyword */
            dsa: {
                category: string;
                keyword: string | null;
            };
            legalBasis: {
                id: string;
                citation: string;
                /** @description The citation in each notice language (notices issued before they were kept have `citation` alone) */
                citations?: {
                    kk: string;
                    ru: string;
                    en: string;
                };
                title: {
                    kk: string;
                    ru: string;
                    en: string;
                };
            };
            statementOfReasons: string;
            territorialScope: string[];
            addressee: {
                platform: string;
                platformName: string;
                legalEntity: {
                    name: string;
                    country: string;
                    address: string;
                };
                legalRepresentative: {
                    name: string;
                    email: string;
                } | null;
            };
            issuer: {
                name: string;
                contactPoint: string;
                /** @description The issuer's name in each notice language */
                names?: {
                    kk: string;
                    ru: string;
                    en: string;
                };
                /** @description The officer who signs, with the position in each notice language */
                signatory?: {
                    name: string | null;
                    position: {
                        kk: string;
                        ru: string;
                        en: string;
                    };
                };
            };
            redress: {
                deadlineDays: number;
            };
            preservation: {
                periodMonths: number;
            };
            languages: string[];
            items: components["schemas"]["NoticeItem"][];
            /** @description Reference numbers of this platform's earlier notices whose removed material came back (other platforms' removals are in items[].removedElsewhere, without their numbers) */
            reuploadOf: string[];
            /** Format: uuid */
            reportId: string;
            signature: {
                keyId: string;
                algorithm: string;
                fingerprint: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        NoticeSignature: {
            /** @description Compact JWS (EdDSA / Ed25519) over the RFC 8785 canonical JSON of the notice document */
            jws: string;
            keyId: string;
            algorithm: string;
            fingerprint: string;
            jwksUri: string;
        };
        NoticeEvent: {
            /** @description Position in the change feed (null for a moment after commit) */
            sequence: number | null;
            /** @enum {unknown} */
            type: "notice.created" | "notice.transitioned";
            /** Format: uuid */
            noticeId: string;
            platform: string;
            /** Format: date-time */
            at: string;
            action: string | null;
            from: ("issued" | "delivered" | "acknowledged" | "removed" | "partially_removed" | "restricted" | "rejected" | "cannot_comply" | "overdue" | "escalated" | "withdrawn" | "closed") | null;
            /**
             * @description Where the notice stands in its lifecycle
             * @enum {unknown}
             */
            to: "issued" | "delivered" | "acknowledged" | "removed" | "partially_removed" | "restricted" | "rejected" | "cannot_comply" | "overdue" | "escalated" | "withdrawn" | "closed";
            version: number;
            actor: {
                id: string | null;
                role: string;
            };
            reason: string | null;
            detail: string | null;
            note: string | null;
            items: string[] | null;
        };
        Jwk: {
            kty: string;
            crv: string;
            x: string;
            kid: string;
            alg: string;
            use: string;
        };
        EventFeed: {
            data: components["schemas"]["NoticeEvent"][];
            /** @description Pass as `after` next time (unchanged when nothing was new) */
            lastSequence: number;
            /** @description Set when more events are waiting: pass it as `after`, as it came */
            nextCursor: string | null;
        };
        AuditEntry: {
            position: number;
            /** Format: date-time */
            at: string;
            actor: {
                id: string | null;
                role: string;
            };
            action: string;
            target: {
                type: string;
                id: string;
            };
            change: {
                [key: string]: unknown;
            };
            digest: string;
            prevHash: string | null;
            hash: string;
        };
        BlockingOrderSummary: {
            /** Format: uuid */
            id: string;
            /** @description Unique per year, e.g. KZ-2026-BO-000007 */
            decisionNumber: string;
            /** @description The escalated notice the order enforces */
            notice: {
                /** Format: uuid */
                id: string;
                referenceNumber: string;
            };
            /** @enum {unknown} */
            platform: "telegram" | "tiktok" | "facebook" | "instagram" | "vk" | "ok" | "mailru" | "livejournal" | "linkedin" | "youtube" | "x";
            issuingBody: string;
            /** @enum {unknown} */
            urgency: "normal" | "urgent";
            /**
             * @description lifted once the notice's material is removed (access restored) or the notice withdrawn
             * @enum {unknown}
             */
            status: "active" | "lifted";
            /** Format: date-time */
            decidedAt: string;
            liftedAt: string | null;
            liftReason: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** @description Blocked resources in the order */
            entryCount: number;
            /** @description Of which still in force */
            activeEntryCount: number;
        };
        BlockingOrderEntry: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            noticeItemId: string;
            /** @enum {unknown} */
            blockType: "url" | "domain" | "ip";
            /** @description What operators block: the canonical URL, a domain or an IP address */
            value: string;
            /** @description The item's URL as reported */
            url: string;
            /** Format: date-time */
            includedAt: string;
            liftedAt: string | null;
        };
        BlockingOrder: {
            /** Format: uuid */
            id: string;
            /** @description Unique per year, e.g. KZ-2026-BO-000007 */
            decisionNumber: string;
            /** @description The escalated notice the order enforces */
            notice: {
                /** Format: uuid */
                id: string;
                referenceNumber: string;
            };
            /** @enum {unknown} */
            platform: "telegram" | "tiktok" | "facebook" | "instagram" | "vk" | "ok" | "mailru" | "livejournal" | "linkedin" | "youtube" | "x";
            issuingBody: string;
            /** @enum {unknown} */
            urgency: "normal" | "urgent";
            /**
             * @description lifted once the notice's material is removed (access restored) or the notice withdrawn
             * @enum {unknown}
             */
            status: "active" | "lifted";
            /** Format: date-time */
            decidedAt: string;
            liftedAt: string | null;
            liftReason: string | null;
            /** Format: date-time */
            updatedAt: string;
            entries: components["schemas"]["BlockingOrderEntry"][];
        };
        BlockingRegisterEntry: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orderId: string;
            /** Format: date-time */
            includedAt: string;
            /** @enum {unknown} */
            urgency: "normal" | "urgent";
            /** @enum {unknown} */
            blockType: "url" | "domain" | "ip";
            value: string;
            decision: {
                number: string;
                /**
                 * Format: date
                 * @description The decision's calendar date in the issuing country (UTC+5)
                 */
                date: string;
                /** @description The issuing body */
                org: string;
            };
            liftedAt: string | null;
        };
        /** @description The register of blocked resources */
        BlockingRegister: {
            updatedAt: string | null;
            since: string | null;
            entries: components["schemas"]["BlockingRegisterEntry"][];
        };
        PlatformStats: {
            /** @enum {unknown} */
            platform: "telegram" | "tiktok" | "facebook" | "instagram" | "vk" | "ok" | "mailru" | "livejournal" | "linkedin" | "youtube" | "x";
            /** @description Notices issued in the period */
            notices: number;
            /** @description Notices issued in the period, by their current status */
            byStatus: {
                issued: number;
                delivered: number;
                acknowledged: number;
                removed: number;
                partially_removed: number;
                restricted: number;
                rejected: number;
                cannot_comply: number;
                overdue: number;
                escalated: number;
                withdrawn: number;
                closed: number;
            };
            /** @description Notices whose deadline fell in the period (and before now), less those withdrawn on or before their deadline without removal */
            due: number;
            /** @description Of the due notices, those whose first `removed` event is at or before the deadline */
            removedWithinDeadline: number;
            /** @description removedWithinDeadline / due; null when nothing was due */
            removedWithinDeadlineShare: number | null;
            /** @description Notices issued in the period that reached `removed` */
            removals: number;
            /** @description Median time from issue to the first `removed` event (interpolated), over `removals` */
            medianSecondsToRemoval: number | null;
            /** @description 90th percentile of the same (interpolated, as percentile_cont) */
            p90SecondsToRemoval: number | null;
            /** @description Notices issued in the period that ever went overdue */
            overdue: number;
            /** @description Notices issued in the period that were ever escalated */
            escalated: number;
            /** @description Notices issued in the period for material that was removed before (a re-upload) */
            reuploads: number;
        };
        Stats: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            platforms: components["schemas"]["PlatformStats"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Requests allowed in the one-minute window this request was counted in: its client's for a valid key, else its source address's (readiness checks have a window of their own per address) */
        "X-RateLimit-Limit": number;
        /** @description Requests left in the current window */
        "X-RateLimit-Remaining": number;
        /** @description Seconds until the window resets */
        "X-RateLimit-Reset": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics */
            200: {
                headers: {
                    /** @description Figures of the moment: never cached, so never tagged either */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database does not answer */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listClients: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page's nextCursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Client"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry replay the first response for 24 hours */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /**
                     * @description What the client may do
                     * @enum {unknown}
                     */
                    role: "authority" | "liaison" | "auditor" | "admin";
                    /** @description Required for liaisons, refused for other roles */
                    platform?: string;
                };
            };
        };
        responses: {
            /** @description Created; Location names the new resource */
            201: {
                headers: {
                    /** @description The path of the created resource */
                    Location: string;
                    /** @description Present when this is the stored answer to an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedClient"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state, or a retry of a request still running (see `code`) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Client"];
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Client"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state, or a retry of a request still running (see `code`) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlatforms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Platform"][];
                        nextCursor: null;
                    };
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlatform: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Platform"];
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePlatform: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    legalEntity?: {
                        name: string;
                        country: string;
                        address: string;
                    };
                    legalRepresentative?: {
                        name: string;
                        /** Format: email */
                        email: string;
                    } | null;
                    channels?: {
                        webhookUrl: string | null;
                        email: string | null;
                        portal: string | null;
                    };
                    languages?: string[];
                    deadlines?: {
                        /** Format: int32 */
                        normalHours: number;
                        /** Format: int32 */
                        urgentHours: number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Platform"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listLegalBases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LegalBasis"][];
                        nextCursor: null;
                    };
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createLegalBasis: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry replay the first response for 24 hours */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A stable slug, e.g. kz-communications-41-1 */
                    id: string;
                    citation: string;
                    citations?: {
                        kk: string;
                        ru: string;
                        en: string;
                    };
                    title: {
                        kk: string;
                        ru: string;
                        en: string;
                    };
                    text: {
                        kk: string;
                        ru: string;
                        en: string;
                    };
                };
            };
        };
        responses: {
            /** @description Created; Location names the new resource */
            201: {
                headers: {
                    /** @description The path of the created resource */
                    Location: string;
                    /** @description Present when this is the stored answer to an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalBasis"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state, or a retry of a request still running (see `code`) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLegalBasis: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalBasis"];
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateLegalBasis: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    citation?: string;
                    citations?: {
                        kk: string;
                        ru: string;
                        en: string;
                    };
                    title?: {
                        kk: string;
                        ru: string;
                        en: string;
                    };
                    text?: {
                        kk: string;
                        ru: string;
                        en: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalBasis"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReports: {
        parameters: {
            query?: {
                externalRef?: string;
                /** @description The kind of violation (each maps onto the EU DSA Transparency Database vocabulary) */
                category?: "terrorism" | "extremism" | "violence" | "pornography" | "child_sexual_abuse" | "suicide" | "drugs" | "cyberbullying" | "fraud" | "other";
                createdSince?: string;
                limit?: number;
                /** @description Opaque cursor from a previous page's nextCursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ReportSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry replay the first response for 24 hours */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The caller's own case or record number */
                    externalRef: string;
                    /**
                     * @description The kind of violation (each maps onto the EU DSA Transparency Database vocabulary)
                     * @enum {unknown}
                     */
                    category: "terrorism" | "extremism" | "violence" | "pornography" | "child_sexual_abuse" | "suicide" | "drugs" | "cyberbullying" | "fraud" | "other";
                    /** @description An id from GET /v1/legal-bases */
                    legalBasis: string;
                    statementOfReasons: string;
                    /**
                     * @description Urgent notices get the platform's short deadline (1 hour by default)
                     * @enum {unknown}
                     */
                    urgency: "normal" | "urgent";
                    /** @description ISO 3166-1 alpha-2 countries where access is to be restricted; default ["KZ"] */
                    territorialScope?: string[];
                    items: {
                        url: string;
                        /**
                         * @description What the item is
                         * @enum {unknown}
                         */
                        contentType: "text" | "image" | "video" | "audio" | "account" | "link" | "other";
                        hashes?: {
                            /** @description SHA-256 of the file, 64 hex digits */
                            sha256?: string;
                            /** @description MD5 of the file, 32 hex digits */
                            md5?: string;
                            /** @description PDQ perceptual hash, 64 hex digits */
                            pdq?: string;
                            /** @description A vPDQ video hash (ThreatExchange's): the PDQ hashes of the video's frames */
                            vpdq?: {
                                /** @description The hasher's frame step in seconds (0: every frame) */
                                secondsPerHash?: number;
                                /** @description One PDQ hash per kept frame, in frame order */
                                features: {
                                    /**
                                     * Format: int32
                                     * @description The frame's number in the decoded stream, from 0; increasing
                                     */
                                    frame: number;
                                    /**
                                     * Format: int32
                                     * @description PDQ quality; frames under 50 are not compared
                                     */
                                    quality: number;
                                    /** @description The frame's PDQ hash, 64 hex digits */
                                    hash: string;
                                    /** @description Seconds from the start of the video */
                                    timestamp: number;
                                    /** @description The gateway's extension (POST /v1/media/hashes gives it): the frame's PDQ without its uniform borders, 64 hex digits. Frames with it are also compared without their borders, so a letterboxed or pillarboxed copy matches; a bank entry never carries it (the trimmed frames are an entry of their own, labelled `trimmed`) */
                                    trimmedHash?: string;
                                    /**
                                     * Format: int32
                                     * @description With trimmedHash: its PDQ quality; without it the frame's quality stands for it
                                     */
                                    trimmedQuality?: number;
                                }[];
                            };
                        };
                        /** Format: date-time */
                        capturedAt?: string;
                        /** @description Where the caller keeps its evidence (never the material itself) */
                        evidenceRef?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created; Location names the new resource */
            201: {
                headers: {
                    /** @description The path of the created resource */
                    Location: string;
                    /** @description Present when this is the stored answer to an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state, or a retry of a request still running (see `code`) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotices: {
        parameters: {
            query?: {
                platform?: "telegram" | "tiktok" | "facebook" | "instagram" | "vk" | "ok" | "mailru" | "livejournal" | "linkedin" | "youtube" | "x";
                /** @description Where the notice stands in its lifecycle */
                status?: "issued" | "delivered" | "acknowledged" | "removed" | "partially_removed" | "restricted" | "rejected" | "cannot_comply" | "overdue" | "escalated" | "withdrawn" | "closed";
                updatedSince?: string;
                limit?: number;
                /** @description Opaque cursor from a previous page's nextCursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Notice"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notice"];
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNoticeDocument: {
        parameters: {
            query?: {
                format?: "json" | "text" | "html" | "pdf";
                /** @description Default: the platform's declared language */
                lang?: "en" | "ru" | "kk";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rendering */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    /** @description The language of a text, HTML or PDF rendering */
                    "Content-Language"?: "en" | "ru" | "kk";
                    /** @description PDF only: inline; filename="<referenceNumber>.<lang>.pdf" */
                    "Content-Disposition"?: string;
                    /** @description HTML only: nothing loaded, run, framed or submitted, styles inline only (the letter repeats it in a <meta> tag for a saved copy) */
                    "Content-Security-Policy"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                    "text/plain": string;
                    "text/html": string;
                    "application/pdf": string;
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNoticeSignature: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticeSignature"];
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    transitionNotice: {
        parameters: {
            query?: never;
            header: {
                /** @description The notice's current ETag, from your last read; without it the answer is 428 */
                "if-match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description What was done (see the lifecycle table)
                     * @enum {unknown}
                     */
                    action: "deliver" | "acknowledge" | "remove" | "restrict" | "reject" | "cannot_comply" | "clarify" | "escalate" | "withdraw" | "close";
                    /** @description For remove: the items removed; omitted means all remaining */
                    items?: string[];
                    /** @description Required for reject and withdraw; for cannot_comply one of force_majeure, manifest_error, insufficient_information, other */
                    reason?: string;
                    /** @description Required for cannot_comply and clarify */
                    detail?: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The notice after the action; ETag is its new version */
            200: {
                headers: {
                    /** @description The notice's new version, for the next If-Match */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notice"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state, or a retry of a request still running (see `code`) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The If-Match precondition failed */
            412: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNoticeEvents: {
        parameters: {
            query?: {
                updatedSince?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["NoticeEvent"][];
                    };
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNoticeDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["NoticeDelivery"][];
                    };
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliverNoticeDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticeDelivery"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeNoticeResponseLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many active links were revoked (0: none was active) */
                        revoked: number;
                    };
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page's nextCursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookEndpoint"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry replay the first response for 24 hours */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uri
                     * @description An https URL on a public address (checked again at every delivery, after DNS resolution); plain http and loopback only where the gateway is configured for development
                     */
                    url: string;
                    description?: string;
                    /** @description The event types sent to this endpoint; `*` for every one */
                    eventTypes: ("*" | "notice.created" | "notice.deliver" | "notice.acknowledge" | "notice.remove" | "notice.restrict" | "notice.reject" | "notice.cannot_comply" | "notice.clarify" | "notice.expire" | "notice.escalate" | "notice.withdraw" | "notice.close")[];
                    /** @description Only these platforms' events (authorities only) */
                    platforms?: string[];
                };
            };
        };
        responses: {
            /** @description Created; Location names the new resource */
            201: {
                headers: {
                    /** @description The path of the created resource */
                    Location: string;
                    /** @description Present when this is the stored answer to an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state, or a retry of a request still running (see `code`) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uri
                     * @description An https URL on a public address (checked again at every delivery, after DNS resolution); plain http and loopback only where the gateway is configured for development
                     */
                    url?: string;
                    description?: string | null;
                    /** @description The event types sent to this endpoint; `*` for every one */
                    eventTypes?: ("*" | "notice.created" | "notice.deliver" | "notice.acknowledge" | "notice.remove" | "notice.restrict" | "notice.reject" | "notice.cannot_comply" | "notice.clarify" | "notice.expire" | "notice.escalate" | "notice.withdraw" | "notice.close")[];
                    platforms?: string[] | null;
                    /** @description true enables a disabled endpoint again (its failing streak starts afresh); false pauses it */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookEndpointSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: int32
                     * @description How long the previous secret keeps signing beside the new one
                     * @default 24
                     */
                    overlapHours?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description The last sequence you have seen (`lastSequence`, or `nextCursor` as it came; 0 or absent from the start) */
                after?: number | string;
                limit?: number;
                /** @description Long polling: seconds to wait for something new when nothing is */
                wait?: number;
                /** @description Only events that happened at or after this time (to start a new poller near now; keep using `after` from then on) */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventFeed"];
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                after?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AuditEntry"][];
                        lastPosition: number;
                    };
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLatestAuditCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed checkpoint */
            200: {
                headers: {
                    /** @description Signed at the moment of asking: never cached, so never tagged either */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The position of the chain's head when signed (0: no entry yet) */
                        position: number;
                        /** @description The hash of the entry at that position */
                        hash: string | null;
                        /** Format: date-time */
                        at: string;
                        /** @description Compact JWS of { position, hash, at } */
                        checkpoint: string;
                    };
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyAuditTrail: {
        parameters: {
            query?: {
                /** @description A checkpoint kept from GET /v1/audit/checkpoints/latest */
                checkpoint?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        intact: boolean;
                        /** @description Entries verified before the break (all of them when intact) */
                        checked: number;
                        firstBroken: {
                            position: number;
                            /**
                             * @description digest: the change was altered; link: the previous hash does not match; hash: the entry was altered; gap: an entry is missing; truncated: the chain ends before its stored head or the checkpoint; checkpoint: the entry at the checkpoint's position is not the one signed
                             * @enum {unknown}
                             */
                            reason: "digest" | "link" | "hash" | "gap" | "truncated" | "checkpoint";
                        } | null;
                        /** @description The checkpoint given, and whether the chain still reaches it; null without one */
                        checkpoint: {
                            /** @description The position of the chain's head when signed (0: no entry yet) */
                            position: number;
                            /** @description The hash of the entry at that position */
                            hash: string | null;
                            /** Format: date-time */
                            at: string;
                            /** @description The chain reaches the checkpoint's position with the same hash, intact up to there */
                            reached: boolean;
                        } | null;
                    };
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBlockingOrders: {
        parameters: {
            query?: {
                status?: "active" | "lifted";
                platform?: "telegram" | "tiktok" | "facebook" | "instagram" | "vk" | "ok" | "mailru" | "livejournal" | "linkedin" | "youtube" | "x";
                updatedSince?: string;
                limit?: number;
                /** @description Opaque cursor from a previous page's nextCursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BlockingOrderSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportBlockingRegister: {
        parameters: {
            query?: {
                format?: "csv" | "json" | "xml";
                /** @description Entries included or lifted at or after this time; without it, the entries in force now */
                updatedSince?: string;
                /** @description Deprecated: the former name of `updatedSince`, still accepted (`updatedSince` wins when both are sent) */
                since?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The register (content-disposition names a file) */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    /** @description attachment; filename="blocking-register-<updateTime>[-delta].<format>" */
                    "Content-Disposition"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockingRegister"];
                    "text/csv": string;
                    "application/xml": string;
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBlockingOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockingOrder"];
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStats: {
        parameters: {
            query?: {
                /** @description Start of the period, inclusive; default: 30 days before `to` */
                from?: string;
                /** @description End of the period, exclusive; default: now */
                to?: string;
                platform?: "telegram" | "tiktok" | "facebook" | "instagram" | "vk" | "ok" | "mailru" | "livejournal" | "linkedin" | "youtube" | "x";
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    /** @description CSV only: attachment; filename="stats-<from>-<to>.csv" */
                    "Content-Disposition"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stats"];
                    "text/csv": string;
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResponsePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The link's secret part, as the e-mail gave it (whoever holds it may act on the notice) */
                link: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No such link */
            404: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link was revoked, or the notice is closed */
            410: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too many requests from this address */
            429: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description An unexpected failure */
            500: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The database is unavailable */
            503: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    respondThroughPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The link's secret part, as the e-mail gave it (whoever holds it may act on the notice) */
                link: string;
            };
            cookie?: never;
        };
        /** @description The form's fields */
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": Record<string, never>;
            };
        };
        responses: {
            /** @description Recorded: the page again, with a confirmation */
            200: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A malformed form */
            400: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A form from another site, or without the page's form token */
            403: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No such link */
            404: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The notice changed since the page was shown, or the action is not allowed now */
            409: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link was revoked, or the notice is closed */
            410: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form is too large */
            413: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not a form (application/x-www-form-urlencoded) */
            415: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The action lacks a field it needs */
            422: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too many requests from this address */
            429: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description An unexpected failure */
            500: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The database is unavailable */
            503: {
                headers: {
                    /** @description Never cached, so never tagged: the page carries a form token, and every answer speaks of one link */
                    "Cache-Control"?: "no-store";
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getSigningKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JWK Set */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    /** @description Keys may be cached for 5 minutes */
                    "Cache-Control"?: "public, max-age=300";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: components["schemas"]["Jwk"][];
                    };
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    /** @description Keys may be cached for 5 minutes */
                    "Cache-Control"?: "public, max-age=300";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    matchHashes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    hashes: ({
                        /** @enum {string} */
                        type: "vpdq";
                        /** @description A vPDQ video hash (ThreatExchange's): the PDQ hashes of the video's frames */
                        value: {
                            /** @description The hasher's frame step in seconds (0: every frame) */
                            secondsPerHash?: number;
                            /** @description One PDQ hash per kept frame, in frame order */
                            features: {
                                /**
                                 * Format: int32
                                 * @description The frame's number in the decoded stream, from 0; increasing
                                 */
                                frame: number;
                                /**
                                 * Format: int32
                                 * @description PDQ quality; frames under 50 are not compared
                                 */
                                quality: number;
                                /** @description The frame's PDQ hash, 64 hex digits */
                                hash: string;
                                /** @description Seconds from the start of the video */
                                timestamp: number;
                                /** @description The gateway's extension (POST /v1/media/hashes gives it): the frame's PDQ without its uniform borders, 64 hex digits. Frames with it are also compared without their borders, so a letterboxed or pillarboxed copy matches; a bank entry never carries it (the trimmed frames are an entry of their own, labelled `trimmed`) */
                                trimmedHash?: string;
                                /**
                                 * Format: int32
                                 * @description With trimmedHash: its PDQ quality; without it the frame's quality stands for it
                                 */
                                trimmedQuality?: number;
                            }[];
                        };
                        /**
                         * @description A banked video matches when at least this share of the query's frames is found in it (HMA: 80)
                         * @default 80
                         */
                        queryMatchPercent?: number;
                        /**
                         * @description ... and at least this share of its frames is found in the query (HMA: 0); lower the first and raise this to find a banked clip inside a longer query
                         * @default 0
                         */
                        comparedMatchPercent?: number;
                    } | {
                        /**
                         * @description sha256 and md5 match exactly; pdq within distance 31 over all eight orientations
                         * @enum {unknown}
                         */
                        type: "sha256" | "md5" | "pdq";
                        /** @description Hex digits: 64 for sha256 and pdq, 32 for md5 */
                        value: string;
                        /**
                         * Format: int32
                         * @description pdq only: the quality the hasher reported (POST /v1/media/hashes gives it). Below 50 the hash is skipped; without it the hash is matched
                         */
                        quality?: number;
                    })[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchResponse"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHashBankEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HashBankEntry"];
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retireHashBankEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HashBankEntry"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHashBankChanges: {
        parameters: {
            query?: {
                /** @description A change's `cursor` (or a page's `nextCursor`): answers the changes after it. Omit to read from the start */
                cursor?: string;
                /** @description Deprecated: the former name of `cursor`, still accepted (`cursor` wins when both are sent) */
                since?: string;
                /** @description sha256 and md5 match exactly; pdq within distance 31 over all eight orientations; vpdq (a video's frame hashes) by the share of frames matched */
                type?: "sha256" | "md5" | "pdq" | "vpdq";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HashBankChangesPage"];
                };
            };
            /** @description Not modified: nothing changed since the ETag sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The representation's entity tag: send it in If-None-Match to be answered 304 while it still holds */
                    ETag: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importHashList: {
        parameters: {
            query: {
                /** @description The list's name; it becomes the source of its entries ("notice" is reserved) */
                name: string;
                /** @description lenient keeps the valid lines; strict stores nothing unless every line is valid */
                mode: "lenient" | "strict";
                /** @description The kind of violation (each maps onto the EU DSA Transparency Database vocabulary) */
                category?: "terrorism" | "extremism" | "violence" | "pornography" | "child_sexual_abuse" | "suicide" | "drugs" | "cyberbullying" | "fraud" | "other";
            };
            header?: {
                /** @description Makes a retry replay the first response for 24 hours */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/x-ndjson": string;
                "text/x-vpdq": string;
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Present when this is the stored answer to an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HashListImport"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state, or a retry of a request still running (see `code`) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bankMedia: {
        parameters: {
            query: {
                noticeId: string;
                itemId?: string;
            };
            header?: {
                /** @description Makes a retry replay the first response for 24 hours */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/jpeg": unknown;
                "image/png": unknown;
                "image/webp": unknown;
                "image/gif": unknown;
                "image/tiff": unknown;
                "video/mp4": unknown;
                "video/webm": unknown;
                "video/quicktime": unknown;
                "video/x-matroska": unknown;
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description Present when this is the stored answer to an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankedMedia"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or not visible to this caller) */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state, or a retry of a request still running (see `code`) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    hashMedia: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/jpeg": unknown;
                "image/png": unknown;
                "image/webp": unknown;
                "image/gif": unknown;
                "image/tiff": unknown;
                "video/mp4": unknown;
                "video/webm": unknown;
                "video/quicktime": unknown;
                "video/x-matroska": unknown;
            };
        };
        responses: {
            /** @description An image answers `pdq`, a video `vpdq` */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MediaHashes"];
                };
            };
            /** @description The request is malformed or does not match the schema */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API key */
            401: {
                headers: {
                    /** @description The authentication scheme to use: Bearer */
                    "WWW-Authenticate"?: string;
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this */
            403: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body's Content-Type is not one this operation takes */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed but not acceptable */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached; see Retry-After */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (details are logged, never returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable (the database or an index is not reachable); see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
