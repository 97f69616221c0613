using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Localization;
using Qedu.Registry.Data;
using Qedu.Registry.Features.Records;
using Qedu.Registry.Resources;

namespace Qedu.Registry.Features.Students;

/// <summary>One line of a bulk answer: which item, which student, its new revision, and whether it was new.</summary>
internal sealed record BulkItemResult(int Index, long Id, long Revision, bool Created);

internal sealed record BulkResult(int Created, int Updated, IReadOnlyList<BulkItemResult> Items);

/// <summary>
/// <c>POST /api/registry/students/bulk</c> with <c>{ "items": [ … ] }</c>: each item is matched by <c>id</c> (then
/// <c>revision</c> is required) or else by its 学籍号; a match is updated, anything else created. Every item is checked
/// before anything is written; with any problem the answer is 400 with the problems keyed <c>items[i].field</c> and
/// nothing is written. Otherwise all items are written in one transaction.
/// </summary>
internal static class StudentBulkUpsert
{
    public static async Task<IResult> HandleAsync(JsonElement body, StudentWrites writes, StudentCommands commands, RegistryDb db,
        IStringLocalizer<RegistryText> text, IStringLocalizer<KernelText> kernelText, CancellationToken ct)
    {
        var items = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : null;
        if (items is null || items.Count is 0 or > StudentWriteEndpoints.MaxBulkItems)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["items"] = [string.Format(text["Api.BulkSize"], StudentWriteEndpoints.MaxBulkItems)],
            });
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var plans = new List<(int Index, long? Id, long Revision, StudentInput Input)>(items.Count);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var definition = RecordDefinitions.Students;
        var matches = await MatchAllAsync(items, db, ct);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var prefix = $"items[{i}].";
            var (id, revision) = matches[i];
            var given = default(JsonElement);
            var byId = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out given);
            if (byId && !HasRevision(item))
            {
                errors[prefix + "revision"] = [text["Api.RevisionRequired"].Value];
            }
            if (byId && id is null)
            {
                errors[prefix + "id"] = [string.Format(kernelText["Record.NotFound"], given.GetRawText())];
                continue;
            }
            var input = await writes.ReadAsync(item, id, errors, prefix, ct);
            if (input is null)
            {
                continue;
            }
            if (numbers.TryGetValue(input.Student.StudentNumber, out var first))
            {
                errors[prefix + definition.StudentNumber.Key] =
                    [string.Format(text["Api.DuplicateInRequest"], definition.StudentNumber.Header(CodeBook.IsEnglish), input.Student.StudentNumber, first)];
                continue;
            }
            numbers[input.Student.StudentNumber] = i;
            plans.Add((i, id, HasRevision(item) ? item.GetProperty("revision").GetInt64() : revision, input));
        }
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var results = new List<BulkItemResult>(plans.Count);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (index, id, revision, input) in plans)
        {
            if (id is null)
            {
                var created = await commands.CreateAsync(input.Student, input.Guardians, input.EnrolledOn, input.EntryReasonCode, ct);
                results.Add(new BulkItemResult(index, created.Id, created.Revision, true));
                continue;
            }
            var updated = await commands.UpdateAsync(id.Value, revision, input.Student, guardians: input.Guardians, ct: ct);
            if (updated.Status != WriteStatus.Done)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return Results.Problem(string.Format(text["Api.Stale"], updated.CurrentRevision) + $" (items[{index}])",
                    statusCode: StatusCodes.Status412PreconditionFailed);
            }
            results.Add(new BulkItemResult(index, id.Value, updated.Record!.Revision, false));
        }
        await transaction.CommitAsync(ct);
        return Results.Ok(new BulkResult(results.Count(r => r.Created), results.Count(r => !r.Created), results));
    }

    private static bool HasRevision(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("revision", out var r) && r.ValueKind == JsonValueKind.Number;

    /// <summary>
    /// The stored student each item means (by id when given, else by 学籍号, within the caller's scope) with its revision,
    /// found with one query for the whole request.
    /// </summary>
    private static async Task<List<(long? Id, long Revision)>> MatchAllAsync(List<JsonElement> items, RegistryDb db, CancellationToken ct)
    {
        var keys = items.ConvertAll(item =>
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return (Id: (long?)null, Number: (string?)null);
            }
            if (item.TryGetProperty("id", out var idValue))
            {
                return (idValue.TryGetInt64(out var id) ? id : (long?)null, null);
            }
            var number = item.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, RecordDefinitions.Students.StudentNumber.Key, StringComparison.OrdinalIgnoreCase));
            return (null, number.Value.ValueKind == JsonValueKind.String ? number.Value.GetString()!.Trim() : null);
        });
        var ids = keys.Select(k => k.Id).OfType<long>().ToList();
        var numbers = keys.Select(k => k.Number).OfType<string>().ToList();
        var stored = ids.Count + numbers.Count == 0
            ? []
            : await db.Students.AsNoTracking().Where(s => ids.Contains(s.Id) || numbers.Contains(s.StudentNumber))
                .Select(s => new { s.Id, s.StudentNumber, s.Revision }).ToListAsync(ct);
        var byId = stored.ToDictionary(s => s.Id);
        var byNumber = stored.ToDictionary(s => s.StudentNumber, StringComparer.Ordinal);
        return keys.ConvertAll(k =>
            k.Id is { } id ? (byId.TryGetValue(id, out var a) ? (a.Id, a.Revision) : ((long?)null, 0L))
            : k.Number is { } n && byNumber.TryGetValue(n, out var b) ? (b.Id, b.Revision)
            : ((long?)null, 0L));
    }
}
