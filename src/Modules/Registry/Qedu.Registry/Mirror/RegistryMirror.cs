using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;

namespace Qedu.Registry.Mirror;

/// <summary>Where to mirror from: another Qedu's base address and the OAuth client this instance signs in as.</summary>
public sealed record MirrorSource(Uri Address, string ClientId, string ClientSecret)
{
    /// <summary>The address as the cursor table keys it: scheme, host, port and path, lower-case, no trailing slash.</summary>
    public string Key => Address.GetLeftPart(UriPartial.Path).TrimEnd('/').ToLowerInvariant();
}

/// <summary>After each applied page: the source version reached and the lines applied so far.</summary>
public sealed record MirrorProgress(long LastVersion, int PageLines, long TotalLines);

/// <summary>What one run did: from which version to which, how many lines, rows written and rows removed.</summary>
public sealed record MirrorResult(long FromVersion, long LastVersion, int Pages, long Lines, long Written, long Removed);

/// <summary>The mirror could not go on; the message says why, in Chinese and English. Nothing of the failed page is written.</summary>
public sealed class MirrorFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Makes this instance's registry a copy of another Qedu's: it pulls the source's change feed (with data) over HTTP with
/// an OAuth2 client-credentials token, and applies each page in version order in one transaction (upsert by id, delete
/// on a tombstone or on a line whose record the source no longer shows), together with the page's cursor. It runs as
/// the system only: the rows are the source's, already scope-checked there, and belong to any school of this instance.
/// Its writes go through the change-feed interceptor like any other, so this instance's own feed carries them and
/// another instance can mirror this one in turn.
/// </summary>
public sealed class RegistryMirror
{
    public const string HttpClientName = "registry-mirror";
    public const int PageSize = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly RegistryDb _db;
    private readonly OrgTree _tree;
    private readonly ICurrentAccess _access;
    private readonly AuditTrail _audit;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, int> _orgIds = new(StringComparer.Ordinal);

    internal RegistryMirror(RegistryDb db, OrgTree tree, ICurrentAccess access, AuditTrail audit, IHttpClientFactory http, TimeProvider clock)
    {
        _db = db;
        _tree = tree;
        _access = access;
        _audit = audit;
        _http = http;
        _clock = clock;
    }

    /// <summary>Applies the source's feed from this instance's cursor until it is caught up.</summary>
    public async Task<MirrorResult> RunAsync(MirrorSource source, IProgress<MirrorProgress>? progress = null, CancellationToken ct = default)
    {
        if (!_access.Current.IsSystem)
        {
            // Mirroring writes rows anywhere in this instance, past every user's scope: only the system may.
            throw new InvalidOperationException("The registry mirror runs as the system (the command line or a job), never for a user.");
        }
        using var http = _http.CreateClient(HttpClientName);
        var token = await TokenAsync(http, source, ct);
        var cursor = await _db.MirrorCursors.AsNoTracking().SingleOrDefaultAsync(c => c.Source == source.Key && c.ClientId == source.ClientId, ct);
        var from = cursor?.LastVersion ?? 0;
        var since = from;
        int pages = 0;
        long lines = 0, written = 0, removed = 0;
        while (true)
        {
            var (page, fresh) = await PageAsync(http, source, token, since, ct);
            token = fresh;
            if (page.Items.Count == 0)
            {
                break;
            }
            var (w, r) = await ApplyAsync(source, since, page, ct);
            pages++;
            lines += page.Items.Count;
            written += w;
            removed += r;
            since = page.LastVersion;
            progress?.Report(new MirrorProgress(since, page.Items.Count, lines));
            if (!page.HasMore)
            {
                break;
            }
        }
        return new MirrorResult(from, since, pages, lines, written, removed);
    }

