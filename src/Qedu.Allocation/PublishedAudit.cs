using System.Text.Json;

namespace Qedu.Allocation;

/// <summary>
/// The audit file published with a result, as <c>qedu allocate --audit</c> writes it and a season's draw package holds
/// it: the <see cref="AuditRecord"/> (digests of the content), the mechanism and tie-breaking by their command-line
/// names, and SHA-256 of the files as published, so a citizen can check both the data (re-run and compare the record)
/// and the files (sha256sum). One writer, so the two documents cannot drift apart.
/// </summary>
public static class PublishedAudit
{
    /// <summary>The mechanisms by their command-line names.</summary>
    public static readonly IReadOnlyDictionary<string, Mechanism> Mechanisms = new Dictionary<string, Mechanism>(StringComparer.Ordinal)
    {
        ["deferred-acceptance"] = Mechanism.DeferredAcceptance,
        ["immediate-acceptance"] = Mechanism.ImmediateAcceptance,
        ["serial-dictatorship"] = Mechanism.SerialDictatorship,
    };

    /// <summary>The tie-breakings by their command-line names.</summary>
    public static readonly IReadOnlyDictionary<string, TieBreaking> TieBreakings = new Dictionary<string, TieBreaking>(StringComparer.Ordinal)
    {
        ["single"] = TieBreaking.Single,
        ["multiple"] = TieBreaking.Multiple,
    };

    /// <summary>
    /// The document for <paramref name="result"/>; the file digests are lower-case hex SHA-256 of the files as published
    /// (<paramref name="prioritiesSha256"/> null when the run had no priorities file).
    /// </summary>
    public static byte[] Json(AllocationResult result, string programsSha256, string applicantsSha256, string? prioritiesSha256, string assignmentsSha256)
    {
        var record = AuditRecord.Create(result);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        // Written field by field (no reflection: the library stays trimmable), indented as JsonSerializer would.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", record.Format);
            json.WriteString("mechanism", Mechanisms.First(m => m.Value == record.Mechanism).Key);
            json.WriteString("tie_breaking", TieBreakings.First(t => t.Value == record.TieBreaking).Key);
            json.WriteString("seed", record.Seed);
            json.WriteNumber("applicants", record.Applicants);
            json.WriteNumber("placed", record.Placed);
            json.WriteString("programs_sha256", record.ProgramsSha256);
            json.WriteString("applicants_sha256", record.ApplicantsSha256);
            json.WriteString("priorities_sha256", record.PrioritiesSha256);
            json.WriteString("assignments_sha256", record.AssignmentsSha256);
            json.WriteStartObject("files");
            json.WriteString("programs", programsSha256);
            json.WriteString("applicants", applicantsSha256);
            json.WriteString("priorities", prioritiesSha256);
            json.WriteString("assignments", assignmentsSha256);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
