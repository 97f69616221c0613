using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Testing;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Organisation;

/// <summary>
/// Security finding 11: refusals on personal data and failed sign-ins are audit lines with an outcome, which the
/// auditor sees and filters by; the outcome is part of the keyed hash.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AuditOutcomeTests(WebApp app)
{
    private static async Task<HttpResponseMessage> GetJsonAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.SendAsync(request);
    }

    private Task<AuditEntry> LastDenialAsync(string userName, string entityType) =>
        app.KernelAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == DenialAudit.Action && e.ActorName == userName && e.EntityType == entityType)
            .OrderByDescending(e => e.Sequence).FirstAsync());

    [Fact]
    public async Task A_403_on_a_students_record_is_an_audit_line_with_outcome_denied()
    {
        var role = app.World.Roles.First(r => !r.Has(Permissions.RegistryRead) && r.Role.Name != Roles.Parent);
        var client = await app.ClientAsync(role.UserName);
        var id = app.World.StudentAt(TestWorld.AnchorSchool);

        using var response = await GetJsonAsync(client, $"/api/registry/students/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var line = await LastDenialAsync(role.UserName, "Student");
        Assert.Equal(AuditOutcome.Denied, line.Outcome);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), line.EntityKey);
        Assert.Equal($"GET /api/registry/students/{id} → 403", line.Details);
    }

    [Fact]
    public async Task A_404_on_a_student_outside_the_scope_and_on_a_staff_record_are_denials()
    {
        var role = app.World.Role(Roles.DistrictAdmin);
        var client = await app.ClientAsync(role.UserName);
        var outside = app.World.StudentAt(role.OutSchool);

        using var student = await GetJsonAsync(client, $"/api/registry/students/{outside}");
        using var staff = await GetJsonAsync(client, "/api/registry/staff/987654321");
        using var school = await GetJsonAsync(client, "/api/registry/classes/987654321");

        Assert.Equal(HttpStatusCode.NotFound, student.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, staff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, school.StatusCode);
        Assert.Equal(AuditOutcome.Denied, (await LastDenialAsync(role.UserName, "Student")).Outcome);
        var staffLine = await LastDenialAsync(role.UserName, "Staff");
        Assert.Equal("987654321", staffLine.EntityKey);
        Assert.EndsWith("→ 404", staffLine.Details, StringComparison.Ordinal);
        // Classes are no one's personal data: their 404 is no denial line.
        Assert.False(await app.KernelAsync(db => db.AuditEntries.AnyAsync(e => e.Action == DenialAudit.Action && e.Details!.Contains("/classes/987654321"))));
    }

    [Fact]
    public async Task A_students_page_answered_404_outside_the_scope_is_a_denial()
    {
        var role = app.World.Role(Roles.SchoolAdmin);
        var client = await app.ClientAsync(role.UserName);
        var outside = app.World.StudentAt(role.OutSchool);

        using var response = await client.GetAsync($"/registry/students/{outside}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var line = await LastDenialAsync(role.UserName, "Student");
        Assert.Equal($"GET /registry/students/{outside} → 404", line.Details);
        Assert.Equal(AuditOutcome.Denied, line.Outcome);
    }

    [Fact]
    public async Task A_refused_export_of_guardians_is_a_denial()
    {
        var role = app.World.Roles.First(r => !r.Has(Permissions.RegistryRead) && r.Role.Name != Roles.Parent);
        var client = await app.ClientAsync(role.UserName);

        using var response = await GetJsonAsync(client, "/api/registry/export/guardians?format=csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(AuditOutcome.Denied, (await LastDenialAsync(role.UserName, "Guardian")).Outcome);
    }

    [Fact]
    public async Task A_failed_sign_in_is_an_audit_line_with_outcome_failed_and_a_good_one_succeeded()
    {
        const string user = "outcome.signin";
        await app.CreateAccountAsync(user, Roles.Teacher, TestWorld.AnchorSchool);
        var client = app.From("198.51.100.77");

        using var failed = await QeduApp.PostLoginAsync(client, user, "not the password at all");
        using var succeeded = await QeduApp.PostLoginAsync(app.From("198.51.100.78"), user, Qedu.Kernel.DemoCity.DemoAccounts.Password);

        var lines = await app.KernelAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityKey == user && e.Action.StartsWith("auth.")).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(AuditOutcome.Failed, Assert.Single(lines, l => l.Action == "auth.sign-in-failed").Outcome);
        Assert.Equal(AuditOutcome.Succeeded, Assert.Single(lines, l => l.Action == "auth.sign-in").Outcome);
    }

    [Fact]
    public async Task The_auditor_sees_the_outcome_and_filters_by_it()
    {
        var role = app.World.Roles.First(r => !r.Has(Permissions.RegistryRead) && r.Role.Name != Roles.Parent);
        using (var refused = await GetJsonAsync(await app.ClientAsync(role.UserName), $"/api/registry/students/{app.World.StudentAt(TestWorld.AnchorSchool)}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        var auditor = await app.ClientAsync("auditor");

        using var denied = await auditor.GetAsync("/api/audit?outcome=denied&limit=50");
        using var bad = await auditor.GetAsync("/api/audit?outcome=maybe");
        var page = await auditor.GetStringAsync("/audit?outcome=Denied");

        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        var items = (await denied.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, l => Assert.Equal("Denied", l.GetProperty("outcome").GetString()));
        Assert.Contains(items, l => l.GetProperty("action").GetString() == DenialAudit.Action && l.GetProperty("actorName").GetString() == role.UserName);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("data-outcome=\"Denied\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-outcome=\"Succeeded\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_web_host_anchors_the_chain_at_start_and_the_verifier_checks_against_it()
    {
        var checkpoints = app.Services.GetRequiredService<AuditCheckpoints>();
        Assert.StartsWith(app.CheckpointDirectory, checkpoints.FilePath, StringComparison.Ordinal);
        for (var i = 0; i < 100 && checkpoints.Read().Count == 0; i++)
        {
            await Task.Delay(100);
        }

        using var response = await (await app.ClientAsync("auditor")).GetAsync("/api/audit/verify");

        var json = await response.JsonAsync();
        Assert.True(json.GetProperty("isIntact").GetBoolean(), json.ToString());
        Assert.True(json.GetProperty("checkpoints").GetInt32() >= 1, json.ToString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(app.CheckpointDirectory));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(checkpoints.FilePath));
        }
    }
}

/// <summary>Checkpoints at least hourly, on the host's clock.</summary>
[Collection(ClockedCollection.Name)]
public sealed class AuditCheckpointScheduleTests(ClockedApp app)
{
    [Fact]
    public async Task The_web_host_writes_a_signed_checkpoint_every_hour()
    {
        var checkpoints = app.Services.GetRequiredService<AuditCheckpoints>();
        async Task<int> CountWhenAsync(Func<int, bool> done)
        {
            for (var i = 0; i < 100; i++)
            {
                var count = checkpoints.Read().Count;
                if (done(count))
                {
                    return count;
                }
                await Task.Delay(100);
            }
            return checkpoints.Read().Count;
        }
        var before = await CountWhenAsync(n => n >= 1);
        Assert.True(before >= 1, "no checkpoint at start");

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        var after = await CountWhenAsync(n => n > before);

        Assert.True(after > before, $"{before} checkpoints before the hour, {after} after");
        Assert.All(checkpoints.Read(), l => Assert.Null(l.Problem));
    }
}

/// <summary>A retention shorter than the law's six months stops the host at start, naming the setting.</summary>
public sealed class AuditRetentionSettingTests
{
    private sealed class ShortRetentionApp : QeduApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Audit:RetentionMonths"] = "5" };
    }

    [Fact]
    public async Task A_retention_under_six_months_is_refused_at_start()
    {
        var app = new ShortRetentionApp();
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => app.InitializeAsync());

            var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
            Assert.Contains("Audit:RetentionMonths is 5", messages, StringComparison.Ordinal);
            Assert.Contains("at least 6 months", messages, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