    private static async Task<string> TokenAsync(HttpClient http, MirrorSource source, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = source.ClientId,
            ["client_secret"] = source.ClientSecret,
            ["scope"] = $"{Permissions.RegistryRead} {Permissions.RegistryExport} {Permissions.PiiView}",
        });
        using var response = await SendAsync(http, source, () => new HttpRequestMessage(HttpMethod.Post, new Uri(source.Address, "connect/token")) { Content = form }, ct);
        var body = await ReadJsonAsync(response, source, ct);
        if (response.IsSuccessStatusCode && body.TryGetProperty("access_token", out var token) && token.GetString() is { Length: > 0 } value)
        {
            return value;
        }
        var error = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) ? e.GetString() : null;
        var description = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error_description", out var d) ? d.GetString() : null;
        throw error switch
        {
            "invalid_client" or "unauthorized_client" => Fail("Mirror.AuthRefused", source.Key, source.ClientId, description ?? error),
            "invalid_scope" or "invalid_request" => Fail("Mirror.ScopeRefused", source.Key, source.ClientId, description ?? error),
            _ => Fail("Mirror.SourceError", source.Key, (int)response.StatusCode, description ?? error ?? ""),
        };
    }

    private static async Task<(FeedPage Page, string Token)> PageAsync(HttpClient http, MirrorSource source, string token, long since, CancellationToken ct)
    {
        var uri = new Uri(source.Address, string.Create(CultureInfo.InvariantCulture, $"api/registry/changes?since={since}&limit={PageSize}"));
        HttpRequestMessage Request(string bearer)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            return request;
        }
        var response = await SendAsync(http, source, () => Request(token), ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The token may have expired during a long run: one new token, one more try.
            response.Dispose();
            token = await TokenAsync(http, source, ct);
            response = await SendAsync(http, source, () => Request(token), ct);
        }
        using (response)
        {
            var body = await ReadJsonAsync(response, source, ct);
            if (!response.IsSuccessStatusCode)
            {
                var detail = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("detail", out var d) ? d.GetString() : null;
                throw response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    ? Fail("Mirror.ScopeRefused", source.Key, source.ClientId, $"{(int)response.StatusCode} {detail}")
                    : Fail("Mirror.SourceError", source.Key, (int)response.StatusCode, detail ?? "");
            }
            FeedPage? page;
            try
            {
                page = body.Deserialize<FeedPage>(Json);
            }
            catch (JsonException e)
            {
                throw Fail("Mirror.Malformed", source.Key, e.Message);
            }
            if (page?.Items is null)
            {
                throw Fail("Mirror.Malformed", source.Key, "items");
            }
            var previous = since;
            foreach (var line in page.Items)
            {
                if (line.Version <= previous)
                {
                    throw Fail("Mirror.Malformed", source.Key, $"version {line.Version} after {previous}");
                }
                previous = line.Version;
            }
            if (page.Items.Count > 0 && page.LastVersion != previous)
            {
                throw Fail("Mirror.Malformed", source.Key, $"lastVersion {page.LastVersion} ≠ {previous}");
            }
            return (page, token);
        }
    }

    /// <summary>One page, in one transaction with its cursor: all of it or none of it.</summary>
    private async Task<(int Written, int Removed)> ApplyAsync(MirrorSource source, long since, FeedPage page, CancellationToken ct)
    {
        // Read and check everything before writing anything.
        var parsed = new Dictionary<(string Type, long Id), IExchangeData?>();
        foreach (var line in page.Items)
        {
            var kind = ExchangeKinds.Find(line.EntityType) ?? throw Fail("Mirror.UnknownType", source.Key, line.EntityType, line.Version);
            if (parsed.ContainsKey((line.EntityType, line.EntityId)))
            {
                continue;
            }
            IExchangeData? data = null;
            if (!line.Deleted && line.Data is { ValueKind: JsonValueKind.Object } json)
            {
                try
                {
                    data = kind.Read(json, Json);
                }
                catch (JsonException e)
                {
                    throw Fail("Mirror.Malformed", source.Key, $"{line.EntityType} {line.EntityId}: {e.Message}");
                }
                if (data.Id != line.EntityId)
                {
                    throw Fail("Mirror.Malformed", source.Key, $"{line.EntityType} {line.EntityId}: id {data.Id}");
                }
                if (data.Masked)
                {
                    throw Fail("Mirror.Masked", source.Key, source.ClientId);
                }
            }
            parsed[(line.EntityType, line.EntityId)] = data;
        }
        await ResolveOrgsAsync(parsed.Values.OfType<IExchangeData>().Select(d => d.OrgCode), source, ct);

        await using var transaction = await _db.Database.BeginTransactionAsync(ct);
        try
        {
            // Rows keep the source's ids, which came from the source's counter: lift ours above them first.
            await ChangeVersions.RaiseToAsync(_db, page.LastVersion, ct);

            var local = new Dictionary<(string Type, long Id), IRegistryRecord>();
            foreach (var group in parsed.Keys.GroupBy(k => k.Type))
            {
                var kind = ExchangeKinds.Find(group.Key)!;
                foreach (var row in await kind.LoadAsync(_db, group.Select(k => k.Id).ToList(), tracking: true, ct))
                {
                    local[(group.Key, row.Id)] = row;
                }
            }

            // In version order. Data is the source's current state, the same on every line of a record within a page,
            // so a record is written (or removed) once, at its first line; its later lines change nothing.
            var done = new HashSet<(string, long)>();
            int written = 0, removed = 0;
            foreach (var line in page.Items)
            {
                var key = (line.EntityType, line.EntityId);
                if (!done.Add(key))
                {
                    continue;
                }
                var data = parsed[key];
                local.TryGetValue(key, out var existing);
                if (data is null)
                {
                    if (existing is not null)
                    {
                        _db.Remove(existing);
                        removed++;
                    }
                    continue;
                }
                var row = ExchangeKinds.Find(line.EntityType)!.ToEntity(data, _orgIds[data.OrgCode]);
                if (existing is null)
                {
                    _db.Add(row);
                }
                else
                {
                    // Our revision stays ours (it is this instance's version, the ETag here); only the data is copied.
                    row.Revision = existing.Revision;
                    _db.Entry(existing).CurrentValues.SetValues(row);
                }
                written++;
            }

            var cursor = await _db.MirrorCursors.SingleOrDefaultAsync(c => c.Source == source.Key && c.ClientId == source.ClientId, ct);
            if (cursor is null)
            {
                _db.MirrorCursors.Add(cursor = new MirrorCursor { Source = source.Key, ClientId = source.ClientId });
            }
            cursor.LastVersion = page.LastVersion;
            cursor.UpdatedAt = _clock.GetUtcNow();
            await _db.SaveChangesAsync(ct);
            await _audit.RecordWithinAsync(_db, "mirror", nameof(RegistryMirror), string.Create(CultureInfo.InvariantCulture,
                $"source={source.Key}; client={source.ClientId}; versions {since + 1}..{page.LastVersion}; lines={page.Items.Count}; written={written}; removed={removed}"), ct);
            await transaction.CommitAsync(ct);
            return (written, removed);
        }
        finally
        {
            _db.ChangeTracker.Clear();
        }
    }

    /// <summary>Org units are matched by code (ids are local to each instance); an unknown code stops the mirror.</summary>
    private async Task ResolveOrgsAsync(IEnumerable<string> codes, MirrorSource source, CancellationToken ct)
    {
        var missing = codes.Where(c => !_orgIds.ContainsKey(c)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }
        foreach (var (code, id) in await _tree.IdsOfCodesPastScopeAsync(missing, ct))
        {
            _orgIds[code] = id;
        }
        var unknown = missing.FirstOrDefault(c => !_orgIds.ContainsKey(c));
        if (unknown is not null)
        {
            throw Fail("Mirror.UnknownOrg", source.Key, unknown);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, MirrorSource source, Func<HttpRequestMessage> request, CancellationToken ct)
    {
        using var message = request();
        try
        {
            return await http.SendAsync(message, ct);
        }
        catch (HttpRequestException e)
        {
            throw Fail("Mirror.Unreachable", e, source.Key, e.Message);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw Fail("Mirror.Unreachable", e, source.Key, e.Message);
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, MirrorSource source, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (text.Length == 0)
        {
            return default;
        }
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not Qedu answering (a proxy's error page, another web server): say what came back.
            throw Fail("Mirror.SourceError", source.Key, (int)response.StatusCode, text.Length > 120 ? text[..120] + "…" : text);
        }
    }

    private static MirrorFailedException Fail(string key, params object[] args) => new(MirrorText.Both(key, args));

    private static MirrorFailedException Fail(string key, Exception inner, params object[] args) => new(MirrorText.Both(key, args), inner);

    private sealed record FeedLine(long Version, string EntityType, long EntityId, string OrgCode, bool Deleted, JsonElement? Data);

    private sealed record FeedPage(List<FeedLine> Items, long LastVersion, bool HasMore);
}
