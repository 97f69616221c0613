using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Localization;

namespace Qedu.Kernel.Idempotency;

/// <summary>A write that came with an <c>Idempotency-Key</c>: whose, the key, and its body and fingerprint.</summary>
public sealed record IdempotentRequest(string Owner, string Key, byte[] Body)
{
    /// <summary>SHA-256 of the body, hex.</summary>
    public string Fingerprint { get; } = Convert.ToHexStringLower(SHA256.HashData(Body));
}

/// <summary>
/// The <c>Idempotency-Key</c> header on writes that must happen once however often a client retries them (the IETF
/// httpapi draft "The Idempotency-Key HTTP Header Field"): the same key with the same body gets the first answer again;
/// with another body, 422; while the first request with the key is still running, 409; without the header, 400 naming
/// it. Keys are kept <see cref="KeptFor"/> (at least the 24 hours the contract promises).
/// <para>
/// The key's record commits with the work (<see cref="IdempotencyRecord"/>), so nothing acknowledged can lose its key.
/// "Still running" is known per node (<see cref="TryBegin"/>); two nodes given the same key at once both try, the
/// record's unique index lets one commit, and the other answers with the first's record (docs/admissions.md).
/// </para>
/// </summary>
public sealed class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on an answer that is a replay of the first (as payment APIs do), so a client can tell.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxKeyLength = 255;

    /// <summary>How long a key is kept: twice the 24 hours promised, so a purge never races a client at the edge.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(48);

    private readonly ConcurrentDictionary<(string Owner, string Key), byte> _running = new();

    /// <summary>
    /// Reads the key (a structured-field string, quoted or not) and the whole body; a missing or malformed key is a 400
    /// problem naming the header. <paramref name="maxBody"/> bounds what is read.
    /// </summary>
    public static async Task<(IdempotentRequest? Request, IResult? Refusal)> ReadAsync(
        HttpContext context, string owner, IStringLocalizer<KernelText> t, int maxBody = 64 * 1024)
    {
        var values = context.Request.Headers[Header];
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { [Header] = [t["Idempotency.Missing"]] }));
        }
        var key = values.Count == 1 ? Unquote(values[0]!.Trim()) : null;
        if (key is null || key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { [Header] = [t["Idempotency.Invalid"]] }));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        for (int read; (read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0;)
        {
            if (buffer.Length + read > maxBody)
            {
                return (null, Results.Problem(string.Format(t["Request.TooLarge"], $"{maxBody / 1024} KB"),
                    statusCode: StatusCodes.Status413PayloadTooLarge));
            }
            buffer.Write(chunk, 0, read);
        }
        return (new IdempotentRequest(owner, key, buffer.ToArray()), null);
    }

    /// <summary>
    /// Marks the key as running on this node until the returned handle is disposed; null when a request with the same
    /// key is still running here (answer <see cref="Running"/>).
    /// </summary>
    public IDisposable? TryBegin(IdempotentRequest request)
    {
        var id = (request.Owner, request.Key);
        return _running.TryAdd(id, 0) ? new Release(() => _running.TryRemove(id, out _)) : null;
    }

    /// <summary>
    /// The answer already given to this key (replayed with <see cref="ReplayedHeader"/>), a 422 when the key came with
    /// another body, or null when the key is new.
    /// </summary>
    public static async Task<IResult?> RecordedAsync(
        IQueryable<IdempotencyRecord> records, IdempotentRequest request, IStringLocalizer<KernelText> t, CancellationToken ct = default)
    {
        var found = await records.AsNoTracking()
            .Where(r => r.Owner == request.Owner && r.Key == request.Key)
            .Select(r => new { r.Fingerprint, r.StatusCode, r.Body, r.Location })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        return found.Fingerprint == request.Fingerprint
            ? new StoredAnswer(found.StatusCode, found.Body, found.Location, Replayed: true)
            : Results.Problem(t["Idempotency.Mismatch"], statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["field"] = Header });
    }

    /// <summary>The 409 for a key whose first request is still running.</summary>
    public static IResult Running(IStringLocalizer<KernelText> t) =>
        Results.Problem(t["Idempotency.Running"], statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["field"] = Header });

    /// <summary>The record to add to the work's own save, and the answer to send once it has committed.</summary>
    public static (IdempotencyRecord Record, IResult Answer) Answer(
        IdempotentRequest request, int statusCode, string body, string? location, DateTimeOffset now) =>
        (new IdempotencyRecord
        {
            Owner = request.Owner,
            Key = request.Key,
            Fingerprint = request.Fingerprint,
            StatusCode = statusCode,
            Body = body,
            Location = location,
            CreatedAt = now,
        }, new StoredAnswer(statusCode, body, location, Replayed: false));

    /// <summary>Deletes the keys older than <see cref="KeptFor"/>; returns how many.</summary>
    public static Task<int> PurgeAsync(IQueryable<IdempotencyRecord> records, DateTimeOffset now, CancellationToken ct = default)
    {
        var before = now - KeptFor;
        return records.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
    }

    private static string? Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            var inner = value[1..^1];
            return inner.Contains('"') || inner.Contains('\\') ? null : inner;
        }
        return value.Contains('"') ? null : value;
    }

    private sealed class Release(Action release) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                release();
            }
        }
    }

    /// <summary>A recorded JSON answer, sent as it was stored.</summary>
    private sealed record StoredAnswer(int StatusCode, string Body, string? Location, bool Replayed) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.StatusCode = StatusCode;
            response.ContentType = "application/json; charset=utf-8";
            if (Location is not null)
            {
                response.Headers.Location = Location;
            }
            if (Replayed)
            {
                response.Headers[ReplayedHeader] = "true";
            }
            await response.WriteAsync(Body, Encoding.UTF8, context.RequestAborted);
        }
    }
}

/// <summary>
/// Endpoint metadata: the endpoint requires <see cref="IdempotencyKeys.Header"/>. The web host's OpenAPI document states
/// the header as a required parameter of every such endpoint.
/// </summary>
public sealed class IdempotencyKeyRequired
{
    public static readonly IdempotencyKeyRequired Instance = new();

    private IdempotencyKeyRequired()
    {
    }
}
