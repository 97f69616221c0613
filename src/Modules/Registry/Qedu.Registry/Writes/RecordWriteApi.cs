using Qedu.Kernel.Persistence;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Localization;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Resources;

namespace Qedu.Registry.Writes;

/// <summary>One line of a bulk answer: which item, which record, its new revision, and whether it was new.</summary>
internal sealed record BulkItemResult(int Index, long Id, long Revision, bool Created);

internal sealed record BulkResult(int Created, int Updated, IReadOnlyList<BulkItemResult> Items);

/// <summary>
/// The HTTP side of writing registry records, the same for every kind: create; update and delete under If-Match (the
/// ETag read, which is the record's revision: 428 without it, 400 when it is not one of ours, 412 with the current
/// ETag when stale), so two offices editing the same record never silently overwrite each other; and the bulk upsert,
/// which checks every item before it writes any and then writes all of them in one transaction. Problems are 400
/// validation problems keyed by field (<c>items[i].field</c> in bulk), rules that forbid a write 409, all in the
/// caller's language.
/// </summary>
internal sealed class RecordWriteApi(RegistryDb db, IStringLocalizer<RegistryText> text, IStringLocalizer<KernelText> kernelText,
    IStringLocalizer<RecordWriteText> writeText)
{
    public const int MaxBulkItems = 1000;

    public static string ETag(long revision) => $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>What the write layer says of a record that is gone; the endpoint words the 404 in the caller's language.</summary>
    internal static string Missing(long id) => $"record {id.ToString(CultureInfo.InvariantCulture)}";

    public async Task<Results<Created<object>, ValidationProblem, ProblemHttpResult>> CreateAsync<TInput, TEntity>(RecordWrites<TInput, TEntity> writes, JsonElement body, HttpContext http,
        CancellationToken ct)
        where TInput : class
        where TEntity : class, IRegistryRecord
    {
        var errors = new InputErrors();
        var input = await writes.ReadAsync(body, self: null, errors, ct);
        if (input is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        TEntity created;
        try
        {
            created = await writes.CreateAsync(input, ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return Collided();
        }
        http.Response.Headers.ETag = ETag(created.Revision);
        return TypedResults.Created($"/api/registry/{writes.Name}/{created.Id.ToString(CultureInfo.InvariantCulture)}", (await writes.ShowAsync(created.Id, ct))!);
    }

    /// <summary>
    /// Replaces the record's values with the body's. <paramref name="update"/> writes the checked input when the kind
    /// takes more than the body (a student's move takes a reason and a date); by default the kind's own update.
    /// </summary>
    public async Task<Results<Ok<object>, ValidationProblem, ProblemHttpResult>> UpdateAsync<TInput, TEntity>(RecordWrites<TInput, TEntity> writes, long id, JsonElement body, HttpContext http,
        CancellationToken ct, Func<TInput, long, Task<Outcome<TEntity>>>? update = null)
        where TInput : class
        where TEntity : class, IRegistryRecord
    {
        if (!await writes.ExistsAsync(id, ct))
        {
            return NotFound(id);
        }
        if (IfMatch(http, out var revision) is { } refused)
        {
            return refused;
        }
        var errors = new InputErrors();
        var input = await writes.ReadAsync(body, self: id, errors, ct);
        if (input is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        Outcome<TEntity> result;
        try
        {
            result = await (update ?? ((i, r) => writes.UpdateAsync(id, r, i, ct)))(input, revision);
        }
        catch (DbUpdateConcurrencyException)
        {
            result = Outcome<TEntity>.Stale(await writes.CurrentRevisionAsync(id, ct));
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return Collided();
        }
        return Answer(result, http, id) is { } problem ? problem : TypedResults.Ok((await writes.ShowAsync(id, ct))!);
    }

    public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync<TInput, TEntity>(RecordWrites<TInput, TEntity> writes, long id, HttpContext http, CancellationToken ct)
        where TInput : class
        where TEntity : class, IRegistryRecord
    {
        if (!await writes.ExistsAsync(id, ct))
        {
            return NotFound(id);
        }
        if (IfMatch(http, out var revision) is { } refused)
        {
            return refused;
        }
        Outcome<TEntity> result;
        try
        {
            result = await writes.DeleteAsync(id, revision, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            result = Outcome<TEntity>.Stale(await writes.CurrentRevisionAsync(id, ct));
        }
        return Answer(result, http, id) is { } problem ? problem : TypedResults.NoContent();
    }

    /// <summary>
    /// <c>{ "items": [ … ] }</c>: each item is matched by <c>id</c> (then <c>revision</c> is required) or else by the
    /// kind's natural key; a match is updated, anything else created. Every item is checked before anything is written;
    /// with any problem the answer is 400 with the problems keyed <c>items[i].field</c> and nothing is written.
    /// </summary>
    public async Task<Results<Ok<BulkResult>, ValidationProblem, ProblemHttpResult>> BulkAsync<TInput, TEntity>(RecordWrites<TInput, TEntity> writes, JsonElement body, CancellationToken ct)
        where TInput : class
        where TEntity : class, IRegistryRecord
    {
        var items = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : null;
        if (items is null || items.Count is 0 or > MaxBulkItems)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["items"] = [string.Format(text["Api.BulkSize"], MaxBulkItems)],
            });
        }

        var errors = new InputErrors();
        var plans = new List<(int Index, long? Id, long Revision, TInput Input)>(items.Count);
        var keys = new Dictionary<(int, string), int>();
        var matches = await writes.MatchAllAsync(items, ct);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var itemErrors = errors.Prefixed($"items[{i}]");
            var (id, revision) = matches[i];
            var given = default(JsonElement);
            var byId = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out given);
            if (byId && !HasRevision(item))
            {
                itemErrors.Add("revision", text["Api.RevisionRequired"]);
            }
            if (byId && id is null)
            {
                itemErrors.Add("id", string.Format(kernelText["Record.NotFound"], given.GetRawText()));
                continue;
            }
            var input = await writes.ReadAsync(item, id, itemErrors, ct);
            if (input is null)
            {
                continue;
            }
            var key = writes.KeyOf(input);
            if (keys.TryGetValue(key, out var first))
            {
                itemErrors.Add(writes.KeyField.Key,
                    string.Format(text["Api.DuplicateInRequest"], writes.KeyField.Header(CodeBook.IsEnglish), key.Value, first));
                continue;
            }
            keys[key] = i;
            plans.Add((i, id, HasRevision(item) ? item.GetProperty("revision").GetInt64() : revision, input));
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var results = new List<BulkItemResult>(plans.Count);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var at = 0;
        try
        {
            foreach (var (index, id, revision, input) in plans)
            {
                at = index;
                if (id is null)
                {
                    var created = await writes.CreateAsync(input, ct);
                    results.Add(new BulkItemResult(index, created.Id, created.Revision, true));
                    continue;
                }
                var updated = await writes.UpdateAsync(id.Value, revision, input, ct);
                if (updated.Kind != OutcomeKind.Ok)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    return updated.Kind == OutcomeKind.NotFound
                        ? TypedResults.Problem(string.Format(writeText["Write.ItemGone"], index), statusCode: StatusCodes.Status404NotFound)
                        : TypedResults.Problem(string.Format(text["Api.Stale"], updated.CurrentRevision) + $" (items[{index}])",
                            statusCode: StatusCodes.Status412PreconditionFailed);
                }
                results.Add(new BulkItemResult(index, id.Value, updated.Value!.Revision, false));
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed by someone else between the check and the save. The transaction is spent (PostgreSQL refuses further
            // reads in it), so the answer names the item but not its current revision.
            await transaction.RollbackAsync(CancellationToken.None);
            return TypedResults.Problem(string.Format(writeText["Write.ItemChanged"], at), statusCode: StatusCodes.Status412PreconditionFailed);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return Collided();
        }
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new BulkResult(results.Count(r => r.Created), results.Count(r => !r.Created), results));
    }

    private static bool HasRevision(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("revision", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt64(out _);

    private ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(string.Format(kernelText["Record.NotFound"], id), statusCode: StatusCodes.Status404NotFound);

    /// <summary>
    /// A unique index refused a write the checks had passed: another request took the number in between. Nothing was
    /// written (the save or the bulk transaction rolled back), so the caller may simply try again.
    /// </summary>
    private ProblemHttpResult Collided() => TypedResults.Problem(writeText["Write.Conflict"], statusCode: StatusCodes.Status409Conflict);

    /// <summary>A unique index refused the save (SQLite or PostgreSQL); the student pages answer it as this API does.</summary>
    internal static bool IsUniqueViolation(DbUpdateException e) => DbErrors.IsUniqueViolation(e);

    /// <summary>The revision named by If-Match, or the refusal: 428 without the header, 400 when it is not ours.</summary>
    private ProblemHttpResult? IfMatch(HttpContext http, out long revision)
    {
        revision = 0;
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return TypedResults.Problem(text["Api.IfMatchRequired"], statusCode: StatusCodes.Status428PreconditionRequired);
        }
        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"' && long.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out revision)
            ? null
            : TypedResults.Problem(string.Format(text["Api.IfMatchMalformed"], header), statusCode: StatusCodes.Status400BadRequest);
    }

    private ProblemHttpResult? Answer<TEntity>(Outcome<TEntity> result, HttpContext http, long id)
        where TEntity : class, IRegistryRecord
    {
        switch (result.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound(id);
            case OutcomeKind.Stale:
                http.Response.Headers.ETag = ETag(result.CurrentRevision);
                return TypedResults.Problem(string.Format(text["Api.Stale"], result.CurrentRevision), statusCode: StatusCodes.Status412PreconditionFailed);
            case OutcomeKind.Conflict:
                return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict);
            default:
                if (result.Value is { } record)
                {
                    http.Response.Headers.ETag = ETag(record.Revision);
                }
                return null;
        }
    }
}
