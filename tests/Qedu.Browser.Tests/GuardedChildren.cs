using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.DemoCity;

namespace Qedu.Browser.Tests;

/// <summary>
/// A new pupil at the demo's anchor school whose guardian has a phone of the test's own (with the parent account
/// behind it): other tests sign the demo parent in and out, so a guardian's page test brings its own family.
/// </summary>
internal static class GuardedChildren
{
    /// <summary>A fresh mobile number with the prefix given (135, 136, …).</summary>
    public static string NewPhone(string prefix) =>
        prefix + Random.Shared.Next(0, 99_999_999).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The pupil's id: a girl (<paramref name="girl"/>) or a boy born on <paramref name="born"/>, in the anchor school's first class
    /// (its last with <paramref name="lastClass"/>), with <paramref name="guardian"/> as the guardian at <paramref name="phone"/>.
    /// </summary>
    public static async Task<long> AtAnchorAsync(
        IServiceProvider sp, string phone, string name, string guardian, DateOnly born, bool girl = true, bool lastClass = false)
    {
        var anchor = (await sp.GetRequiredService<Qedu.Kernel.OrgUnits.OrgTree>().FindAsync(DemoCityGenerator.AnchorSchoolCode))!;
        var registry = sp.GetRequiredService<Qedu.Registry.Data.RegistryDb>();
        var classes = registry.Classes.Where(c => c.OrgUnitId == anchor.Id);
        var classId = await (lastClass ? classes.OrderByDescending(c => c.Id) : classes.OrderBy(c => c.Id)).Select(c => c.Id).FirstAsync();
        await sp.GetRequiredService<Qedu.Kernel.Identity.ParentAccounts>().FindOrCreateAsync(phone, DateTimeOffset.UtcNow);
        // A resident ID like any registered child's, its sequence even for a girl and odd for a boy.
        var sequence = Random.Shared.Next(50, 499) * 2 + (girl ? 0 : 1);
        var student = new Qedu.Registry.Domain.Student
        {
            OrgUnitId = anchor.Id, StudentNumber = "P" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(), Name = name, GenderCode = girl ? "2" : "1",
            BirthDate = born, ResidentId = Qedu.Kernel.Codes.ResidentId.Compose("370202", born, sequence), ClassId = classId, StatusCode = "01",
        };
        await new Qedu.Registry.Writes.StudentCommands(registry, sp.GetRequiredService<Qedu.Kernel.Codes.CodeBook>()).CreateAsync(
            student, [new Qedu.Registry.Domain.Guardian { Name = guardian, RelationCode = girl ? "12" : "11", Phone = phone }], new DateOnly(2024, 9, 1));
        return student.Id;
    }
}
