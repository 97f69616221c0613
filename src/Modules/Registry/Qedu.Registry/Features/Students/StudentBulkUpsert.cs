using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var prefix = $"items[{i}].";
            var (id, revision) = await MatchAsync(item, db, ct);
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
                    [string.Format(text["Api.DuplicateInRequest"], definition.StudentNumber.HeaderZh, input.Student.StudentNumber, first)];
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

    /// <summary>The stored student the item means: by id when given, else by 学籍号, within the caller's scope.</summary>
    private static async Task<(long? Id, long Revision)> MatchAsync(JsonElement item, RegistryDb db, CancellationToken ct)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, 0);
        }
        if (item.TryGetProperty("id", out var idValue) && idValue.TryGetInt64(out var id))
        {
            var found = await db.Students.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Id, s.Revision }).FirstOrDefaultAsync(ct);
            return found is null ? (null, 0) : (found.Id, found.Revision);
        }
        var number = item.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, RecordDefinitions.Students.StudentNumber.Key, StringComparison.OrdinalIgnoreCase));
        if (number.Value.ValueKind != JsonValueKind.String)
        {
            return (null, 0);
        }
        var text = number.Value.GetString()!.Trim();
        var match = await db.Students.AsNoTracking().Where(s => s.StudentNumber == text).Select(s => new { s.Id, s.Revision }).FirstOrDefaultAsync(ct);
        return match is null ? (null, 0) : (match.Id, match.Revision);
    }
}
