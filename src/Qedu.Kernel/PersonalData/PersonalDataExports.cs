using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Localization;

namespace Qedu.Kernel.PersonalData;

/// <summary>
/// Bulk exports of people's data (any module's: registry files, OneRoster, later exam scores): above a set number of
/// people the caller must say what the copy is for, and every export, masked or not, is one audit line with that
/// purpose, so the auditor sees who took how many people's data away and why (PIPL: purpose limitation).
/// Setting: <c>PersonalData:BulkExportThreshold</c> (default 50 people).
/// </summary>
public sealed class PersonalDataExports(AuditTrail audit, IStringLocalizer<KernelText> text, IServiceProvider services)
{
    public const string Action = "export";
    public const int DefaultThreshold = 50;
    public const int MaxPurposeLength = 200;

    /// <summary>The number of people above which an export needs a stated purpose.</summary>
    public int Threshold { get; } = services.GetService<IConfiguration>()?.GetValue("PersonalData:BulkExportThreshold", DefaultThreshold) ?? DefaultThreshold;

    /// <summary>Why this export may not go ahead (the message names the <c>purpose</c> field), or null when it may.</summary>
    public string? Refusal(long people, string? purpose)
    {
        var given = purpose?.Trim();
        if (given is { Length: > MaxPurposeLength })
        {
            return string.Format(text["Export.PurposeTooLong"], MaxPurposeLength);
        }
        return people > Threshold && string.IsNullOrEmpty(given) ? string.Format(text["Export.PurposeRequired"], people, Threshold) : null;
    }

    /// <summary>Throws <see cref="ExportRefusedException"/> when the export may not go ahead (for writers deep in a stream).</summary>
    public void EnsureAllowed(long people, string? purpose)
    {
        if (Refusal(people, purpose) is { } refusal)
        {
            throw new ExportRefusedException(refusal);
        }
    }

    /// <summary>Writes the export's audit line: what, how many people, how many of them unmasked, and the stated purpose.</summary>
    public Task RecordAsync(string entityType, string what, long people, long unmasked, string? purpose, CancellationToken ct = default) =>
        audit.RecordAsync(Action, entityType, details:
            $"{what}: {people} people, {(unmasked == 0 ? "all masked" : unmasked == people ? "all unmasked" : $"{unmasked} unmasked")}; purpose: {(string.IsNullOrWhiteSpace(purpose) ? "(none given)" : purpose.Trim())}",
            ct: ct);
}

/// <summary>An export of people's data refused for want of a stated purpose (the message names the field): a 400, exit code 2.</summary>
public sealed class ExportRefusedException(string message) : Exception(message);
